#pragma once

#include "synth/sample_model.h"

#include <array>
#include <cstdint>
#include <vector>

namespace synth {

// How far a copy of frames moves in every numbering space of the connection. Sequence spaces
// wrap, so moving back is moving forward by the complement.
struct Shift {
    std::int64_t timeNs = 0;
    std::vector<std::array<std::uint32_t, 2>> seq;   // by subflow, by sending subflow side
    std::vector<std::array<std::uint32_t, 2>> tsval; // TCP timestamp clock ticks, likewise
    std::array<std::uint64_t, 2> dsn{};              // by sending connection side

    static Shift none(std::size_t subflows);
    Shift times(std::int64_t k) const;
};

// Rewrites sequence and acknowledgement numbers, SACK blocks, TCP timestamps, DSS data
// sequence numbers, subflow sequence numbers and data acks, and MP_FAIL's DSN, of a frame
// sent as `info` says, and its capture time. Checksums are left to the caller.
void applyShift(Frame& frame, const PacketInfo& info, const SampleModel& model, const Shift& shift);

} // namespace synth
