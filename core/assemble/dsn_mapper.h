#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace core {

// DSS mappings of one subflow direction: data sequence number ↔ relative subflow sequence.
// A mapping often covers a burst of segments and is repeated on each (Linux), and
// consecutive mappings usually continue each other (one per segment in older kernels): both
// collapse into one entry, so memory grows only with discontinuities (reinjections, gaps),
// while every mapping ever seen stays available for late and retransmitted segments.
class DsnMapper {
public:
    struct Mapping {
        std::uint64_t dsn = 0;        // 64-bit, or the raw 32 bits when `expanded` is false
        std::uint32_t subflowSeq = 0; // relative to the subflow's initial sequence number
        std::uint32_t length = 0;     // 0: infinite mapping (fallback)
        bool expanded = true;
        bool continued = false; // found by continuing the last mapping after a fallback
    };

    void add(const Mapping& mapping);

    // The connection fell back to TCP (RFC 8684 §3.7): from the end of what is mapped so far,
    // a byte no mapping covers continues the mapping that ends closest below it.
    void fallBack();
    bool fellBack() const { return m_fallbackFrom.has_value(); }

    // The mapping covering the byte at `relativeSeq`, with `subflowSeq` adjusted to the
    // entry it was merged into.
    std::optional<Mapping> find(std::uint32_t relativeSeq) const;

    std::size_t entries() const { return m_entries.size(); }

private:
    struct Entry {
        std::uint64_t subflowSeq; // unwrapped to 64 bits
        std::uint64_t dsn;
        std::uint64_t length; // 0: infinite
        bool expanded;
    };
    std::uint64_t unwrap(std::uint32_t relativeSeq) const;

    void updateReach(std::size_t from);

    std::vector<Entry> m_entries;       // sorted by subflowSeq
    std::vector<std::uint64_t> m_reach; // [i]: the furthest end among entries 0..i (find stops early)
    std::uint64_t m_reference = 0;
    bool m_any = false;
    std::optional<std::uint64_t> m_fallbackFrom; // unwrapped subflow sequence number
};

} // namespace core
