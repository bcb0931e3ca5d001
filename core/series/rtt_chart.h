#pragma once

#include "model/capture.h"
#include "series/chart_data.h"

#include <vector>

namespace core {

// Round-trip time samples over time: x is when the segment was sent, y the round-trip time in
// seconds; each point's packet is the segment's, its length the segment's payload.
struct RttChartData {
    std::vector<ChartSeries> subflows; // one per subflow (one for a plain TCP connection)
    double maxY = 0;
    double minX = 0;
    double maxX = 0;
};

// MPTCP connection: the subflows' samples for data of `direction` (the MPTCP direction).
RttChartData buildRttChart(const Capture& capture, const MptcpConnection& connection, Direction direction);
// One TCP connection: the samples of `sender` (its TCP direction).
RttChartData buildTcpRttChart(const Capture& capture, TcpStreamId stream, Direction sender);

} // namespace core
