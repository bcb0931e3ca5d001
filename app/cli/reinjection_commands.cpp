#include "invocation.h"

#include "metrics/reinjections.h"
#include "model/capture.h"
#include "series/chart_data.h"
#include "summary_json.h"
#include "text/formatting.h"

#include <QJsonDocument>
#include <QTextStream>

#include <map>

// list-reinjections: the data each MPTCP connection sent on more than one subflow.
namespace app::cli {
namespace {

QString directionName(core::Direction d)
{
    return d == core::Direction::ClientToServer ? tr("client → server") : tr("server → client");
}

// "packet 2144 (26.587272 s)", "packets 2253 (27.392988 s), 2521 (28.530728 s, TCP retransmission)"
QString packetList(const core::Capture& capture, const std::vector<std::uint32_t>& rows)
{
    const auto& table = capture.table;
    QStringList items;
    for (const auto row : rows) {
        QString item = QStringLiteral("%1 (%2 s")
                           .arg(table.packet[row])
                           .arg(capture.relativeSeconds(table.timeNs[row]), 0, 'f', 6);
        if (table.marks[row] & core::PacketTable::Retransmission)
            item += tr(", TCP retransmission");
        items << item + QLatin1Char(')');
    }
    return (rows.size() == 1 ? tr("packet %1") : tr("packets %1")).arg(items.join(QStringLiteral(", ")));
}

// One line per subflow that carried some of `rows`: "tcp.stream 12: packet 2253 (27.392988 s)".
QStringList perStream(const core::Capture& capture, const std::vector<std::uint32_t>& rows)
{
    std::map<std::uint32_t, std::vector<std::uint32_t>> byStream;
    for (const auto row : rows)
        byStream[capture.table.stream[row]].push_back(row);
    QStringList lines;
    for (const auto& [stream, streamRows] : byStream)
        lines << QStringLiteral("tcp.stream %1: %2").arg(stream).arg(packetList(capture, streamRows));
    return lines;
}

QString totalsLine(const core::Capture& capture, const core::MptcpConnection& m, core::Direction d)
{
    const auto totals = core::reinjectionTotals(capture.table, m, d);
    if (totals.count == 0)
        return tr("%1: no reinjection").arg(directionName(d));
    QStringList flows;
    for (const auto& flow : totals.flows)
        flows << tr("tcp.stream %1 → %2: %3 (%4 bytes)")
                     .arg(flow.from.value)
                     .arg(flow.to.value)
                     .arg(flow.count)
                     .arg(flow.bytes);
    return tr("%1: %2 reinjected range(s), %3 (%4 bytes); %5")
        .arg(directionName(d))
        .arg(totals.count)
        .arg(text::bytes(totals.bytes))
        .arg(totals.bytes)
        .arg(flows.join(QStringLiteral(", ")));
}

void printReinjections(QTextStream& out, const core::Capture& capture, const core::MptcpConnection& m)
{
    using core::Direction;
    const auto& table = capture.table;
    out << tr("mptcp.stream %1: reinjections (data carried by more than one subflow)").arg(m.id.value) << '\n';
    for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
        out << totalsLine(capture, m, d) << '\n';
        const std::uint64_t base = core::dsnBase(capture, m, d);
        for (const auto& r : m.reinjections) {
            if (r.direction != d)
                continue;
            out << tr("  DSN %1–%2 (%3 bytes; absolute %4–%5)")
                       .arg(r.dsnStart - base)
                       .arg(r.dsnEnd - 1 - base)
                       .arg(r.bytes())
                       .arg(r.dsnStart)
                       .arg(r.dsnEnd - 1)
                << '\n';
            out << tr("    original    tcp.stream %1: %2")
                       .arg(r.originalStream.value)
                       .arg(packetList(capture, r.originalRows));
            if (std::find(r.originalRows.begin(), r.originalRows.end(), r.originalSentRow) == r.originalRows.end())
                out << tr("; first sent before packet %1 (%2 s) of the same subflow, not captured")
                           .arg(table.packet[r.originalSentRow])
                           .arg(capture.relativeSeconds(r.originalSentNs), 0, 'f', 6);
            out << '\n';
            for (const auto& line : perStream(capture, r.reinjectionRows))
                out << tr("    reinjection %1").arg(line) << '\n';
            const double delay = double(table.timeNs[r.reinjectionRows.front()] - r.originalSentNs) / 1e9;
            out << tr("    %1 after the original").arg(text::seconds(delay)) << '\n';
        }
    }
}

} // namespace

int listReinjections(const Invocation& invocation)
{
    const auto loaded = loadMptcpOrReport(invocation.positional[1], invocation.positional[2], invocation.err);
    if (!loaded.connection)
        return exitUsage;
    const auto& capture = loaded.capture;
    const auto* m = loaded.connection;
    if (invocation.isSet(QStringLiteral("json")))
        invocation.out << QJsonDocument(json::reinjectionList(*capture, *m)).toJson(QJsonDocument::Indented);
    else
        printReinjections(invocation.out, *capture, *m);
    return exitOk;
}

} // namespace app::cli
