#include "charts/chart_builder.h"

#include "charts/decimated_series.h"
#include "charts/point_cloud_item.h"
#include "charts/subflow_palette.h"
#include "model/capture.h"
#include "series/chart_data.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPercentBarSeries>
#include <QValueAxis>

#include <cmath>

namespace app::charts {

struct ChartHandle::Data {
    core::SequenceChartData sequence;
    core::GoodputChartData goodput;
    core::ShareChartData share;
};

namespace {

QString tr(const char* text) { return QCoreApplication::translate("app::charts", text); }

struct Unit {
    double scale;
    QString name;
};

Unit byteUnit(double max)
{
    if (max >= 1e9) return {1e9, tr("GB")};
    if (max >= 1e6) return {1e6, tr("MB")};
    if (max >= 1e3) return {1e3, tr("kB")};
    return {1, tr("bytes")};
}

Unit rateUnit(double max)
{
    if (max >= 1e9) return {1e9, tr("Gbit/s")};
    if (max >= 1e6) return {1e6, tr("Mbit/s")};
    if (max >= 1e3) return {1e3, tr("kbit/s")};
    return {1, tr("bit/s")};
}

QString directionName(int direction) { return direction == 0 ? tr("client → server") : tr("server → client"); }

// Ticks on round values (1, 2 or 5 × 10^n apart) with just enough decimals, kept so while
// the user zooms and pans.
void keepTicksNice(QValueAxis* axis)
{
    const auto update = [axis](double min, double max) {
        const double span = max - min;
        if (!(span > 0))
            return;
        const double raw = span / 6;
        const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
        const double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude
                          : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(step);
        const int decimals = std::max(0, int(-std::floor(std::log10(step) + 1e-9)));
        axis->setLabelFormat(QStringLiteral("%.") + QString::number(decimals) + QStringLiteral("f"));
    };
    QObject::connect(axis, &QValueAxis::rangeChanged, axis, update);
    update(axis->min(), axis->max());
}

QValueAxis* timeAxis(QChart* chart, double minX, double maxX)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(tr("Time since the first packet (s)"));
    const double pad = std::max((maxX - minX) * 0.02, 1e-3);
    axis->setRange(minX >= 0 ? std::max(0.0, minX - pad) : minX - pad, maxX + pad);
    axis->applyNiceNumbers();
    keepTicksNice(axis);
    chart->addAxis(axis, Qt::AlignBottom);
    return axis;
}

QValueAxis* valueAxis(QChart* chart, const QString& title, double max)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setRange(0, max > 0 ? max * 1.05 : 1);
    axis->applyNiceNumbers();
    keepTicksNice(axis);
    chart->addAxis(axis, Qt::AlignLeft);
    return axis;
}

template <typename Series>
Series* addSeries(QChart* chart, ChartHandle* handle, const core::ChartSeries& data, QValueAxis* x, QValueAxis* y,
                  double yScale, const QString& name)
{
    auto* series = new Series(chart);
    series->setName(name);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    handle->series().push_back(new DecimatedSeries(data, series, chart, x, yScale));
    handle->hoverSources().push_back({&data, yScale, series});
    return series;
}

// An empty series: the legend entry, visibility switch and value mapping of a point cloud layer.
QLineSeries* addProxy(QChart* chart, QValueAxis* x, QValueAxis* y, const QString& name, QColor colour)
{
    auto* series = new QLineSeries(chart);
    series->setName(name);
    series->setColor(colour);
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
    return series;
}

void buildSequence(QChart* chart, ChartHandle* handle, const core::SequenceChartData& data, const ChartRequest& request)
{
    const Unit unit = byteUnit(data.maxY);
    auto* x = timeAxis(chart, data.minX, data.maxX);
    auto* y = valueAxis(chart,
                        request.mptcp ? tr("Data sequence number − IDSN (%1)").arg(unit.name)
                                      : tr("Relative sequence number (%1)").arg(unit.name),
                        data.maxY / unit.scale);
    auto* cloud = new PointCloudItem(chart, x, y);
    handle->addPointCloud(cloud);
    int colour = 0;
    for (const auto& subflow : data.subflows) {
        const QColor c = subflowColor(colour++);
        auto* proxy = addProxy(chart, x, y, QString::fromStdString(subflow.name), c);
        cloud->addLayer(subflow, unit.scale, proxy, c, PointCloudItem::Shape::Dot, 4.0);
        handle->hoverSources().push_back({&subflow, unit.scale, proxy});
    }
    if (request.mptcp && request.showDataAcks && data.dataAcks.size() > 0) {
        auto* acks = addSeries<QLineSeries>(chart, handle, data.dataAcks, x, y, unit.scale, tr("data acks"));
        QPen pen(dataAckColor());
        pen.setWidthF(1.0);
        pen.setStyle(Qt::DashLine);
        acks->setPen(pen);
    }
    if (data.reinjections.size() > 0) {
        auto* proxy = addProxy(chart, x, y, request.mptcp ? tr("reinjected") : tr("retransmitted"), reinjectionColor());
        cloud->addLayer(data.reinjections, unit.scale, proxy, reinjectionColor(), PointCloudItem::Shape::Square, 8.0);
    }
}

void buildGoodput(QChart* chart, ChartHandle* handle, const core::GoodputChartData& data)
{
    const Unit unit = rateUnit(data.maxY);
    double minX = 0, maxX = 1;
    if (data.aggregate.size()) {
        minX = data.aggregate.x.front();
        maxX = data.aggregate.x.back();
    }
    auto* x = timeAxis(chart, minX, maxX);
    auto* y = valueAxis(chart, tr("Goodput over %1 s (%2)").arg(data.windowSeconds).arg(unit.name), data.maxY / unit.scale);
    int colour = 0;
    for (const auto& subflow : data.subflows) {
        auto* series = addSeries<QLineSeries>(chart, handle, subflow, x, y, unit.scale, QString::fromStdString(subflow.name));
        QPen pen(subflowColor(colour++));
        pen.setWidthF(1.6);
        series->setPen(pen);
    }
    auto* aggregate = addSeries<QLineSeries>(chart, handle, data.aggregate, x, y, unit.scale,
                                             data.subflows.empty() ? QString::fromStdString(data.aggregate.name)
                                                                   : tr("all subflows"));
    QPen pen(data.subflows.empty() ? subflowColor(0) : aggregateColor());
    pen.setWidthF(2.2);
    aggregate->setPen(pen);
}

void buildShare(QChart* chart, const core::ShareChartData& data)
{
    auto* bars = new QPercentBarSeries(chart);
    QStringList categories;
    for (const double start : data.binStarts)
        categories << QString::number(start, 'f', data.binWidth < 0.1 ? 3 : data.binWidth < 1 ? 2 : 1);
    categories << tr("total");
    for (std::size_t s = 0; s < data.names.size(); ++s) {
        auto* set = new QBarSet(QString::fromStdString(data.names[s]), bars);
        for (const auto bytes : data.bytes[s])
            set->append(double(bytes));
        set->append(double(data.totals[s]));
        set->setColor(subflowColor(int(s)));
        set->setBorderColor(subflowColor(int(s)).darker(120));
        bars->append(set);
    }
    bars->setBarWidth(0.9);
    chart->addSeries(bars);
    auto* x = new QBarCategoryAxis(chart);
    x->append(categories);
    x->setTitleText(tr("Interval start (s), %1 s each").arg(data.binWidth, 0, 'g', 3));
    x->setLabelsAngle(-60);
    chart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto* y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%"));
    y->setTitleText(tr("Share of the new data (%)"));
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
}

} // namespace

ChartHandle::ChartHandle(CapturePtr capture, ChartRequest request, QObject* parent)
    : QObject(parent)
    , m_capture(std::move(capture))
    , m_request(request)
    , m_data(std::make_unique<Data>())
{
    setObjectName(QStringLiteral("mptcpscope-chart-handle"));
}

ChartHandle::~ChartHandle() = default;

ChartHandle* ChartHandle::of(const QChart* chart)
{
    return chart ? chart->findChild<ChartHandle*>(QStringLiteral("mptcpscope-chart-handle"), Qt::FindDirectChildrenOnly)
                 : nullptr;
}

void ChartHandle::refreshAll()
{
    for (auto* s : m_series)
        s->refresh();
    for (auto* cloud : m_clouds)
        cloud->update();
}

QString chartTitle(const core::Capture& capture, const ChartRequest& request)
{
    QString what;
    switch (request.kind) {
    case ChartKind::Sequence:
        what = request.mptcp ? tr("Data sequence numbers") : tr("Sequence numbers");
        break;
    case ChartKind::Goodput: what = tr("Goodput"); break;
    case ChartKind::Share: what = tr("Subflow share of the data"); break;
    }
    (void)capture;
    return tr("%1 — %2 %3, %4")
        .arg(what, request.mptcp ? QStringLiteral("mptcp.stream") : QStringLiteral("tcp.stream"))
        .arg(request.id)
        .arg(directionName(request.direction));
}

QChart* buildChart(const CapturePtr& capture, const ChartRequest& request, QString* error)
{
    const auto direction = core::Direction(request.direction);
    const core::MptcpConnection* connection = nullptr;
    if (request.mptcp) {
        connection = capture->findMptcp(core::MptcpId(request.id));
        if (!connection) {
            if (error)
                *error = tr("no MPTCP connection with mptcp.stream %1").arg(request.id);
            return nullptr;
        }
    } else if (request.id >= capture->tcp.size()) {
        if (error)
            *error = tr("no TCP connection with tcp.stream %1").arg(request.id);
        return nullptr;
    }
    if (!request.mptcp && request.kind == ChartKind::Share) {
        if (error)
            *error = tr("a plain TCP connection has no subflow share");
        return nullptr;
    }

    auto* chart = new QChart();
    chart->setTitle(chartTitle(*capture, request));
    chart->setAnimationOptions(QChart::NoAnimation);
    // On the right the legend has room for each subflow's whole 4-tuple.
    chart->legend()->setAlignment(Qt::AlignRight);
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(6, 6, 6, 6));
    auto* handle = new ChartHandle(capture, request, chart);
    auto& data = handle->data();
    const core::TcpStreamId stream(request.id);

    switch (request.kind) {
    case ChartKind::Sequence:
        data.sequence = request.mptcp ? core::buildSequenceChart(*capture, *connection, direction)
                                      : core::buildTcpSequenceChart(*capture, stream, direction);
        buildSequence(chart, handle, data.sequence, request);
        break;
    case ChartKind::Goodput:
        data.goodput = request.mptcp
                           ? core::buildGoodputChart(*capture, *connection, direction, request.goodputWindowSeconds)
                           : core::buildTcpGoodputChart(*capture, stream, direction, request.goodputWindowSeconds);
        buildGoodput(chart, handle, data.goodput);
        break;
    case ChartKind::Share:
        data.share = core::buildShareChart(*capture, *connection, direction, request.shareBins);
        buildShare(chart, data.share);
        break;
    }
    return chart;
}

} // namespace app::charts
