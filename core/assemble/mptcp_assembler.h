#pragma once

#include "assemble/assembly_state.h"
#include "decode/mptcp_option.h"
#include "decode/tcp.h"
#include "model/event.h"
#include "model/mptcp_connection.h"
#include "model/packet_table.h"
#include "model/tcp_connection.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace core {

struct DecodedPacket;
struct TrackedPacket;
class WarningLog;

// What one packet means at the data level.
struct DataLevel {
    std::uint64_t dsn = PacketTable::noDsn; // of the first payload byte
    std::uint64_t dataAck = PacketTable::noDsn;
    bool dsnUnexpanded = false;
    bool dataAckUnexpanded = false;
    bool dataFin = false;
};

// Assembles MPTCP connections from the options of each packet, numbering them as Wireshark
// 4.0 numbers mptcp.stream: keys and join tokens meet through one token table; a subflow
// whose first MPTCP option is neither a keyed MP_CAPABLE nor an MP_JOIN SYN gets a number of
// its own. finish() then attaches such subflows to their connection where the data sequence
// numbers prove it, and computes the data-level figures.
//
// Its work is spread over three files: mptcp_assembler.cpp reads each packet (one handler per
// option kind), mptcp_assembler_identity.cpp decides which connection a subflow belongs to
// (keys, tokens, merges), mptcp_assembler_finish.cpp runs after the last packet.
class MptcpAssembler {
public:
    explicit MptcpAssembler(std::vector<TcpConnection>& connections);

    // `row` is the packet's row in the packet table, filled by the caller after this returns.
    DataLevel process(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet,
                      const TrackedPacket& tracked, std::uint32_t row, WarningLog& warnings);

    std::vector<MptcpConnection> finish(PacketTable& table, WarningLog& warnings);

private:
    using Analysis = assembly::Analysis;
    using DataSide = assembly::DataSide;
    using Subflow = assembly::Subflow;

    // What the handlers of one packet share.
    struct PacketContext {
        PacketNumber number;
        std::int64_t timeNs = 0;
        std::uint32_t connection = 0;                    // tcp.stream
        Direction direction = Direction::ClientToServer; // TCP direction
        std::uint8_t tcpFlags = 0;
        WarningLog& warnings;
        bool optionsCut = false; // the snapshot length cut the TCP options: absent means unknown
        DataLevel data{};        // what the handlers found
        struct MappingSeen {
            std::uint32_t subflowSeq = 0;
            std::uint32_t length = 0;
        };
        std::optional<MappingSeen> mapping; // the packet's own DSS mapping with data

        bool isSyn() const { return (tcpFlags & TcpFlag::Syn) && !(tcpFlags & TcpFlag::Ack); }
        bool isSynAck() const { return (tcpFlags & TcpFlag::Syn) && (tcpFlags & TcpFlag::Ack); }
    };
    struct PendingEvent {
        std::uint32_t connection;
        MptcpEvent event;
    };
    struct Home { // where an orphan subflow's connection belongs
        std::uint32_t analysis = 0;
        bool flipped = false;
    };
    enum class TokenSource { Key, JoinSyn };

    // Each packet (mptcp_assembler.cpp).
    void readMptcpOptions(PacketContext& packet, const TcpHeader& tcp);
    void onOption(PacketContext& packet, const MptcpOption& option);
    void onMalformed(const PacketContext& packet, const MptcpMalformed& malformed);
    void onMpCapable(const PacketContext& packet, const MpCapable& capable);
    void mapFirstData(const PacketContext& packet, std::uint16_t dataLength);
    void onJoinSyn(const PacketContext& packet, const MpJoin& join);
    void onJoinReply(const PacketContext& packet, const MpJoin& join);
    void onDss(PacketContext& packet, const Dss& dss);
    void onDssMapping(PacketContext& packet, const Dss& dss);
    void onInfiniteMapping(const PacketContext& packet);
    void onDataFin(PacketContext& packet, std::uint64_t finDsn, bool expanded);
    void onDataAck(PacketContext& packet, const Dss& dss);
    void keepEvidence(const PacketContext& packet, bool isAck, bool is64, std::uint64_t value);
    void onAddAddr(const PacketContext& packet, const AddAddr& add);
    void onPrio(const PacketContext& packet, const MpPrio& prio);
    void onFail(const PacketContext& packet, const MpFail& fail);
    void checkHandshake(const PacketContext& packet, std::uint32_t payloadLength);
    void checkSynAckFallback(const PacketContext& packet, bool sawMpCapable);
    void resolveDsn(PacketContext& packet, const TrackedPacket& tracked, std::uint32_t payloadLength,
                    std::uint32_t row);
    void fallBackToTcp(std::uint32_t connection);
    void addFallbackEventOnce(const PacketContext& packet, std::string detail);
    void addEvent(const PacketContext& packet, EventKind kind, std::string detail);

    Subflow& subflowOf(const PacketContext& packet) { return m_subflows[packet.connection]; }
    Analysis& analysisOf(const PacketContext& packet) { return m_analyses[*subflowOf(packet).analysis]; }
    // The data direction of what is sent in `tcpDirection` on the packet's subflow.
    DataSide& sideSentIn(const PacketContext& packet, Direction tcpDirection)
    {
        return analysisOf(packet).side(subflowOf(packet).mptcpDirection(tcpDirection));
    }
    DataSide& senderSide(const PacketContext& packet) { return sideSentIn(packet, packet.direction); }
    DataSide& peerSide(const PacketContext& packet) { return sideSentIn(packet, opposite(packet.direction)); }

    // Which connection a subflow belongs to (mptcp_assembler_identity.cpp).
    std::uint32_t allocate(std::uint32_t connection);
    void ensureAnalysis(std::uint32_t connection);
    void attach(std::uint32_t connection, std::uint32_t analysis, bool flipped);
    // Returns the warning the key deserves, or nullptr.
    const char* keyFromMpCapable(const PacketContext& packet, Direction sender, std::uint64_t key,
                                 std::uint8_t version);
    void tokenSeen(std::uint32_t connection, Direction owner, std::uint32_t token, TokenSource source);
    static Direction sideOfToken(const Analysis& analysis, std::uint32_t token);
    void flipSides(std::uint32_t analysis);
    void merge(std::uint32_t from, std::uint32_t into, bool flip);

    // After the last packet (mptcp_assembler_finish.cpp).
    void addEventAt(std::uint32_t connection, const assembly::PacketRef& at, EventKind kind, std::string detail);
    void fallBackAfterHandshakes();
    void resolvePending(PacketTable& table, WarningLog& warnings);
    // Gives `row` the DSN of the subflow's mapping at `relativeSeq`, or warns that there is none.
    std::optional<DsnMapper::Mapping> mapRow(PacketTable& table, std::uint32_t row, const Subflow& subflow,
                                             std::uint32_t relativeSeq, WarningLog& warnings);
    void attachOrphans();
    std::optional<Home> findHome(std::uint32_t orphan, const std::vector<std::vector<std::uint32_t>>& members) const;
    bool sharesAnAddress(const std::vector<std::uint32_t>& orphans, const std::vector<std::uint32_t>& members) const;
    bool evidenceFits(const Analysis& candidate, const Analysis& orphan, bool flipped) const;

    // Connections without a captured handshake (mptcp_assembler_inference.cpp).
    void inferSynlessDsns(PacketTable& table, WarningLog& warnings);
    void groupKeyless(const PacketTable& table);
    void expandRawValues(PacketTable& table);
    MptcpConnection startOutput(const Analysis& analysis, const TcpConnection& firstSubflow) const;

    std::vector<TcpConnection>& m_connections;
    std::vector<Subflow> m_subflows;                           // by tcp.stream
    std::vector<Analysis> m_analyses;                          // by the mptcp.stream number Wireshark gives
    std::unordered_map<std::uint32_t, std::uint32_t> m_tokens; // token → analysis
    std::vector<PendingEvent> m_events;
    std::vector<std::uint32_t> m_unmappedRows; // payload whose mapping was not seen yet
    bool m_rawValues = false;                  // some DSN or data ack in the table is a raw 32-bit value
    std::vector<MptcpOption> m_options;        // of the packet being read, kept to reuse its memory
};

} // namespace core
