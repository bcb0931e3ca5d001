#include "metrics/mptcp_metrics.h"

#include "metrics/data_coverage.h"
#include "metrics/reinjections.h"

#include <algorithm>
#include <unordered_map>

namespace core {

void computeMptcpMetrics(PacketTable& table, const std::vector<TcpConnection>& tcp,
                         std::vector<MptcpConnection>& connections)
{
    struct Slot {
        std::uint32_t connection = 0;
        std::uint32_t subflowIndex = 0;
    };
    std::vector<std::optional<Slot>> slotOfStream(tcp.size());
    for (std::uint32_t i = 0; i < connections.size(); ++i) {
        auto& connection = connections[i];
        connection.subflowStats.clear();
        for (std::uint32_t s = 0; s < connection.subflows.size(); ++s) {
            const auto stream = connection.subflows[s].value;
            slotOfStream[stream] = Slot{i, s};
            SubflowStats stats;
            stats.stream = connection.subflows[s];
            stats.reversed = tcp[stream].subflow.reversed;
            for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
                const Direction side = tcp[stream].subflow.reversed ? opposite(d) : d;
                stats.payloadBytes[index(side)] = tcp[stream].stats(d).payloadBytes;
            }
            connection.subflowStats.push_back(stats);
        }
    }

    std::vector<std::array<DataCoverage, directionCount>> coverage(connections.size());
    for (std::size_t row = 0; row < table.size(); ++row) {
        const std::uint32_t length = table.length[row];
        const std::uint64_t dsn = table.dsn[row];
        if (length == 0 || dsn == PacketTable::noDsn || (table.marks[row] & PacketTable::DsnUnexpanded))
            continue;
        const std::uint32_t stream = table.stream[row];
        const auto& slot = slotOfStream[stream];
        if (!slot)
            continue;
        const Direction tcpDirection = table.tcpDirection(row);
        const Direction side = tcp[stream].subflow.reversed ? opposite(tcpDirection) : tcpDirection;
        MptcpConnection& connection = connections[slot->connection];
        MptcpDirectionStats& stats = connection.directions[index(side)];

        const auto added = coverage[slot->connection][index(side)].add(dsn, dsn + length, slot->subflowIndex);
        // In this order: with the two neighbouring sums next to each other, GCC adds them as
        // one vector, through a stack copy of `added` that stalls on store forwarding (half
        // of this loop's time).
        stats.dataBytes += added.newBytes;
        connection.subflowStats[slot->subflowIndex].firstCarriedBytes[index(side)] += added.newBytes;
        // Data is reinjected when more than one subflow carries it, whichever copy came first.
        stats.reinjectedBytes += added.sharedBytes;

        const std::int64_t timeNs = table.timeNs[row];
        if (!stats.sawData) {
            stats.firstDataNs = stats.lastDataNs = timeNs;
            stats.sawData = true;
        }
        stats.firstDataNs = std::min(stats.firstDataNs, timeNs);
        stats.lastDataNs = std::max(stats.lastDataNs, timeNs);
    }

    std::vector<std::array<DsnRanges, directionCount>> shared(connections.size());
    for (std::size_t c = 0; c < connections.size(); ++c)
        for (int d = 0; d < directionCount; ++d)
            shared[c][std::size_t(d)] = coverage[c][std::size_t(d)].sharedRanges();
    findReinjections(table, tcp, connections, shared);
}

} // namespace core
