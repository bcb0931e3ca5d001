#include "metrics/reordering_figures.h"

#include <algorithm>
#include <utility>
#include <vector>

namespace core {
namespace {

// The wait of the byte at rank ⌈0.95 n⌉ among the delivered bytes, by increasing wait.
std::int64_t byteWeightedP95(std::vector<std::pair<std::int64_t, std::uint64_t>> waits, std::uint64_t total)
{
    if (total == 0)
        return 0;
    std::sort(waits.begin(), waits.end());
    const std::uint64_t rank = (total * 95 + 99) / 100;
    std::uint64_t seen = 0;
    for (const auto& [wait, bytes] : waits) {
        seen += bytes;
        if (seen >= rank)
            return wait;
    }
    return waits.back().first;
}

// How long the queue held each size between the first and the last arrival.
std::vector<std::pair<std::uint64_t, std::int64_t>> queueDurations(const ReceiveQueue& queue)
{
    std::vector<std::pair<std::uint64_t, std::int64_t>> durations;
    std::uint64_t size = 0;
    std::int64_t since = queue.firstArrivalNs;
    for (const QueueStep& step : queue.steps) {
        durations.emplace_back(size, step.timeNs - since);
        size = step.bytes;
        since = step.timeNs;
    }
    durations.emplace_back(size, queue.lastArrivalNs - since);
    return durations;
}

std::uint64_t timeWeightedP95(const ReceiveQueue& queue, std::uint64_t max)
{
    auto durations = queueDurations(queue);
    const std::int64_t span = queue.lastArrivalNs - queue.firstArrivalNs;
    if (span <= 0)
        return max;
    std::sort(durations.begin(), durations.end());
    std::int64_t covered = 0;
    for (const auto& [size, duration] : durations) {
        covered += duration;
        if (double(covered) >= 0.95 * double(span))
            return size;
    }
    return max;
}

} // namespace

ReorderingFigures reorderingFigures(const ReceiveQueue& queue)
{
    ReorderingFigures figures;
    std::vector<std::pair<std::int64_t, std::uint64_t>> waits;
    for (const ReceivedPiece& piece : queue.pieces) {
        figures.bytes += piece.bytes();
        if (!piece.deliverableNs) {
            figures.neverDeliverableBytes += piece.bytes();
            continue;
        }
        const std::int64_t wait = *piece.deliverableNs - piece.arrivalNs;
        figures.deliveredBytes += piece.bytes();
        if (wait > 0)
            figures.waitedBytes += piece.bytes();
        figures.maxWaitNs = std::max(figures.maxWaitNs, wait);
        figures.waitByteSeconds += double(piece.bytes()) * double(wait) / 1e9;
        waits.emplace_back(wait, piece.bytes());
    }
    figures.p95WaitNs = byteWeightedP95(std::move(waits), figures.deliveredBytes);
    for (const QueueStep& step : queue.steps)
        figures.maxQueueBytes = std::max(figures.maxQueueBytes, step.bytes);
    figures.p95QueueBytes = timeWeightedP95(queue, figures.maxQueueBytes);
    return figures;
}

double queueByteSeconds(const ReceiveQueue& queue)
{
    double total = 0;
    for (const auto& [size, duration] : queueDurations(queue))
        total += double(size) * double(duration) / 1e9;
    return total;
}

} // namespace core
