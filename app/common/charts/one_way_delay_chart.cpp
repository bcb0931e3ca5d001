#include "charts/one_way_delay_chart.h"

#include "charts/chart_parts.h"
#include "charts/point_cloud_item.h"
#include "charts/subflow_palette.h"
#include "model/capture.h"

#include <QChart>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace app::charts {
namespace {

QString tr(const char* text) { return QCoreApplication::translate("app::charts", text); }

QString directionName(core::Direction direction)
{
    return direction == core::Direction::ClientToServer ? tr("client → server") : tr("server → client");
}

// When a packet was sent, in seconds on the first capture's time line.
double sentAt(const LoadedPair& pair, bool senderIsFirst, std::uint32_t senderRow, std::int64_t offsetNs)
{
    if (senderIsFirst)
        return pair.first->relativeSeconds(pair.first->table.timeNs[senderRow]);
    return pair.first->relativeSeconds(pair.second->table.timeNs[senderRow] - offsetNs);
}

void append(core::ChartSeries& series, double x, double y, std::uint32_t packet, std::uint32_t length)
{
    series.x.push_back(x);
    series.y.push_back(y);
    series.packet.push_back(packet);
    series.length.push_back(length);
}

QString offsetText(const LoadedPair& pair, const OneWayDelayChartData& data)
{
    const QString names = tr("%1 − %2").arg(QFileInfo(pair.secondPath).fileName(),
                                            QFileInfo(pair.firstPath).fileName());
    if (!data.offsetEstimated)
        return tr("clock offset not estimated (no packet matched one way): captured times as they are");
    const QString offset = tr("%1 ms").arg(data.offsetSeconds * 1e3, 0, 'f', 3);
    return data.offsetApplied
               ? tr("clock offset (%1) estimated %2, applied").arg(names, offset)
               : tr("clock offset (%1) estimated %2, not applied (no negative delay)").arg(names, offset);
}

} // namespace

OneWayDelayChartData oneWayDelayChartData(const LoadedPair& pair, const core::compare::ConnectionDelays& delays)
{
    OneWayDelayChartData data;
    data.offsetSeconds = delays.estimatedOffsetSeconds;
    data.offsetEstimated = delays.offsetEstimated;
    data.offsetApplied = delays.offsetApplied;
    const auto offsetNs = delays.offsetApplied ? std::int64_t(std::llround(delays.estimatedOffsetSeconds * 1e9)) : 0;
    const auto& firstTable = pair.first->table;
    const auto& secondTable = pair.second->table;
    data.fileNames = {QFileInfo(pair.firstPath).fileName(), QFileInfo(pair.secondPath).fileName()};
    for (auto& lost : data.lost)
        lost.name = tr("lost").toStdString();
    for (const auto& subflow : delays.subflows) {
        core::ChartSeries series;
        series.name = tr("tcp.stream %1 ↔ %2, %3")
                          .arg(subflow.firstStream.value)
                          .arg(subflow.secondStream.value)
                          .arg(directionName(subflow.direction))
                          .toStdString();
        series.stream = subflow.firstStream.value;
        const auto& senderTable = subflow.senderIsFirst ? firstTable : secondTable;
        for (const auto& sample : subflow.samples) {
            const std::uint32_t firstRow = subflow.senderIsFirst ? sample.senderRow : sample.receiverRow;
            append(series, sentAt(pair, subflow.senderIsFirst, sample.senderRow, offsetNs), sample.seconds,
                   firstTable.packet[firstRow], senderTable.length[sample.senderRow]);
        }
        for (const auto row : subflow.lostRows)
            append(data.lost[subflow.senderIsFirst ? 0 : 1], sentAt(pair, subflow.senderIsFirst, row, offsetNs), 0.0,
                   senderTable.packet[row], senderTable.length[row]);
        series.sortByX();
        data.subflows.push_back(std::move(series));
    }
    for (auto& lost : data.lost)
        lost.sortByX();
    bool any = false;
    const auto extend = [&](const core::ChartSeries& series) {
        for (std::size_t i = 0; i < series.size(); ++i) {
            data.minX = any ? std::min(data.minX, series.x[i]) : series.x[i];
            data.maxX = any ? std::max(data.maxX, series.x[i]) : series.x[i];
            data.minY = std::min(data.minY, series.y[i]);
            data.maxY = std::max(data.maxY, series.y[i]);
            any = true;
        }
    };
    for (const auto& series : data.subflows)
        extend(series);
    for (const auto& lost : data.lost)
        extend(lost);
    return data;
}

QChart* buildOneWayDelayChart(const PairPtr& pair, const core::compare::ConnectionDelays& delays,
                              const ChartRequest& request, QString* error)
{
    if (delays.subflows.empty()) {
        if (error)
            *error = tr("no matched subflow: no one-way delay to draw");
        return nullptr;
    }
    auto* chart = newChart({});
    auto* handle = new ChartHandle(pair->first, request, std::make_shared<ChartHandle::Data>(), chart);
    auto& data = handle->data().oneWayDelay;
    data = oneWayDelayChartData(*pair, delays);
    chart->setTitle(tr("One-way delay — %1 %2<br><small>%3</small>")
                        .arg(request.mptcp() ? QStringLiteral("mptcp.stream") : QStringLiteral("tcp.stream"))
                        .arg(request.number())
                        .arg(offsetText(*pair, data).toHtmlEscaped()));

    auto* x = timeAxis(chart, data.minX, data.maxX);
    x->setTitleText(
        tr("Time the packet was sent, since the first packet of %1 (s)").arg(QFileInfo(pair->firstPath).fileName()));
    auto* y = valueAxis(chart, tr("One-way delay (ms)"), data.maxY * 1e3);
    if (data.minY < 0)
        y->setMin(data.minY * 1e3 * 1.05);
    auto* cloud = new PointCloudItem(chart, x, y);
    handle->addPointCloud(cloud);
    int colour = 0;
    for (const auto& series : data.subflows) {
        const QColor c = subflowColor(colour++);
        auto* proxy = addProxy(chart, x, y, QString::fromStdString(series.name), c);
        cloud->addLayer(series, 1e-3, proxy, c, PointCloudItem::Shape::Dot, 4.0);
        handle->hoverSources().push_back({&series, 1e-3, proxy});
    }
    if (data.lost[0].size() + data.lost[1].size() > 0) {
        auto* proxy = addProxy(chart, x, y, tr("lost (never captured by the receiver)"), reinjectionColor());
        for (const auto& lost : data.lost) {
            cloud->addLayer(lost, 1e-3, proxy, reinjectionColor(), PointCloudItem::Shape::Square, 8.0);
            handle->hoverSources().push_back({&lost, 1e-3, proxy});
        }
    }
    return chart;
}

} // namespace app::charts
