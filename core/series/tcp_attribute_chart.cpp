#include "series/tcp_attribute_chart.h"

#include "decode/tcp.h"
#include "model/seq.h"

#include <algorithm>

namespace core {
namespace {

void append(ChartSeries& series, double x, double y, std::uint32_t packet, std::uint32_t length)
{
    series.x.push_back(x);
    series.y.push_back(y);
    series.packet.push_back(packet);
    series.length.push_back(length);
}

// A quantity that holds until its next value: drawn as steps, the corner taking the new
// value's packet.
void appendStep(ChartSeries& series, double x, double y, std::uint32_t packet)
{
    if (!series.y.empty() && series.y.back() != y)
        append(series, x, series.y.back(), packet, 0);
    append(series, x, y, packet, 0);
}

} // namespace

TcpAttributeChartData buildTcpAttributeChart(const Capture& capture, TcpStreamId stream, Direction sender)
{
    TcpAttributeChartData result;
    if (stream.value >= capture.tcp.size())
        return result;
    const TcpConnection& connection = capture.tcp[stream.value];
    const std::int8_t scale = connection.stats(opposite(sender)).windowScale;
    result.windowScaleKnown = scale >= 0;
    for (auto* series : {&result.sequence, &result.acks, &result.receiveWindow, &result.inFlight}) {
        series->stream = stream.value;
        series->name = subflowLabel(capture, stream);
    }

    const PacketTable& table = capture.table;
    std::uint64_t lastSeq = 0; // unwrapping references
    std::uint64_t lastAck = 0;
    std::uint64_t highestEnd = 0; // sent, relative
    std::uint64_t highestAck = 0; // acknowledged, relative
    bool sent = false;
    for (std::size_t row = 0; row < table.size(); ++row) {
        if (table.stream[row] != stream.value)
            continue;
        const double t = capture.relativeSeconds(table.timeNs[row]);
        const std::uint8_t flags = table.tcpFlags[row];
        const std::uint32_t packet = table.packet[row];
        if (table.tcpDirection(row) == sender) {
            const std::uint32_t length = table.length[row] + ((flags & (TcpFlag::Syn | TcpFlag::Fin)) ? 1 : 0);
            if (length == 0)
                continue;
            lastSeq = seq::unwrap32(lastSeq, table.relativeSeq[row]);
            append(result.sequence, t, double(lastSeq), packet, table.length[row]);
            result.maxSequence = std::max(result.maxSequence, double(lastSeq + length));
            if (!sent) {
                highestAck = lastSeq;
                sent = true;
            }
            highestEnd = std::max(highestEnd, lastSeq + length);
        } else {
            if (!(flags & TcpFlag::Ack))
                continue;
            lastAck = seq::unwrap32(lastAck, table.relativeAck[row]);
            appendStep(result.acks, t, double(lastAck), packet);
            result.maxSequence = std::max(result.maxSequence, double(lastAck));
            const int shift = (flags & TcpFlag::Syn) ? 0 : std::max<int>(scale, 0); // SYNs are never scaled
            const double window = double(std::uint64_t(table.window[row]) << shift);
            appendStep(result.receiveWindow, t, window, packet);
            result.maxBytes = std::max(result.maxBytes, window);
            highestAck = std::max(highestAck, lastAck);
            if (!sent)
                continue;
        }
        const double inFlight = highestEnd > highestAck ? double(highestEnd - highestAck) : 0.0;
        appendStep(result.inFlight, t, inFlight, packet);
        result.maxBytes = std::max(result.maxBytes, inFlight);
    }
    for (auto* series : {&result.sequence, &result.acks, &result.receiveWindow, &result.inFlight})
        series->sortByX();
    result.minX = 1e300;
    result.maxX = -1e300;
    for (const auto* series : {&result.sequence, &result.acks, &result.receiveWindow, &result.inFlight})
        if (!series->x.empty()) {
            result.minX = std::min(result.minX, series->x.front());
            result.maxX = std::max(result.maxX, series->x.back());
        }
    if (result.minX > result.maxX)
        result.minX = result.maxX = 0;
    return result;
}

} // namespace core
