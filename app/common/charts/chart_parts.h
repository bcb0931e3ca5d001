#pragma once

#include <QColor>
#include <QString>

QT_BEGIN_NAMESPACE
class QChart;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

// Pieces every chart of the builder is made of, for chart kinds built in their own file.
namespace app::charts {

QChart* newChart(const QString& title); // title, legend placement and font, margins
// Seconds since the capture's first packet, ticks kept round while zooming.
QValueAxis* timeAxis(QChart* chart, double minX, double maxX);
QValueAxis* valueAxis(QChart* chart, const QString& title, double max); // from 0, round ticks
// An empty series: the legend entry, visibility switch and value mapping of a point cloud layer.
QLineSeries* addProxy(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& name, QColor colour);

} // namespace app::charts
