#include "charts/reinjection_link_item.h"

#include "series/chart_data.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPainter>
#include <QValueAxis>

#include <QtMath>

#include <cmath>
#include <set>
#include <tuple>

namespace app::charts {

ReinjectionLinkItem::ReinjectionLinkItem(QChart* chart, QValueAxis* x, QValueAxis* y,
                                         const std::vector<core::ReinjectionLink>& links, double yScale,
                                         QAbstractSeries* proxy, QColor colour)
    : QGraphicsObject(chart)
    , m_chart(chart)
    , m_x(x)
    , m_y(y)
    , m_links(links)
    , m_yScale(yScale)
    , m_proxy(proxy)
    , m_colour(colour)
{
    setZValue(9); // under the point clouds, above the grid
    const auto repaint = [this] {
        prepareGeometryChange();
        update();
    };
    connect(x, &QValueAxis::rangeChanged, this, repaint);
    connect(y, &QValueAxis::rangeChanged, this, repaint);
    connect(chart, &QChart::plotAreaChanged, this, repaint);
    connect(proxy, &QAbstractSeries::visibleChanged, this, [this] { update(); });
}

QRectF ReinjectionLinkItem::boundingRect() const { return m_chart->plotArea(); }

void ReinjectionLinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    m_drawn = 0;
    const QRectF plot = m_chart->plotArea();
    const double xSpan = m_x->max() - m_x->min();
    const double ySpan = m_y->max() - m_y->min();
    if (!m_proxy->isVisible() || plot.width() < 1 || plot.height() < 1 || xSpan <= 0 || ySpan <= 0)
        return;
    const auto toPixel = [&](double x, double y) {
        return QPointF(plot.left() + (x - m_x->min()) * plot.width() / xSpan,
                       plot.bottom() - (y / m_yScale - m_y->min()) * plot.height() / ySpan);
    };

    painter->save();
    painter->setClipRect(plot);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QColor line = m_colour;
    line.setAlphaF(0.6);
    painter->setPen(QPen(line, 1.0));
    std::set<std::tuple<int, int, int, int>> drawn;
    for (const auto& link : m_links) {
        const QPointF from = toPixel(link.originalX, link.originalY);
        const QPointF to = toPixel(link.reinjectionX, link.reinjectionY);
        if (!QRectF(from, to).normalized().adjusted(-1, -1, 1, 1).intersects(plot))
            continue;
        if (!drawn.emplace(qRound(from.x()), qRound(from.y()), qRound(to.x()), qRound(to.y())).second)
            continue;
        painter->drawLine(from, to);
        const double length = std::hypot(to.x() - from.x(), to.y() - from.y());
        if (length > 12) {
            // The arrowhead, just outside the reinjection's square marker, says which end is which.
            const QPointF unit((to.x() - from.x()) / length, (to.y() - from.y()) / length);
            const QPointF tip = to - unit * 5.0;
            const double angle = std::atan2(unit.y(), unit.x());
            constexpr double head = 6;
            constexpr double spread = M_PI / 7;
            painter->drawLine(tip, tip - QPointF(head * std::cos(angle - spread), head * std::sin(angle - spread)));
            painter->drawLine(tip, tip - QPointF(head * std::cos(angle + spread), head * std::sin(angle + spread)));
        }
        ++m_drawn;
    }
    painter->restore();
}

} // namespace app::charts
