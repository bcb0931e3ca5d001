#pragma once

#include <QColor>
#include <QGraphicsObject>

#include <vector>

namespace core {
struct ReinjectionLink;
}

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace app::charts {

// Draws a line from each original packet to its reinjection on the DSN chart, ending in a
// small arrowhead at the reinjection. Shown and hidden with the reinjection layer's legend
// entry (`proxy`). Lines that land on the same pixels are drawn once.
class ReinjectionLinkItem : public QGraphicsObject {
    Q_OBJECT
public:
    ReinjectionLinkItem(QChart* chart, QValueAxis* x, QValueAxis* y, const std::vector<core::ReinjectionLink>& links,
                        double yScale, QAbstractSeries* proxy, QColor colour);

    std::size_t drawnLinks() const { return m_drawn; } // after the last paint

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QChart* m_chart;
    QValueAxis* m_x;
    QValueAxis* m_y;
    const std::vector<core::ReinjectionLink>& m_links;
    double m_yScale;
    QAbstractSeries* m_proxy;
    QColor m_colour;
    std::size_t m_drawn = 0;
};

} // namespace app::charts
