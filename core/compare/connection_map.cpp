#include "compare/connection_map.h"

#include <algorithm>
#include <map>
#include <set>

namespace core::compare {
namespace {

constexpr double scorePerIsn = 0.3;
constexpr double scoreTuple = 0.4;
constexpr double scoreOneEndpoint = 0.2;

int equalIsnCount(const TcpConnection& a, const TcpConnection& b, bool reversed)
{
    int count = 0;
    for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
        const auto& sa = a.stats(d);
        const auto& sb = b.stats(reversed ? opposite(d) : d);
        if (sa.initialSeqKnown && sb.initialSeqKnown && sa.sawSyn && sb.sawSyn && sa.initialSeq == sb.initialSeq)
            ++count;
    }
    return count;
}

TupleAgreement tupleAgreement(const TcpConnection& a, const TcpConnection& b, bool reversed)
{
    const Endpoint& bClient = reversed ? b.server : b.client;
    const Endpoint& bServer = reversed ? b.client : b.server;
    const bool client = a.client == bClient;
    const bool server = a.server == bServer;
    if (client && server)
        return TupleAgreement::Equal;
    if (server)
        return TupleAgreement::ServerEqual;
    if (client)
        return TupleAgreement::ClientEqual;
    return TupleAgreement::Different;
}

std::string tcpReason(int equalIsns, TupleAgreement tuple)
{
    std::string isns = equalIsns == 2 ? "ISNs equal" : equalIsns == 1 ? "one ISN equal" : "";
    std::string endpoints;
    switch (tuple) {
    case TupleAgreement::Equal: endpoints = equalIsns ? "4-tuple equal" : "4-tuple only"; break;
    case TupleAgreement::ServerEqual: endpoints = "client endpoint rewritten (NAT)"; break;
    case TupleAgreement::ClientEqual: endpoints = "server endpoint rewritten (NAT)"; break;
    case TupleAgreement::Different: endpoints = "both endpoints rewritten (NAT)"; break;
    }
    return isns.empty() ? endpoints : isns + ", " + endpoints;
}

std::optional<TcpMatch> tcpCandidate(const TcpConnection& a, const TcpConnection& b)
{
    std::optional<TcpMatch> best;
    for (const bool reversed : {false, true}) {
        TcpMatch m;
        m.first = a.stream;
        m.second = b.stream;
        m.reversed = reversed;
        m.equalIsns = equalIsnCount(a, b, reversed);
        m.tuple = tupleAgreement(a, b, reversed);
        if (m.equalIsns == 0 && m.tuple != TupleAgreement::Equal)
            continue;
        m.score = scorePerIsn * m.equalIsns + (m.tuple == TupleAgreement::Equal       ? scoreTuple
                                               : m.tuple == TupleAgreement::Different ? 0.0
                                                                                      : scoreOneEndpoint);
        m.reason = tcpReason(m.equalIsns, m.tuple);
        if (!best || m.score > best->score)
            best = m;
    }
    return best;
}

// Greedy one-to-one assignment, best score first; ties go to the pair closest in file order.
template <typename Match> std::vector<Match> assign(std::vector<Match> candidates)
{
    const auto firstOf = [](const Match& m) { return m.first.value; };
    const auto secondOf = [](const Match& m) { return m.second.value; };
    std::ranges::stable_sort(candidates, [&](const Match& x, const Match& y) {
        if (x.score != y.score)
            return x.score > y.score;
        const auto gap = [&](const Match& m) {
            const auto f = std::int64_t(firstOf(m)), s = std::int64_t(secondOf(m));
            return f > s ? f - s : s - f;
        };
        return gap(x) < gap(y);
    });
    std::set<std::uint32_t> usedFirst, usedSecond;
    std::vector<Match> chosen;
    for (const auto& m : candidates) {
        if (usedFirst.contains(firstOf(m)) || usedSecond.contains(secondOf(m)))
            continue;
        usedFirst.insert(firstOf(m));
        usedSecond.insert(secondOf(m));
        chosen.push_back(m);
    }
    return chosen;
}

bool sameKnownKey(const MptcpKeyInfo& a, const MptcpKeyInfo& b) { return a.key && b.key && *a.key == *b.key; }
bool sameKnownToken(const MptcpKeyInfo& a, const MptcpKeyInfo& b)
{
    return a.tokenKnown && b.tokenKnown && a.token == b.token;
}

std::optional<MptcpMatch> mptcpCandidate(const MptcpConnection& a, const MptcpConnection& b,
                                         const std::vector<TcpMatch>& tcp)
{
    MptcpMatch m;
    m.first = a.id;
    m.second = b.id;
    m.equalKeys = int(sameKnownKey(a.client, b.client)) + int(sameKnownKey(a.server, b.server));
    m.equalTokens = int(sameKnownToken(a.client, b.client)) + int(sameKnownToken(a.server, b.server));
    const std::set<TcpStreamId> bSubflows(b.subflows.begin(), b.subflows.end());
    for (const auto& t : tcp)
        if (std::ranges::find(a.subflows, t.first) != a.subflows.end() && bSubflows.contains(t.second))
            ++m.matchedSubflows;
    const double subflowShare = a.subflows.empty() ? 0.0
                                                   : double(m.matchedSubflows) /
                                                         double(std::max(a.subflows.size(), b.subflows.size()));
    if (m.equalKeys > 0) {
        m.score = 0.5 * m.equalKeys;
        m.reason = m.equalKeys == 2 ? "keys equal" : "one key equal";
    } else if (m.equalTokens > 0) {
        m.score = 0.4 * m.equalTokens;
        m.reason = m.equalTokens == 2 ? "tokens equal" : "one token equal";
    } else if (m.matchedSubflows > 0) {
        m.score = 0.5 * subflowShare;
        m.reason = "subflows only";
    } else {
        return std::nullopt;
    }
    if (m.equalKeys == 1 && m.equalTokens == 2)
        m.score = std::max(m.score, 0.9);
    return m;
}

} // namespace

const TcpMatch* CaptureMap::tcpOfFirst(TcpStreamId stream) const
{
    const auto found = std::ranges::find(tcp, stream, &TcpMatch::first);
    return found == tcp.end() ? nullptr : &*found;
}

const MptcpMatch* CaptureMap::mptcpOfFirst(MptcpId id) const
{
    const auto found = std::ranges::find(mptcp, id, &MptcpMatch::first);
    return found == mptcp.end() ? nullptr : &*found;
}

CaptureMap mapCaptures(const Capture& first, const Capture& second)
{
    CaptureMap map;
    std::vector<TcpMatch> tcpCandidates;
    for (const auto& a : first.tcp)
        for (const auto& b : second.tcp)
            if (auto m = tcpCandidate(a, b))
                tcpCandidates.push_back(*m);
    map.tcp = assign(std::move(tcpCandidates));
    std::ranges::sort(map.tcp, {}, &TcpMatch::first);

    std::vector<MptcpMatch> mptcpCandidates;
    for (const auto& a : first.mptcp)
        for (const auto& b : second.mptcp)
            if (auto m = mptcpCandidate(a, b, map.tcp))
                mptcpCandidates.push_back(*m);
    map.mptcp = assign(std::move(mptcpCandidates));
    std::ranges::sort(map.mptcp, {}, &MptcpMatch::first);

    for (const auto& t : first.tcp)
        if (!map.tcpOfFirst(t.stream))
            map.unmatchedTcpFirst.push_back(t.stream);
    for (const auto& t : second.tcp)
        if (std::ranges::find(map.tcp, t.stream, &TcpMatch::second) == map.tcp.end())
            map.unmatchedTcpSecond.push_back(t.stream);
    for (const auto& m : first.mptcp)
        if (!map.mptcpOfFirst(m.id))
            map.unmatchedMptcpFirst.push_back(m.id);
    for (const auto& m : second.mptcp)
        if (std::ranges::find(map.mptcp, m.id, &MptcpMatch::second) == map.mptcp.end())
            map.unmatchedMptcpSecond.push_back(m.id);
    return map;
}

} // namespace core::compare
