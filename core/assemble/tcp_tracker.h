#pragma once

#include "model/ids.h"
#include "model/ip_address.h"
#include "model/tcp_connection.h"

#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace core {

struct DecodedPacket;
struct TcpHeader;

struct TrackedPacket {
    std::uint32_t connection = 0; // index into connections() == tcp.stream
    Direction direction = Direction::ClientToServer;
    std::uint32_t relativeSeq = 0; // seq minus the direction's base sequence number
    std::uint32_t relativeAck = 0; // ack minus the peer's base sequence number (0 without Ack)
    bool baseFromSyn = false;      // relativeSeq is exact (the SYN or SYN/ACK was seen)
    std::uint32_t retransmittedBytes = 0;
};

// Numbers TCP conversations exactly as Wireshark 4.0 does for tcp.stream: a new number for
// an unseen address/port pair, and for a pure SYN whose sequence number differs from the
// base sequence number of its direction (port reuse). Nothing else starts a conversation.
class TcpTracker {
public:
    TrackedPacket track(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet);
    // An ICMP error quoting a TCP header: counted in the quoted packet's conversation, which
    // it starts when there is none (as in Wireshark).
    void trackQuoted(PacketNumber number, std::int64_t timeNs, const DecodedPacket& quoted);

    std::vector<TcpConnection>& connections() { return m_connections; }
    // After the last packet: frees what finding and following conversations took.
    void releaseLookups();

private:
    struct FlowState {
        std::uint32_t base = 0;
        bool baseSet = false;
        bool baseFromSyn = false;
        std::uint32_t highestEnd = 0; // relative sequence number after the highest byte sent
        bool sentData = false;
        bool synSeen = false;
        std::int8_t offeredWindowScale = -1; // in this side's SYN
    };
    struct ConnectionState {
        std::array<FlowState, directionCount> flows{};
        std::int64_t synNs = 0;
        bool synSeen = false;
        bool synAckSeen = false;
        bool rttDone = false;
    };
    struct TupleKey {
        Endpoint low;
        Endpoint high;
        friend bool operator==(const TupleKey&, const TupleKey&) = default;
    };
    struct TupleHash {
        std::size_t operator()(const TupleKey& key) const noexcept;
    };

    static TupleKey tupleKey(const Endpoint& source, const Endpoint& destination);
    void noteWindowScale(std::uint32_t connection, Direction direction, const DecodedPacket& packet);
    std::uint32_t startConnection(const Endpoint& client, const Endpoint& server, PacketNumber number,
                                  std::int64_t timeNs);
    // The connection a packet belongs to, started when it is the first of its conversation.
    std::uint32_t connectionOf(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet);
    // Base sequence numbers from the first packet each way, or from an ACK for the peer.
    static void learnBases(FlowState& flow, FlowState& reverse, const TcpHeader& tcp);
    static std::uint32_t retransmittedBytes(FlowState& flow, std::uint32_t start, std::uint32_t length);
    static void timeHandshake(ConnectionState& state, TcpConnection& connection, Direction direction,
                              std::uint8_t flags, std::int64_t timeNs);

    std::vector<TcpConnection> m_connections;
    std::vector<ConnectionState> m_states;
    // The latest connection of a conversation, found without hashing when it is one of the
    // last two looked up (the subflows of a transfer take turns). Elements of an
    // unordered_map keep their address when it rehashes.
    std::uint32_t& latestOf(const TupleKey& key, bool& found);
    struct RecentTuple {
        TupleKey key;
        std::uint32_t* latest = nullptr;
    };

    std::unordered_map<TupleKey, std::uint32_t, TupleHash> m_latestByTuple;
    std::array<RecentTuple, 2> m_recentTuples{};
};

} // namespace core
