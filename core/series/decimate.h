#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace core {

struct XYPoint {
    double x = 0;
    double y = 0;
    friend bool operator==(const XYPoint&, const XYPoint&) = default;
};

// The points of (x, y) — x ascending — worth drawing between x0 and x1 on `widthPx` pixel
// columns: one point outside the range on each side, everything when there are fewer than
// about two points per column, else per column its first, lowest, highest and last point in
// x order. Each column's extremes survive, so the picture is the same as with all points.
void decimate(std::span<const double> x, std::span<const double> y, double x0, double x1, int widthPx,
              std::vector<XYPoint>& out);

} // namespace core
