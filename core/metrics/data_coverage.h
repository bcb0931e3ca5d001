#pragma once

#include <cstdint>
#include <map>

namespace core {

// Which subflow first carried each byte of one direction's data sequence space.
// Adjacent ranges of the same subflow are merged, so in-order transfers keep the map tiny.
class DataCoverage {
public:
    struct Added {
        std::uint64_t newBytes = 0;        // never seen before: first carried by `owner`
        std::uint64_t reinjectedBytes = 0; // first carried by another subflow
    };

    Added add(std::uint64_t start, std::uint64_t end, std::uint32_t owner);

private:
    struct Range {
        std::uint64_t end;
        std::uint32_t owner;
    };
    void insert(std::uint64_t start, std::uint64_t end, std::uint32_t owner);

    std::map<std::uint64_t, Range> m_ranges; // start → [start, end)
};

} // namespace core
