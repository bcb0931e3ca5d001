#include "series/rtt_chart.h"

#include <algorithm>

namespace core {
namespace {

ChartSeries samplesOf(const Capture& capture, TcpStreamId stream, Direction sender, double& maxY)
{
    ChartSeries series;
    series.stream = stream.value;
    series.name = subflowLabel(capture, stream);
    const PacketTable& table = capture.table;
    const auto samples = capture.rttSamplesOf(stream, sender);
    series.x.reserve(samples.size());
    series.y.reserve(samples.size());
    series.packet.reserve(samples.size());
    series.length.reserve(samples.size());
    for (const RttSample& s : samples) {
        const double rtt = double(table.timeNs[s.ackRow] - table.timeNs[s.segmentRow]) / 1e9;
        series.x.push_back(capture.relativeSeconds(table.timeNs[s.segmentRow]));
        series.y.push_back(rtt);
        series.packet.push_back(table.packet[s.segmentRow]);
        series.length.push_back(table.length[s.segmentRow]);
        maxY = std::max(maxY, rtt);
    }
    series.sortByX();
    return series;
}

void setTimeSpan(RttChartData& data)
{
    data.minX = 1e300;
    data.maxX = -1e300;
    for (const auto& series : data.subflows)
        if (!series.x.empty()) {
            data.minX = std::min(data.minX, series.x.front());
            data.maxX = std::max(data.maxX, series.x.back());
        }
    if (data.minX > data.maxX)
        data.minX = data.maxX = 0;
}

} // namespace

RttChartData buildRttChart(const Capture& capture, const MptcpConnection& connection, Direction direction)
{
    RttChartData result;
    for (const auto& subflow : connection.subflowStats) {
        const Direction sender = subflow.reversed ? opposite(direction) : direction;
        result.subflows.push_back(samplesOf(capture, subflow.stream, sender, result.maxY));
    }
    setTimeSpan(result);
    return result;
}

RttChartData buildTcpRttChart(const Capture& capture, TcpStreamId stream, Direction sender)
{
    RttChartData result;
    result.subflows.push_back(samplesOf(capture, stream, sender, result.maxY));
    setTimeSpan(result);
    return result;
}

} // namespace core
