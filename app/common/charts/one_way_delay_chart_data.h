#pragma once

#include "series/chart_data.h"

#include <vector>

namespace app::charts {

// One-way delays of a connection captured at both ends, on the first capture's time line:
// x is when the packet was sent (the second capture's times moved by the clock offset when it
// is applied), y the delay in seconds; each point's packet is the first capture's frame.
struct OneWayDelayChartData {
    std::vector<core::ChartSeries> subflows; // one per matched subflow and direction
    core::ChartSeries lost;                  // y = 0; packet 0 when only the second capture has it
    double minX = 0;
    double maxX = 0;
    double minY = 0;
    double maxY = 0;
    double offsetSeconds = 0; // second clock − first clock
    bool offsetEstimated = false;
    bool offsetApplied = false;
};

} // namespace app::charts
