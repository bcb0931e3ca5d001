#pragma once

#include "series/chart_data.h"
#include "series/receive_reordering.h"

namespace core {

// The bytes waiting in the receiver's out-of-order queue over time, as a step line: two points
// at each change (the size before, then after), from the first data arrival to the last.
struct QueueChartData {
    ChartSeries queue;
    ConnectionReordering reordering;
    double maxY = 0;
    double minX = 0;
    double maxX = 0;
};

QueueChartData buildQueueChart(const Capture& capture, const MptcpConnection& connection, Direction direction);

} // namespace core
