#pragma once

#include "synth/sample_model.h"
#include "synth/shift.h"

#include <cstddef>

namespace synth {

// How the frames after the phase meet the frames before it once the phase is repeated or
// dropped. Acknowledgements must never move backwards there: when the phase is repeated,
// each subflow and each data direction has at least as many bytes in flight at the phase's
// end as at its start; when it is dropped, at most as many.
enum class Junction { Repeat, Drop };

// Frames [begin, end) of the sample: the data transfer between the connection's set-up and its
// end, cut where every subflow's sent bytes and every DSS mapping are complete, so that it can
// be played again (or left out) with every number moved on by `shift`.
struct Phase {
    std::size_t begin = 0;
    std::size_t end = 0;
    Shift shift; // what one pass of the phase adds
};

// The longest phase for that junction; throws std::runtime_error when the sample has none.
Phase findPhase(const SampleModel& model, Junction junction);

} // namespace synth
