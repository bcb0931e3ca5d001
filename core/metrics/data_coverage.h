#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace core {

// Which subflow first carried each byte of one direction's data sequence space, and which
// bytes more than one subflow carried. Adjacent ranges alike are merged, so in-order
// transfers keep the structure tiny.
class DataCoverage {
public:
    struct Added {
        std::uint64_t newBytes = 0;    // never seen before: first carried by `subflow`
        std::uint64_t sharedBytes = 0; // only another subflow had carried them: now more than one has
    };

    Added add(std::uint64_t start, std::uint64_t end, std::uint32_t subflow);

    // The ranges more than one subflow carried, in order, [start, end), adjacent ones merged.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> sharedRanges() const;

    // How many ranges are kept: adjacent ones with the same first carrier and sharing merge.
    std::size_t rangeCount() const { return m_ranges.size(); }

private:
    struct Range {
        std::uint64_t start;
        std::uint64_t end;
        std::uint32_t firstCarrier;
        bool shared;
    };
    Added addWithin(std::uint64_t start, std::uint64_t end, std::uint32_t subflow);
    void replace(std::size_t from, std::size_t to);

    // Sorted by start, disjoint. A flat vector: data mostly arrives in order, so nearly every
    // add extends or follows the last range, and the rest land near the end.
    std::vector<Range> m_ranges;
    std::vector<Range> m_pieces; // scratch for addWithin, kept to reuse its storage
};

} // namespace core
