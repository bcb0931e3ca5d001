#include "charts/point_cloud_item.h"

#include "series/chart_data.h"

#include <QAbstractSeries>
#include <QChart>
#include <QPainter>
#include <QPixmap>

#include <QValueAxis>
#include <cmath>

namespace app::charts {
namespace {

QPixmap makeDisc(const QColor& colour, double size, qreal devicePixelRatio)
{
    const int pixels = int(std::ceil(size * devicePixelRatio));
    QPixmap disc(pixels, pixels);
    disc.setDevicePixelRatio(devicePixelRatio);
    disc.fill(Qt::transparent);
    QPainter painter(&disc);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawEllipse(QRectF(0, 0, size, size));
    return disc;
}

} // namespace

PointCloudItem::PointCloudItem(QChart* chart, QValueAxis* x, QValueAxis* y)
    : QGraphicsObject(chart)
    , m_chart(chart)
    , m_x(x)
    , m_y(y)
{
    setZValue(10); // above the grid and the (empty) proxy series
    const auto repaint = [this] {
        prepareGeometryChange();
        update();
    };
    connect(x, &QValueAxis::rangeChanged, this, repaint);
    connect(y, &QValueAxis::rangeChanged, this, repaint);
    connect(chart, &QChart::plotAreaChanged, this, repaint);
}

void PointCloudItem::addLayer(const core::ChartSeries& data, double yScale, QAbstractSeries* proxy, QColor colour,
                              Shape shape, double size)
{
    Layer layer;
    layer.data = &data;
    layer.proxy = proxy;
    layer.colour = colour;
    layer.shape = shape;
    layer.size = size;
    layer.scaledY.reserve(data.y.size());
    for (const double y : data.y)
        layer.scaledY.push_back(y / yScale);
    m_layers.push_back(std::move(layer));
    connect(proxy, &QAbstractSeries::visibleChanged, this, [this] { update(); });
}

std::size_t PointCloudItem::drawnPoints() const
{
    std::size_t total = 0;
    for (const auto& layer : m_layers)
        total += layer.decimated.size();
    return total;
}

QRectF PointCloudItem::boundingRect() const { return m_chart->plotArea(); }

void PointCloudItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QRectF plot = m_chart->plotArea();
    const double xSpan = m_x->max() - m_x->min();
    const double ySpan = m_y->max() - m_y->min();
    if (plot.width() < 1 || plot.height() < 1 || xSpan <= 0 || ySpan <= 0)
        return;
    const double sx = plot.width() / xSpan;
    const double sy = plot.height() / ySpan;

    painter->save();
    painter->setClipRect(plot);
    painter->setRenderHint(QPainter::Antialiasing, true);
    QList<QPointF> pixels;
    for (auto& layer : m_layers) {
        if (!layer.proxy->isVisible())
            continue;
        const int width = int(plot.width());
        if (layer.decimatedWidth != width || layer.decimatedMin != m_x->min() || layer.decimatedMax != m_x->max()) {
            core::decimate(layer.data->x, layer.scaledY, m_x->min(), m_x->max(), width, layer.decimated);
            layer.decimatedMin = m_x->min();
            layer.decimatedMax = m_x->max();
            layer.decimatedWidth = width;
        }
        pixels.clear();
        pixels.reserve(qsizetype(layer.decimated.size()));
        for (const auto& p : layer.decimated)
            pixels.append(QPointF(plot.left() + (p.x - m_x->min()) * sx, plot.bottom() - (p.y - m_y->min()) * sy));
        if (layer.shape == Shape::Dot) {
            // Stamping one pre-drawn disc is an order of magnitude faster than stroking
            // thousands of round points.
            if (layer.stamp.isNull())
                layer.stamp = makeDisc(layer.colour, layer.size, painter->device()->devicePixelRatioF());
            const QPointF offset(layer.size / 2, layer.size / 2);
            for (const auto& p : pixels)
                painter->drawPixmap(p - offset, layer.stamp);
        } else {
            painter->setPen(QPen(layer.colour, 1.5));
            painter->setBrush(Qt::NoBrush);
            const double half = layer.size / 2;
            for (const auto& p : pixels)
                painter->drawRect(QRectF(p.x() - half, p.y() - half, layer.size, layer.size));
        }
    }
    painter->restore();
}

} // namespace app::charts
