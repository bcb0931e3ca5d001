#include "series/receive_reordering.h"

#include <algorithm>

namespace core {

std::vector<DataArrival> dataArrivals(const Capture& capture, const MptcpConnection& connection, Direction direction)
{
    // By tcp.stream: whether the subflow is part of the connection, and reversed.
    std::vector<std::int8_t> reversed(capture.tcp.size(), -1);
    for (const auto& subflow : connection.subflowStats)
        reversed[subflow.stream.value] = subflow.reversed ? 1 : 0;
    const PacketTable& table = capture.table;
    std::vector<DataArrival> result;
    for (std::size_t row = 0; row < table.size(); ++row) {
        const std::int8_t r = reversed[table.stream[row]];
        if (r < 0 || table.length[row] == 0 || table.dsn[row] == PacketTable::noDsn ||
            (table.marks[row] & PacketTable::DsnUnexpanded))
            continue;
        const Direction side = r ? opposite(table.tcpDirection(row)) : table.tcpDirection(row);
        if (side == direction)
            result.push_back({table.timeNs[row], table.dsn[row], table.length[row], std::uint32_t(row)});
    }
    return result;
}

ConnectionReordering connectionReordering(const Capture& capture, const MptcpConnection& connection,
                                          Direction direction)
{
    ConnectionReordering result;
    const auto arrivals = dataArrivals(capture, connection, direction);
    const MptcpKeyInfo& key = direction == Direction::ClientToServer ? connection.client : connection.server;
    result.fromIdsn = key.key.has_value();
    std::uint64_t start = key.idsn + 1;
    if (!result.fromIdsn) {
        start = arrivals.empty() ? 0 : arrivals.front().dsn;
        for (const DataArrival& arrival : arrivals)
            start = std::min(start, arrival.dsn);
    }
    result.queue = replayReceiveQueue(start, arrivals);
    result.figures = reorderingFigures(result.queue);
    return result;
}

} // namespace core
