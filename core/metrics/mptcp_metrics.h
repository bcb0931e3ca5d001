#pragma once

#include "model/mptcp_connection.h"
#include "model/packet_table.h"
#include "model/tcp_connection.h"

#include <vector>

namespace core {

// Data-level figures from the packet table: distinct data bytes, reinjected bytes (carried by
// more than one subflow), which subflow carried the original of each byte, first/last data
// times; lists the reinjections and marks their rows (metrics/reinjections.h).
void computeMptcpMetrics(PacketTable& table, const std::vector<TcpConnection>& tcp,
                         std::vector<MptcpConnection>& connections);

} // namespace core
