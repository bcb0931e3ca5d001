#pragma once

#include <QChartView>

namespace app {

// A chart view for exploring packets: rubber-band and wheel zoom, drag to pan (middle
// button or Shift + left), keys (+ − arrows, Home/Esc/R to reset), a tooltip naming the
// packet under the cursor, and legend clicks that show or hide a series.
class ChartView : public QChartView {
    Q_OBJECT
public:
    explicit ChartView(QWidget* parent = nullptr);

    void setChart(QChart* chart); // takes ownership, deletes the previous chart
    void resetZoom();
    QString describePointAt(const QPoint& position) const; // the hover text, "" when nothing is near
    static QString helpText();

signals:
    void saveRequested(); // "Save chart as…" from the chart's own menu

protected:
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    void connectLegend();
    void zoomAround(QPointF center, double factor);

    bool m_panning = false;
    QPoint m_lastPan;
};

} // namespace app
