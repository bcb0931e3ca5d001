#include "charts/chart_builder.h"

#include "charts/chart_parts.h"

#include "charts/decimated_series.h"
#include "charts/point_cloud_item.h"
#include "charts/reinjection_link_item.h"
#include "charts/subflow_palette.h"
#include "model/capture.h"
#include "series/chart_data.h"
#include "series/round_interval.h"
#include "text/formatting.h"

#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPercentBarSeries>
#include <QValueAxis>

#include <cmath>
#include <unordered_map>

namespace app::charts {

namespace {

QString tr(const char* text) { return QCoreApplication::translate("app::charts", text); }

struct Unit {
    double scale;
    QString name;
};

Unit byteUnit(double max)
{
    if (max >= 1e9)
        return {1e9, tr("GB")};
    if (max >= 1e6)
        return {1e6, tr("MB")};
    if (max >= 1e3)
        return {1e3, tr("kB")};
    return {1, tr("bytes")};
}

Unit rateUnit(double max)
{
    if (max >= 1e9)
        return {1e9, tr("Gbit/s")};
    if (max >= 1e6)
        return {1e6, tr("Mbit/s")};
    if (max >= 1e3)
        return {1e3, tr("kbit/s")};
    return {1, tr("bit/s")};
}

QString directionName(core::Direction direction)
{
    return direction == core::Direction::ClientToServer ? tr("client → server") : tr("server → client");
}

// The value of 1, 2 or 5 × 10ⁿ nearest to `value` (> 0).
double nearestRound(double value)
{
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    const double mantissa = value / magnitude;
    return (mantissa < 1.5 ? 1 : mantissa < 3.5 ? 2 : mantissa < 7.5 ? 5 : 10) * magnitude;
}

// Ticks `unit` × 1, 2 or 5 × 10ⁿ apart, with just enough decimals, as many as the plot has
// room for with labels that neither crowd nor elide: kept so while the chart is resized,
// zoomed and panned.
void keepTicksNice(QChart* chart, QValueAxis* axis, double unit = 1.0)
{
    const auto update = [chart, axis, unit] {
        const double min = axis->min();
        const double max = axis->max();
        const double span = max - min;
        if (!(span > 0) || !(unit > 0))
            return;
        const bool horizontal = axis->orientation() == Qt::Horizontal;
        const QFontMetricsF metrics(axis->labelsFont());
        const double room = horizontal ? chart->plotArea().width() : chart->plotArea().height();
        const auto decimalsFor = [](double step) { return std::max(0, int(-std::floor(std::log10(step) + 1e-9))); };
        const auto fits = [&](double step) {
            if (!(room > 0))
                return true; // not laid out yet: the next plot area change decides
            const double ticks = std::floor(span / step) + 1;
            if (!horizontal)
                return ticks * metrics.height() * 1.6 <= room;
            const int decimals = decimalsFor(step);
            const double label = std::max(metrics.horizontalAdvance(QString::number(min, 'f', decimals)),
                                          metrics.horizontalAdvance(QString::number(max, 'f', decimals)));
            return ticks * (label + metrics.horizontalAdvance(QLatin1Char('M'))) <= room;
        };
        // The step nearest to a sixth of the span, then wider ones until the labels fit.
        double step = nearestRound(span / 6 / unit) * unit;
        while (!fits(step) && step < span)
            step = core::roundUpTo125(step / unit * 1.01) * unit;
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        if (axis->tickInterval() != step)
            axis->setTickInterval(step);
        const QString format = QStringLiteral("%.") + QString::number(decimalsFor(step)) + QStringLiteral("f");
        if (axis->labelFormat() != format)
            axis->setLabelFormat(format);
    };
    QObject::connect(axis, &QValueAxis::rangeChanged, axis, update);
    QObject::connect(chart, &QChart::plotAreaChanged, axis, update);
    update();
}

} // namespace

QValueAxis* timeAxis(QChart* chart, double minX, double maxX)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(tr("Time since the first packet (s)"));
    // The axis starts on a round value and ends with the data, with a little room for the
    // last point.
    const double span = std::max(maxX - minX, 1e-3);
    const double start = std::floor((minX - span * 0.02) / nearestRound(span / 6)) * nearestRound(span / 6);
    axis->setRange(minX >= 0 ? std::max(0.0, start) : start, maxX + span * 0.02);
    chart->addAxis(axis, Qt::AlignBottom);
    keepTicksNice(chart, axis);
    return axis;
}

QValueAxis* valueAxis(QChart* chart, const QString& title, double max)
{
    auto* axis = new QValueAxis(chart);
    axis->setTitleText(title);
    axis->setRange(0, max > 0 ? max * 1.05 : 1);
    axis->applyNiceNumbers();
    chart->addAxis(axis, Qt::AlignLeft);
    keepTicksNice(chart, axis);
    return axis;
}

namespace {

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

} // namespace

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

namespace {

// A line from each original packet to its reinjection, shown with the reinjection layer.
void addReinjectionLinks(QChart* chart, ChartHandle* handle, const core::SequenceChartData& data, QValueAxis* x,
                         QValueAxis* y, double yScale, QAbstractSeries* reinjectionLayer)
{
    if (data.reinjectionLinks.empty())
        return;
    handle->setLinks(
        new ReinjectionLinkItem(chart, x, y, data.reinjectionLinks, yScale, reinjectionLayer, reinjectionColor()));
}

// The reinjection points by the verdict of their packet; points of packets without one last.
std::array<core::ChartSeries, 4>
splitByVerdict(const core::PacketTable& table, const core::ChartSeries& reinjections,
               const std::vector<std::pair<std::uint32_t, core::compare::Verdict>>& rowVerdicts)
{
    std::unordered_map<std::uint32_t, core::compare::Verdict> byPacket;
    for (const auto& [row, verdict] : rowVerdicts)
        byPacket.emplace(table.packet[row], verdict);
    std::array<core::ChartSeries, 4> layers;
    for (auto& layer : layers)
        layer.stream = reinjections.stream;
    for (std::size_t i = 0; i < reinjections.size(); ++i) {
        const auto found = byPacket.find(reinjections.packet[i]);
        auto& layer = layers[found == byPacket.end() ? 3 : std::size_t(found->second)];
        layer.x.push_back(reinjections.x[i]);
        layer.y.push_back(reinjections.y[i]);
        layer.packet.push_back(reinjections.packet[i]);
        layer.length.push_back(reinjections.length[i]);
    }
    return layers;
}

void buildSequence(QChart* chart, ChartHandle* handle, const core::SequenceChartData& data, const ChartRequest& request)
{
    const Unit unit = byteUnit(data.maxY);
    auto* x = timeAxis(chart, data.minX, data.maxX);
    auto* y = valueAxis(chart,
                        !request.mptcp() ? tr("Relative sequence number (%1)").arg(unit.name)
                        : data.fromIdsn  ? tr("Data sequence number − IDSN (%1)").arg(unit.name)
                                         : tr("Data sequence number − lowest seen (%1)").arg(unit.name),
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
    if (request.mptcp() && request.showDataAcks && data.dataAcks.size() > 0) {
        auto* acks = addSeries<QLineSeries>(chart, handle, data.dataAcks, x, y, unit.scale, tr("data acks"));
        QPen pen(dataAckColor());
        pen.setWidthF(1.0);
        pen.setStyle(Qt::DashLine);
        acks->setPen(pen);
    }
    if (data.reinjections.size() == 0)
        return;
    if (request.mptcp() && request.reinjectionVerdicts) {
        auto& layers = handle->data().reinjectionsByVerdict;
        layers = splitByVerdict(handle->capture()->table, data.reinjections, *request.reinjectionVerdicts);
        const std::array<QString, 4> names{tr("reinjected: useful"), tr("reinjected: redundant"),
                                           tr("reinjected: unknown"), tr("reinjected")};
        QAbstractSeries* linkLayer = nullptr;
        for (const std::size_t v : {1, 2, 3, 0}) { // useful ones drawn last, on top
            if (layers[v].size() == 0)
                continue;
            const QColor colour = v < 3 ? verdictColor(core::compare::Verdict(v)) : reinjectionColor();
            auto* proxy = addProxy(chart, x, y, names[v], colour);
            cloud->addLayer(layers[v], unit.scale, proxy, colour, PointCloudItem::Shape::Square, 8.0);
            linkLayer = linkLayer ? linkLayer : proxy;
        }
        addReinjectionLinks(chart, handle, data, x, y, unit.scale, linkLayer);
        return;
    }
    auto* proxy = addProxy(chart, x, y, request.mptcp() ? tr("reinjected") : tr("retransmitted"), reinjectionColor());
    cloud->addLayer(data.reinjections, unit.scale, proxy, reinjectionColor(), PointCloudItem::Shape::Square, 8.0);
    addReinjectionLinks(chart, handle, data, x, y, unit.scale, proxy);
}

void buildGoodput(QChart* chart, ChartHandle* handle, const core::GoodputChartData& data)
{
    const Unit unit = rateUnit(data.maxY);
    const bool any = data.aggregate.size() > 0;
    auto* x = timeAxis(chart, any ? data.firstDataX : 0.0, any ? data.lastDataX : 1.0);
    auto* y = valueAxis(chart, tr("Goodput over %1 s (%2)").arg(data.windowSeconds).arg(unit.name),
                        data.maxY / unit.scale);
    int colour = 0;
    for (const auto& subflow : data.subflows) {
        auto* series = addSeries<QLineSeries>(chart, handle, subflow, x, y, unit.scale,
                                              QString::fromStdString(subflow.name));
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

// One bar per round interval on a real time axis: its ticks are as many as the width has
// room for, so no label is ever elided. The bars stand at their interval's index on a hidden
// axis (zoomed and panned with them) that the visible time axis follows.
void buildShare(QChart* chart, const core::ShareChartData& data)
{
    auto* bars = new QPercentBarSeries(chart);
    double total = 0;
    for (const auto bytes : data.totals)
        total += double(bytes);
    for (std::size_t s = 0; s < data.names.size(); ++s) {
        const double share = total > 0 ? 100.0 * double(data.totals[s]) / total : 0.0;
        // The share first: it stays readable when a narrow legend elides the label's end.
        const QString label = tr("%1 % — %2").arg(share, 0, 'f', 1).arg(QString::fromStdString(data.names[s]));
        auto* set = new QBarSet(label, bars);
        for (const auto bytes : data.bytes[s])
            set->append(double(bytes));
        set->setColor(subflowColor(int(s)));
        set->setBorderColor(subflowColor(int(s)).darker(120));
        bars->append(set);
    }
    bars->setBarWidth(0.9);
    chart->addSeries(bars);

    auto* index = new QValueAxis(chart);
    index->setVisible(false);
    chart->addAxis(index, Qt::AlignBottom);
    bars->attachAxis(index);
    auto* time = new QValueAxis(chart);
    time->setTitleText(tr("Time since the first packet (s)"));
    chart->addAxis(time, Qt::AlignBottom);
    const double origin = data.binStarts.empty() ? 0.0 : data.binStarts.front();
    const double width = data.binWidth > 0 ? data.binWidth : 1.0;
    const auto follow = [time, origin, width](double first, double last) {
        time->setRange(origin + (first + 0.5) * width, origin + (last + 0.5) * width);
    };
    QObject::connect(index, &QValueAxis::rangeChanged, time, follow);
    index->setRange(-0.5, double(data.binStarts.size()) - 0.5);
    follow(index->min(), index->max());
    keepTicksNice(chart, time, width);

    auto* y = new QValueAxis(chart);
    y->setRange(0, 100);
    y->setLabelFormat(QStringLiteral("%d %%"));
    y->setTitleText(tr("Share per %1 s (%)").arg(data.binWidth, 0, 'g', 3));
    chart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
}

// One dot per round-trip time sample, at the time its segment was sent, per subflow.
void buildRtt(QChart* chart, ChartHandle* handle, const core::RttChartData& data)
{
    auto* x = timeAxis(chart, data.minX, data.maxX);
    auto* y = valueAxis(chart, tr("Round-trip time (ms)"), data.maxY * 1e3);
    auto* cloud = new PointCloudItem(chart, x, y);
    handle->addPointCloud(cloud);
    int colour = 0;
    for (const auto& subflow : data.subflows) {
        const QColor c = subflowColor(colour++);
        auto* proxy = addProxy(chart, x, y, QString::fromStdString(subflow.name), c);
        cloud->addLayer(subflow, 1e-3, proxy, c, PointCloudItem::Shape::Dot, 4.0);
        handle->hoverSources().push_back({&subflow, 1e-3, proxy});
    }
}

// Sequence numbers and acknowledgements share the left axis (the tcptrace picture); the
// receive window and the bytes in flight are sizes, on the right axis when both kinds show.
void buildTcpAttributes(QChart* chart, ChartHandle* handle, const core::TcpAttributeChartData& data,
                        std::uint8_t attributes)
{
    const bool sequenceSpace = attributes & (core::SequenceAttribute | core::AckAttribute);
    const bool sizes = attributes & (core::ReceiveWindowAttribute | core::InFlightAttribute);
    auto* x = timeAxis(chart, data.minX, data.maxX);
    const Unit sequenceUnit = byteUnit(data.maxSequence);
    const Unit sizeUnit = byteUnit(data.maxBytes);
    const QString sizeTitle = data.windowScaleKnown
                                  ? tr("Bytes (%1)").arg(sizeUnit.name)
                                  : tr("Bytes (%1; window scale not captured: windows as sent)").arg(sizeUnit.name);
    QValueAxis* left = valueAxis(
        chart, sequenceSpace || !sizes ? tr("Relative sequence number (%1)").arg(sequenceUnit.name) : sizeTitle,
        sequenceSpace || !sizes ? data.maxSequence / sequenceUnit.scale : data.maxBytes / sizeUnit.scale);
    QValueAxis* right = left;
    if (sequenceSpace && sizes) {
        right = new QValueAxis(chart);
        right->setTitleText(sizeTitle);
        right->setRange(0, data.maxBytes > 0 ? data.maxBytes / sizeUnit.scale * 1.05 : 1);
        right->applyNiceNumbers();
        chart->addAxis(right, Qt::AlignRight);
        keepTicksNice(chart, right);
    }
    const auto line = [&](const core::ChartSeries& series, QValueAxis* axis, double scale, const QString& name,
                          QColor colour, Qt::PenStyle style) {
        auto* drawn = addSeries<QLineSeries>(chart, handle, series, x, axis, scale, name);
        QPen pen(colour);
        pen.setWidthF(1.4);
        pen.setStyle(style);
        drawn->setPen(pen);
    };
    if (attributes & core::SequenceAttribute) {
        auto* cloud = new PointCloudItem(chart, x, left);
        handle->addPointCloud(cloud);
        auto* proxy = addProxy(chart, x, left, tr("sequence number"), subflowColor(0));
        cloud->addLayer(data.sequence, sequenceUnit.scale, proxy, subflowColor(0), PointCloudItem::Shape::Dot, 4.0);
        handle->hoverSources().push_back({&data.sequence, sequenceUnit.scale, proxy});
    }
    if (attributes & core::AckAttribute)
        line(data.acks, left, sequenceUnit.scale, tr("acknowledgement"), dataAckColor(), Qt::SolidLine);
    const bool twoAxes = right != left;
    if (attributes & core::ReceiveWindowAttribute)
        line(data.receiveWindow, right, sizeUnit.scale,
             twoAxes ? tr("receive window (right axis)") : tr("receive window"), subflowColor(2), Qt::SolidLine);
    if (attributes & core::InFlightAttribute)
        line(data.inFlight, right, sizeUnit.scale, twoAxes ? tr("bytes in flight (right axis)") : tr("bytes in flight"),
             subflowColor(1), Qt::SolidLine);
}

// The bytes waiting for earlier data, a step line; the legend gives the direction's figures.
void buildQueue(QChart* chart, ChartHandle* handle, const core::QueueChartData& data)
{
    const Unit unit = byteUnit(data.maxY);
    auto* x = timeAxis(chart, data.minX, data.maxX);
    auto* y = valueAxis(chart,
                        data.reordering.fromIdsn
                            ? tr("Bytes waiting for earlier data (%1)").arg(unit.name)
                            : tr("Bytes waiting for earlier data (%1; from the lowest DSN seen)").arg(unit.name),
                        data.maxY / unit.scale);
    // The figures under the title (a legend entry that long would take the plot's width), on two
    // lines in a narrow chart.
    const auto& f = data.reordering.figures;
    const QString queue =
        tr("queue max %1, p95 %2 (time-weighted)").arg(text::bytes(f.maxQueueBytes), text::bytes(f.p95QueueBytes));
    const QString wait = tr("wait max %1, p95 %2 (byte-weighted)")
                             .arg(text::seconds(double(f.maxWaitNs) / 1e9), text::seconds(double(f.p95WaitNs) / 1e9));
    const QString title = chart->title().toHtmlEscaped();
    const auto setTitle = [chart, title, queue, wait] {
        const QString separator = chart->size().width() < 700 ? QStringLiteral("<br>") : QStringLiteral(" · ");
        const QString text =
            QStringLiteral("<center>%1<br><small>%2%3%4</small></center>").arg(title, queue, separator, wait);
        if (chart->title() != text)
            chart->setTitle(text);
    };
    QObject::connect(chart, &QGraphicsWidget::geometryChanged, chart, setTitle);
    setTitle();
    auto* series = addSeries<QLineSeries>(chart, handle, data.queue, x, y, unit.scale, tr("bytes waiting"));
    QPen pen(subflowColor(0));
    pen.setWidthF(1.6);
    series->setPen(pen);
    if (f.neverDeliverableBytes > 0)
        addProxy(chart, x, y,
                 tr("%1 never deliverable (a hole never filled)").arg(text::bytes(f.neverDeliverableBytes)),
                 reinjectionColor());
}

} // namespace

ChartHandle::ChartHandle(CapturePtr capture, ChartRequest request, std::shared_ptr<Data> data, QObject* parent)
    : QObject(parent)
    , m_capture(std::move(capture))
    , m_request(request)
    , m_data(std::move(data))
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
    if (m_links)
        m_links->update();
}

QString chartTitle(const core::Capture& capture, const ChartRequest& request)
{
    QString what;
    switch (request.kind) {
    case ChartKind::Sequence: what = request.mptcp() ? tr("Data sequence numbers") : tr("Sequence numbers"); break;
    case ChartKind::Goodput: what = tr("Goodput"); break;
    case ChartKind::Share: what = tr("Subflow share of the data"); break;
    case ChartKind::Rtt: what = tr("Round-trip time"); break;
    case ChartKind::TcpAttribute: what = tr("TCP attributes"); break;
    case ChartKind::OutOfOrderQueue: what = tr("Out-of-order queue"); break;
    case ChartKind::OneWayDelay: what = tr("One-way delay"); break;
    }
    (void)capture;
    return tr("%1 — %2 %3, %4")
        .arg(what, request.mptcp() ? QStringLiteral("mptcp.stream") : QStringLiteral("tcp.stream"))
        .arg(request.number())
        .arg(directionName(request.direction));
}

QChart* newChart(const QString& title)
{
    auto* chart = new QChart();
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation);
    // On the right the legend has room for each subflow's whole 4-tuple; a narrow chart keeps
    // its width for the plot and has the legend below.
    chart->legend()->setAlignment(Qt::AlignRight);
    QObject::connect(chart, &QGraphicsWidget::geometryChanged, chart, [chart] {
        const Qt::Alignment side = chart->size().width() < 700 ? Qt::AlignBottom : Qt::AlignRight;
        if (chart->legend()->alignment() != side)
            chart->legend()->setAlignment(side);
    });
    QFont legendFont = chart->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85);
    chart->legend()->setFont(legendFont);
    chart->setMargins(QMargins(6, 6, 6, 6));
    return chart;
}

namespace {

// Why a request names nothing to draw in the capture; empty when it does.
QString requestError(const core::Capture& capture, const ChartRequest& request)
{
    if (request.mptcp() && !capture.findMptcp(std::get<core::MptcpId>(request.connection)))
        return tr("no MPTCP connection with mptcp.stream %1").arg(request.number());
    if (!request.mptcp() && request.number() >= capture.tcp.size())
        return tr("no TCP connection with tcp.stream %1").arg(request.number());
    if (!request.mptcp() && request.kind == ChartKind::Share)
        return tr("a plain TCP connection has no subflow share");
    if (!request.mptcp() && request.kind == ChartKind::OutOfOrderQueue)
        return tr("the out-of-order queue is of an MPTCP connection's data: name it by its mptcp.stream");
    if (request.mptcp() && request.kind == ChartKind::TcpAttribute)
        return tr("TCP attributes are drawn for one TCP connection: name a subflow by its tcp.stream");
    if (request.kind == ChartKind::OneWayDelay)
        return tr("one-way delays need two captures of the connection (a pair)");
    if (request.kind == ChartKind::TcpAttribute && !(request.tcpAttributes & core::allTcpAttributes))
        return tr("no TCP attribute to draw");
    return {};
}

} // namespace

ComputedChart computeChartData(const core::Capture& capture, const ChartRequest& request)
{
    if (QString error = requestError(capture, request); !error.isEmpty())
        return {nullptr, error};
    const core::Direction direction = request.direction;
    const core::MptcpConnection* connection = request.mptcp()
                                                  ? capture.findMptcp(std::get<core::MptcpId>(request.connection))
                                                  : nullptr;
    const core::TcpStreamId stream(request.number()); // used only when !request.mptcp()
    auto data = std::make_shared<ChartHandle::Data>();
    switch (request.kind) {
    case ChartKind::Sequence:
        data->sequence = request.mptcp() ? core::buildSequenceChart(capture, *connection, direction)
                                         : core::buildTcpSequenceChart(capture, stream, direction);
        break;
    case ChartKind::Goodput:
        data->goodput = request.mptcp()
                            ? core::buildGoodputChart(capture, *connection, direction, request.goodputWindowSeconds)
                            : core::buildTcpGoodputChart(capture, stream, direction, request.goodputWindowSeconds);
        break;
    case ChartKind::Share:
        data->share = core::buildShareChart(capture, *connection, direction, request.shareBins);
        break;
    case ChartKind::Rtt:
        data->rtt = request.mptcp() ? core::buildRttChart(capture, *connection, direction)
                                    : core::buildTcpRttChart(capture, stream, direction);
        break;
    case ChartKind::TcpAttribute: data->tcpAttributes = core::buildTcpAttributeChart(capture, stream, direction); break;
    case ChartKind::OutOfOrderQueue: data->queue = core::buildQueueChart(capture, *connection, direction); break;
    case ChartKind::OneWayDelay: break; // built by buildOneWayDelayChart
    }
    return {std::move(data), QString()};
}

QChart* assembleChart(const CapturePtr& capture, const ChartRequest& request, std::shared_ptr<ChartHandle::Data> data)
{
    auto* chart = newChart(chartTitle(*capture, request));
    auto* handle = new ChartHandle(capture, request, std::move(data), chart);
    const auto& d = handle->data();
    switch (request.kind) {
    case ChartKind::Sequence: buildSequence(chart, handle, d.sequence, request); break;
    case ChartKind::Goodput: buildGoodput(chart, handle, d.goodput); break;
    case ChartKind::Share: buildShare(chart, d.share); break;
    case ChartKind::Rtt: buildRtt(chart, handle, d.rtt); break;
    case ChartKind::TcpAttribute: buildTcpAttributes(chart, handle, d.tcpAttributes, request.tcpAttributes); break;
    case ChartKind::OutOfOrderQueue: buildQueue(chart, handle, d.queue); break;
    case ChartKind::OneWayDelay: break; // built by buildOneWayDelayChart
    }
    return chart;
}

QChart* buildChart(const CapturePtr& capture, const ChartRequest& request, QString* error)
{
    ComputedChart computed = computeChartData(*capture, request);
    if (!computed.data) {
        if (error)
            *error = computed.error;
        return nullptr;
    }
    return assembleChart(capture, request, std::move(computed.data));
}

} // namespace app::charts
