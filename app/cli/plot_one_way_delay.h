#pragma once

#include "charts/chart_builder.h"

#include <QSize>

namespace app::cli {

struct Invocation;

// plot owd FILE1 FILE2: one-way delays of a connection of FILE1 captured at both ends.
int plotOneWayDelay(const Invocation& invocation, const charts::ChartRequest& request, QSize size);

} // namespace app::cli
