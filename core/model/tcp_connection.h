#pragma once

#include "model/ids.h"
#include "model/ip_address.h"
#include "model/rtt.h"

#include <array>
#include <cstdint>
#include <optional>

namespace core {

struct TcpDirectionStats {
    std::uint64_t packets = 0;
    std::uint64_t payloadBytes = 0;       // retransmissions included
    std::uint64_t retransmittedBytes = 0; // payload bytes below the highest sequence seen
    std::uint32_t initialSeq = 0;         // sequence number of the SYN, or of the first packet
    bool initialSeqKnown = false;
    bool sawSyn = false;
    bool sawFin = false;
    bool sawRst = false;
    // The shift applied to the windows this side advertises: from the handshake when both SYNs
    // were seen (0 when either lacks the option), -1 when the handshake was not captured.
    std::int8_t windowScale = -1;
    RttSummary rtt; // this side as the data sender
};

enum class SubflowRole : std::uint8_t { None, Initial, Join };

// MPTCP facts about one TCP connection, filled when it carries MPTCP options.
struct SubflowInfo {
    SubflowRole role = SubflowRole::None;
    bool backup = false;              // MP_JOIN B flag or MP_PRIO, latest seen
    bool fellBack = false;            // MP_CAPABLE on the SYN, none on the SYN/ACK
    bool reversed = false;            // the TCP client is the MPTCP server (a join from the server)
    std::uint8_t localAddressId = 0;  // client side (MP_JOIN SYN)
    std::uint8_t remoteAddressId = 0; // server side (MP_JOIN SYN/ACK)
    std::uint32_t joinToken = 0;      // token in the MP_JOIN SYN
    bool joinTokenKnown = false;
    // Set when mptcpscope attached this subflow to its connection by its data sequence
    // numbers: the mptcp.stream number Wireshark gives it on its own.
    std::optional<MptcpId> wiresharkMptcp;
    // By TCP direction, when the SYN is not in the capture: the initial sequence number the
    // DSS mappings imply (sequence number of mapped payload minus its relative subflow number).
    std::array<std::optional<std::uint32_t>, directionCount> inferredIsn{};
};

struct TcpConnection {
    TcpStreamId stream;
    Endpoint client; // sent the first SYN, or the first packet when no SYN was seen
    Endpoint server;
    std::int64_t firstNs = 0;
    std::int64_t lastNs = 0;
    PacketNumber firstPacket;
    PacketNumber lastPacket;
    std::array<TcpDirectionStats, directionCount> directions{};
    std::optional<MptcpId> mptcp;
    SubflowInfo subflow;
    double rttSeconds = 0; // SYN → SYN/ACK → ACK handshake time when seen, else 0

    const TcpDirectionStats& stats(Direction d) const { return directions[index(d)]; }
    std::uint64_t packets() const { return directions[0].packets + directions[1].packets; }
};

} // namespace core
