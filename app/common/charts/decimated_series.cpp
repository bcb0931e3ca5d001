#include "charts/decimated_series.h"

#include "series/chart_data.h"
#include "series/decimate.h"

#include <QChart>
#include <QTimer>
#include <QValueAxis>
#include <QXYSeries>

namespace app::charts {

DecimatedSeries::DecimatedSeries(const core::ChartSeries& data, QXYSeries* series, QChart* chart, QValueAxis* xAxis,
                                 double yScale)
    : QObject(series)
    , m_data(data)
    , m_series(series)
    , m_chart(chart)
    , m_xAxis(xAxis)
    , m_yScale(yScale)
    , m_timer(new QTimer(this))
{
    m_scaledY.reserve(data.y.size());
    for (const double y : data.y)
        m_scaledY.push_back(y / yScale);
    // Zoom and resize bursts (wheel, rubber band, window drag) become one recomputation.
    m_timer->setSingleShot(true);
    m_timer->setInterval(0);
    connect(m_timer, &QTimer::timeout, this, &DecimatedSeries::refresh);
    connect(xAxis, &QValueAxis::rangeChanged, this, &DecimatedSeries::schedule);
    connect(chart, &QChart::plotAreaChanged, this, &DecimatedSeries::schedule);
    refresh();
}

void DecimatedSeries::schedule() { m_timer->start(); }

void DecimatedSeries::refresh()
{
    const int width = std::max(1, int(m_chart->plotArea().width()));
    core::decimate(m_data.x, m_scaledY, m_xAxis->min(), m_xAxis->max(), width, m_scratch);
    QList<QPointF> points;
    points.reserve(qsizetype(m_scratch.size()));
    for (const auto& p : m_scratch)
        points.append(QPointF(p.x, p.y));
    m_series->replace(points);
}

qsizetype DecimatedSeries::shownPoints() const { return m_series->count(); }

} // namespace app::charts
