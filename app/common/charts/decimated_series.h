#pragma once

#include "series/decimate.h"

#include <QObject>

#include <vector>

namespace core {
struct ChartSeries;
}

class QTimer;

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
class QXYSeries;
QT_END_NAMESPACE

namespace app::charts {

// Binds one full-resolution core series to one QXYSeries and keeps QtCharts fed with no more
// points than the plot has pixel columns: re-decimated (coalesced) whenever the visible time
// range or the plot width changes, always from the full data, so zooming in shows every packet.
class DecimatedSeries : public QObject {
    Q_OBJECT
public:
    DecimatedSeries(const core::ChartSeries& data, QXYSeries* series, QChart* chart, QValueAxis* xAxis, double yScale);

    void refresh(); // decimate now (export, tests)
    const core::ChartSeries& data() const { return m_data; }
    QXYSeries* series() const { return m_series; }
    double yScale() const { return m_yScale; }
    qsizetype shownPoints() const;

private:
    void schedule();

    const core::ChartSeries& m_data;
    QXYSeries* m_series;
    QChart* m_chart;
    QValueAxis* m_xAxis;
    double m_yScale;
    QTimer* m_timer;
    std::vector<core::XYPoint> m_scratch;
    std::vector<double> m_scaledY;
};

} // namespace app::charts
