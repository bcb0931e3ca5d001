#pragma once

#include "metrics/receive_queue.h"

#include <cstdint>

namespace core {

// Head-of-line blocking at the receiver, from a replayed out-of-order queue.
struct ReorderingFigures {
    std::uint64_t bytes = 0;                 // distinct bytes from the start DSN on
    std::uint64_t deliveredBytes = 0;        // became deliverable in the capture
    std::uint64_t waitedBytes = 0;           // of those, the ones that waited (> 0 s)
    std::uint64_t neverDeliverableBytes = 0; // after a hole the capture never saw filled
    // Byte-weighted, over the delivered bytes: every byte counts once with its wait (deliverable
    // time − arrival time); the p95 is the wait of the byte at rank ⌈0.95 n⌉ in increasing order.
    std::int64_t maxWaitNs = 0;
    std::int64_t p95WaitNs = 0;
    // Time-weighted over the data's span (first to last arrival): the p95 is the smallest size
    // the queue stayed at or below for at least 95 % of that time (the maximum when the span is 0).
    std::uint64_t maxQueueBytes = 0;
    std::uint64_t p95QueueBytes = 0;
    // Σ bytes × wait of the delivered bytes, in byte·seconds.
    double waitByteSeconds = 0;
};

ReorderingFigures reorderingFigures(const ReceiveQueue& queue);

// ∫ queue size dt from the first to the last arrival, in byte·seconds: the delivered bytes'
// waitByteSeconds plus, for each never-deliverable byte, the time from its arrival to the last.
double queueByteSeconds(const ReceiveQueue& queue);

} // namespace core
