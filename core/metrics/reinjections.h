#pragma once

#include "model/mptcp_connection.h"
#include "model/packet_table.h"
#include "model/tcp_connection.h"

#include <array>
#include <cstdint>
#include <utility>
#include <vector>

namespace core {

using DsnRanges = std::vector<std::pair<std::uint64_t, std::uint64_t>>; // [start, end), in order

// For the data each connection sent on more than one subflow (`shared[c][d]`, from
// DataCoverage::sharedRanges), finds every copy and settles which one was the original:
// the one whose subflow was first seen to have sent it. That is the copy's first packet,
// unless the capture missed it: when a later packet of the same subflow skipped over its
// sequence numbers, the copy had been sent by then (a loss before the capture point; its TCP
// retransmission comes after, often after the reinjection). Fills each connection's
// `reinjections` and `shareTransfers`, moves `firstCarriedBytes` to the original's subflow
// and marks the rows of every later copy PacketTable::Reinjection.
void findReinjections(PacketTable& table, const std::vector<TcpConnection>& tcp,
                      std::vector<MptcpConnection>& connections,
                      const std::vector<std::array<DsnRanges, directionCount>>& shared);

struct ReinjectionFlow {
    TcpStreamId from;        // the original's subflow
    TcpStreamId to;          // the reinjection's subflow
    std::uint32_t count = 0; // reinjected ranges
    std::uint64_t bytes = 0;
};

struct ReinjectionTotals {
    std::uint32_t count = 0;
    std::uint64_t bytes = 0;            // equals the direction's reinjectedBytes
    std::vector<ReinjectionFlow> flows; // by (from, to)
};

ReinjectionTotals reinjectionTotals(const PacketTable& table, const MptcpConnection& connection, Direction direction);

// A packet of the original and a packet of a reinjection whose data overlap.
struct ReinjectionPair {
    std::uint32_t originalRow = 0;
    std::uint32_t reinjectionRow = 0;
};

// Ordered by reinjection row, then original row.
std::vector<ReinjectionPair> reinjectionPairs(const PacketTable& table, const Reinjection& reinjection);

} // namespace core
