#include "compare/reinjection_verdicts.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace core::compare {
namespace {

// What the receiver captured of the packets of one sending side.
struct Reception {
    std::unordered_map<std::uint32_t, std::uint32_t> receiverRowOf; // sender row → receiver row
    std::set<std::uint32_t> matchedStreams;                         // sender's tcp.streams with a counterpart
};

Reception receptionOf(const ConnectionDelays& delays, const std::vector<TcpMatch>& subflows, bool senderIsFirst)
{
    Reception reception;
    for (const auto& match : subflows)
        reception.matchedStreams.insert(senderIsFirst ? match.first.value : match.second.value);
    for (const auto& s : delays.subflows)
        if (s.senderIsFirst == senderIsFirst)
            for (const auto& sample : s.samples)
                reception.receiverRowOf.emplace(sample.senderRow, sample.receiverRow);
    return reception;
}

Direction mptcpDirectionOf(const TcpConnection& subflow, Direction tcpDirection)
{
    return subflow.subflow.reversed ? opposite(tcpDirection) : tcpDirection;
}

// Who sent each MPTCP direction: the side the one-way delays gave as the sender of its
// subflows' packets, weighted by the packets matched.
void decideSenders(ReinjectionVerdicts& result, const Capture& first, const Capture& second, const MptcpMatch& match,
                   const std::vector<TcpMatch>& subflows, const ConnectionDelays& delays)
{
    std::array<std::array<std::size_t, 2>, directionCount> votes{}; // [direction][sender is first]
    for (const auto& s : delays.subflows) {
        const Direction d = mptcpDirectionOf(first.tcp[s.firstStream.value], s.direction);
        votes[std::size_t(index(d))][s.senderIsFirst ? 1 : 0] += s.samples.size();
    }
    for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
        auto& direction = result.directions[std::size_t(index(d))];
        const auto& vote = votes[std::size_t(index(d))];
        direction.direction = d;
        direction.senderKnown = vote[0] + vote[1] > 0 && !subflows.empty();
        direction.senderIsFirst = vote[1] >= vote[0];
        direction.senderId = direction.senderIsFirst ? match.first : match.second;
        direction.senderDirection = d;
        if (!direction.senderIsFirst && !subflows.empty()) {
            const TcpMatch& m = subflows.front();
            const Direction firstTcp = first.tcp[m.first.value].subflow.reversed ? opposite(d) : d;
            const Direction secondTcp = m.reversed ? opposite(firstTcp) : firstTcp;
            direction.senderDirection = mptcpDirectionOf(second.tcp[m.second.value], secondTcp);
        }
    }
}

enum class Reached : std::uint8_t { Yes, No, Unmatched };

struct CopyArrival {
    Reached reached = Reached::No;
    std::optional<Arrival> arrival;
};

struct Sides {
    const Capture& sender;
    const Capture& receiver;
    const Reception& reception;
    double receiverToSenderSeconds; // added to a receiver's time to put it on the sender's clock
};

// When the receiver had all of [start, end) through `rows` of the sender's capture.
CopyArrival arrivalOf(const Sides& sides, const std::vector<std::uint32_t>& rows, const Reinjection& r)
{
    struct Piece {
        std::int64_t ns;
        std::uint32_t receiverRow;
        std::uint64_t start;
        std::uint64_t end;
    };
    const auto& table = sides.sender.table;
    std::vector<Piece> pieces;
    CopyArrival result;
    if (rows.empty())
        result.reached = Reached::Unmatched; // the sender's capture holds no packet of the copy
    for (const auto row : rows) {
        if (!sides.reception.matchedStreams.contains(table.stream[row]))
            result.reached = Reached::Unmatched;
        const auto found = sides.reception.receiverRowOf.find(row);
        if (found == sides.reception.receiverRowOf.end() || table.dsn[row] == PacketTable::noDsn)
            continue;
        const std::uint64_t start = std::max(table.dsn[row], r.dsnStart);
        const std::uint64_t end = std::min(table.dsn[row] + table.length[row], r.dsnEnd);
        if (start < end)
            pieces.push_back({sides.receiver.table.timeNs[found->second], found->second, start, end});
    }
    std::ranges::sort(pieces, {}, [](const Piece& p) { return std::pair(p.ns, p.receiverRow); });
    std::map<std::uint64_t, std::uint64_t> covered; // start → end, disjoint
    for (const auto& piece : pieces) {
        covered[piece.start] = std::max(covered[piece.start], piece.end);
        std::uint64_t reach = r.dsnStart;
        for (const auto& [start, end] : covered)
            if (start <= reach)
                reach = std::max(reach, end);
        if (reach >= r.dsnEnd) {
            const double seconds = double(piece.ns - r.originalSentNs) / 1e9 + sides.receiverToSenderSeconds;
            return {Reached::Yes, Arrival{seconds, piece.receiverRow, piece.ns}};
        }
    }
    return result;
}

Verdict decide(ReinjectionVerdict& v, Reached original, Reached reinjected)
{
    if (v.original && v.reinjected) {
        // both times on the receiver's clock: no offset between them
        v.savedSeconds = double(v.original->receiverNs - v.reinjected->receiverNs) / 1e9;
        return *v.savedSeconds > 0 ? Verdict::Useful : Verdict::Redundant;
    }
    if (reinjected == Reached::Yes && original == Reached::No)
        return Verdict::Useful;
    if (original == Reached::Yes && reinjected == Reached::No)
        return Verdict::Redundant;
    return Verdict::Unknown;
}

void qualifyDirection(DirectionVerdicts& direction, const MptcpConnection& connection, const Sides& sides)
{
    std::map<std::uint32_t, VerdictTotals> bySubflow;
    for (std::size_t i = 0; i < connection.reinjections.size(); ++i) {
        const Reinjection& r = connection.reinjections[i];
        if (r.direction != direction.senderDirection || r.reinjectionRows.empty())
            continue;
        ReinjectionVerdict v;
        v.reinjection = i;
        const CopyArrival original = arrivalOf(sides, r.originalRows, r);
        const CopyArrival reinjected = arrivalOf(sides, r.reinjectionRows, r);
        v.original = original.arrival;
        v.reinjected = reinjected.arrival;
        v.verdict = decide(v, original.reached, reinjected.reached);
        direction.totals.add(v, r.bytes());
        bySubflow[sides.sender.table.stream[r.reinjectionRows.front()]].add(v, r.bytes());
        direction.verdicts.push_back(v);
    }
    for (const auto& [stream, totals] : bySubflow)
        direction.subflows.push_back({TcpStreamId(stream), totals});
}

int rank(Verdict v) { return v == Verdict::Useful ? 2 : v == Verdict::Redundant ? 1 : 0; }

void addRowVerdicts(std::vector<std::pair<std::uint32_t, Verdict>>& rows, const DirectionVerdicts& direction,
                    const MptcpConnection& connection)
{
    for (const auto& v : direction.verdicts)
        for (const auto row : connection.reinjections[v.reinjection].reinjectionRows)
            rows.emplace_back(row, v.verdict);
    std::ranges::sort(rows, [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : rank(a.second) > rank(b.second);
    });
    const auto [from, to] = std::ranges::unique(rows, {}, &std::pair<std::uint32_t, Verdict>::first);
    rows.erase(from, to);
}

} // namespace

const char* verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Useful: return "useful";
    case Verdict::Redundant: return "redundant";
    case Verdict::Unknown: break;
    }
    return "unknown";
}

void VerdictTotals::add(const ReinjectionVerdict& verdict, std::uint64_t rangeBytes)
{
    const auto i = std::size_t(verdict.verdict);
    ++count[i];
    bytes[i] += rangeBytes;
    if (verdict.savedSeconds && *verdict.savedSeconds > 0)
        savedSeconds += *verdict.savedSeconds;
    else if (verdict.savedSeconds)
        costSeconds -= *verdict.savedSeconds;
}

const ReinjectionVerdict* ReinjectionVerdicts::find(bool inFirstCapture, std::size_t index) const
{
    for (const auto& direction : directions) {
        if (!direction.senderKnown || direction.senderIsFirst != inFirstCapture)
            continue;
        const auto found = std::ranges::find(direction.verdicts, index, &ReinjectionVerdict::reinjection);
        if (found != direction.verdicts.end())
            return &*found;
    }
    return nullptr;
}

std::optional<Verdict> ReinjectionVerdicts::verdictOfRow(bool inFirstCapture, std::uint32_t row) const
{
    const auto& rows = inFirstCapture ? rowVerdictsFirst : rowVerdictsSecond;
    const auto found = std::ranges::lower_bound(rows, row, {}, &std::pair<std::uint32_t, Verdict>::first);
    if (found == rows.end() || found->first != row)
        return std::nullopt;
    return found->second;
}

ReinjectionVerdicts qualifyReinjections(const Capture& first, const Capture& second, const MptcpMatch& match,
                                        const std::vector<TcpMatch>& subflows, const ConnectionDelays& delays)
{
    ReinjectionVerdicts result;
    result.offsetSeconds = delays.offsetApplied ? delays.estimatedOffsetSeconds : 0.0;
    decideSenders(result, first, second, match, subflows, delays);
    for (auto& direction : result.directions) {
        if (!direction.senderKnown)
            continue;
        const bool senderIsFirst = direction.senderIsFirst;
        const Capture& sender = senderIsFirst ? first : second;
        const MptcpConnection* connection = sender.findMptcp(direction.senderId);
        if (!connection)
            continue;
        const Reception reception = receptionOf(delays, subflows, senderIsFirst);
        // offset = second's clock − first's: a receiver's time on the sender's clock
        const Sides sides{sender, senderIsFirst ? second : first, reception,
                          senderIsFirst ? -result.offsetSeconds : result.offsetSeconds};
        qualifyDirection(direction, *connection, sides);
        addRowVerdicts(senderIsFirst ? result.rowVerdictsFirst : result.rowVerdictsSecond, direction, *connection);
        for (const auto& v : direction.verdicts)
            result.totals.add(v, connection->reinjections[v.reinjection].bytes());
    }
    return result;
}

} // namespace core::compare
