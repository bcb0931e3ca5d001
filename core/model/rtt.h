#pragma once

#include <cstdint>

namespace core {

// One round-trip time measurement as the data sender sees it: from a segment it sent to the
// first acknowledgement, cumulative or selective, of any of that segment's bytes.
struct RttSample {
    std::uint32_t segmentRow; // PacketTable row of the transmission measured from
    std::uint32_t ackRow;     // PacketTable row of the acknowledgement
};

// The samples of one TCP connection and data direction, and their spread. Median and 95th
// percentile are nearest-rank: each figure is one of the samples.
struct RttSummary {
    std::uint64_t firstSample = 0; // index into Capture::rttSamples
    std::uint32_t samples = 0;
    std::int64_t minNs = 0;
    std::int64_t medianNs = 0;
    std::int64_t p95Ns = 0;
    std::int64_t maxNs = 0;
};

} // namespace core
