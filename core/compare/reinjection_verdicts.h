#pragma once

#include "compare/one_way_delay.h"
#include "model/capture.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace core::compare {

enum class Verdict : std::uint8_t {
    Useful,    // the reinjected copy reached the receiver first, or the original never did
    Redundant, // the original reached the receiver first (or the reinjected copy never did)
    Unknown,   // neither reached it, or a copy's subflow has no counterpart in the other capture
};

const char* verdictName(Verdict verdict); // "useful", "redundant", "unknown"

// When all the bytes of a reinjected range had reached the receiver through one copy.
// Seconds after the original was sent, on the sender's clock (the clock offset of the
// one-way delays removed when it was applied).
struct Arrival {
    double seconds = 0;
    std::uint32_t receiverRow = 0; // the receiver's packet that completed the range
    std::int64_t receiverNs = 0;   // its time, on the receiver's clock
};

struct ReinjectionVerdict {
    std::size_t reinjection = 0; // index in the sender's MptcpConnection::reinjections
    Verdict verdict = Verdict::Unknown;
    std::optional<Arrival> original;    // any packet of the original's subflow, TCP retransmissions included
    std::optional<Arrival> reinjected;  // any packet of the reinjected copies
    std::optional<double> savedSeconds; // original − reinjected arrival when both arrived: > 0 saved, ≤ 0 cost
};

struct VerdictTotals {
    std::array<std::uint32_t, 3> count{}; // by Verdict
    std::array<std::uint64_t, 3> bytes{};
    double savedSeconds = 0; // sum of the positive savedSeconds
    double costSeconds = 0;  // sum of the negative savedSeconds, as a positive figure

    void add(const ReinjectionVerdict& verdict, std::uint64_t bytes);
};

// Totals of the reinjections sent on one subflow (the reinjected copy's subflow).
struct SubflowVerdictTotals {
    TcpStreamId stream; // tcp.stream in the sender's capture
    VerdictTotals totals;
};

// One MPTCP direction of the data.
struct DirectionVerdicts {
    Direction direction = Direction::ClientToServer;       // MPTCP direction in the first capture
    bool senderKnown = false;                              // some packet of it was matched across the captures
    bool senderIsFirst = true;                             // as the one-way delays decided for its subflows
    MptcpId senderId;                                      // mptcp.stream in the sender's capture
    Direction senderDirection = Direction::ClientToServer; // the same MPTCP direction, in the sender's capture
    std::vector<ReinjectionVerdict> verdicts;              // the sender's reinjections of this direction, in order
    VerdictTotals totals;
    std::vector<SubflowVerdictTotals> subflows; // by stream
};

// Whether each reinjection of an MPTCP connection captured at both ends was useful: for
// each direction of the data, the reinjections of the sender's capture, the receiver's
// arrival of each copy through the packets the one-way delays matched.
struct ReinjectionVerdicts {
    std::array<DirectionVerdicts, directionCount> directions{}; // client → server first (first capture)
    VerdictTotals totals;
    double offsetSeconds = 0; // clock offset removed from the receiver's times (second − first), 0 when not applied

    // The verdict of reinjection `index` (in MptcpConnection::reinjections) of the connection in
    // the first (or second) capture; null when that capture is not the sender of its direction.
    const ReinjectionVerdict* find(bool inFirstCapture, std::size_t index) const;
    // The verdict of the reinjection a packet row of the sender's capture belongs to (a row
    // in several: useful wins over redundant over unknown); null for other rows.
    std::optional<Verdict> verdictOfRow(bool inFirstCapture, std::uint32_t row) const;

    std::vector<std::pair<std::uint32_t, Verdict>> rowVerdictsFirst;  // by row
    std::vector<std::pair<std::uint32_t, Verdict>> rowVerdictsSecond; // by row
};

ReinjectionVerdicts qualifyReinjections(const Capture& first, const Capture& second, const MptcpMatch& match,
                                        const std::vector<TcpMatch>& subflows, const ConnectionDelays& delays);

} // namespace core::compare
