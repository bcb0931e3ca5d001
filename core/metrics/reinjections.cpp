#include "metrics/reinjections.h"

#include "decode/tcp.h"
#include "model/seq.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>

namespace core {
namespace {

// When a subflow was first seen to have sent some bytes: a packet's time, and its row.
struct Origin {
    std::int64_t ns = 0;
    std::uint32_t row = 0;

    bool before(const Origin& other) const { return std::tie(ns, row) < std::tie(other.ns, other.row); }
};

// What one subflow direction was seen to send, and the sequence ranges a packet skipped over
// (sent before that packet, but not captured).
class SentTracker {
public:
    std::uint64_t unwrap(std::uint32_t relativeSeq) const
    {
        // Room below the first packet for retransmissions of what was sent before it.
        return m_started ? seq::unwrap32(m_highest, relativeSeq) : (std::uint64_t(1) << 32) + relativeSeq;
    }

    Origin see(std::uint64_t start, std::uint64_t end, Origin packet)
    {
        if (!m_started) {
            m_started = true;
            m_highest = end;
            return packet;
        }
        if (start >= m_highest) {
            if (start > m_highest)
                m_holes.emplace(m_highest, Hole{start, packet});
            m_highest = end;
            return packet;
        }
        Origin origin = packet;
        auto it = m_holes.upper_bound(start);
        if (it != m_holes.begin() && std::prev(it)->second.end > start)
            --it;
        while (it != m_holes.end() && it->first < end) {
            const std::uint64_t holeStart = it->first;
            const Hole hole = it->second;
            if (hole.revealedBy.before(origin))
                origin = hole.revealedBy;
            it = m_holes.erase(it);
            if (holeStart < start)
                m_holes.emplace(holeStart, Hole{start, hole.revealedBy});
            if (end < hole.end) {
                m_holes.emplace(end, Hole{hole.end, hole.revealedBy});
                break;
            }
        }
        m_highest = std::max(m_highest, end);
        return origin;
    }

private:
    struct Hole {
        std::uint64_t end;
        Origin revealedBy; // the packet that came after it
    };
    bool m_started = false;
    std::uint64_t m_highest = 0; // unwrapped end of the highest sequence seen
    std::map<std::uint64_t, Hole> m_holes;
};

// Part of one packet's data that more than one subflow carried.
struct Occurrence {
    std::uint64_t start;
    std::uint64_t end;
    std::uint32_t row;
    std::uint32_t subflow;
    std::uint64_t offset; // unwrapped subflow sequence − DSN: one value per transmission
    Origin origin;
};

// The packets of one subflow that carried the same bytes at the same subflow sequence numbers:
// a first transmission and its TCP retransmissions.
struct Transmission {
    std::uint32_t subflow = 0;
    std::uint64_t offset = 0;
    Origin origin;
    std::uint32_t firstRow = 0;
    std::vector<std::uint32_t> rows;
};

bool hasDsn(const PacketTable& table, std::size_t row)
{
    return table.dsn[row] != PacketTable::noDsn && !(table.marks[row] & PacketTable::DsnUnexpanded);
}

void sortUnique(std::vector<std::uint32_t>& rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
}

std::vector<Transmission> transmissionsOf(const std::vector<Occurrence>& occurrences,
                                          const std::vector<std::uint32_t>& members)
{
    std::vector<Transmission> result;
    for (const auto i : members) {
        const Occurrence& o = occurrences[i];
        auto found = std::find_if(result.begin(), result.end(), [&o](const Transmission& t) {
            return t.subflow == o.subflow && t.offset == o.offset;
        });
        if (found == result.end()) {
            result.push_back(Transmission{o.subflow, o.offset, o.origin, o.row, {}});
            found = std::prev(result.end());
        }
        if (o.origin.before(found->origin))
            found->origin = o.origin;
        found->firstRow = std::min(found->firstRow, o.row);
        found->rows.push_back(o.row);
    }
    return result;
}

// The occurrences of one connection direction cut at every boundary: piece i is
// [bounds[i], bounds[i + 1]), covered by the occurrences members[i] lists.
struct Pieces {
    std::vector<std::uint64_t> bounds;
    std::vector<std::vector<std::uint32_t>> members;
};

Pieces cutAtBoundaries(const std::vector<Occurrence>& occurrences)
{
    Pieces result;
    auto& bounds = result.bounds;
    bounds.reserve(occurrences.size() * 2);
    for (const auto& o : occurrences) {
        bounds.push_back(o.start);
        bounds.push_back(o.end);
    }
    std::sort(bounds.begin(), bounds.end());
    bounds.erase(std::unique(bounds.begin(), bounds.end()), bounds.end());
    result.members.resize(bounds.size());
    for (std::uint32_t i = 0; i < occurrences.size(); ++i) {
        const auto first = std::lower_bound(bounds.begin(), bounds.end(), occurrences[i].start) - bounds.begin();
        const auto last = std::lower_bound(bounds.begin(), bounds.end(), occurrences[i].end) - bounds.begin();
        for (auto piece = first; piece < last; ++piece)
            result.members[std::size_t(piece)].push_back(i);
    }
    return result;
}

// Bytes counted for the subflow whose copy the capture saw first; the share is the original's.
void creditOriginal(MptcpConnection& connection, Direction direction, const Transmission& firstSeen,
                    const Transmission& original, std::uint64_t bytes)
{
    auto& stats = connection.subflowStats;
    stats[firstSeen.subflow].firstCarriedBytes[index(direction)] -= bytes;
    stats[original.subflow].firstCarriedBytes[index(direction)] += bytes;
    auto& transfers = connection.shareTransfers;
    if (!transfers.empty() && transfers.back().row == firstSeen.firstRow &&
        transfers.back().subflowIndex == original.subflow)
        transfers.back().bytes += bytes;
    else
        transfers.push_back(ShareTransfer{firstSeen.firstRow, original.subflow, bytes});
}

// Cuts the occurrences of one connection direction at every boundary, settles the original of
// each piece and joins neighbouring pieces that share a packet and an original into one
// Reinjection.
void settle(PacketTable& table, MptcpConnection& connection, Direction direction,
            const std::vector<Occurrence>& occurrences)
{
    const auto [bounds, members] = cutAtBoundaries(occurrences);

    std::optional<Reinjection> open;
    std::pair<std::uint32_t, std::uint64_t> openOriginal; // (subflow, offset) of its original
    std::vector<std::uint32_t> previousRows;              // of the last piece, sorted
    const auto close = [&] {
        if (!open)
            return;
        sortUnique(open->originalRows);
        sortUnique(open->reinjectionRows);
        connection.reinjections.push_back(std::move(*open));
        open.reset();
    };
    for (std::size_t piece = 0; piece + 1 < bounds.size(); ++piece) {
        if (members[piece].empty())
            continue;
        const auto transmissions = transmissionsOf(occurrences, members[piece]);
        const auto subflowsDiffer = [&](const Transmission& t) { return t.subflow != transmissions.front().subflow; };
        if (std::none_of(transmissions.begin(), transmissions.end(), subflowsDiffer))
            continue;
        const auto original = std::min_element(transmissions.begin(), transmissions.end(),
                                               [](const Transmission& a, const Transmission& b) {
            return a.origin.before(b.origin);
        });
        const auto firstSeen = std::min_element(transmissions.begin(), transmissions.end(),
                                                [](const Transmission& a, const Transmission& b) {
            return a.firstRow < b.firstRow;
        });
        const std::uint64_t start = bounds[piece];
        const std::uint64_t end = bounds[piece + 1];
        if (firstSeen->subflow != original->subflow)
            creditOriginal(connection, direction, *firstSeen, *original, end - start);

        std::vector<std::uint32_t> rows;
        for (const auto& t : transmissions)
            rows.insert(rows.end(), t.rows.begin(), t.rows.end());
        sortUnique(rows);
        const std::pair<std::uint32_t, std::uint64_t> originalKey{original->subflow, original->offset};
        std::vector<std::uint32_t> common;
        std::set_intersection(rows.begin(), rows.end(), previousRows.begin(), previousRows.end(),
                              std::back_inserter(common));
        if (!open || open->dsnEnd != start || openOriginal != originalKey || common.empty()) {
            close();
            open = Reinjection{};
            open->direction = direction;
            open->dsnStart = start;
            open->originalStream = connection.subflows[original->subflow];
            open->originalSentRow = original->origin.row;
            open->originalSentNs = original->origin.ns;
            openOriginal = originalKey;
        }
        open->dsnEnd = end;
        if (original->origin.before(Origin{open->originalSentNs, open->originalSentRow})) {
            open->originalSentRow = original->origin.row;
            open->originalSentNs = original->origin.ns;
        }
        for (auto t = transmissions.begin(); t != transmissions.end(); ++t) {
            auto& into = t == original ? open->originalRows : open->reinjectionRows;
            into.insert(into.end(), t->rows.begin(), t->rows.end());
            if (t != original)
                for (const auto row : t->rows)
                    table.marks[row] |= PacketTable::Reinjection;
        }
        previousRows = std::move(rows);
    }
    close();
}

} // namespace

void findReinjections(PacketTable& table, const std::vector<TcpConnection>& tcp,
                      std::vector<MptcpConnection>& connections,
                      const std::vector<std::array<DsnRanges, directionCount>>& shared)
{
    struct Slot {
        std::uint32_t connection = 0;
        std::uint32_t subflow = 0;
    };
    std::vector<std::optional<Slot>> slotOfStream(tcp.size());
    bool any = false;
    for (std::uint32_t c = 0; c < connections.size(); ++c) {
        connections[c].reinjections.clear();
        connections[c].shareTransfers.clear();
        if (shared[c][0].empty() && shared[c][1].empty())
            continue;
        any = true;
        for (std::uint32_t s = 0; s < connections[c].subflows.size(); ++s)
            slotOfStream[connections[c].subflows[s].value] = Slot{c, s};
    }
    if (!any)
        return;

    std::vector<SentTracker> sent(tcp.size() * directionCount);
    std::vector<std::array<std::vector<Occurrence>, directionCount>> occurrences(connections.size());
    for (std::uint32_t row = 0; row < table.size(); ++row) {
        const std::uint32_t stream = table.stream[row];
        const std::uint8_t flags = table.tcpFlags[row];
        if (!slotOfStream[stream] || (flags & TcpFlag::Rst))
            continue;
        const std::uint32_t length = table.length[row];
        const Slot slot = *slotOfStream[stream];
        const Direction tcpDirection = table.tcpDirection(row);
        SentTracker& tracker = sent[std::size_t(stream) * directionCount + std::size_t(index(tcpDirection))];
        // Every packet, data or not, shows what its sender had sent before its sequence number.
        const std::uint64_t start = tracker.unwrap(table.relativeSeq[row]);
        const std::uint64_t end = start + length + ((flags & TcpFlag::Syn) ? 1 : 0) + ((flags & TcpFlag::Fin) ? 1 : 0);
        const Origin origin = tracker.see(start, end, Origin{table.timeNs[row], row});
        if (length == 0 || !hasDsn(table, row))
            continue;
        const Direction side = tcp[stream].subflow.reversed ? opposite(tcpDirection) : tcpDirection;
        const DsnRanges& ranges = shared[slot.connection][index(side)];
        const std::uint64_t dsn = table.dsn[row];
        const std::uint64_t dsnEnd = dsn + length;
        auto range = std::upper_bound(ranges.begin(), ranges.end(), dsn,
                                      [](std::uint64_t value, const auto& r) { return value < r.second; });
        for (; range != ranges.end() && range->first < dsnEnd; ++range)
            occurrences[slot.connection][index(side)].push_back(Occurrence{
                std::max(dsn, range->first), std::min(dsnEnd, range->second), row, slot.subflow, start - dsn, origin});
    }
    for (std::uint32_t c = 0; c < connections.size(); ++c) {
        for (const auto d : {Direction::ClientToServer, Direction::ServerToClient})
            if (!occurrences[c][index(d)].empty())
                settle(table, connections[c], d, occurrences[c][index(d)]);
        std::sort(connections[c].shareTransfers.begin(), connections[c].shareTransfers.end(),
                  [](const ShareTransfer& a, const ShareTransfer& b) { return a.row < b.row; });
    }
}

ReinjectionTotals reinjectionTotals(const PacketTable& table, const MptcpConnection& connection, Direction direction)
{
    ReinjectionTotals result;
    std::map<std::pair<std::uint32_t, std::uint32_t>, ReinjectionFlow> flows;
    for (const auto& r : connection.reinjections) {
        if (r.direction != direction)
            continue;
        ++result.count;
        result.bytes += r.bytes();
        // Per subflow that carried a reinjection: the union of its packets' data in the range.
        std::map<std::uint32_t, DsnRanges> carried;
        for (const auto row : r.reinjectionRows) {
            const std::uint64_t from = std::max(table.dsn[row], r.dsnStart);
            const std::uint64_t to = std::min(table.dsn[row] + table.length[row], r.dsnEnd);
            if (from < to)
                carried[table.stream[row]].emplace_back(from, to);
        }
        for (auto& [stream, ranges] : carried) {
            std::sort(ranges.begin(), ranges.end());
            std::uint64_t bytes = 0;
            std::uint64_t reached = 0;
            for (const auto& [from, to] : ranges) {
                const std::uint64_t begin = std::max(from, reached);
                if (to > begin)
                    bytes += to - begin;
                reached = std::max(reached, to);
            }
            ReinjectionFlow& flow = flows[{r.originalStream.value, stream}];
            flow.from = r.originalStream;
            flow.to = TcpStreamId(stream);
            ++flow.count;
            flow.bytes += bytes;
        }
    }
    for (const auto& entry : flows)
        result.flows.push_back(entry.second);
    return result;
}

std::vector<ReinjectionPair> reinjectionPairs(const PacketTable& table, const Reinjection& reinjection)
{
    struct Span {
        std::uint64_t start;
        std::uint64_t end;
        std::uint32_t row;
    };
    const auto spanOf = [&](std::uint32_t row) {
        return Span{std::max(table.dsn[row], reinjection.dsnStart),
                    std::min(table.dsn[row] + table.length[row], reinjection.dsnEnd), row};
    };
    std::vector<Span> originals;
    std::uint64_t longest = 0;
    for (const auto row : reinjection.originalRows) {
        originals.push_back(spanOf(row));
        longest = std::max(longest, originals.back().end - originals.back().start);
    }
    std::sort(originals.begin(), originals.end(), [](const Span& a, const Span& b) { return a.start < b.start; });

    std::vector<ReinjectionPair> result;
    for (const auto row : reinjection.reinjectionRows) {
        const Span r = spanOf(row);
        // Only originals starting less than the longest original before r can reach into it.
        const std::uint64_t from = r.start > longest ? r.start - longest : 0;
        auto o = std::lower_bound(originals.begin(), originals.end(), from,
                                  [](const Span& s, std::uint64_t value) { return s.start < value; });
        std::vector<std::uint32_t> rows;
        for (; o != originals.end() && o->start < r.end; ++o)
            if (o->end > r.start)
                rows.push_back(o->row);
        std::sort(rows.begin(), rows.end());
        for (const auto originalRow : rows)
            result.push_back(ReinjectionPair{originalRow, row});
    }
    return result;
}

} // namespace core
