#pragma once

#include "model/ids.h"

#include <cstdint>
#include <vector>

namespace core {

// One range of data that more than one subflow carried: the transmission that carried it first
// (the original, with its TCP retransmissions) and the later ones (reinjections). Which copy
// the capture saw first does not decide: downstream of a loss the reinjected copy can arrive
// before the original's own retransmission; the original is the copy its subflow was first
// seen to have sent (see metrics/reinjections.h).
struct Reinjection {
    Direction direction = Direction::ClientToServer; // MPTCP direction of the data
    std::uint64_t dsnStart = 0;                      // 64-bit data sequence numbers, [dsnStart, dsnEnd)
    std::uint64_t dsnEnd = 0;
    TcpStreamId originalStream;
    std::vector<std::uint32_t> originalRows;    // packet-table rows, in file order
    std::vector<std::uint32_t> reinjectionRows; // packet-table rows, in file order
    // The earliest sign that the original was sent: its first packet, or, when the capture
    // missed that packet, the later packet of the same subflow that came after it.
    std::uint32_t originalSentRow = 0;
    std::int64_t originalSentNs = 0;

    std::uint64_t bytes() const { return dsnEnd - dsnStart; }
};

// Bytes a packet carried first although another subflow's copy was the original: the share
// of the data goes to the original's subflow (`subflowIndex` in the connection).
struct ShareTransfer {
    std::uint32_t row = 0;
    std::uint32_t subflowIndex = 0;
    std::uint64_t bytes = 0;
};

} // namespace core
