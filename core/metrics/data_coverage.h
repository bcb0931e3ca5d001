#pragma once

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace core {

// Which subflow first carried each byte of one direction's data sequence space, and which
// bytes more than one subflow carried. Adjacent ranges alike are merged, so in-order
// transfers keep the map tiny.
class DataCoverage {
public:
    struct Added {
        std::uint64_t newBytes = 0;    // never seen before: first carried by `subflow`
        std::uint64_t sharedBytes = 0; // only another subflow had carried them: now more than one has
    };

    Added add(std::uint64_t start, std::uint64_t end, std::uint32_t subflow);

    // The ranges more than one subflow carried, in order, [start, end), adjacent ones merged.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> sharedRanges() const;

private:
    struct Range {
        std::uint64_t end;
        std::uint32_t firstCarrier;
        bool shared;
    };
    void insert(std::uint64_t start, Range range);
    void share(std::map<std::uint64_t, Range>::iterator covering, std::uint64_t from, std::uint64_t to);

    std::map<std::uint64_t, Range> m_ranges; // start → [start, end)
};

} // namespace core
