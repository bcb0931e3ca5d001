#include "metrics/data_coverage.h"

#include <algorithm>

namespace core {
namespace {

template <typename Range> bool alike(const Range& a, const Range& b)
{
    return a.firstCarrier == b.firstCarrier && a.shared == b.shared;
}

} // namespace

DataCoverage::Added DataCoverage::add(std::uint64_t start, std::uint64_t end, std::uint32_t subflow)
{
    if (start >= end)
        return {};
    if (m_ranges.empty() || start >= m_ranges.back().end) {
        const Range range{start, end, subflow, false};
        if (!m_ranges.empty() && m_ranges.back().end == start && alike(m_ranges.back(), range))
            m_ranges.back().end = end;
        else
            m_ranges.push_back(range);
        return {end - start, 0};
    }
    return addWithin(start, end, subflow);
}

// [start, end) overlaps or precedes the last range: rebuild the ranges it touches, with their
// neighbours so that alike ones merge, and put them back in place.
DataCoverage::Added DataCoverage::addWithin(std::uint64_t start, std::uint64_t end, std::uint32_t subflow)
{
    Added result;
    const auto first = std::partition_point(m_ranges.begin(), m_ranges.end(),
                                            [start](const Range& r) { return r.end <= start; });
    const auto last = std::partition_point(first, m_ranges.end(), [end](const Range& r) { return r.start < end; });
    std::size_t from = std::size_t(first - m_ranges.begin());
    std::size_t to = std::size_t(last - m_ranges.begin());

    m_pieces.clear();
    if (from > 0)
        m_pieces.push_back(m_ranges[--from]);
    std::uint64_t cursor = start;
    for (std::size_t i = std::size_t(first - m_ranges.begin()); i < to; ++i) {
        const Range range = m_ranges[i];
        if (range.start > cursor) {
            m_pieces.push_back({cursor, range.start, subflow, false});
            result.newBytes += range.start - cursor;
        }
        if (range.start < start)
            m_pieces.push_back({range.start, start, range.firstCarrier, range.shared});
        const std::uint64_t coveredFrom = std::max(range.start, start);
        const std::uint64_t coveredTo = std::min(range.end, end);
        const bool sharedNow = !range.shared && range.firstCarrier != subflow;
        if (sharedNow)
            result.sharedBytes += coveredTo - coveredFrom;
        m_pieces.push_back({coveredFrom, coveredTo, range.firstCarrier, range.shared || sharedNow});
        if (range.end > end)
            m_pieces.push_back({end, range.end, range.firstCarrier, range.shared});
        cursor = coveredTo;
    }
    if (cursor < end) {
        m_pieces.push_back({cursor, end, subflow, false});
        result.newBytes += end - cursor;
    }
    if (to < m_ranges.size())
        m_pieces.push_back(m_ranges[to++]);
    replace(from, to);
    return result;
}

// Replaces m_ranges[from, to) by m_pieces, merging adjacent alike pieces.
void DataCoverage::replace(std::size_t from, std::size_t to)
{
    std::size_t merged = 0;
    for (const Range& piece : m_pieces) {
        if (merged > 0 && m_pieces[merged - 1].end == piece.start && alike(m_pieces[merged - 1], piece))
            m_pieces[merged - 1].end = piece.end;
        else
            m_pieces[merged++] = piece;
    }
    m_pieces.resize(merged);
    const std::size_t old = to - from;
    if (merged > old)
        m_ranges.insert(m_ranges.begin() + std::ptrdiff_t(to), merged - old, Range{});
    else
        m_ranges.erase(m_ranges.begin() + std::ptrdiff_t(from + merged), m_ranges.begin() + std::ptrdiff_t(to));
    std::copy(m_pieces.begin(), m_pieces.end(), m_ranges.begin() + std::ptrdiff_t(from));
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> DataCoverage::sharedRanges() const
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> result;
    for (const Range& range : m_ranges) {
        if (!range.shared)
            continue;
        if (!result.empty() && result.back().second == range.start)
            result.back().second = range.end;
        else
            result.emplace_back(range.start, range.end);
    }
    return result;
}

} // namespace core
