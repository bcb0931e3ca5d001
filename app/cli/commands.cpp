#include "commands.h"

#include "bash_completion.h"
#include "command_table.h"
#include "load/loader.h"
#include "charts/chart_builder.h"
#include "charts/chart_exporter.h"
#include "log.h"

#include <spdlog/spdlog.h>
#include "summary_json.h"
#include "text/formatting.h"

#include <QChart>
#include <QCommandLineParser>
#include <QFile>

#include <cmath>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <map>

namespace app::cli {
namespace {

constexpr int exitOk = 0;
constexpr int exitUsage = 2;

QString tr(const char* text) { return QCoreApplication::translate("mptcpscope-cli", text); }

QString usageText()
{
    QString text = tr("Usage: mptcpscope-cli COMMAND FILE [options]\n\n"
                      "Multipath TCP capture analysis (pcap/pcapng).\n\nCommands:\n");
    for (const auto& c : commands())
        text += QStringLiteral("  %1\n      %2\n").arg(c.synopsis, tr(c.description));
    text += tr("\nOptions:\n");
    for (const auto& o : options()) {
        QString names = o.spellings().join(QStringLiteral(", "));
        if (!o.valueName.isEmpty())
            names += QLatin1Char(' ') + o.valueName;
        text += QStringLiteral("  %1 %2").arg(names, -22).arg(tr(o.help));
        if (!o.defaultValue.isEmpty())
            text += tr(" (default %1)").arg(o.defaultValue);
        text += QLatin1Char('\n');
    }
    text += tr("\nExit status: 0 on success, 2 on bad usage or an unreadable capture.\n");
    return text;
}

QString direction(core::Direction d) { return d == core::Direction::ClientToServer ? tr("client → server") : tr("server → client"); }

void printJson(QTextStream& out, const QJsonValue& value)
{
    const QJsonDocument document = value.isArray() ? QJsonDocument(value.toArray())
                                                   : QJsonDocument(value.toObject());
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
                       .arg(QLatin1String(role),
                            info.key ? QString::number(*info.key) : tr("unknown"),
                            info.tokenKnown ? QString::number(info.token) : tr("unknown"),
                            info.key ? QString::number(info.idsn) : tr("unknown"));
    return line;
}

void printMptcpSummary(QTextStream& out, const core::Capture& capture,
                       const core::MptcpConnection& m, bool full)
{
    using core::Direction;
    out << QStringLiteral("mptcp.stream %1  MPTCP v%2%3\n")
               .arg(m.id.value)
               .arg(m.version ? QString::number(*m.version) : QStringLiteral("?"))
               .arg(m.unattached ? tr("  (unattached subflow: its connection is not in the capture)")
                                 : QString());
    out << keyLine("client", m.client) << '\n' << keyLine("server", m.server) << '\n';
    out << QStringLiteral("  subflows: tcp.stream %1   Wireshark filter: tcp.stream in {%1}\n")
               .arg(streamList(m));
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
            out << QStringLiteral("    tcp.stream %1  %2 → %3  %4 on the wire, %5 of the data%6\n")
                       .arg(sf.stream.value)
                       .arg(text::endpoint(tcp.client), text::endpoint(tcp.server),
                            text::bytes(sf.payloadBytes[index(d)]), text::percent(m.dataShare(i, d)),
                            tcp.subflow.backup ? tr("  (backup)") : QString());
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

struct Invocation {
    QStringList positional;
    bool json = false;
    bool full = false;
};

std::shared_ptr<const core::Capture> loadOrReport(const QString& file, QTextStream& err)
{
    const auto result = core::load(QFile::encodeName(file).toStdString());
    if (!result.ok()) {
        err << QString::fromStdString(result.error) << '\n';
        return nullptr;
    }
    for (const auto& warning : result.capture->warnings)
        core::log::load()->warn("{}: {}", file.toStdString(), warning);
    return result.capture;
}

bool parseNumber(const QString& text, std::uint32_t& value)
{
    bool ok = false;
    value = text.toUInt(&ok);
    return ok;
}

struct PlotOptions {
    QCommandLineOption output, mptcp, tcp, direction, width, height, window;
};

int plot(const QCommandLineParser& parser, const QStringList& positional, const PlotOptions& o, QTextStream& err)
{
    const auto usage = [&err](const QString& problem) {
        err << QStringLiteral("mptcpscope-cli plot: %1. Try 'mptcpscope-cli --help'.").arg(problem) << '\n';
        return exitUsage;
    };
    if (positional.size() != 3)
        return usage(tr("expected a chart kind (dsn, goodput or share) and a capture file"));
    charts::ChartRequest request;
    const QString kind = positional[1];
    if (kind == QLatin1String("dsn"))
        request.kind = charts::ChartKind::Sequence;
    else if (kind == QLatin1String("goodput"))
        request.kind = charts::ChartKind::Goodput;
    else if (kind == QLatin1String("share"))
        request.kind = charts::ChartKind::Share;
    else
        return usage(tr("unknown chart kind '%1'").arg(kind));
    if (parser.isSet(o.mptcp) == parser.isSet(o.tcp))
        return usage(tr("give exactly one of --mptcp ID and --tcp STREAM"));
    request.mptcp = parser.isSet(o.mptcp);
    if (!parseNumber(parser.value(request.mptcp ? o.mptcp : o.tcp), request.id))
        return usage(tr("the connection id must be a number"));
    const QString direction = parser.value(o.direction);
    if (direction != QLatin1String("c2s") && direction != QLatin1String("s2c"))
        return usage(tr("--direction must be c2s or s2c"));
    request.direction = direction == QLatin1String("c2s") ? 0 : 1;
    if (!parser.isSet(o.output))
        return usage(tr("-o OUT.png or -o OUT.svg is required"));
    const bool windowGiven = parser.isSet(o.window); // else one that follows the transfer
    bool okWidth = false, okHeight = false, okWindow = !windowGiven;
    const QSize size(parser.value(o.width).toInt(&okWidth), parser.value(o.height).toInt(&okHeight));
    request.goodputWindowSeconds = windowGiven ? parser.value(o.window).toDouble(&okWindow) : 0.0;
    if (!okWidth || !okHeight)
        return usage(tr("--width and --height must be numbers of pixels"));
    if (!okWindow || !std::isfinite(request.goodputWindowSeconds) || (windowGiven && request.goodputWindowSeconds <= 0))
        return usage(tr("--window must be a positive number of seconds"));

    const auto capture = loadOrReport(positional[2], err);
    if (!capture)
        return exitUsage;
    QString error;
    std::unique_ptr<QChart> chart(charts::buildChart(capture, request, &error));
    if (!chart) {
        err << positional[2] << QStringLiteral(": ") << error << '\n';
        return exitUsage;
    }
    if (!charts::exportChart(chart.get(), parser.value(o.output), size, &error)) {
        err << error << '\n';
        return exitUsage;
    }
    return exitOk;
}

} // namespace

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const auto& o : options())
        parser.addOption(o.toQt());
    const QCommandLineOption help = option(QStringLiteral("help")).toQt();
    const QCommandLineOption version = option(QStringLiteral("version")).toQt();
    const QCommandLineOption json = option(QStringLiteral("json")).toQt();
    const QCommandLineOption full = option(QStringLiteral("full")).toQt();
    const QCommandLineOption verbose = option(QStringLiteral("verbose")).toQt();
    const QCommandLineOption output = option(QStringLiteral("output")).toQt();
    const QCommandLineOption mptcp = option(QStringLiteral("mptcp")).toQt();
    const QCommandLineOption tcp = option(QStringLiteral("tcp")).toQt();
    const QCommandLineOption directionOption = option(QStringLiteral("direction")).toQt();
    const QCommandLineOption width = option(QStringLiteral("width")).toQt();
    const QCommandLineOption height = option(QStringLiteral("height")).toQt();
    const QCommandLineOption window = option(QStringLiteral("window")).toQt();

    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n' << tr("Try 'mptcpscope-cli --help'.") << '\n';
        return exitUsage;
    }
    if (parser.isSet(help)) {
        out << usageText();
        return exitOk;
    }
    if (parser.isSet(version)) {
        out << QStringLiteral("mptcpscope-cli %1\n").arg(QStringLiteral(MPTCPSCOPE_VERSION));
        return exitOk;
    }
    core::log::configure(parser.isSet(verbose));

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        err << tr("mptcpscope-cli: missing command. Try 'mptcpscope-cli --help'.") << '\n';
        return exitUsage;
    }
    const QString command = positional.first();
    const auto expectArguments = [&] {
        const Command& spec = *findCommand(command);
        if (positional.size() == qsizetype(spec.arguments.size()) + 1)
            return true;
        err << tr("mptcpscope-cli: usage: mptcpscope-cli %1").arg(spec.synopsis) << '\n';
        return false;
    };

    if (command == QLatin1String("list-tcp") || command == QLatin1String("list-mptcp") ||
        command == QLatin1String("summary")) {
        if (!expectArguments())
            return exitUsage;
        const auto capture = loadOrReport(positional[1], err);
        if (!capture)
            return exitUsage;
        if (command == QLatin1String("summary")) {
            printJson(out, json::summary(*capture));
        } else if (command == QLatin1String("list-tcp")) {
            if (parser.isSet(json)) {
                QJsonArray list;
                for (const auto& c : capture->tcp)
                    list.append(json::tcpConnection(*capture, c));
                printJson(out, list);
            } else {
                for (const auto& c : capture->tcp)
                    out << tcpLine(*capture, c) << '\n';
            }
        } else {
            if (parser.isSet(json)) {
                QJsonArray list;
                for (const auto& m : capture->mptcp)
                    list.append(json::mptcpConnection(*capture, m));
                printJson(out, list);
            } else {
                for (const auto& m : capture->mptcp) {
                    const auto& first = capture->tcp[m.subflows.front().value];
                    out << QStringLiteral("mptcp.stream %1  v%2  %3 → %4  %5 subflow(s): tcp.stream %6%7\n")
                               .arg(m.id.value)
                               .arg(m.version ? QString::number(*m.version) : QStringLiteral("?"))
                               .arg(text::endpoint(first.client), text::endpoint(first.server))
                               .arg(m.subflows.size())
                               .arg(streamList(m),
                                    m.unattached ? tr("  (unattached)") : QString());
                }
            }
        }
        return exitOk;
    }

    if (command == QLatin1String("tcp-summary") || command == QLatin1String("mptcp-summary")) {
        const bool isTcp = command == QLatin1String("tcp-summary");
        if (!expectArguments())
            return exitUsage;
        std::uint32_t id = 0;
        if (!parseNumber(positional[2], id)) {
            err << tr("mptcpscope-cli: '%1' is not a stream number").arg(positional[2]) << '\n';
            return exitUsage;
        }
        const auto capture = loadOrReport(positional[1], err);
        if (!capture)
            return exitUsage;
        if (isTcp) {
            if (id >= capture->tcp.size()) {
                err << tr("%1: no TCP connection with tcp.stream %2 (the capture has %3)")
                           .arg(positional[1])
                           .arg(id)
                           .arg(capture->tcp.size())
                    << '\n';
                return exitUsage;
            }
            const auto& c = capture->tcp[id];
            if (parser.isSet(json))
                printJson(out, json::tcpConnection(*capture, c));
            else
                out << tcpLine(*capture, c) << '\n'
                    << QStringLiteral("  retransmitted %1/%2\n")
                           .arg(text::bytes(c.stats(core::Direction::ClientToServer).retransmittedBytes),
                                text::bytes(c.stats(core::Direction::ServerToClient).retransmittedBytes));
            return exitOk;
        }
        const auto* m = capture->findMptcp(core::MptcpId(id));
        if (!m) {
            err << tr("%1: no MPTCP connection with mptcp.stream %2").arg(positional[1]).arg(id) << '\n';
            return exitUsage;
        }
        if (parser.isSet(json))
            printJson(out, json::mptcpConnection(*capture, *m));
        else
            printMptcpSummary(out, *capture, *m, parser.isSet(full));
        return exitOk;
    }

    if (command == QLatin1String("completion")) {
        if (!expectArguments())
            return exitUsage;
        if (positional[1] != QLatin1String("bash")) {
            err << tr("mptcpscope-cli: no completion for '%1', only for bash").arg(positional[1]) << '\n';
            return exitUsage;
        }
        out << bashCompletionScript();
        return exitOk;
    }

    if (command == QLatin1String("plot"))
        return plot(parser, positional, {output, mptcp, tcp, directionOption, width, height, window}, err);

    err << tr("mptcpscope-cli: unknown command '%1'. Try 'mptcpscope-cli --help'.").arg(command) << '\n';
    return exitUsage;
}

bool needsGui(const QStringList& arguments)
{
    // Options may come first and take values (-o x.png plot …): any "plot" word counts; a
    // QApplication where a QCoreApplication would do costs nothing but start-up time.
    return arguments.mid(1).contains(QLatin1String("plot"));
}

} // namespace app::cli
