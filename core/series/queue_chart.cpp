#include "series/queue_chart.h"

namespace core {
namespace {

void append(ChartSeries& series, double x, std::uint64_t bytes, std::uint32_t packet)
{
    series.x.push_back(x);
    series.y.push_back(double(bytes));
    series.packet.push_back(packet);
    series.length.push_back(0);
}

} // namespace

QueueChartData buildQueueChart(const Capture& capture, const MptcpConnection& connection, Direction direction)
{
    QueueChartData result;
    result.reordering = connectionReordering(capture, connection, direction);
    const ReceiveQueue& queue = result.reordering.queue;
    result.queue.name = "out-of-order queue";
    result.queue.stream = connection.subflows.empty() ? 0 : connection.subflows.front().value;
    if (queue.pieces.empty())
        return result;
    const PacketTable& table = capture.table;
    result.minX = capture.relativeSeconds(queue.firstArrivalNs);
    result.maxX = capture.relativeSeconds(queue.lastArrivalNs);
    std::uint64_t size = 0;
    append(result.queue, result.minX, 0, 0);
    for (const QueueStep& step : queue.steps) {
        const double x = capture.relativeSeconds(step.timeNs);
        append(result.queue, x, size, table.packet[step.row]);
        append(result.queue, x, step.bytes, table.packet[step.row]);
        size = step.bytes;
    }
    append(result.queue, result.maxX, size, 0);
    result.maxY = double(result.reordering.figures.maxQueueBytes);
    return result;
}

} // namespace core
