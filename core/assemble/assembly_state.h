#pragma once

#include "assemble/dsn_mapper.h"
#include "model/ids.h"
#include "model/mptcp_connection.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <vector>

// What MptcpAssembler knows while it reads a capture, from the packets read so far: one
// Analysis per MPTCP connection (Wireshark's mptcp_analysis, numbered as mptcp.stream) and
// one Subflow per TCP connection. finish() turns it into MptcpConnection.
namespace core::assembly {

// A data sequence number or data ack seen while no key of the connection is known: what
// finish() uses to find the connection such a subflow belongs to.
struct Evidence {
    Direction tcpDirection = Direction::ClientToServer;
    bool isAck = false;
    bool is64 = false;
    std::uint64_t value = 0;
};

// A packet an event may later be attached to (decided in finish()).
struct PacketRef {
    PacketNumber number;
    std::int64_t timeNs = 0;
    Direction direction = Direction::ClientToServer; // TCP direction
};

// A subflow direction whose SYN is not in the capture: what its DSS mappings say about its
// initial sequence number. A segment whose bytes a mapping covers bounds
// `shift` = relative subflow sequence number − the tracker's relative sequence number:
// shift ≥ subflowSeq − relativeSeq, equal when the segment starts the mapping, and
// shift ≤ subflowSeq + mapping length − payload − relativeSeq, equal when it ends it.
struct IsnEstimate {
    std::uint32_t shift = 0; // the highest lower bound seen
    std::uint32_t limit = 0; // the lowest upper bound seen, when `bounded`
    bool any = false;
    bool bounded = false;

    // `length` 0: an infinite mapping, which bounds from below only.
    void observe(std::uint32_t relativeSeq, std::uint32_t subflowSeq, std::uint32_t length, std::uint32_t payload)
    {
        const std::uint32_t low = subflowSeq - relativeSeq;
        if (!any || std::int32_t(low - shift) > 0)
            shift = low;
        any = true;
        if (length == 0)
            return;
        const std::uint32_t high = low + length - std::min(payload, length);
        if (!bounded || std::int32_t(high - limit) < 0)
            limit = high;
        bounded = true;
    }
    bool exact() const { return bounded && shift == limit; }
    bool conflict() const { return bounded && std::int32_t(limit - shift) < 0; }
};

// One data direction of a connection, named by its sender.
struct DataSide {
    MptcpKeyInfo key;                 // the sender's key, token and IDSN, as far as known
    std::uint64_t dsnReference = 0;   // the latest expanded DSN: a 32-bit DSN unwraps near it
    std::uint64_t maxRelativeDsn = 0; // end of the furthest mapped data, relative to the IDSN
    bool dataFinSeen = false;
    bool upperBitsGuessed = false; // no key and only 32-bit values: finish() made up the upper 32 bits

    bool hasKey() const { return key.key.has_value(); }
    bool hasToken() const { return key.tokenKnown; }
    // `dsn` relative to the IDSN when the key is known and the result is plausible.
    std::optional<std::uint64_t> relative(std::uint64_t dsn) const
    {
        const std::uint64_t value = dsn - key.idsn;
        return hasKey() && value < (1ull << 62) ? std::optional(value) : std::nullopt;
    }
};

// One MPTCP connection being assembled.
struct Analysis {
    MptcpId id;
    std::optional<std::uint8_t> version;
    std::array<DataSide, directionCount> sides{}; // by MPTCP direction
    std::vector<Evidence> evidence;               // only while no key is known
    bool sidesKnown = true;                       // false while only an MP_JOIN named it: token sides are a guess

    DataSide& side(Direction d) { return sides[index(d)]; }
    const DataSide& side(Direction d) const { return sides[index(d)]; }
    bool anyKey() const { return std::ranges::any_of(sides, &DataSide::hasKey); }
    bool bothKeys() const { return std::ranges::all_of(sides, &DataSide::hasKey); }
    bool anyToken() const { return std::ranges::any_of(sides, &DataSide::hasToken); }
};

// One TCP direction of a subflow.
struct SubflowDirection {
    DsnMapper mapper;                         // its DSS mappings: subflow sequence number (relative to the ISN) → DSN
    std::optional<std::uint64_t> lastDataAck; // 64-bit: a 32-bit data ack unwraps near it
    bool synMissing = false;                  // its relative sequence numbers do not count from a captured SYN
    IsnEstimate isn;                          // only while its SYN is missing
};

// A TCP connection (index: tcp.stream) as an MPTCP subflow.
struct Subflow {
    std::optional<std::uint32_t> analysis; // its connection, an index into the analyses
    bool flipped = false;                  // the TCP client is the MPTCP server
    bool mpCapableSyn = false;
    bool joinSynSeen = false;
    bool fellBackToTcp = false; // after MP_FAIL or an infinite mapping (RFC 8684 §3.7)
    bool fallbackEvent = false; // the Fallback event for it was added
    // The MP_CAPABLE handshake as far as seen: a fallback right after it is decided in finish().
    std::optional<std::uint8_t> agreedVersion; // of the MP_CAPABLE SYN/ACK
    bool versionEvent = false;                 // the version mismatch event was added
    bool clientAckSeen = false;                // the first client packet after the SYN/ACK
    bool sawDss = false;
    std::optional<PacketRef> thirdAckWithoutMpCapable;
    std::optional<PacketRef> firstDataWithoutDss;
    std::array<SubflowDirection, directionCount> directions; // by TCP direction

    SubflowDirection& direction(Direction tcpDirection) { return directions[index(tcpDirection)]; }
    const SubflowDirection& direction(Direction tcpDirection) const { return directions[index(tcpDirection)]; }
    // The data direction of what is sent in `tcpDirection`.
    Direction mptcpDirection(Direction tcpDirection) const { return flipped ? opposite(tcpDirection) : tcpDirection; }
};

} // namespace core::assembly
