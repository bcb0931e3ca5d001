#include "invocation.h"

#include "load/loader.h"
#include "summary_json.h"
#include "text/formatting.h"
#include "utf8_output.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdint>

// The commands that print what a capture holds: list-tcp, list-mptcp, tcp-summary,
// mptcp-summary and summary.
namespace app::cli {
namespace {

QString direction(core::Direction d)
{
    return d == core::Direction::ClientToServer ? tr("client → server") : tr("server → client");
}

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    out << document.toJson(QJsonDocument::Indented);
}

QString tcpLine(const core::Capture& capture, const core::TcpConnection& c)
{
    using core::Direction;
    QString line = QStringLiteral("tcp.stream %1: %2 → %3  packets %4/%5  bytes %6/%7  %8–%9 s")
                       .arg(c.stream.value)
                       .arg(text::endpoint(c.client), text::endpoint(c.server))
                       .arg(c.stats(Direction::ClientToServer).packets)
                       .arg(c.stats(Direction::ServerToClient).packets)
                       .arg(text::bytes(c.stats(Direction::ClientToServer).payloadBytes),
                            text::bytes(c.stats(Direction::ServerToClient).payloadBytes))
                       .arg(capture.relativeSeconds(c.firstNs), 0, 'f', 3)
                       .arg(capture.relativeSeconds(c.lastNs), 0, 'f', 3);
    if (c.mptcp)
        line += QStringLiteral("  mptcp.stream %1").arg(c.mptcp->value);
    return line;
}

// "RTT min / median / p95 / max: 10.123 / 12.345 / 20.000 / 25.100 ms (123 samples)", after `lead`.
QString rttLine(const QString& lead, const core::RttSummary& rtt)
{
    if (rtt.samples == 0)
        return lead + tr("RTT: no sample") + QLatin1Char('\n');
    return lead + tr("RTT min / median / p95 / max: %1 (%2 samples)").arg(text::rttSpread(rtt, 3)).arg(rtt.samples) +
           QLatin1Char('\n');
}

QString streamList(const core::MptcpConnection& m)
{
    QStringList ids;
    for (const auto s : m.subflows)
        ids << QString::number(s.value);
    return ids.join(QLatin1Char(' '));
}

QString keyLine(const char* role, const core::MptcpKeyInfo& info)
{
    QString line = QStringLiteral("  %1 key %2  token %3  idsn %4")
                       .arg(QLatin1String(role), info.key ? QString::number(*info.key) : tr("unknown"),
                            info.tokenKnown ? QString::number(info.token) : tr("unknown"),
                            info.key ? QString::number(info.idsn) : tr("unknown"));
    return line;
}

// " (Wireshark: mptcp.stream 0 1 3)": the numbers Wireshark gives the subflows on their own.
QString wiresharkNumbers(const core::Capture& capture, const core::MptcpConnection& m)
{
    QStringList ids{QString::number(m.id.value)};
    for (const auto s : m.subflows)
        if (const auto& own = capture.tcp[s.value].subflow.wiresharkMptcp)
            ids << QString::number(own->value);
    return ids.size() > 1 ? QStringLiteral(" (Wireshark: mptcp.stream %1)").arg(ids.join(QLatin1Char(' '))) : QString();
}

void printMptcpSummary(QTextStream& out, const core::Capture& capture, const core::MptcpConnection& m, bool full)
{
    using core::Direction;
    out << QStringLiteral("mptcp.stream %1  MPTCP v%2%3\n")
               .arg(m.id.value)
               .arg(m.version ? QString::number(*m.version) : QStringLiteral("?"))
               .arg(m.unattached ? tr("  (unattached subflow: its connection is not in the capture)") : QString());
    out << keyLine("client", m.client) << '\n' << keyLine("server", m.server) << '\n';
    if (m.joinToken)
        out << tr("  an MP_JOIN to token %1, which no connection in the capture has\n").arg(*m.joinToken);
    if (!m.handshakeCaptured && !m.unattached)
        out << tr("  handshake not captured: subflows grouped by their data sequence numbers and data acks%1\n")
                   .arg(wiresharkNumbers(capture, m));
    for (const auto d : {Direction::ClientToServer, Direction::ServerToClient})
        if (m.dsnUpperBitsUnknown[index(d)])
            out << tr("  %1: only 32-bit data sequence numbers and no key: their upper 32 bits are unknown\n")
                       .arg(direction(d));
    out << QStringLiteral("  subflows: tcp.stream %1   Wireshark filter: tcp.stream in {%1}\n").arg(streamList(m));
    out << QStringLiteral("  %1 – %2 s (%3)\n")
               .arg(capture.relativeSeconds(m.firstNs), 0, 'f', 3)
               .arg(capture.relativeSeconds(m.lastNs), 0, 'f', 3)
               .arg(text::seconds(double(m.lastNs - m.firstNs) / 1e9));
    for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
        const auto& s = m.stats(d);
        out << QStringLiteral("  %1: data %2, reinjected %3, goodput %4\n")
                   .arg(direction(d), text::bytes(s.dataBytes), text::bytes(s.reinjectedBytes),
                        text::bitRate(s.goodputBps()));
        for (std::size_t i = 0; i < m.subflowStats.size(); ++i) {
            const auto& sf = m.subflowStats[i];
            const auto& tcp = capture.tcp[sf.stream.value];
            const auto& isn = tcp.subflow.inferredIsn[index(sf.reversed ? opposite(d) : d)];
            out << QStringLiteral("    tcp.stream %1  %2 → %3  %4 on the wire, %5 of the data%6%7\n")
                       .arg(sf.stream.value)
                       .arg(text::endpoint(tcp.client), text::endpoint(tcp.server),
                            text::bytes(sf.payloadBytes[index(d)]), text::percent(m.dataShare(i, d)),
                            tcp.subflow.backup ? tr("  (backup)") : QString(),
                            isn ? tr("  (SYN not captured: ISN %1 inferred from the DSS mappings)").arg(*isn)
                                : QString());
            out << rttLine(QStringLiteral("      "), tcp.stats(sf.reversed ? core::opposite(d) : d).rtt);
        }
    }
    if (full) {
        out << tr("  events:\n");
        for (const auto& e : m.events)
            out << QStringLiteral("    %1 s  packet %2  tcp.stream %3  %4  %5\n")
                       .arg(capture.relativeSeconds(e.timeNs), 0, 'f', 6)
                       .arg(e.packet.value)
                       .arg(e.stream.value)
                       .arg(QLatin1String(core::eventKindName(e.kind)), QString::fromStdString(e.detail));
    }
}

bool parseNumber(const QString& text, std::uint32_t& value)
{
    bool ok = false;
    value = text.toUInt(&ok);
    return ok;
}

// Loads the capture named by the first argument and parses the second as a stream number.
std::shared_ptr<const core::Capture> loadWithId(const Invocation& invocation, std::uint32_t& id)
{
    if (!parseNumber(invocation.positional[2], id)) {
        invocation.err << tr("mptcpscope-cli: '%1' is not a stream number").arg(invocation.positional[2]) << '\n';
        return nullptr;
    }
    return loadOrReport(invocation.positional[1], invocation.err);
}

} // namespace

int listTcp(const Invocation& invocation)
{
    const auto capture = loadOrReport(invocation.positional[1], invocation.err);
    if (!capture)
        return exitUsage;
    if (invocation.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto& c : capture->tcp)
            list.append(json::tcpConnection(*capture, c));
        printJson(invocation.out, list);
    } else {
        for (const auto& c : capture->tcp)
            invocation.out << tcpLine(*capture, c) << '\n';
    }
    return exitOk;
}

int listMptcp(const Invocation& invocation)
{
    const auto capture = loadOrReport(invocation.positional[1], invocation.err);
    if (!capture)
        return exitUsage;
    if (invocation.isSet(QStringLiteral("json"))) {
        QJsonArray list;
        for (const auto& m : capture->mptcp)
            list.append(json::mptcpConnection(*capture, m));
        printJson(invocation.out, list);
        return exitOk;
    }
    for (const auto& m : capture->mptcp) {
        const auto& first = capture->tcp[m.subflows.front().value];
        invocation.out << QStringLiteral("mptcp.stream %1  v%2  %3 → %4  %5 subflow(s): tcp.stream %6%7\n")
                              .arg(m.id.value)
                              .arg(m.version ? QString::number(*m.version) : QStringLiteral("?"))
                              .arg(text::endpoint(first.subflow.reversed ? first.server : first.client),
                                   text::endpoint(first.subflow.reversed ? first.client : first.server))
                              .arg(m.subflows.size())
                              .arg(streamList(m), m.unattached           ? tr("  (unattached)")
                                                  : !m.handshakeCaptured ? tr("  (handshake not captured)")
                                                                         : QString());
    }
    return exitOk;
}

int summary(const Invocation& invocation)
{
    const QStringList files = invocation.positional.mid(1);
    Utf8Output output(invocation.out);
    const json::ByteSink sink = [&output](QByteArrayView bytes) { output.write(bytes); };
    if (files.size() == 1 && !invocation.isSet(QStringLiteral("jsonl"))) {
        const auto capture = loadOrReport(files.front(), invocation.err);
        if (!capture)
            return exitUsage;
        json::writeSummary(*capture, json::Layout::Indented, sink);
        return exitOk;
    }
    // JSON Lines: one compact document per file, in argument order, each written as soon as it
    // is ready. A file that cannot be loaded gives an error line (and its line on stderr); the
    // others still print, and the exit status says that one failed.
    int status = exitOk;
    for (const auto& file : files) {
        QString error;
        if (const auto capture = loadCapture(file, error)) {
            json::writeSummary(*capture, json::Layout::Compact, sink);
        } else {
            invocation.err << error << '\n';
            invocation.err.flush();
            sink(QJsonDocument(json::summaryError(file, error)).toJson(QJsonDocument::Compact));
            status = exitUsage;
        }
        sink("\n");
        output.flush();
    }
    return status;
}

int tcpSummary(const Invocation& invocation)
{
    std::uint32_t id = 0;
    const auto capture = loadWithId(invocation, id);
    if (!capture)
        return exitUsage;
    if (id >= capture->tcp.size()) {
        invocation.err << tr("%1: no TCP connection with tcp.stream %2 (the capture has %3)")
                              .arg(invocation.positional[1])
                              .arg(id)
                              .arg(capture->tcp.size())
                       << '\n';
        return exitUsage;
    }
    const auto& c = capture->tcp[id];
    if (invocation.isSet(QStringLiteral("json")))
        printJson(invocation.out, json::tcpConnection(*capture, c));
    else
        invocation.out << tcpLine(*capture, c) << '\n'
                       << QStringLiteral("  retransmitted %1/%2\n")
                              .arg(text::bytes(c.stats(core::Direction::ClientToServer).retransmittedBytes),
                                   text::bytes(c.stats(core::Direction::ServerToClient).retransmittedBytes))
                       << rttLine(QStringLiteral("  %1 ").arg(direction(core::Direction::ClientToServer)),
                                  c.stats(core::Direction::ClientToServer).rtt)
                       << rttLine(QStringLiteral("  %1 ").arg(direction(core::Direction::ServerToClient)),
                                  c.stats(core::Direction::ServerToClient).rtt);
    return exitOk;
}

int mptcpSummary(const Invocation& invocation)
{
    const auto loaded = loadMptcpOrReport(invocation.positional[1], invocation.positional[2], invocation.err);
    if (!loaded.connection)
        return exitUsage;
    const auto& capture = loaded.capture;
    const auto* m = loaded.connection;
    if (invocation.isSet(QStringLiteral("json")))
        printJson(invocation.out, json::mptcpConnection(*capture, *m));
    else
        printMptcpSummary(invocation.out, *capture, *m, invocation.isSet(QStringLiteral("full")));
    return exitOk;
}

} // namespace app::cli
