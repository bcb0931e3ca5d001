#include "assemble/tcp_tracker.h"

#include "model/seq.h"
#include "decode/packet_decoder.h"
#include "decode/tcp_options.h"

#include <algorithm>

namespace core {

std::size_t TcpTracker::TupleHash::operator()(const TupleKey& key) const noexcept
{
    std::size_t hash = hashValue(key.low.address);
    hash = hash * 31 + hashValue(key.high.address);
    return hash * 31 + (std::size_t(key.low.port) << 16 | key.high.port);
}

std::uint32_t TcpTracker::startConnection(const Endpoint& client, const Endpoint& server,
                                          PacketNumber number, std::int64_t timeNs)
{
    TcpConnection connection;
    connection.stream = TcpStreamId(std::uint32_t(m_connections.size()));
    connection.client = client;
    connection.server = server;
    connection.firstNs = connection.lastNs = timeNs;
    connection.firstPacket = number;
    m_connections.push_back(connection);
    m_states.emplace_back();
    return connection.stream.value;
}

void TcpTracker::trackQuoted(PacketNumber number, std::int64_t timeNs, const DecodedPacket& quoted)
{
    const Endpoint source{quoted.ip.source, quoted.tcp.sourcePort};
    const Endpoint destination{quoted.ip.destination, quoted.tcp.destinationPort};
    const TupleKey key = source < destination ? TupleKey{source, destination} : TupleKey{destination, source};
    auto found = m_latestByTuple.find(key);
    if (found == m_latestByTuple.end())
        found = m_latestByTuple.emplace(key, startConnection(source, destination, number, timeNs)).first;
    TcpConnection& connection = m_connections[found->second];
    const Direction direction = connection.client == source ? Direction::ClientToServer : Direction::ServerToClient;
    ++connection.directions[index(direction)].packets;
    connection.firstNs = std::min(connection.firstNs, timeNs);
    connection.lastNs = std::max(connection.lastNs, timeNs);
    connection.lastPacket = number;
}

// RFC 7323 §2.2: windows are scaled only when both SYNs carry the option; a SYN/ACK carries it
// only when the SYN did, so it tells its own side's shift even when the SYN was not captured.
void TcpTracker::noteWindowScale(std::uint32_t connection, Direction direction, const DecodedPacket& packet)
{
    const bool synAck = packet.tcp.flags & TcpFlag::Ack;
    auto& flows = m_states[connection].flows;
    FlowState& own = flows[index(direction)];
    own.synSeen = true;
    own.offeredWindowScale = readTimingOptions(packet.tcp).windowScale;
    if (!synAck)
        return;
    const FlowState& peer = flows[index(opposite(direction))];
    auto& stats = m_connections[connection].directions;
    if (own.offeredWindowScale < 0 || (peer.synSeen && peer.offeredWindowScale < 0)) {
        stats[0].windowScale = stats[1].windowScale = 0;
        return;
    }
    stats[index(direction)].windowScale = own.offeredWindowScale;
    if (peer.synSeen)
        stats[index(opposite(direction))].windowScale = peer.offeredWindowScale;
}

TrackedPacket TcpTracker::track(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet)
{
    const TcpHeader& tcp = packet.tcp;
    const Endpoint source{packet.ip.source, tcp.sourcePort};
    const Endpoint destination{packet.ip.destination, tcp.destinationPort};
    const bool syn = tcp.flags & TcpFlag::Syn;
    const bool ack = tcp.flags & TcpFlag::Ack;
    const TupleKey key = source < destination ? TupleKey{source, destination}
                                              : TupleKey{destination, source};

    TrackedPacket result;
    const auto found = m_latestByTuple.find(key);
    if (found == m_latestByTuple.end()) {
        // The sender of a SYN/ACK is the server even when its SYN was not captured.
        result.connection = (syn && ack) ? startConnection(destination, source, number, timeNs)
                                         : startConnection(source, destination, number, timeNs);
        m_latestByTuple.emplace(key, result.connection);
    } else {
        result.connection = found->second;
        const auto& existing = m_connections[result.connection];
        const Direction direction =
            existing.client == source ? Direction::ClientToServer : Direction::ServerToClient;
        FlowState& flow = m_states[result.connection].flows[index(direction)];
        if (syn && !ack && flow.baseSet && tcp.seq != flow.base) {
            result.connection = startConnection(source, destination, number, timeNs);
            found->second = result.connection;
        } else if (syn && ack && flow.baseSet && tcp.seq != flow.base) {
            flow.base = tcp.seq;
            flow.baseFromSyn = true;
            flow.highestEnd = 0;
        }
    }

    TcpConnection& connection = m_connections[result.connection];
    ConnectionState& state = m_states[result.connection];
    result.direction = connection.client == source ? Direction::ClientToServer
                                                   : Direction::ServerToClient;
    FlowState& flow = state.flows[index(result.direction)];
    FlowState& reverse = state.flows[index(opposite(result.direction))];
    if (!flow.baseSet) {
        flow.base = syn ? tcp.seq : tcp.seq - 1;
        flow.baseSet = true;
        flow.baseFromSyn = syn;
    }
    if (ack && !reverse.baseSet) {
        reverse.base = tcp.ack - 1;
        reverse.baseSet = true;
    }
    if (ack) {
        // What the peer acknowledges was sent, seen or not: data below it is a retransmission
        // (as Wireshark flags it), also when the capture starts after the original.
        const std::uint32_t acked = tcp.ack - reverse.base;
        if (!reverse.sentData || seq::after(acked, reverse.highestEnd)) {
            reverse.highestEnd = acked;
            reverse.sentData = true;
        }
    }

    TcpDirectionStats& stats = connection.directions[index(result.direction)];
    if (!stats.initialSeqKnown) {
        stats.initialSeq = flow.base;
        stats.initialSeqKnown = true;
    }
    ++stats.packets;
    stats.payloadBytes += tcp.payloadLength;
    stats.sawSyn |= syn;
    stats.sawFin |= bool(tcp.flags & TcpFlag::Fin);
    stats.sawRst |= bool(tcp.flags & TcpFlag::Rst);
    if (syn)
        stats.initialSeq = flow.base;

    result.relativeSeq = tcp.seq - flow.base;
    if (ack)
        result.relativeAck = tcp.ack - reverse.base;
    if (syn)
        noteWindowScale(result.connection, result.direction, packet);
    result.baseFromSyn = flow.baseFromSyn;
    if (tcp.payloadLength > 0) {
        // Modular comparisons only: relative numbers wrap, and a capture that starts
        // mid-connection can show data below the base taken from the peer's first ACK.
        const std::uint32_t start = result.relativeSeq;
        const std::uint32_t end = start + tcp.payloadLength;
        if (flow.sentData) {
            const std::int32_t behind = seq::distance(flow.highestEnd, start);
            if (behind > 0)
                result.retransmittedBytes = std::min<std::uint32_t>(std::uint32_t(behind), tcp.payloadLength);
            if (seq::after(end, flow.highestEnd))
                flow.highestEnd = end;
        } else {
            flow.highestEnd = end;
            flow.sentData = true;
        }
        stats.retransmittedBytes += result.retransmittedBytes;
    }

    // Handshake RTT as seen from anywhere on the path: SYN → SYN/ACK → first client ACK.
    if (syn && !ack && result.direction == Direction::ClientToServer && !state.synSeen) {
        state.synNs = timeNs;
        state.synSeen = true;
    }
    else if (syn && ack)
        state.synAckSeen = true;
    else if (ack && !syn && state.synAckSeen && !state.rttDone && state.synSeen &&
             result.direction == Direction::ClientToServer) {
        connection.rttSeconds = double(timeNs - state.synNs) / 1e9;
        state.rttDone = true;
    }

    connection.firstNs = std::min(connection.firstNs, timeNs);
    if (timeNs >= connection.lastNs) {
        connection.lastNs = timeNs;
    }
    connection.lastPacket = number;
    return result;
}

} // namespace core
