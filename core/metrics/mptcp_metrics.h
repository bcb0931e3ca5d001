#pragma once

#include "model/mptcp_connection.h"
#include "model/tcp_connection.h"
#include "model/packet_table.h"

#include <vector>

namespace core {

// Data-level figures from the packet table: distinct data bytes, reinjected bytes, which
// subflow first carried each byte, first/last data times; marks reinjected rows.
void computeMptcpMetrics(PacketTable& table, const std::vector<TcpConnection>& tcp,
                         std::vector<MptcpConnection>& connections);

} // namespace core
