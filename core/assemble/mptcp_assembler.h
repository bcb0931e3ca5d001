#pragma once

#include "assemble/dsn_mapper.h"
#include "model/event.h"
#include "model/mptcp_connection.h"
#include "model/tcp_connection.h"
#include "model/packet_table.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace core {

struct DecodedPacket;
struct TrackedPacket;
class WarningLog;

// What one packet means at the data level.
struct DataLevel {
    std::uint64_t dsn = PacketTable::noDsn;     // of the first payload byte
    std::uint64_t dataAck = PacketTable::noDsn;
    bool dsnUnexpanded = false;
    bool dataFin = false;
};

// Assembles MPTCP connections from the options of each packet, numbering them as Wireshark
// 4.0 numbers mptcp.stream: keys and join tokens meet through one token table; a subflow
// whose first MPTCP option is neither a keyed MP_CAPABLE nor an MP_JOIN SYN gets a number of
// its own. finish() then attaches such subflows to their connection where the data sequence
// numbers prove it, and computes the data-level figures.
class MptcpAssembler {
public:
    explicit MptcpAssembler(std::vector<TcpConnection>& connections);

    // `row` is the packet's row in the packet table, filled by the caller after this returns.
    DataLevel process(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet,
                      const TrackedPacket& tracked, std::uint32_t row, WarningLog& warnings);

    std::vector<MptcpConnection> finish(PacketTable& table, WarningLog& warnings);

private:
    struct Evidence {
        std::uint32_t connection = 0;
        Direction tcpDirection = Direction::ClientToServer;
        bool isAck = false;
        bool is64 = false;
        std::uint64_t value = 0;
    };
    struct Analysis {
        MptcpId id;
        std::optional<std::uint8_t> version;
        std::array<MptcpKeyInfo, directionCount> keys{}; // [client, server] at the MPTCP level
        std::array<std::uint64_t, directionCount> dsnReference{};
        std::array<std::uint64_t, directionCount> maxRelativeDsn{};
        std::array<bool, directionCount> dataFinSeen{};
        std::vector<Evidence> evidence; // only while no key is known
        bool mergedAway = false;
        bool sidesKnown = true; // false while only an MP_JOIN named it: token sides are a guess
    };
    struct SubflowState {
        std::optional<std::uint32_t> analysis;
        bool flipped = false; // the TCP client is the MPTCP server
        bool mpCapableSyn = false;
        bool mpCapableSynAck = false;
        bool joinSynSeen = false;
        bool fellBackToTcp = false;  // after MP_FAIL or an infinite mapping (RFC 8684 §3.7)
        bool fallbackEvent = false;  // the Fallback event for it was added
        std::array<DsnMapper, directionCount> mappers;
        std::array<std::uint64_t, directionCount> ackReference{};
        std::array<bool, directionCount> ackReferenceSet{};
    };
    struct PendingEvent {
        std::uint32_t connection;
        MptcpEvent event;
    };

    Direction mptcpDirection(const SubflowState& s, Direction tcpDirection) const
    {
        return s.flipped ? opposite(tcpDirection) : tcpDirection;
    }
    std::uint32_t allocate(std::uint32_t connection);
    void attach(std::uint32_t connection, std::uint32_t analysis, bool flipped);
    void keyFromMpCapable(std::uint32_t connection, Direction sender, std::uint64_t key,
                          std::uint8_t version, WarningLog& warnings, PacketNumber number);
    enum class TokenSource { Key, JoinSyn };
    void tokenSeen(std::uint32_t connection, Direction owner, std::uint32_t token, TokenSource source);
    static Direction sideOfToken(const Analysis& analysis, std::uint32_t token);
    void flipSides(std::uint32_t analysis);
    void merge(std::uint32_t from, std::uint32_t into, bool flip);
    void addEvent(std::uint32_t connection, std::int64_t timeNs, PacketNumber number,
                  Direction direction, EventKind kind, std::string detail);
    void fallBackToTcp(std::uint32_t connection);
    void resolvePending(PacketTable& table, WarningLog& warnings);
    void attachOrphans(PacketTable& table);
    bool sharesAnAddress(const std::vector<std::uint32_t>& orphans, const std::vector<std::uint32_t>& members) const;
    bool evidenceFits(const Analysis& candidate, const Analysis& orphan, bool flipped) const;

    std::vector<TcpConnection>& m_connections;
    std::vector<SubflowState> m_subflows;
    std::vector<Analysis> m_analyses;
    std::unordered_map<std::uint32_t, std::uint32_t> m_tokens; // token → analysis
    std::vector<PendingEvent> m_events;
    std::vector<std::uint32_t> m_unmappedRows; // payload whose mapping was not seen yet
};

} // namespace core
