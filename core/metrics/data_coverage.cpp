#include "metrics/data_coverage.h"

#include <algorithm>
#include <iterator>

namespace core {

DataCoverage::Added DataCoverage::add(std::uint64_t start, std::uint64_t end, std::uint32_t owner)
{
    Added result;
    std::uint64_t cursor = start;
    while (cursor < end) {
        const auto after = m_ranges.upper_bound(cursor);
        if (after != m_ranges.begin()) {
            const auto covering = std::prev(after);
            if (covering->second.end > cursor) {
                const std::uint64_t coveredEnd = std::min(end, covering->second.end);
                if (covering->second.owner != owner)
                    result.reinjectedBytes += coveredEnd - cursor;
                cursor = coveredEnd;
                continue;
            }
        }
        const std::uint64_t gapEnd = after != m_ranges.end() ? std::min(after->first, end) : end;
        insert(cursor, gapEnd, owner);
        result.newBytes += gapEnd - cursor;
        cursor = gapEnd;
    }
    return result;
}

void DataCoverage::insert(std::uint64_t start, std::uint64_t end, std::uint32_t owner)
{
    auto next = m_ranges.lower_bound(start);
    if (next != m_ranges.begin()) {
        auto previous = std::prev(next);
        if (previous->second.end == start && previous->second.owner == owner) {
            start = previous->first;
            m_ranges.erase(previous);
        }
    }
    next = m_ranges.lower_bound(end);
    if (next != m_ranges.end() && next->first == end && next->second.owner == owner) {
        end = next->second.end;
        m_ranges.erase(next);
    }
    m_ranges[start] = Range{end, owner};
}

} // namespace core
