#pragma once

#include <QChartView>

#include <cstddef>
#include <optional>

namespace core {
struct ChartSeries;
}
namespace app::charts {
struct HoverSource;
}

namespace app {

// A chart view for exploring packets: rubber-band and wheel zoom, drag to pan (middle
// button or Shift + left), keys (+ − arrows, Home/Esc/R to reset), a tooltip naming the
// packet under the cursor, and legend clicks that show or hide a series. A click selects the
// packet of the point under the cursor (ringed); n and p step to the next and previous packet
// of the same series, as in Wireshark's stream graphs.
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);

    void setChart(QChart* chart); // takes ownership, deletes the previous chart
    void resetZoom();
    QString describePointAt(const QPoint& position) const; // the hover text, "" when nothing is near
    static QString helpText();

    bool selectPointAt(const QPoint& position); // what a click does; false when no packet is near
    bool stepSelection(int step);               // what n (+1) and p (−1) do
    void clearSelection();
    quint32 selectedPacket() const;                      // 0 without a selection
    std::optional<QPoint> selectedPointPosition() const; // in viewport pixels, while selected and shown

signals:
    void saveRequested(); // "Save chart as…" from the chart's own menu
    void packetSelected(quint32 packet);
    void selectionCleared();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void drawForeground(QPainter* painter, const QRectF& rect) override;

private:
    struct PointHit {
        const charts::HoverSource* source;
        std::size_t index;
    };
    void connectLegend();
    void zoomAround(QPointF center, double factor);
    std::optional<PointHit> pointAt(const QPoint& position) const;
    QString describeValue(const PointHit& hit) const;
    void select(const charts::HoverSource& source, std::size_t index);

    bool m_panning = false;
    QPoint m_lastPan;
    QPoint m_pressPosition;
    // The selected point: its series (alive as long as the chart) and index in it.
    const core::ChartSeries* m_selectedData = nullptr;
    QAbstractSeries* m_selectedSeries = nullptr;
    double m_selectedYScale = 1;
    std::size_t m_selectedIndex = 0;
};

} // namespace app
