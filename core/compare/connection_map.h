#pragma once

#include "model/capture.h"

#include <optional>
#include <string>
#include <vector>

namespace core::compare {

// How the two sides of a TCP match agree.
enum class TupleAgreement : std::uint8_t {
    Equal,       // same client and server endpoints
    ServerEqual, // the client's address or port was rewritten on the path (NAT)
    ClientEqual, // the server's address or port was rewritten on the path
    Different,   // both rewritten
};

struct TcpMatch {
    TcpStreamId first;  // tcp.stream in the first capture
    TcpStreamId second; // tcp.stream in the second capture
    int equalIsns = 0;  // directions whose initial sequence numbers are known on both sides and equal
    TupleAgreement tuple = TupleAgreement::Different;
    bool reversed = false; // the second capture saw the connection's client as its server
    double score = 0;      // 0..1: 0.3 per equal ISN, 0.4 for the 4-tuple (0.2 for one endpoint)
    std::string reason;    // "ISNs equal, 4-tuple equal", "ISNs equal, client endpoint rewritten (NAT)"…
};

struct MptcpMatch {
    MptcpId first;
    MptcpId second;
    int equalKeys = 0;       // client and server keys seen on both sides and equal
    int equalTokens = 0;     // tokens (from keys or MP_JOIN) known on both sides and equal
    int matchedSubflows = 0; // subflows of the one matched to subflows of the other
    double score = 0;        // 0..1: keys 0.5 each, else tokens 0.4 each, else 0.5 × matched subflow share
    std::string reason;      // "keys equal", "tokens equal", "subflows only"…
};

// Connections of one experiment captured at two points (both ends of a path), matched
// one to one; anything without a counterpart is listed as unmatched.
struct CaptureMap {
    std::vector<MptcpMatch> mptcp; // by first id
    std::vector<TcpMatch> tcp;     // by first stream
    std::vector<MptcpId> unmatchedMptcpFirst;
    std::vector<MptcpId> unmatchedMptcpSecond;
    std::vector<TcpStreamId> unmatchedTcpFirst;
    std::vector<TcpStreamId> unmatchedTcpSecond;

    const TcpMatch* tcpOfFirst(TcpStreamId stream) const;
    const MptcpMatch* mptcpOfFirst(MptcpId id) const;
};

// TCP connections match by initial sequence numbers and 4-tuple (either may differ: ISN
// rewriting or NAT, which lowers the score; a candidate needs an equal ISN or an equal
// 4-tuple); MPTCP connections by keys, then tokens, then by their matched subflows.
// Best scores are taken first, each connection at most once.
CaptureMap mapCaptures(const Capture& first, const Capture& second);

} // namespace core::compare
