// What finish() infers for connections whose handshake is not in the capture: the initial
// sequence number of a subflow whose SYN is missing, the connection that subflows without a
// handshake form together, and the upper bits of 32-bit data sequence numbers.

#include "assemble/dsn_proof.h"
#include "assemble/mptcp_assembler.h"

#include "model/seq.h"
#include "model/warning_log.h"

#include <algorithm>
#include <array>
#include <numeric>

namespace core {
namespace {

constexpr std::array bothDirections{Direction::ClientToServer, Direction::ServerToClient};

// Disjoint sets of connections, each member oriented against its set's root: `parity` true
// when the member's client is the root's server.
class OrientedSets {
public:
    explicit OrientedSets(std::size_t size)
        : m_parent(size)
        , m_parity(size, false)
        , m_hasToken(size, false)
    {
        std::iota(m_parent.begin(), m_parent.end(), std::uint32_t(0));
    }

    struct Root {
        std::uint32_t root;
        bool parity;
    };
    Root find(std::uint32_t x) const
    {
        bool parity = false;
        while (m_parent[x] != x) {
            parity = parity != m_parity[x];
            x = m_parent[x];
        }
        return {x, parity};
    }
    void markToken(std::uint32_t x) { m_hasToken[x] = true; }
    // Joins the sets of `a` and `b`, `flipped` when a's client is b's server. Refused when
    // they are one set already, or when both sets carry a token (two connections).
    void join(std::uint32_t a, std::uint32_t b, bool flipped)
    {
        const Root ra = find(a);
        const Root rb = find(b);
        if (ra.root == rb.root || (m_hasToken[ra.root] && m_hasToken[rb.root]))
            return;
        m_parent[rb.root] = ra.root;
        m_parity[rb.root] = (ra.parity != rb.parity) != flipped;
        m_hasToken[ra.root] = m_hasToken[ra.root] || m_hasToken[rb.root];
    }

private:
    std::vector<std::uint32_t> m_parent;
    std::vector<bool> m_parity;
    std::vector<bool> m_hasToken;
};

} // namespace

void MptcpAssembler::inferSynlessDsns(PacketTable& table, WarningLog& warnings)
{
    // The ISN of a direction is known once some segment starts or ends the mapping that
    // covers it (IsnEstimate); until then the offset of its bytes within their mapping, so
    // their DSN, is not known, and they get none.
    bool any = false;
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
        for (const Direction d : bothDirections) {
            const assembly::IsnEstimate& isn = m_subflows[c].direction(d).isn;
            any = any || m_subflows[c].direction(d).synMissing;
            if (isn.exact()) // the tracker counts sequence numbers from its base, initialSeq
                m_connections[c].subflow.inferredIsn[index(d)] = m_connections[c].stats(d).initialSeq - isn.shift;
            else if (isn.conflict())
                warnings.addLine(
                    "tcp.stream " + std::to_string(c) + ": the DSS mappings of the " +
                    (d == Direction::ClientToServer ? "client" : "server") +
                    "'s data contradict each other (SYN not captured): its data sequence numbers are unknown");
        }
    if (!any)
        return;
    for (std::size_t row = 0; row < table.size(); ++row) {
        if (table.length[row] == 0 || table.dsn[row] != PacketTable::noDsn)
            continue;
        const Subflow& subflow = m_subflows[table.stream[row]];
        const Direction d = table.tcpDirection(row);
        const assembly::IsnEstimate& isn = subflow.direction(d).isn;
        if (!subflow.direction(d).synMissing || !subflow.analysis)
            continue;
        if (!isn.exact()) {
            warnings.add("MPTCP payload with an unknown DSN: no segment in the capture starts or ends a DSS "
                         "mapping of its subflow direction, whose SYN is missing",
                         table.packet[row]);
            continue;
        }
        const auto mapping = mapRow(table, std::uint32_t(row), subflow, table.relativeSeq[row] + isn.shift, warnings);
        if (!mapping)
            continue;
        DataSide& sender = m_analyses[*subflow.analysis].side(subflow.mptcpDirection(d));
        if (const auto end = sender.relative(mapping->dsn + table.length[row]); end && mapping->expanded)
            sender.maxRelativeDsn = std::max(sender.maxRelativeDsn, *end);
    }
    table.dsn.applyLateWrites();
}

void MptcpAssembler::groupKeyless(const PacketTable& table)
{
    // Connections without any key (subflows whose handshake is not in the capture, joins to
    // an unknown token) are one connection when one's data acks acknowledge data only the
    // other carried (DsnProof). Never on addresses alone.
    std::vector<std::uint32_t> lowestStream(m_analyses.size(), ~std::uint32_t(0));
    for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
        if (const auto a = m_subflows[c].analysis)
            lowestStream[*a] = std::min(lowestStream[*a], c);
    const auto keyless = [&](std::uint32_t a) {
        return !m_analyses[a].anyKey() && lowestStream[a] != ~std::uint32_t(0);
    };
    std::size_t keylessCount = 0;
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a)
        keylessCount += keyless(a);
    if (keylessCount < 2)
        return;

    DsnProof proof(m_analyses.size());
    for (std::size_t row = 0; row < table.size(); ++row) {
        const Subflow& subflow = m_subflows[table.stream[row]];
        if (!subflow.analysis || !keyless(*subflow.analysis))
            continue;
        const Direction d = table.tcpDirection(row);
        if (table.length[row] > 0 && table.dsn[row] != PacketTable::noDsn)
            proof.addSegment(*subflow.analysis, subflow.mptcpDirection(d), table.dsn[row], table.length[row],
                             !(table.marks[row] & PacketTable::DsnUnexpanded));
        if (table.dataAck[row] != PacketTable::noDsn)
            proof.addAck(*subflow.analysis, subflow.mptcpDirection(opposite(d)), table.dataAck[row],
                         !(table.marks[row] & PacketTable::DataAckUnexpanded));
    }

    OrientedSets sets(m_analyses.size());
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a)
        if (m_analyses[a].anyToken())
            sets.markToken(a);
    for (const DsnProof::Link& link : proof.links())
        sets.join(link.a, link.b, link.flipped);

    // Each set becomes the connection of its first subflow (lowest tcp.stream): its number is
    // the one Wireshark gives that subflow; the others' numbers stay unused.
    std::vector<std::optional<std::uint32_t>> target(m_analyses.size());
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a) {
        if (!keyless(a))
            continue;
        auto& t = target[sets.find(a).root];
        if (!t || lowestStream[a] < lowestStream[*t])
            t = a;
    }
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a) {
        if (!keyless(a))
            continue;
        const auto root = sets.find(a);
        const std::uint32_t into = *target[root.root];
        if (into == a)
            continue;
        const bool flipped = root.parity != sets.find(into).parity;
        for (std::uint32_t c = 0; c < m_subflows.size(); ++c)
            if (m_subflows[c].analysis == a)
                m_connections[c].subflow.wiresharkMptcp = m_analyses[a].id;
        merge(a, into, flipped);
    }

    // Without a handshake, a subflow's client is the source of its first captured packet. The
    // connection's client is the one most of its subflows agree on (the first subflow's on a
    // tie), unless an MP_JOIN said which side owns a token.
    std::vector<int> votes(m_analyses.size(), 0); // subflows that see it the other way round, minus the others
    for (const Subflow& subflow : m_subflows)
        if (subflow.analysis && keyless(*subflow.analysis))
            votes[*subflow.analysis] += subflow.flipped ? 1 : -1;
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a)
        if (votes[a] > 0 && !m_analyses[a].anyToken())
            flipSides(a);
}

void MptcpAssembler::expandRawValues(PacketTable& table)
{
    // 32-bit DSNs and data acks kept raw: each unwraps near the value before it in its data
    // sequence space (the IDSN when the key is known, else the space's first 64-bit value).
    // A space that has only 32-bit values and no key gets made-up upper bits, the same for
    // all of it, so differences (bytes, reinjections) are right and the values are marked.
    if (!m_rawValues)
        return;
    const std::size_t spaces = m_analyses.size() * directionCount;
    const auto spaceOf = [&](const Subflow& subflow, Direction mptcpDirection) {
        return std::size_t(*subflow.analysis) * directionCount + std::size_t(index(mptcpDirection));
    };
    std::vector<std::optional<std::uint64_t>> reference(spaces);
    std::vector<bool> anyRaw(spaces, false);
    for (std::uint32_t a = 0; a < m_analyses.size(); ++a)
        for (const Direction d : bothDirections)
            if (m_analyses[a].side(d).hasKey())
                reference[a * directionCount + std::size_t(index(d))] = m_analyses[a].side(d).key.idsn;

    const auto visit = [&](auto&& onValue) {
        for (std::size_t row = 0; row < table.size(); ++row) {
            const Subflow& subflow = m_subflows[table.stream[row]];
            if (!subflow.analysis)
                continue;
            const Direction d = table.tcpDirection(row);
            if (table.dsn[row] != PacketTable::noDsn)
                onValue(spaceOf(subflow, subflow.mptcpDirection(d)), table.dsn, row, PacketTable::DsnUnexpanded);
            if (table.dataAck[row] != PacketTable::noDsn)
                onValue(spaceOf(subflow, subflow.mptcpDirection(opposite(d))), table.dataAck, row,
                        PacketTable::DataAckUnexpanded);
        }
    };
    // First: each space's first 64-bit value, where no key gives a reference.
    bool raw = false;
    visit([&](std::size_t space, const SparseDsnColumn& column, std::size_t row, std::uint8_t mark) {
        if (table.marks[row] & mark) {
            anyRaw[space] = true;
            raw = true;
        } else if (!reference[space]) {
            reference[space] = column[row];
        }
    });
    if (!raw)
        return;
    for (std::size_t space = 0; space < spaces; ++space)
        if (anyRaw[space] && !reference[space])
            m_analyses[space / directionCount].sides[space % directionCount].upperBitsGuessed = true;
    visit([&](std::size_t space, SparseDsnColumn& column, std::size_t row, std::uint8_t mark) {
        if (!anyRaw[space])
            return;
        auto& near = reference[space];
        if (table.marks[row] & mark) {
            const auto low = std::uint32_t(column[row]);
            column.set(row, seq::unwrap32(near.value_or((1ull << 32) | low), low)); // a stored value: in place
            table.marks[row] &= std::uint8_t(~mark);
        }
        near = column[row];
    });
}

} // namespace core
