#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace core {

// One packet's data as the capture saw it arrive: `length` bytes from data sequence number `dsn`.
struct DataArrival {
    std::int64_t timeNs = 0;
    std::uint64_t dsn = 0;
    std::uint32_t length = 0;
    std::uint32_t row = 0; // PacketTable row
};

// Bytes [dsnStart, dsnEnd) (modulo 2^64) whose first copy arrived in one packet: they became
// deliverable in order together, once every byte before them had arrived.
struct ReceivedPiece {
    std::uint64_t dsnStart = 0;
    std::uint64_t dsnEnd = 0;
    std::int64_t arrivalNs = 0;
    std::optional<std::int64_t> deliverableNs; // none: a byte before them never arrived in the capture
    std::uint32_t arrivalRow = 0;

    std::uint64_t bytes() const { return dsnEnd - dsnStart; }
};

// The bytes waiting in the out-of-order queue from `timeNs` on, after the packet at `row` (the
// last packet of that time that changed it).
struct QueueStep {
    std::int64_t timeNs = 0;
    std::uint64_t bytes = 0;
    std::uint32_t row = 0;
};

struct ReceiveQueue {
    std::uint64_t startDsn = 0;         // the first byte the receiver expected
    std::vector<ReceivedPiece> pieces;  // in data sequence order from startDsn
    std::vector<QueueStep> steps;       // in time order, one per time the queue changed
    std::uint64_t bytesBeforeStart = 0; // arrived below startDsn: not counted anywhere else
    std::int64_t firstArrivalNs = 0;    // the data's time span (0 and 0 without data)
    std::int64_t lastArrivalNs = 0;
};

// Replays the arrivals (sorted by time here, file order among equal times) against a receiver
// that delivers data in order from `startDsn`: a byte arrives with its first copy and becomes
// deliverable when every byte from `startDsn` up to it has arrived; until then it waits in the
// out-of-order queue. Works on intervals: O(n log n) in the number of arrivals. Data sequence
// numbers wrap modulo 2^64; bytes more than 2^63 below `startDsn` count as after it.
ReceiveQueue replayReceiveQueue(std::uint64_t startDsn, std::span<const DataArrival> arrivals);

} // namespace core
