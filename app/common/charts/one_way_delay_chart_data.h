#pragma once

#include "series/chart_data.h"

#include <QString>

#include <array>
#include <vector>

namespace app::charts {

// One-way delays of a connection captured at both ends, on the first capture's time line:
// x is when the packet was sent (the second capture's times moved by the clock offset when it
// is applied), y the delay in seconds; each point's packet is the first capture's frame.
struct OneWayDelayChartData {
    std::vector<core::ChartSeries> subflows; // one per matched subflow and direction
    // Packets the receiver never captured, y = 0, by the capture that sent them (0: the first,
    // 1: the second); each point's packet is that capture's frame.
    std::array<core::ChartSeries, 2> lost;
    std::array<QString, 2> fileNames; // of the first and the second capture
    double minX = 0;
    double maxX = 0;
    double minY = 0;
    double maxY = 0;
    double offsetSeconds = 0; // second clock − first clock
    bool offsetEstimated = false;
    bool offsetApplied = false;
};

} // namespace app::charts
