// Which MPTCP connection a subflow belongs to: numbers, keys, tokens, and the merges when two
// numbers turn out to name one connection.

#include "assemble/mptcp_assembler.h"

#include "crypto/key_hash.h"
#include "model/warning_log.h"

#include <algorithm>

namespace core {

std::uint32_t MptcpAssembler::allocate(std::uint32_t connection)
{
    Analysis analysis;
    analysis.id = MptcpId(std::uint32_t(m_analyses.size()));
    m_analyses.push_back(std::move(analysis));
    const auto index = std::uint32_t(m_analyses.size() - 1);
    attach(connection, index, false);
    return index;
}

void MptcpAssembler::ensureAnalysis(std::uint32_t connection)
{
    if (!m_subflows[connection].analysis)
        allocate(connection);
}

void MptcpAssembler::attach(std::uint32_t connection, std::uint32_t analysis, bool flipped)
{
    m_subflows[connection].analysis = analysis;
    m_subflows[connection].flipped = flipped;
}

Direction MptcpAssembler::sideOfToken(const Analysis& analysis, std::uint32_t token)
{
    const MptcpKeyInfo& server = analysis.side(Direction::ServerToClient).key;
    return server.tokenKnown && server.token == token ? Direction::ServerToClient : Direction::ClientToServer;
}

void MptcpAssembler::flipSides(std::uint32_t analysis)
{
    Analysis& a = m_analyses[analysis];
    std::swap(a.side(Direction::ClientToServer), a.side(Direction::ServerToClient));
    for (auto& subflow : m_subflows)
        if (subflow.analysis == analysis)
            subflow.flipped = !subflow.flipped;
}

void MptcpAssembler::merge(std::uint32_t from, std::uint32_t into, bool flip)
{
    // `flip`: side X of `from` is side opposite(X) of `into`.
    const Analysis& source = m_analyses[from];
    Analysis& target = m_analyses[into];
    for (const Direction side : {Direction::ClientToServer, Direction::ServerToClient}) {
        const DataSide& incoming = source.side(side);
        DataSide& known = target.side(flip ? opposite(side) : side);
        if (!known.key.tokenKnown && incoming.key.tokenKnown)
            known.key = incoming.key;
        else if (!known.key.key && incoming.key.key && known.key.token == incoming.key.token)
            known.key = incoming.key;
        if (known.key.key)
            known.dsnReference = std::max(known.dsnReference, incoming.dsnReference);
        known.dataFinSeen = known.dataFinSeen || incoming.dataFinSeen;
    }
    if (!target.version)
        target.version = source.version;
    for (auto& [token, analysis] : m_tokens)
        if (analysis == from)
            analysis = into;
    for (auto& subflow : m_subflows)
        if (subflow.analysis == from) {
            subflow.analysis = into;
            subflow.flipped = subflow.flipped != flip;
        }
}

void MptcpAssembler::tokenSeen(std::uint32_t connection, Direction owner, std::uint32_t token, TokenSource source)
{
    // `owner` is the TCP direction whose sender owns the token.
    Subflow& subflow = m_subflows[connection];
    if (subflow.analysis && m_analyses[*subflow.analysis].side(subflow.mptcpDirection(owner)).key.tokenKnown)
        return;
    if (const auto found = m_tokens.find(token); found != m_tokens.end()) {
        const std::uint32_t target = found->second;
        if (source == TokenSource::Key && !m_analyses[target].sidesKnown) {
            // Registered by an MP_JOIN before any key: which side owns the token was a guess.
            // The key comes from an MP_CAPABLE subflow, whose TCP client is the MPTCP client.
            const Direction owningSide = subflow.analysis ? subflow.mptcpDirection(owner) : owner;
            if (sideOfToken(m_analyses[target], token) != owningSide)
                flipSides(target);
            m_analyses[target].sidesKnown = true;
        }
        const Direction side = sideOfToken(m_analyses[target], token);
        const bool flipped = side != owner;
        if (subflow.analysis && *subflow.analysis != target) {
            // This subflow already belongs to a connection with tokens of its own (the other
            // peer's key came first): both are one connection.
            merge(*subflow.analysis, target, subflow.flipped != flipped);
        }
        attach(connection, target, flipped);
        return;
    }
    const bool fresh = !subflow.analysis;
    const std::uint32_t analysis = subflow.analysis ? *subflow.analysis : allocate(connection);
    if (fresh && source == TokenSource::JoinSyn)
        m_analyses[analysis].sidesKnown = false;
    MptcpKeyInfo& info = m_analyses[analysis].side(m_subflows[connection].mptcpDirection(owner)).key;
    info.token = token;
    info.tokenKnown = true;
    m_tokens.emplace(token, analysis);
}

const char* MptcpAssembler::keyFromMpCapable(const PacketContext& packet, Direction sender, std::uint64_t key,
                                             std::uint8_t version)
{
    if (subflowOf(packet).analysis) {
        const MptcpKeyInfo& known = sideSentIn(packet, sender).key;
        if (known.key)
            return *known.key != key ? "MP_CAPABLE key differs from the key seen before" : nullptr;
    }
    const KeyHash hash = hashKey(key, version);
    tokenSeen(packet.connection, sender, hash.token, TokenSource::Key);
    Analysis& analysis = analysisOf(packet);
    DataSide& side = sideSentIn(packet, sender);
    if (side.key.tokenKnown && side.key.token != hash.token)
        return "MP_CAPABLE key does not match the token of its connection";
    side.key.key = key;
    side.key.token = hash.token;
    side.key.tokenKnown = true;
    side.key.idsn = hash.idsn;
    side.dsnReference = hash.idsn;
    if (!analysis.version)
        analysis.version = version;
    analysis.evidence.clear();
    return nullptr;
}

} // namespace core
