#pragma once

#include <QString>

#include <vector>

namespace core {
struct MptcpConnection;
}

namespace app::text {

QString tcpStreamFilter(unsigned stream);                        // "tcp.stream == 3"
QString mptcpStreamFilter(unsigned id);                          // "mptcp.stream == 0"
QString subflowsFilter(const core::MptcpConnection& connection); // "tcp.stream in {0 1 2 6}"

} // namespace app::text
