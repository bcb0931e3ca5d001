#include "model/capture.h"

#include <algorithm>

namespace core {

const MptcpConnection* Capture::findMptcp(MptcpId id) const
{
    const auto it = std::lower_bound(mptcp.begin(), mptcp.end(), id,
                                     [](const MptcpConnection& c, MptcpId v) { return c.id < v; });
    return it != mptcp.end() && it->id == id ? &*it : nullptr;
}

std::span<const RttSample> Capture::rttSamplesOf(TcpStreamId stream, Direction sender) const
{
    if (stream.value >= tcp.size())
        return {};
    const RttSummary& rtt = tcp[stream.value].stats(sender).rtt;
    return std::span<const RttSample>(rttSamples).subspan(rtt.firstSample, rtt.samples);
}

std::optional<std::size_t> Capture::rowOf(PacketNumber packet) const
{
    const std::size_t row = table.packet.lowerBound(packet.value);
    if (row == table.packet.size() || table.packet[row] != packet.value)
        return std::nullopt;
    return row;
}

} // namespace core
