#include "assemble/tcp_tracker.h"

#include "decode/packet_decoder.h"
#include "decode/tcp_options.h"
#include "model/seq.h"

#include <algorithm>

namespace core {

std::size_t TcpTracker::TupleHash::operator()(const TupleKey& key) const noexcept
{
    std::size_t hash = hashValue(key.low.address);
    hash = hash * 31 + hashValue(key.high.address);
    return hash * 31 + (std::size_t(key.low.port) << 16 | key.high.port);
}

std::uint32_t TcpTracker::startConnection(const Endpoint& client, const Endpoint& server, PacketNumber number,
                                          std::int64_t timeNs)
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

TcpTracker::TupleKey TcpTracker::tupleKey(const Endpoint& source, const Endpoint& destination)
{
    return source < destination ? TupleKey{source, destination} : TupleKey{destination, source};
}

namespace {

Direction directionFrom(const TcpConnection& connection, const Endpoint& source)
{
    return connection.client == source ? Direction::ClientToServer : Direction::ServerToClient;
}

void noteTime(TcpConnection& connection, PacketNumber number, std::int64_t timeNs)
{
    connection.firstNs = std::min(connection.firstNs, timeNs);
    connection.lastNs = std::max(connection.lastNs, timeNs);
    connection.lastPacket = number;
}

// The initial sequence number is the SYN's, or the base of the first packet while no SYN was seen.
void countPacket(TcpDirectionStats& stats, std::uint32_t base, const TcpHeader& tcp)
{
    const bool syn = tcp.flags & TcpFlag::Syn;
    if (!stats.initialSeqKnown || syn) {
        stats.initialSeq = base;
        stats.initialSeqKnown = true;
    }
    ++stats.packets;
    stats.payloadBytes += tcp.payloadLength;
    stats.sawSyn |= syn;
    stats.sawFin |= bool(tcp.flags & TcpFlag::Fin);
    stats.sawRst |= bool(tcp.flags & TcpFlag::Rst);
}

} // namespace

void TcpTracker::trackQuoted(PacketNumber number, std::int64_t timeNs, const DecodedPacket& quoted)
{
    const Endpoint source{quoted.ip.source, quoted.tcp.sourcePort};
    const Endpoint destination{quoted.ip.destination, quoted.tcp.destinationPort};
    const TupleKey key = tupleKey(source, destination);
    auto found = m_latestByTuple.find(key);
    if (found == m_latestByTuple.end())
        found = m_latestByTuple.emplace(key, startConnection(source, destination, number, timeNs)).first;
    TcpConnection& connection = m_connections[found->second];
    ++connection.directions[index(directionFrom(connection, source))].packets;
    noteTime(connection, number, timeNs);
}

TrackedPacket TcpTracker::track(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet)
{
    const TcpHeader& tcp = packet.tcp;
    TrackedPacket result;
    result.connection = connectionOf(number, timeNs, packet);
    TcpConnection& connection = m_connections[result.connection];
    ConnectionState& state = m_states[result.connection];
    result.direction = directionFrom(connection, Endpoint{packet.ip.source, tcp.sourcePort});
    FlowState& flow = state.flows[index(result.direction)];
    learnBases(flow, state.flows[index(opposite(result.direction))], tcp);

    TcpDirectionStats& stats = connection.directions[index(result.direction)];
    countPacket(stats, flow.base, tcp);
    result.relativeSeq = tcp.seq - flow.base;
    if (tcp.flags & TcpFlag::Ack)
        result.relativeAck = tcp.ack - state.flows[index(opposite(result.direction))].base;
    if (tcp.flags & TcpFlag::Syn)
        noteWindowScale(result.connection, result.direction, packet);
    result.baseFromSyn = flow.baseFromSyn;
    result.retransmittedBytes = retransmittedBytes(flow, result.relativeSeq, tcp.payloadLength);
    stats.retransmittedBytes += result.retransmittedBytes;

    timeHandshake(state, connection, result.direction, tcp.flags, timeNs);
    noteTime(connection, number, timeNs);
    return result;
}

std::uint32_t TcpTracker::connectionOf(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet)
{
    const TcpHeader& tcp = packet.tcp;
    const Endpoint source{packet.ip.source, tcp.sourcePort};
    const Endpoint destination{packet.ip.destination, tcp.destinationPort};
    const bool syn = tcp.flags & TcpFlag::Syn;
    const bool ack = tcp.flags & TcpFlag::Ack;
    const TupleKey key = tupleKey(source, destination);

    bool found = false;
    std::uint32_t& latest = latestOf(key, found);
    if (!found) {
        // The sender of a SYN/ACK is the server even when its SYN was not captured.
        latest = (syn && ack) ? startConnection(destination, source, number, timeNs)
                              : startConnection(source, destination, number, timeNs);
        return latest;
    }
    const Direction direction = directionFrom(m_connections[latest], source);
    FlowState& flow = m_states[latest].flows[index(direction)];
    if (syn && !ack && flow.baseSet && tcp.seq != flow.base) {
        latest = startConnection(source, destination, number, timeNs);
    } else if (syn && ack && flow.baseSet && tcp.seq != flow.base) {
        flow.base = tcp.seq;
        flow.baseFromSyn = true;
        flow.highestEnd = 0;
    }
    return latest;
}

void TcpTracker::releaseLookups()
{
    m_recentTuples = {};
    std::unordered_map<TupleKey, std::uint32_t, TupleHash>().swap(m_latestByTuple);
    std::vector<ConnectionState>().swap(m_states);
}

std::uint32_t& TcpTracker::latestOf(const TupleKey& key, bool& found)
{
    for (const RecentTuple& recent : m_recentTuples) {
        if (recent.latest && recent.key == key) {
            found = true;
            return *recent.latest;
        }
    }
    auto [entry, inserted] = m_latestByTuple.try_emplace(key, 0);
    found = !inserted;
    m_recentTuples[1] = m_recentTuples[0];
    m_recentTuples[0] = RecentTuple{key, &entry->second};
    return entry->second;
}

void TcpTracker::learnBases(FlowState& flow, FlowState& reverse, const TcpHeader& tcp)
{
    const bool syn = tcp.flags & TcpFlag::Syn;
    const bool ack = tcp.flags & TcpFlag::Ack;
    if (!flow.baseSet) {
        flow.base = syn ? tcp.seq : tcp.seq - 1;
        flow.baseSet = true;
        flow.baseFromSyn = syn;
    }
    if (!ack)
        return;
    if (!reverse.baseSet) {
        reverse.base = tcp.ack - 1;
        reverse.baseSet = true;
    }
    // What the peer acknowledges was sent, seen or not: data below it is a retransmission
    // (as Wireshark flags it), also when the capture starts after the original.
    const std::uint32_t acked = tcp.ack - reverse.base;
    if (!reverse.sentData || seq::after(acked, reverse.highestEnd)) {
        reverse.highestEnd = acked;
        reverse.sentData = true;
    }
}

std::uint32_t TcpTracker::retransmittedBytes(FlowState& flow, std::uint32_t start, std::uint32_t length)
{
    if (length == 0)
        return 0;
    // Modular comparisons only: relative numbers wrap, and a capture that starts
    // mid-connection can show data below the base taken from the peer's first ACK.
    const std::uint32_t end = start + length;
    if (!flow.sentData) {
        flow.highestEnd = end;
        flow.sentData = true;
        return 0;
    }
    const std::int32_t behind = seq::distance(flow.highestEnd, start);
    if (seq::after(end, flow.highestEnd))
        flow.highestEnd = end;
    return behind > 0 ? std::min<std::uint32_t>(std::uint32_t(behind), length) : 0;
}

void TcpTracker::timeHandshake(ConnectionState& state, TcpConnection& connection, Direction direction,
                               std::uint8_t flags, std::int64_t timeNs)
{
    // Handshake RTT as seen from anywhere on the path: SYN → SYN/ACK → first client ACK.
    const bool syn = flags & TcpFlag::Syn;
    const bool ack = flags & TcpFlag::Ack;
    const bool fromClient = direction == Direction::ClientToServer;
    if (syn && !ack && fromClient && !state.synSeen) {
        state.synNs = timeNs;
        state.synSeen = true;
    } else if (syn && ack) {
        state.synAckSeen = true;
    } else if (ack && !syn && fromClient && state.synSeen && state.synAckSeen && !state.rttDone) {
        connection.rttSeconds = double(timeNs - state.synNs) / 1e9;
        state.rttDone = true;
    }
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

} // namespace core
