#pragma once

#include "charts/chart_builder.h"
#include "one_way_delay_cache.h"

namespace app::charts {

OneWayDelayChartData oneWayDelayChartData(const LoadedPair& pair, const core::compare::ConnectionDelays& delays);

// The "One-way delay" chart of a pair's connection (request.connection names it in the first
// capture): one point cloud per matched subflow and direction, lost packets marked, the clock
// offset stated in the title. Null with `error` set when there is nothing to draw.
QChart* buildOneWayDelayChart(const PairPtr& pair, const core::compare::ConnectionDelays& delays,
                              const ChartRequest& request, QString* error = nullptr);

} // namespace app::charts
