#include "series/decimate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace core {

void decimate(std::span<const double> x, std::span<const double> y, double x0, double x1, int widthPx,
              std::vector<XYPoint>& out)
{
    out.clear();
    const std::size_t size = std::min(x.size(), y.size());
    if (size == 0)
        return;
    if (x1 < x0)
        std::swap(x0, x1);

    std::size_t begin = std::size_t(std::lower_bound(x.begin(), x.begin() + std::ptrdiff_t(size), x0) - x.begin());
    std::size_t end = std::size_t(std::upper_bound(x.begin(), x.begin() + std::ptrdiff_t(size), x1) - x.begin());
    if (begin > 0)
        --begin; // keep the line entering the view
    if (end < size)
        ++end; // and leaving it

    const std::size_t columns = std::size_t(std::max(widthPx, 1));
    const std::size_t count = end - begin;
    if (count <= 2 * columns + 2 || !(x1 > x0)) {
        out.reserve(count);
        for (std::size_t i = begin; i < end; ++i)
            out.push_back({x[i], y[i]});
        return;
    }

    out.reserve(4 * columns + 8);
    const double scale = double(columns) / (x1 - x0);
    std::size_t i = begin;
    while (i < end) {
        // The right edge of this point's pixel column: the inner loop only compares x with
        // it, no division or floor per point (this loop is the whole cost at 10 M points).
        const double column = std::floor((x[i] - x0) * scale);
        const double edge = x0 + (column + 1) / scale;
        const std::size_t first = i;
        std::size_t lowest = i;
        std::size_t highest = i;
        double low = y[i];
        double high = y[i];
        for (++i; i < end && x[i] < edge; ++i) {
            const double v = y[i];
            if (v < low) {
                low = v;
                lowest = i;
            }
            if (v > high) {
                high = v;
                highest = i;
            }
        }
        const std::size_t last = i - 1;
        const std::array<std::size_t, 4> picks{first, std::min(lowest, highest), std::max(lowest, highest), last};
        std::size_t previous = size; // no index
        for (const std::size_t p : picks) {
            if (p != previous)
                out.push_back({x[p], y[p]});
            previous = p;
        }
    }
}

} // namespace core
