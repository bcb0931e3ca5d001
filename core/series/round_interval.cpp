#include "series/round_interval.h"

#include <algorithm>
#include <cmath>

namespace core {

double roundUpTo125(double value)
{
    if (!(value > 0) || !std::isfinite(value))
        return 1.0;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    // A value that is already round (0.02 computed as 0.020000000000000004) stays itself.
    const double tolerance = 1 + 1e-9;
    for (const double mantissa : {1.0, 2.0, 5.0, 10.0})
        if (value <= mantissa * magnitude * tolerance)
            return mantissa * magnitude;
    return 10 * magnitude;
}

double roundIntervalFor(double span, int count) { return roundUpTo125(span / std::max(count, 1)); }

} // namespace core
