#include "assemble/mptcp_assembler.h"

#include "model/seq.h"
#include "assemble/tcp_tracker.h"
#include "crypto/key_hash.h"
#include "decode/mptcp_option.h"
#include "decode/packet_decoder.h"
#include "model/warning_log.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace core {
namespace {

constexpr std::size_t maxEvidence = 16;

std::string hex32(std::uint32_t value)
{
    char text[16];
    std::snprintf(text, sizeof text, "0x%08x", value);
    return text;
}

std::string tcpRstReason(std::uint8_t reason)
{
    switch (reason) {
    case 0: return "unspecified error";
    case 1: return "MPTCP-specific error";
    case 2: return "lack of resources";
    case 3: return "administratively prohibited";
    case 4: return "too much outstanding data";
    case 5: return "unacceptable performance";
    case 6: return "middlebox interference";
    default: return "reason " + std::to_string(reason);
    }
}

} // namespace

MptcpAssembler::MptcpAssembler(std::vector<TcpConnection>& connections)
    : m_connections(connections)
{
}

std::uint32_t MptcpAssembler::allocate(std::uint32_t connection)
{
    Analysis analysis;
    analysis.id = MptcpId(std::uint32_t(m_analyses.size()));
    m_analyses.push_back(std::move(analysis));
    const auto index = std::uint32_t(m_analyses.size() - 1);
    m_subflows[connection].analysis = index;
    m_subflows[connection].flipped = false;
    return index;
}

void MptcpAssembler::attach(std::uint32_t connection, std::uint32_t analysis, bool flipped)
{
    m_subflows[connection].analysis = analysis;
    m_subflows[connection].flipped = flipped;
}

Direction MptcpAssembler::sideOfToken(const Analysis& analysis, std::uint32_t token)
{
    const MptcpKeyInfo& server = analysis.keys[index(Direction::ServerToClient)];
    return server.tokenKnown && server.token == token ? Direction::ServerToClient : Direction::ClientToServer;
}

void MptcpAssembler::flipSides(std::uint32_t analysis)
{
    Analysis& a = m_analyses[analysis];
    std::swap(a.keys[0], a.keys[1]);
    std::swap(a.dsnReference[0], a.dsnReference[1]);
    std::swap(a.maxRelativeDsn[0], a.maxRelativeDsn[1]);
    std::swap(a.dataFinSeen[0], a.dataFinSeen[1]);
    for (auto& subflow : m_subflows)
        if (subflow.analysis == analysis)
            subflow.flipped = !subflow.flipped;
}

void MptcpAssembler::merge(std::uint32_t from, std::uint32_t into, bool flip)
{
    // `flip`: side X of `from` is side opposite(X) of `into`.
    Analysis& source = m_analyses[from];
    Analysis& target = m_analyses[into];
    for (const Direction side : {Direction::ClientToServer, Direction::ServerToClient}) {
        MptcpKeyInfo& info = source.keys[index(side)];
        const Direction there = flip ? opposite(side) : side;
        MptcpKeyInfo& known = target.keys[index(there)];
        if (!known.tokenKnown && info.tokenKnown)
            known = info;
        else if (!known.key && info.key && known.token == info.token)
            known = info;
        if (known.key)
            target.dsnReference[index(there)] = std::max(target.dsnReference[index(there)], source.dsnReference[index(side)]);
        target.dataFinSeen[index(there)] = target.dataFinSeen[index(there)] || source.dataFinSeen[index(side)];
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
    source.mergedAway = true;
}

void MptcpAssembler::tokenSeen(std::uint32_t connection, Direction owner, std::uint32_t token, TokenSource source)
{
    // `owner` is the TCP direction whose sender owns the token.
    SubflowState& subflow = m_subflows[connection];
    if (subflow.analysis) {
        const auto& keys = m_analyses[*subflow.analysis].keys;
        if (keys[index(mptcpDirection(subflow, owner))].tokenKnown)
            return;
    }
    if (const auto found = m_tokens.find(token); found != m_tokens.end()) {
        const std::uint32_t target = found->second;
        if (source == TokenSource::Key && !m_analyses[target].sidesKnown) {
            // Registered by an MP_JOIN before any key: which side owns the token was a guess.
            // The key comes from an MP_CAPABLE subflow, whose TCP client is the MPTCP client.
            const Direction owningSide = subflow.analysis ? mptcpDirection(subflow, owner) : owner;
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
    MptcpKeyInfo& info = m_analyses[analysis].keys[index(mptcpDirection(m_subflows[connection], owner))];
    info.token = token;
    info.tokenKnown = true;
    m_tokens.emplace(token, analysis);
}

void MptcpAssembler::keyFromMpCapable(std::uint32_t connection, Direction sender, std::uint64_t key,
                                      std::uint8_t version, WarningLog& warnings, PacketNumber number)
{
    SubflowState& subflow = m_subflows[connection];
    if (subflow.analysis) {
        const Analysis& analysis = m_analyses[*subflow.analysis];
        const MptcpKeyInfo& info = analysis.keys[index(mptcpDirection(subflow, sender))];
        if (info.key) {
            if (*info.key != key)
                warnings.add("MP_CAPABLE key differs from the key seen before", number.value);
            return;
        }
    }
    const KeyHash hash = hashKey(key, version);
    tokenSeen(connection, sender, hash.token, TokenSource::Key);
    Analysis& analysis = m_analyses[*m_subflows[connection].analysis];
    const Direction side = mptcpDirection(m_subflows[connection], sender);
    MptcpKeyInfo& info = analysis.keys[index(side)];
    if (info.tokenKnown && info.token != hash.token) {
        warnings.add("MP_CAPABLE key does not match the token of its connection", number.value);
        return;
    }
    info.key = key;
    info.token = hash.token;
    info.tokenKnown = true;
    info.idsn = hash.idsn;
    analysis.dsnReference[index(side)] = hash.idsn;
    if (!analysis.version)
        analysis.version = version;
    analysis.evidence.clear();
}

void MptcpAssembler::addEvent(std::uint32_t connection, std::int64_t timeNs, PacketNumber number,
                              Direction direction, EventKind kind, std::string detail)
{
    MptcpEvent event;
    event.timeNs = timeNs;
    event.packet = number;
    event.stream = TcpStreamId(connection);
    event.direction = direction;
    event.kind = kind;
    event.detail = std::move(detail);
    m_events.push_back({connection, std::move(event)});
}

void MptcpAssembler::fallBackToTcp(std::uint32_t connection)
{
    // RFC 8684 §3.7: after MP_FAIL or an infinite mapping the subflow carries plain TCP both
    // ways, and its data continues the data sequence space where the mappings left it.
    SubflowState& subflow = m_subflows[connection];
    if (subflow.fellBackToTcp)
        return;
    subflow.fellBackToTcp = true;
    const Analysis& analysis = m_analyses[*subflow.analysis];
    for (const Direction direction : {Direction::ClientToServer, Direction::ServerToClient}) {
        DsnMapper& mapper = subflow.mappers[index(direction)];
        const MptcpKeyInfo& info = analysis.keys[index(mptcpDirection(subflow, direction))];
        // A direction that has sent nothing yet on the MP_CAPABLE subflow starts at IDSN + 1.
        if (mapper.entries() == 0 && m_connections[connection].subflow.role == SubflowRole::Initial && info.key)
            mapper.add({info.idsn + 1, 1, 0, true});
        mapper.fallBack();
    }
}

DataLevel MptcpAssembler::process(PacketNumber number, std::int64_t timeNs,
                                  const DecodedPacket& packet, const TrackedPacket& tracked,
                                  std::uint32_t row, WarningLog& warnings)
{
    if (m_subflows.size() < m_connections.size())
        m_subflows.resize(m_connections.size());

    const std::uint32_t connection = tracked.connection;
    const Direction direction = tracked.direction;
    const std::uint8_t flags = packet.tcp.flags;
    const bool syn = flags & TcpFlag::Syn;
    const bool ack = flags & TcpFlag::Ack;
    TcpConnection& tcp = m_connections[connection];
    DataLevel result;

    std::array<MptcpOption, 4> options;
    std::size_t optionCount = 0;
    std::size_t cutAt = 0;
    const auto walk = walkTcpOptions(
        packet.tcp.options, packet.tcp.optionsCut,
        [&](const TcpOption& o) {
            if (o.kind == tcpOptionMptcp && optionCount < options.size())
                options[optionCount++] = decodeMptcpOption(o.bytes, flags);
        },
        &cutAt);
    if (walk == OptionWalkStatus::Malformed) {
        warnings.add("TCP options run past the header or have a bad length", number.value);
    } else if (walk == OptionWalkStatus::Cut) {
        warnings.add("TCP options cut by the snapshot length", number.value);
        // Wireshark numbers a connection from the subtype and length alone, so a cut MPTCP
        // option whose first bytes were captured takes a number as a whole one would.
        const auto& bytes = packet.tcp.options;
        if (bytes[cutAt] == tcpOptionMptcp && cutAt + 2 < bytes.size() && !m_subflows[connection].analysis) {
            const std::uint8_t subtype = bytes[cutAt + 2] >> 4;
            const std::uint8_t length = bytes[cutAt + 1];
            if (subtype > 1 || (subtype == 1 && length != 12))
                allocate(connection);
        }
    }

    const auto mappedDsn = [&](const Dss& dss, Direction tcpDirection, bool& expanded) -> std::uint64_t {
        const SubflowState& subflow = m_subflows[connection];
        Analysis& analysis = m_analyses[*subflow.analysis];
        const Direction side = mptcpDirection(subflow, tcpDirection);
        expanded = true;
        if (dss.dsn64)
            return dss.dsn;
        if (!analysis.keys[index(side)].key) {
            expanded = false;
            return dss.dsn;
        }
        const std::uint64_t value = seq::unwrap32(analysis.dsnReference[index(side)], std::uint32_t(dss.dsn));
        return value;
    };

    bool sawMpCapable = false;
    for (std::size_t i = 0; i < optionCount; ++i) {
        const MptcpOption& option = options[i];
        SubflowState& subflow = m_subflows[connection];

        if (const auto* capable = std::get_if<MpCapable>(&option)) {
            sawMpCapable = true;
            tcp.subflow.role = SubflowRole::Initial;
            if (syn && !ack)
                subflow.mpCapableSyn = true;
            if (syn && ack)
                subflow.mpCapableSynAck = true;
            if (capable->hasSenderKey)
                keyFromMpCapable(connection, direction, capable->senderKey, capable->version, warnings, number);
            if (capable->hasReceiverKey)
                keyFromMpCapable(connection, opposite(direction), capable->receiverKey, capable->version,
                                 warnings, number);
            if (capable->hasDataLength && subflow.analysis && capable->dataLength > 0) {
                // RFC 8684 §3.1: the data of the third ACK is mapped implicitly at IDSN + 1.
                Analysis& analysis = m_analyses[*subflow.analysis];
                const auto& info = analysis.keys[index(mptcpDirection(subflow, direction))];
                if (info.key)
                    subflow.mappers[index(direction)].add({info.idsn + 1, 1, capable->dataLength, true});
            }
            continue;
        }

        const auto* join = std::get_if<MpJoin>(&option);
        const auto* malformed = std::get_if<MptcpMalformed>(&option);
        if (malformed) {
            warnings.add(std::string("malformed MPTCP option (subtype ") + std::to_string(malformed->subtype) +
                             ", length " + std::to_string(malformed->length) + ")",
                         number.value);
            if (malformed->subtype == 0 || malformed->subtype == 0xff)
                continue;
        }
        if (join && join->phase == MpJoin::Phase::Syn) {
            tcp.subflow.role = SubflowRole::Join;
            tcp.subflow.joinToken = join->token;
            tcp.subflow.joinTokenKnown = true;
            tcp.subflow.localAddressId = join->addressId;
            tcp.subflow.backup = join->backup;
            tokenSeen(connection, opposite(direction), join->token, TokenSource::JoinSyn);
            if (!subflow.joinSynSeen) // not again for a retransmitted SYN
                addEvent(connection, timeNs, number, direction, EventKind::MpJoin,
                         "SYN to token " + hex32(join->token) + ", address id " +
                             std::to_string(join->addressId) + (join->backup ? ", backup" : ""));
            subflow.joinSynSeen = true;
            continue;
        }
        // Any other option on a subflow without a connection yet gets a number of its own.
        if (!subflow.analysis)
            allocate(connection);
        if (malformed)
            continue;
        if (join) {
            tcp.subflow.role = SubflowRole::Join;
            if (join->phase == MpJoin::Phase::SynAck) {
                tcp.subflow.remoteAddressId = join->addressId;
                tcp.subflow.backup = tcp.subflow.backup || join->backup;
                if (!subflow.joinSynSeen)
                    addEvent(connection, timeNs, number, direction, EventKind::MpJoin,
                             "SYN/ACK from address id " + std::to_string(join->addressId) +
                                 (join->backup ? ", backup" : "") + " (SYN not captured)");
            }
            continue;
        }

        Analysis& analysis = m_analyses[*subflow.analysis];
        const Direction side = mptcpDirection(subflow, direction);
        if (const auto* dss = std::get_if<Dss>(&option)) {
            if (dss->hasMapping) {
                bool expanded = true;
                const std::uint64_t dsn = mappedDsn(*dss, direction, expanded);
                if (expanded && dss->dataLength > 0 && analysis.keys[index(side)].key)
                    analysis.dsnReference[index(side)] = dsn;
                subflow.mappers[index(direction)].add({dsn, dss->subflowSeq, dss->dataLength, expanded});
                if (dss->dataLength == 0 && !dss->dataFin) {
                    if (!subflow.fallbackEvent)
                        addEvent(connection, timeNs, number, direction, EventKind::Fallback,
                                 "infinite mapping: the connection falls back to TCP");
                    subflow.fallbackEvent = true;
                    fallBackToTcp(connection);
                }
                if (!analysis.keys[0].key && !analysis.keys[1].key && analysis.evidence.size() < maxEvidence)
                    analysis.evidence.push_back({connection, direction, false, dss->dsn64, dss->dsn});
                if (dss->dataFin) {
                    result.dataFin = true;
                    const std::uint64_t finDsn = dsn + (dss->dataLength ? dss->dataLength - 1u : 0u);
                    if (!analysis.dataFinSeen[index(side)]) {
                        analysis.dataFinSeen[index(side)] = true;
                        addEvent(connection, timeNs, number, direction, EventKind::DataFin,
                                 expanded && analysis.keys[index(side)].key
                                     ? "DATA_FIN at relative DSN " +
                                           std::to_string(finDsn - analysis.keys[index(side)].idsn)
                                     : "DATA_FIN");
                    }
                }
            } else if (dss->dataFin) {
                result.dataFin = true;
            }
            if (dss->hasDataAck) {
                const Direction acked = opposite(side);
                const auto& info = analysis.keys[index(acked)];
                if (dss->dataAck64) {
                    result.dataAck = dss->dataAck;
                } else if (info.key) {
                    const int d = index(direction);
                    const std::uint64_t reference =
                        subflow.ackReferenceSet[d] ? subflow.ackReference[d] : info.idsn;
                    result.dataAck = seq::unwrap32(reference, std::uint32_t(dss->dataAck));
                    subflow.ackReference[d] = result.dataAck;
                    subflow.ackReferenceSet[d] = true;
                }
                if (!analysis.keys[0].key && !analysis.keys[1].key && analysis.evidence.size() < maxEvidence)
                    analysis.evidence.push_back({connection, direction, true, dss->dataAck64, dss->dataAck});
            }
        } else if (const auto* add = std::get_if<AddAddr>(&option)) {
            std::string detail = "address id " + std::to_string(add->addressId) + " " +
                                 (add->hasPort ? Endpoint{add->address, add->port}.toString()
                                               : add->address.toString());
            if (add->echo)
                detail += " (echo)";
            addEvent(connection, timeNs, number, direction, EventKind::AddAddr, std::move(detail));
            if (!analysis.version && add->optionVersion == 0)
                analysis.version = 0;
        } else if (const auto* remove = std::get_if<RemoveAddr>(&option)) {
            std::string detail = remove->addressIds.size() == 1 ? "address id" : "address ids";
            for (std::size_t k = 0; k < remove->addressIds.size(); ++k)
                detail += (k ? ", " : " ") + std::to_string(remove->addressIds[k]);
            addEvent(connection, timeNs, number, direction, EventKind::RemoveAddr, std::move(detail));
        } else if (const auto* prio = std::get_if<MpPrio>(&option)) {
            tcp.subflow.backup = prio->backup;
            addEvent(connection, timeNs, number, direction, EventKind::MpPrio,
                     std::string(prio->backup ? "backup" : "regular priority") +
                         (prio->hasAddressId ? ", address id " + std::to_string(prio->addressId) : ""));
        } else if (const auto* fail = std::get_if<MpFail>(&option)) {
            // The DSN names data the sender of MP_FAIL received: its peer's sequence space.
            const MptcpKeyInfo& peer = analysis.keys[index(opposite(side))];
            const std::uint64_t relative = fail->dsn - peer.idsn;
            addEvent(connection, timeNs, number, direction, EventKind::MpFail,
                     peer.key && relative < (1ull << 62) ? "relative DSN " + std::to_string(relative)
                                                         : "DSN " + std::to_string(fail->dsn));
            fallBackToTcp(connection);
        } else if (const auto* fastclose = std::get_if<MpFastclose>(&option)) {
            addEvent(connection, timeNs, number, direction, EventKind::MpFastclose,
                     "receiver key " + std::to_string(fastclose->receiverKey));
        } else if (const auto* rst = std::get_if<MpTcpRst>(&option)) {
            addEvent(connection, timeNs, number, direction, EventKind::MpTcpRst,
                     tcpRstReason(rst->reason) + (rst->transient() ? ", transient" : ""));
        }
    }

    SubflowState& subflow = m_subflows[connection];
    // RFC 8684 §3.1: MP_CAPABLE on the SYN and none on the SYN/ACK means plain TCP.
    if (syn && ack && !sawMpCapable && subflow.mpCapableSyn && !tcp.subflow.fellBack) {
        tcp.subflow.fellBack = true;
        if (subflow.analysis)
            addEvent(connection, timeNs, number, direction, EventKind::Fallback,
                     "SYN/ACK without MP_CAPABLE: plain TCP");
        else
            warnings.addLine("tcp.stream " + std::to_string(connection) +
                             ": MPTCP fallback to plain TCP (MP_CAPABLE on the SYN, none on the SYN/ACK)");
    }

    if (subflow.analysis && packet.tcp.payloadLength > 0 && tracked.baseFromSyn) {
        if (const auto mapping = subflow.mappers[index(direction)].find(tracked.relativeSeq)) {
            const std::uint32_t offset = tracked.relativeSeq - mapping->subflowSeq;
            result.dsn = mapping->expanded ? mapping->dsn + offset
                                           : std::uint64_t(std::uint32_t(mapping->dsn + offset));
            result.dsnUnexpanded = !mapping->expanded;
            Analysis& analysis = m_analyses[*subflow.analysis];
            const Direction side = mptcpDirection(subflow, direction);
            const auto& info = analysis.keys[index(side)];
            if (mapping->expanded && info.key) {
                const std::uint64_t end = result.dsn + packet.tcp.payloadLength - info.idsn;
                if (end < (1ull << 62))
                    analysis.maxRelativeDsn[index(side)] = std::max(analysis.maxRelativeDsn[index(side)], end);
            }
            if (mapping->continued && !subflow.fallbackEvent) {
                subflow.fallbackEvent = true;
                addEvent(connection, timeNs, number, direction, EventKind::Fallback,
                         "data without DSS after MP_FAIL: the connection fell back to TCP");
            }
        } else {
            m_unmappedRows.push_back(row);
        }
    }
    return result;
}

bool MptcpAssembler::evidenceFits(const Analysis& candidate, const Analysis& orphan, bool flipped) const
{
    // Each value must fall inside what the candidate connection sent in that direction
    // (data sequence numbers) or what its peer could acknowledge (data acks), with slack for
    // data the capture did not see.
    constexpr std::uint64_t slack = 1ull << 24;
    for (const Evidence& e : orphan.evidence) {
        Direction side = flipped ? opposite(e.tcpDirection) : e.tcpDirection;
        if (e.isAck)
            side = opposite(side);
        const MptcpKeyInfo& info = candidate.keys[index(side)];
        if (!info.key)
            return false;
        const std::uint64_t limit = candidate.maxRelativeDsn[index(side)] + slack;
        const std::uint64_t relative = e.is64 ? e.value - info.idsn
                                              : std::uint64_t(std::uint32_t(e.value - info.idsn));
        if (relative > limit)
            return false;
    }
    return !orphan.evidence.empty();
}

void MptcpAssembler::resolvePending(PacketTable& table, WarningLog& warnings)
{
    // Mappings can arrive after the data they map (reordering, or a mapping carried only by
    // a later segment of the burst): every mapping of the subflow is known now.
    for (const std::uint32_t row : m_unmappedRows) {
        const std::uint32_t connection = table.stream[row];
        const Direction direction = (table.marks[row] & PacketTable::ServerToClient)
                                        ? Direction::ServerToClient
                                        : Direction::ClientToServer;
        const auto mapping = m_subflows[connection].mappers[index(direction)].find(table.relativeSeq[row]);
        if (!mapping) {
            warnings.add("MPTCP payload without a DSS mapping", table.packet[row]);
            continue;
        }
        table.dsn[row] = mapping->dsn;
        if (!mapping->expanded)
            table.marks[row] |= PacketTable::DsnUnexpanded;
    }
    m_unmappedRows.clear();
    m_unmappedRows.shrink_to_fit();
}

bool MptcpAssembler::sharesAnAddress(const std::vector<std::uint32_t>& orphans,
                                     const std::vector<std::uint32_t>& members) const
{
    // A subflow joins its connection from one of the same hosts: with no address in common,
    // DSNs that happen to fit prove nothing.
    for (const std::uint32_t o : orphans)
        for (const std::uint32_t m : members) {
            const auto& a = m_connections[o];
            const auto& b = m_connections[m];
            for (const auto* x : {&a.client.address, &a.server.address})
                if (*x == b.client.address || *x == b.server.address)
                    return true;
        }
    return false;
}

void MptcpAssembler::attachOrphans(PacketTable& table)
{
    std::vector<std::vector<std::uint32_t>> members(m_analyses.size());
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
        if (m_subflows[c].analysis)
            members[*m_subflows[c].analysis].push_back(c);

    for (std::uint32_t o = 0; o < m_analyses.size(); ++o) {
        Analysis& orphan = m_analyses[o];
        if (orphan.keys[0].tokenKnown || orphan.keys[1].tokenKnown || members[o].empty())
            continue;
        std::optional<std::pair<std::uint32_t, bool>> match;
        bool ambiguous = false;
        for (std::uint32_t k = 0; k < m_analyses.size() && !ambiguous; ++k) {
            const Analysis& candidate = m_analyses[k];
            if (k == o || !candidate.keys[0].key || !candidate.keys[1].key ||
                !sharesAnAddress(members[o], members[k]))
                continue;
            for (const bool flipped : {false, true}) {
                if (!evidenceFits(candidate, orphan, flipped))
                    continue;
                if (match) // a second connection, or both orientations: no proof either way
                    ambiguous = true;
                match = {k, flipped};
            }
        }
        if (!match || ambiguous)
            continue;

        orphan.mergedAway = true;
        const Analysis& target = m_analyses[match->first];
        for (const std::uint32_t c : members[o]) {
            m_connections[c].subflow.wiresharkMptcp = orphan.id;
            attach(c, match->first, match->second);
            members[match->first].push_back(c);
        }
        // Re-expand the 32-bit DSNs of the attached subflows now that their IDSN is known.
        for (std::size_t row = 0; row < table.size(); ++row) {
            if (!(table.marks[row] & PacketTable::DsnUnexpanded))
                continue;
            const std::uint32_t c = table.stream[row];
            if (m_subflows[c].analysis != match->first)
                continue;
            const Direction tcpDirection = (table.marks[row] & PacketTable::ServerToClient)
                                               ? Direction::ServerToClient
                                               : Direction::ClientToServer;
            const auto& info = target.keys[index(mptcpDirection(m_subflows[c], tcpDirection))];
            table.dsn[row] = seq::unwrap32(info.idsn + target.maxRelativeDsn[index(mptcpDirection(
                                                           m_subflows[c], tcpDirection))] / 2,
                                           std::uint32_t(table.dsn[row]));
            table.marks[row] &= std::uint8_t(~PacketTable::DsnUnexpanded);
        }
    }
}

std::vector<MptcpConnection> MptcpAssembler::finish(PacketTable& table, WarningLog& warnings)
{
    if (m_subflows.size() < m_connections.size())
        m_subflows.resize(m_connections.size());
    resolvePending(table, warnings);
    attachOrphans(table);

    std::vector<std::int32_t> output(m_analyses.size(), -1);
    std::vector<MptcpConnection> result;
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c) {
        if (!m_subflows[c].analysis)
            continue;
        const std::uint32_t a = *m_subflows[c].analysis;
        if (output[a] < 0) {
            output[a] = std::int32_t(result.size());
            MptcpConnection connection;
            const Analysis& analysis = m_analyses[a];
            connection.id = analysis.id;
            connection.version = analysis.version;
            connection.client = analysis.keys[0];
            connection.server = analysis.keys[1];
            connection.unattached = !analysis.keys[0].key && !analysis.keys[1].key &&
                                    !analysis.keys[0].tokenKnown && !analysis.keys[1].tokenKnown;
            connection.firstNs = m_connections[c].firstNs;
            connection.lastNs = m_connections[c].lastNs;
            for (std::size_t d = 0; d < directionCount; ++d)
                connection.directions[d].sawDataFin = analysis.dataFinSeen[d];
            result.push_back(std::move(connection));
        }
        MptcpConnection& connection = result[std::size_t(output[a])];
        connection.subflows.push_back(TcpStreamId(c));
        connection.firstNs = std::min(connection.firstNs, m_connections[c].firstNs);
        connection.lastNs = std::max(connection.lastNs, m_connections[c].lastNs);
        m_connections[c].mptcp = connection.id;
    }

    for (auto& pending : m_events) {
        const auto& subflow = m_subflows[pending.connection];
        if (!subflow.analysis)
            continue;
        result[std::size_t(output[*subflow.analysis])].events.push_back(std::move(pending.event));
    }
    std::sort(result.begin(), result.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    for (auto& connection : result)
        std::stable_sort(connection.events.begin(), connection.events.end(),
                         [](const auto& a, const auto& b) { return a.packet < b.packet; });

    for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
        m_connections[c].subflow.reversed = m_subflows[c].flipped;
    return result;
}

} // namespace core
