// After the last packet: mappings that came late, subflows attached by their data sequence
// numbers, and the connections as the model shows them.

#include "assemble/mptcp_assembler.h"

#include "model/seq.h"
#include "model/warning_log.h"

#include <algorithm>

namespace core {

std::vector<MptcpConnection> MptcpAssembler::finish(PacketTable& table, WarningLog& warnings)
{
    if (m_subflows.size() < m_connections.size())
        m_subflows.resize(m_connections.size());
    fallBackAfterHandshakes();
    resolvePending(table, warnings);
    inferSynlessDsns(table, warnings);
    attachOrphans();
    groupKeyless(table);
    expandRawValues(table);

    std::vector<std::int32_t> output(m_analyses.size(), -1); // analysis → index in result
    std::vector<MptcpConnection> result;
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c) {
        if (!m_subflows[c].analysis)
            continue;
        const std::uint32_t a = *m_subflows[c].analysis;
        if (output[a] < 0) {
            output[a] = std::int32_t(result.size());
            result.push_back(startOutput(m_analyses[a], m_connections[c]));
        }
        MptcpConnection& connection = result[std::size_t(output[a])];
        connection.subflows.push_back(TcpStreamId(c));
        connection.firstNs = std::min(connection.firstNs, m_connections[c].firstNs);
        connection.lastNs = std::max(connection.lastNs, m_connections[c].lastNs);
        m_connections[c].mptcp = connection.id;
    }

    for (auto& connection : result) {
        // Without a key, one subflow is a subflow whose connection is not in the capture.
        connection.unattached = !connection.handshakeCaptured && connection.subflows.size() == 1;
        if (connection.unattached && (connection.client.tokenKnown || connection.server.tokenKnown)) {
            // An MP_JOIN to a token no connection in the capture has: the token it asked for.
            connection.joinToken = connection.server.tokenKnown ? connection.server.token : connection.client.token;
            connection.client = connection.server = MptcpKeyInfo{};
        }
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

MptcpConnection MptcpAssembler::startOutput(const Analysis& analysis, const TcpConnection& firstSubflow) const
{
    MptcpConnection connection;
    connection.id = analysis.id;
    connection.version = analysis.version;
    connection.client = analysis.side(Direction::ClientToServer).key;
    connection.server = analysis.side(Direction::ServerToClient).key;
    connection.handshakeCaptured = analysis.anyKey();
    connection.firstNs = firstSubflow.firstNs;
    connection.lastNs = firstSubflow.lastNs;
    for (const Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
        connection.directions[index(d)].sawDataFin = analysis.side(d).dataFinSeen;
        connection.dsnUpperBitsUnknown[index(d)] = analysis.side(d).upperBitsGuessed;
    }
    return connection;
}

void MptcpAssembler::addEventAt(std::uint32_t connection, const assembly::PacketRef& at, EventKind kind,
                                std::string detail)
{
    MptcpEvent event;
    event.timeNs = at.timeNs;
    event.packet = at.number;
    event.stream = TcpStreamId(connection);
    event.direction = at.direction;
    event.kind = kind;
    event.detail = std::move(detail);
    m_events.push_back({connection, std::move(event)});
}

void MptcpAssembler::fallBackAfterHandshakes()
{
    // RFC 8684 §3.1: after an MP_CAPABLE SYN exchange, a third ACK without MP_CAPABLE, or
    // data and never a DSS, means the connection went on as plain TCP.
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c) {
        Subflow& subflow = m_subflows[c];
        if (!subflow.analysis || !subflow.agreedVersion || subflow.sawDss || subflow.fellBackToTcp ||
            m_connections[c].subflow.fellBack)
            continue;
        const bool thirdAck = subflow.thirdAckWithoutMpCapable.has_value();
        const auto& at = thirdAck ? subflow.thirdAckWithoutMpCapable : subflow.firstDataWithoutDss;
        if (!at)
            continue;
        if (!subflow.fallbackEvent) {
            subflow.fallbackEvent = true;
            addEventAt(c, *at, EventKind::Fallback,
                       thirdAck ? "third ACK without MP_CAPABLE: the connection falls back to TCP"
                                : "data without DSS after the MP_CAPABLE handshake: the connection falls back to TCP");
        }
        fallBackToTcp(c);
    }
}

void MptcpAssembler::resolvePending(PacketTable& table, WarningLog& warnings)
{
    // Mappings can arrive after the data they map (reordering, or a mapping carried only by
    // a later segment of the burst): every mapping of the subflow is known now.
    for (const std::uint32_t row : m_unmappedRows)
        mapRow(table, row, m_subflows[table.stream[row]], table.relativeSeq[row], warnings);
    table.dsn.applyLateWrites();
    m_unmappedRows.clear();
    m_unmappedRows.shrink_to_fit();
}

std::optional<DsnMapper::Mapping> MptcpAssembler::mapRow(PacketTable& table, std::uint32_t row, const Subflow& subflow,
                                                         std::uint32_t relativeSeq, WarningLog& warnings)
{
    const auto mapping = subflow.direction(table.tcpDirection(row)).mapper.find(relativeSeq);
    if (!mapping) {
        if (!subflow.fellBackToTcp)
            warnings.add("MPTCP payload without a DSS mapping", table.packet[row]);
        return std::nullopt;
    }
    table.dsn.set(row, mapping->dsn); // queued: the row was pushed without one
    if (!mapping->expanded)
        table.marks[row] |= PacketTable::DsnUnexpanded;
    m_rawValues = m_rawValues || !mapping->expanded;
    return mapping;
}

void MptcpAssembler::attachOrphans()
{
    std::vector<std::vector<std::uint32_t>> members(m_analyses.size()); // subflows of each analysis
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
        if (m_subflows[c].analysis)
            members[*m_subflows[c].analysis].push_back(c);

    for (std::uint32_t o = 0; o < m_analyses.size(); ++o) {
        if (m_analyses[o].anyToken() || members[o].empty())
            continue;
        const auto home = findHome(o, members);
        if (!home)
            continue;
        for (const std::uint32_t c : members[o]) {
            m_connections[c].subflow.wiresharkMptcp = m_analyses[o].id;
            attach(c, home->analysis, home->flipped);
            members[home->analysis].push_back(c);
        }
    }
}

std::optional<MptcpAssembler::Home>
MptcpAssembler::findHome(std::uint32_t orphan, const std::vector<std::vector<std::uint32_t>>& members) const
{
    std::optional<Home> match;
    for (std::uint32_t k = 0; k < m_analyses.size(); ++k) {
        const Analysis& candidate = m_analyses[k];
        if (k == orphan || !candidate.bothKeys() || !sharesAnAddress(members[orphan], members[k]))
            continue;
        for (const bool flipped : {false, true}) {
            if (!evidenceFits(candidate, m_analyses[orphan], flipped))
                continue;
            if (match) // a second connection, or both orientations: no proof either way
                return std::nullopt;
            match = Home{k, flipped};
        }
    }
    return match;
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

bool MptcpAssembler::evidenceFits(const Analysis& candidate, const Analysis& orphan, bool flipped) const
{
    // Each value must fall inside what the candidate connection sent in that direction
    // (data sequence numbers) or what its peer could acknowledge (data acks), with slack for
    // data the capture did not see.
    constexpr std::uint64_t slack = 1ull << 24;
    for (const assembly::Evidence& e : orphan.evidence) {
        Direction direction = flipped ? opposite(e.tcpDirection) : e.tcpDirection;
        if (e.isAck)
            direction = opposite(direction);
        const DataSide& side = candidate.side(direction);
        if (!side.hasKey())
            return false;
        const std::uint64_t limit = side.maxRelativeDsn + slack;
        const std::uint64_t relative = e.is64 ? e.value - side.key.idsn
                                              : std::uint64_t(std::uint32_t(e.value - side.key.idsn));
        if (relative > limit)
            return false;
    }
    return !orphan.evidence.empty();
}

} // namespace core
