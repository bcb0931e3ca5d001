#include "metrics/receive_queue.h"

#include <algorithm>
#include <iterator>
#include <map>

namespace core {
namespace {

constexpr std::uint64_t halfSpace = std::uint64_t(1) << 63;

// The receiver's state, in offsets from the start DSN: everything below `inOrder` arrived; the
// bytes of `held` (merged intervals, start → end) arrived above a hole.
class Receiver {
public:
    explicit Receiver(ReceiveQueue& result)
        : m_result(result)
    {
    }

    void arrive(const DataArrival& arrival)
    {
        std::uint64_t from = arrival.dsn - m_result.startDsn;
        std::uint64_t to = from + arrival.length;
        if (from >= halfSpace) { // starts before the start DSN
            const std::uint64_t before = std::uint64_t(0) - from;
            m_result.bytesBeforeStart += std::min<std::uint64_t>(before, arrival.length);
            if (arrival.length <= before)
                return;
            from = 0;
        }
        from = std::max(from, m_inOrder);
        if (from < to)
            hold(from, to, arrival);
        deliver(arrival.timeNs);
        record(arrival);
    }

private:
    // Adds the bytes of [from, to) not held yet as new pieces and merges the interval into `held`.
    void hold(std::uint64_t from, std::uint64_t to, const DataArrival& arrival)
    {
        auto it = m_held.upper_bound(from);
        if (it != m_held.begin() && std::prev(it)->second >= from)
            it = std::prev(it);
        std::uint64_t cursor = from;
        std::uint64_t mergedStart = from;
        std::uint64_t mergedEnd = to;
        while (it != m_held.end() && it->first <= to) {
            if (it->first > cursor)
                addPiece(cursor, it->first, arrival);
            cursor = std::max(cursor, it->second);
            mergedStart = std::min(mergedStart, it->first);
            mergedEnd = std::max(mergedEnd, it->second);
            it = m_held.erase(it);
        }
        if (cursor < to)
            addPiece(cursor, to, arrival);
        m_held.emplace(mergedStart, mergedEnd);
    }

    // One step per time the queue changed: packets captured at the same time count as one.
    void record(const DataArrival& arrival)
    {
        auto& steps = m_result.steps;
        if (!steps.empty() && steps.back().timeNs == arrival.timeNs) {
            const std::uint64_t before = steps.size() > 1 ? steps[steps.size() - 2].bytes : 0;
            if (m_queued == before)
                steps.pop_back();
            else if (steps.back().bytes != m_queued)
                steps.back() = {arrival.timeNs, m_queued, arrival.row};
            return;
        }
        if ((steps.empty() ? 0 : steps.back().bytes) != m_queued)
            steps.push_back({arrival.timeNs, m_queued, arrival.row});
    }

    void addPiece(std::uint64_t from, std::uint64_t to, const DataArrival& arrival)
    {
        m_waiting.emplace(from, m_result.pieces.size());
        m_result.pieces.push_back(
            {m_result.startDsn + from, m_result.startDsn + to, arrival.timeNs, std::nullopt, arrival.row});
        m_queued += to - from;
    }

    // The held interval that starts where the in-order data ends becomes deliverable now.
    void deliver(std::int64_t timeNs)
    {
        if (m_held.empty() || m_held.begin()->first != m_inOrder)
            return;
        m_inOrder = m_held.begin()->second;
        m_held.erase(m_held.begin());
        while (!m_waiting.empty() && m_waiting.begin()->first < m_inOrder) {
            ReceivedPiece& piece = m_result.pieces[m_waiting.begin()->second];
            piece.deliverableNs = timeNs;
            m_queued -= piece.bytes();
            m_waiting.erase(m_waiting.begin());
        }
    }

    ReceiveQueue& m_result;
    std::uint64_t m_inOrder = 0;
    std::uint64_t m_queued = 0;
    std::map<std::uint64_t, std::uint64_t> m_held;
    std::map<std::uint64_t, std::size_t> m_waiting; // piece start → index in pieces, not yet deliverable
};

} // namespace

ReceiveQueue replayReceiveQueue(std::uint64_t startDsn, std::span<const DataArrival> arrivals)
{
    ReceiveQueue result;
    result.startDsn = startDsn;
    std::vector<DataArrival> inTime(arrivals.begin(), arrivals.end());
    std::stable_sort(inTime.begin(), inTime.end(),
                     [](const DataArrival& a, const DataArrival& b) { return a.timeNs < b.timeNs; });
    Receiver receiver(result);
    std::erase_if(inTime, [](const DataArrival& a) { return a.length == 0; });
    for (const DataArrival& arrival : inTime)
        receiver.arrive(arrival);
    if (!inTime.empty()) {
        result.firstArrivalNs = inTime.front().timeNs;
        result.lastArrivalNs = inTime.back().timeNs;
    }
    std::sort(result.pieces.begin(), result.pieces.end(), [startDsn](const ReceivedPiece& a, const ReceivedPiece& b) {
        return a.dsnStart - startDsn < b.dsnStart - startDsn;
    });
    return result;
}

} // namespace core
