#include "series/decimate.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

namespace core {

void decimate(std::span<const double> x, std::span<const double> y, double x0, double x1,
              int widthPx, std::vector<XYPoint>& out)
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
    const auto columnOf = [&](double value) {
        return std::int64_t(std::floor((value - x0) * scale));
    };

    std::size_t i = begin;
    while (i < end) {
        const std::int64_t column = columnOf(x[i]);
        std::size_t first = i;
        std::size_t lowest = i;
        std::size_t highest = i;
        std::size_t last = i;
        for (++i; i < end && columnOf(x[i]) == column; ++i) {
            if (y[i] < y[lowest])
                lowest = i;
            if (y[i] > y[highest])
                highest = i;
            last = i;
        }
        std::array<std::size_t, 4> picks{first, std::min(lowest, highest), std::max(lowest, highest), last};
        std::size_t previous = size; // no index
        for (const std::size_t p : picks) {
            if (p != previous)
                out.push_back({x[p], y[p]});
            previous = p;
        }
    }
}

} // namespace core
