#pragma once

#include "series/decimate.h"

#include <QColor>
#include <QGraphicsObject>
#include <QPixmap>

#include <vector>

namespace core {
struct ChartSeries;
}

QT_BEGIN_NAMESPACE
class QAbstractSeries;
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace app::charts {

// Draws packet point clouds straight onto the chart's plot area. QScatterSeries makes a
// graphics item per marker and QLineSeries strokes its whole path for hit-testing on every
// update, both far too slow for tens of thousands of points; this item decimates each layer
// to the plot's pixel columns and paints the points in one call. Each layer has an empty
// proxy series on the same axes for its legend entry and visibility.
class PointCloudItem : public QGraphicsObject {
    Q_OBJECT
public:
    enum class Shape { Dot, Square };

    PointCloudItem(QChart* chart, QValueAxis* x, QValueAxis* y);

    void addLayer(const core::ChartSeries& data, double yScale, QAbstractSeries* proxy, QColor colour, Shape shape,
                  double size);
    std::size_t drawnPoints() const; // after the last paint

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    struct Layer {
        const core::ChartSeries* data = nullptr;
        std::vector<double> scaledY;
        QAbstractSeries* proxy = nullptr;
        QColor colour;
        Shape shape = Shape::Dot;
        double size = 4;
        std::vector<core::XYPoint> decimated;
        double decimatedMin = 0; // the view `decimated` was made for
        double decimatedMax = 0;
        int decimatedWidth = -1;
        QPixmap stamp;
    };

    QChart* m_chart;
    QValueAxis* m_x;
    QValueAxis* m_y;
    std::vector<Layer> m_layers;
};

} // namespace app::charts
