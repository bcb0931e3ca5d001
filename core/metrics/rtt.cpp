#include "metrics/rtt.h"

#include "decode/tcp.h"
#include "decode/tcp_options.h"
#include "model/packet_table.h"
#include "model/seq.h"

#include <algorithm>
#include <iterator>

namespace core {
namespace {

// Without acknowledgements (a capture of one direction only) nothing would ever leave the
// list: past this many segments in flight the oldest are given up.
constexpr std::size_t maxUnacknowledged = std::size_t(1) << 16;

// Nearest rank: the smallest sample with at least `percent` % of the samples at or below it.
std::size_t rankIndex(std::size_t count, std::size_t percent) { return (count * percent + 99) / 100 - 1; }

} // namespace

RttTracker::RttTracker(std::vector<RttSample>& samples)
    : m_samples(samples)
{
}

void RttTracker::add(std::uint32_t row, std::uint32_t connection, Direction direction, const TcpHeader& tcp,
                     const TcpTimingOptions& options)
{
    if (connection >= m_senders.size())
        m_senders.resize(connection + 1);
    auto& senders = m_senders[connection];
    if (tcp.flags & TcpFlag::Ack)
        acknowledge(senders[index(opposite(direction))], row, tcp.ack, options);
    const std::uint32_t length = tcp.payloadLength + ((tcp.flags & TcpFlag::Syn) ? 1 : 0) +
                                 ((tcp.flags & TcpFlag::Fin) ? 1 : 0);
    if (length > 0) {
        Sender& sender = senders[index(direction)];
        sender.sentFin = sender.sentFin || (tcp.flags & TcpFlag::Fin);
        send(sender, row, tcp.seq, length, options);
    }
}

void RttTracker::send(Sender& sender, std::uint32_t row, std::uint32_t seq, std::uint32_t length,
                      const TcpTimingOptions& options)
{
    const std::uint32_t end = seq + length;
    if (!sender.started) {
        sender.started = true;
        sender.highestEnd = seq;
    }
    if (!seq::after(end, sender.highestEnd)) {
        markResent(sender, seq, end, row, options);
        return;
    }
    if (seq::after(sender.highestEnd, seq)) { // old bytes first, then new ones
        markResent(sender, seq, sender.highestEnd, row, options);
        seq = sender.highestEnd;
    }
    Segment segment{seq, end, row, noRow, options.tsval, 0, std::uint8_t(options.hasTimestamp ? Timestamped : 0)};
    sender.segments.push_back(segment);
    sender.highestEnd = end;
    if (sender.segments.size() - sender.head > maxUnacknowledged)
        ++sender.head;
}

void RttTracker::markResent(Sender& sender, std::uint32_t from, std::uint32_t to, std::uint32_t row,
                            const TcpTimingOptions& options)
{
    for (std::size_t i = firstEndingAfter(sender, from);
         i < sender.segments.size() && seq::after(to, sender.segments[i].start); ++i) {
        Segment& segment = sender.segments[i];
        if (segment.resentRow != noRow)
            segment.flags |= ResentTwice;
        segment.resentRow = row;
        segment.resentTsval = options.tsval;
        segment.flags = std::uint8_t((segment.flags & ~ResentTimestamped) |
                                     (options.hasTimestamp ? ResentTimestamped : 0));
    }
}

void RttTracker::acknowledge(Sender& sender, std::uint32_t row, std::uint32_t ack, const TcpTimingOptions& options)
{
    if (!sender.started)
        return;
    while (sender.head < sender.segments.size()) {
        Segment& segment = sender.segments[sender.head];
        if (!seq::after(segment.end, ack)) {
            sample(sender, segment, row, options);
            ++sender.head;
            continue;
        }
        if (seq::after(ack, segment.start)) { // its first bytes arrived
            sample(sender, segment, row, options);
            segment.start = ack;
        }
        break;
    }
    for (std::uint8_t b = 0; b < options.sackCount; ++b) {
        const SackBlock& block = options.sack[b];
        if (!seq::after(block.right, block.left))
            continue;
        for (std::size_t i = firstEndingAfter(sender, block.left);
             i < sender.segments.size() && seq::after(block.right, sender.segments[i].start); ++i)
            sample(sender, sender.segments[i], row, options);
    }
    dropAcknowledged(sender);
}

void RttTracker::sample(Sender& sender, Segment& segment, std::uint32_t ackRow, const TcpTimingOptions& options)
{
    if (segment.flags & Acknowledged)
        return;
    segment.flags |= Acknowledged;
    std::uint32_t from = segment.row;
    if (segment.resentRow != noRow) {
        // Which transmission does this acknowledgement answer? The timestamp it echoes tells
        // when each transmission had its own, else nothing can (Karn).
        const bool told = options.hasTimestamp && (segment.flags & Timestamped) &&
                          (segment.flags & ResentTimestamped) && segment.resentTsval != segment.tsval;
        if (!told)
            return;
        if (!seq::after(segment.resentTsval, options.tsecr))
            from = segment.resentRow;
        else if ((segment.flags & ResentTwice) || seq::after(segment.tsval, options.tsecr))
            return;
    }
    m_samples.push_back({from, ackRow});
    ++sender.samples;
}

std::size_t RttTracker::firstEndingAfter(const Sender& sender, std::uint32_t seq)
{
    // Ends increase along the list (modulo 2^32, within far less than 2^31).
    const auto begin = sender.segments.begin() + std::ptrdiff_t(sender.head);
    const auto found = std::partition_point(begin, sender.segments.end(),
                                            [seq](const Segment& s) { return !seq::after(s.end, seq); });
    return std::size_t(found - sender.segments.begin());
}

void RttTracker::dropAcknowledged(Sender& sender)
{
    if (sender.head == sender.segments.size()) {
        // Everything is acknowledged. After the sender's FIN the storage goes back, as most
        // connections of a capture of many short ones are done with it for good; before, it
        // is kept for the next flight instead of growing again from nothing.
        if (sender.sentFin)
            std::vector<Segment>().swap(sender.segments);
        else
            sender.segments.clear();
        sender.head = 0;
    } else if (sender.head >= 1024 && sender.head * 2 >= sender.segments.size()) {
        sender.segments.erase(sender.segments.begin(), sender.segments.begin() + std::ptrdiff_t(sender.head));
        sender.head = 0;
    }
}

void RttTracker::finish(const PacketTable& table, std::vector<TcpConnection>& connections)
{
    // Counting sort in place (American flag sort): no second copy of the samples.
    std::vector<std::uint64_t> next(connections.size() * directionCount + 1, 0);
    std::uint64_t offset = 0;
    for (std::size_t c = 0; c < connections.size(); ++c) {
        for (int d = 0; d < directionCount; ++d) {
            RttSummary& rtt = connections[c].directions[std::size_t(d)].rtt;
            rtt = RttSummary{};
            rtt.firstSample = offset;
            rtt.samples = c < m_senders.size() ? m_senders[c][std::size_t(d)].samples : 0;
            next[c * directionCount + std::size_t(d)] = offset;
            offset += rtt.samples;
        }
    }
    m_senders.clear();
    m_senders.shrink_to_fit();
    const auto bucketOf = [&table](const RttSample& s) {
        return std::size_t(table.stream[s.segmentRow]) * directionCount +
               std::size_t(index(table.tcpDirection(s.segmentRow)));
    };
    for (std::size_t c = 0; c < connections.size(); ++c) {
        for (int d = 0; d < directionCount; ++d) {
            const std::size_t bucket = c * directionCount + std::size_t(d);
            const RttSummary& rtt = connections[c].directions[std::size_t(d)].rtt;
            const std::uint64_t end = rtt.firstSample + rtt.samples;
            while (next[bucket] < end) {
                const std::size_t home = bucketOf(m_samples[next[bucket]]);
                if (home == bucket)
                    ++next[bucket];
                else
                    std::swap(m_samples[next[bucket]], m_samples[next[home]++]);
            }
        }
    }

    // The order statistics work on the durations, each computed once (the packed time
    // column is not free to read), in a buffer as large as the largest direction's samples.
    std::vector<std::int64_t> durations;
    for (auto& connection : connections) {
        for (auto& direction : connection.directions) {
            RttSummary& summary = direction.rtt;
            if (summary.samples == 0)
                continue;
            const auto first = m_samples.begin() + std::ptrdiff_t(summary.firstSample);
            durations.clear();
            std::transform(first, first + std::ptrdiff_t(summary.samples), std::back_inserter(durations),
                           [&table](const RttSample& s) {
                return table.timeNs[s.ackRow] - table.timeNs[s.segmentRow];
            });
            const auto [lowest, highest] = std::minmax_element(durations.begin(), durations.end());
            summary.minNs = *lowest;
            summary.maxNs = *highest;
            const auto median = durations.begin() + std::ptrdiff_t(rankIndex(summary.samples, 50));
            const auto p95 = durations.begin() + std::ptrdiff_t(rankIndex(summary.samples, 95));
            std::nth_element(durations.begin(), median, durations.end());
            summary.medianNs = *median;
            if (p95 > median) // everything after the median is at least it
                std::nth_element(median + 1, p95, durations.end());
            summary.p95Ns = *p95;
        }
    }
}

} // namespace core
