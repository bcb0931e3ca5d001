#include "metrics/data_coverage.h"

#include <algorithm>
#include <iterator>

namespace core {

DataCoverage::Added DataCoverage::add(std::uint64_t start, std::uint64_t end, std::uint32_t subflow)
{
    Added result;
    std::uint64_t cursor = start;
    while (cursor < end) {
        const auto after = m_ranges.upper_bound(cursor);
        if (after != m_ranges.begin()) {
            const auto covering = std::prev(after);
            if (covering->second.end > cursor) {
                const std::uint64_t coveredEnd = std::min(end, covering->second.end);
                if (!covering->second.shared && covering->second.firstCarrier != subflow) {
                    result.sharedBytes += coveredEnd - cursor;
                    share(covering, cursor, coveredEnd);
                }
                cursor = coveredEnd;
                continue;
            }
        }
        const std::uint64_t gapEnd = after != m_ranges.end() ? std::min(after->first, end) : end;
        insert(cursor, Range{gapEnd, subflow, false});
        result.newBytes += gapEnd - cursor;
        cursor = gapEnd;
    }
    return result;
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> DataCoverage::sharedRanges() const
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> result;
    for (const auto& [start, range] : m_ranges) {
        if (!range.shared)
            continue;
        if (!result.empty() && result.back().second == start)
            result.back().second = range.end;
        else
            result.emplace_back(start, range.end);
    }
    return result;
}

// Splits the unshared range at `covering` so that [from, to) becomes shared.
void DataCoverage::share(std::map<std::uint64_t, Range>::iterator covering, std::uint64_t from, std::uint64_t to)
{
    const std::uint64_t start = covering->first;
    const Range range = covering->second;
    m_ranges.erase(covering);
    if (start < from)
        m_ranges.emplace(start, Range{from, range.firstCarrier, false});
    if (to < range.end)
        m_ranges.emplace(to, Range{range.end, range.firstCarrier, false});
    insert(from, Range{to, range.firstCarrier, true});
}

void DataCoverage::insert(std::uint64_t start, Range range)
{
    const auto alike = [&range](const Range& other) {
        return other.firstCarrier == range.firstCarrier && other.shared == range.shared;
    };
    auto next = m_ranges.lower_bound(start);
    if (next != m_ranges.begin()) {
        const auto previous = std::prev(next);
        if (previous->second.end == start && alike(previous->second)) {
            start = previous->first;
            m_ranges.erase(previous);
        }
    }
    next = m_ranges.lower_bound(range.end);
    if (next != m_ranges.end() && next->first == range.end && alike(next->second)) {
        range.end = next->second.end;
        m_ranges.erase(next);
    }
    m_ranges[start] = range;
}

} // namespace core
