#include "command_table.h"

#include "invocation.h"

#include <QCoreApplication>

#include <algorithm>
#include <stdexcept>

namespace app::cli {

const std::vector<Command>& commands()
{
    static const Argument file{QStringLiteral("FILE"), ValueKind::CaptureFile, {}};
    static const Argument file1{QStringLiteral("FILE1"), ValueKind::CaptureFile, {}};
    static const Argument file2{QStringLiteral("FILE2"), ValueKind::CaptureFile, {}};
    static const std::vector<Command> table = {
        {QStringLiteral("list-tcp"),
         {file},
         {QStringLiteral("json")},
         QStringLiteral("list-tcp FILE [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "List TCP connections (Wireshark tcp.stream numbers)."),
         listTcp},
        {QStringLiteral("list-mptcp"),
         {file},
         {QStringLiteral("json")},
         QStringLiteral("list-mptcp FILE [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli",
                           "List MPTCP connections (Wireshark mptcp.stream numbers) with their subflows."),
         listMptcp},
        {QStringLiteral("tcp-summary"),
         {file, {QStringLiteral("STREAM"), ValueKind::Number, {}}},
         {QStringLiteral("json")},
         QStringLiteral("tcp-summary FILE STREAM [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Figures of one TCP connection."),
         tcpSummary},
        {QStringLiteral("mptcp-summary"),
         {file, {QStringLiteral("ID"), ValueKind::Number, {}}},
         {QStringLiteral("full"), QStringLiteral("json")},
         QStringLiteral("mptcp-summary FILE ID [--full] [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Figures of one MPTCP connection: keys, subflows, data, "
                                             "goodput, share; --full adds events."),
         mptcpSummary},
        {QStringLiteral("list-reinjections"),
         {file, {QStringLiteral("ID"), ValueKind::Number, {}}},
         {QStringLiteral("json")},
         QStringLiteral("list-reinjections FILE ID [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Data of one MPTCP connection carried by more than one subflow: each "
                                             "range with its original and reinjected packets, totals per direction."),
         listReinjections},
        {QStringLiteral("reordering"),
         {file},
         {QStringLiteral("mptcp"), QStringLiteral("json")},
         QStringLiteral("reordering FILE --mptcp ID [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Data-level reordering of an MPTCP connection, per direction: bytes "
                                             "that waited for earlier data, max and p95 wait (byte-weighted) and "
                                             "out-of-order queue (time-weighted), bytes never deliverable."),
         reordering},
        {QStringLiteral("map"),
         {file1, file2},
         {QStringLiteral("json")},
         QStringLiteral("map FILE1 FILE2 [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Match the connections of two captures of one experiment (both ends): "
                                             "MPTCP by keys or tokens, TCP by ISNs and 4-tuple, with a score and "
                                             "the reason."),
         mapCaptures},
        {QStringLiteral("owd"),
         {file1, file2},
         {QStringLiteral("mptcp"), QStringLiteral("json")},
         QStringLiteral("owd FILE1 FILE2 --mptcp ID [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "One-way delays of an MPTCP connection captured at both ends: min, "
                                             "median, p95, max per subflow and direction, lost packets, clock offset."),
         oneWayDelays},
        {QStringLiteral("qualify-reinjections"),
         {file1, file2},
         {QStringLiteral("mptcp"), QStringLiteral("json")},
         QStringLiteral("qualify-reinjections FILE1 FILE2 --mptcp ID [--json]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Whether each reinjection of an MPTCP connection captured at both ends "
                                             "was useful (reached the receiver before the original) or redundant, "
                                             "the delay it saved or cost; totals per direction and subflow."),
         qualifyReinjections},
        {QStringLiteral("summary"),
         {{QStringLiteral("FILE"), ValueKind::CaptureFile, {}, true}},
         {QStringLiteral("json"), QStringLiteral("jsonl")},
         QStringLiteral("summary FILE... [--json] [--jsonl]"),
         QT_TRANSLATE_NOOP("mptcpscope-cli",
                           "Everything, as one mptcpscope/1 JSON document; with several files (or --jsonl), "
                           "one compact document per line, in argument order (JSON Lines)."),
         summary},
        {QStringLiteral("plot"),
         {{QStringLiteral("{dsn|goodput|share|rtt|tcp-attr|ooo-queue|owd}"),
           ValueKind::Choice,
           {QStringLiteral("dsn"), QStringLiteral("goodput"), QStringLiteral("share"), QStringLiteral("rtt"),
            QStringLiteral("tcp-attr"), QStringLiteral("ooo-queue"), QStringLiteral("owd")}},
          {QStringLiteral("FILE"), ValueKind::CaptureFile, {}, true}},
         {QStringLiteral("mptcp"), QStringLiteral("tcp"), QStringLiteral("output"), QStringLiteral("direction"),
          QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("window"), QStringLiteral("attr")},
         QStringLiteral("plot {dsn|goodput|share|rtt|tcp-attr|ooo-queue|owd} FILE... (--mptcp ID | --tcp STREAM) -o "
                        "OUT.png|OUT.svg\n"
                        "       [--direction c2s|s2c] [--width W] [--height H] [--window SECONDS]\n"
                        "       [--attr seq|ack|rwnd|inflight ...]   (tcp-attr: one TCP connection, --tcp STREAM)\n"
                        "       (one FILE; owd: FILE1 FILE2, the two captures of a pair, for one-way delays)"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Export a chart (the same as the GUI's) as PNG or SVG; owd takes the "
                                             "two captures of a pair."),
         plot},
        {QStringLiteral("completion"),
         {{QStringLiteral("bash"), ValueKind::Choice, {QStringLiteral("bash")}}},
         {},
         QStringLiteral("completion bash"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "Print the bash completion script (cmake --install installs it)."),
         completion},
    };
    return table;
}

const std::vector<Option>& options()
{
    static const std::vector<Option> table = {
        {QStringLiteral("json"),
         {},
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "machine-readable output (schema mptcpscope/1)")},
        {QStringLiteral("jsonl"),
         {},
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "one compact JSON document per line, even for one file (summary)")},
        {QStringLiteral("full"),
         {},
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "include events (mptcp-summary)")},
        {QStringLiteral("mptcp"),
         {},
         QStringLiteral("ID"),
         ValueKind::Number,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "MPTCP connection to plot (mptcp.stream)")},
        {QStringLiteral("tcp"),
         {},
         QStringLiteral("STREAM"),
         ValueKind::Number,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "TCP connection to plot (tcp.stream)")},
        {QStringLiteral("output"),
         QStringLiteral("o"),
         QStringLiteral("FILE"),
         ValueKind::ImageFile,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "output image for plot (.png or .svg)")},
        {QStringLiteral("direction"),
         {},
         QStringLiteral("c2s|s2c"),
         ValueKind::Choice,
         {QStringLiteral("c2s"), QStringLiteral("s2c")},
         QStringLiteral("c2s"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "data direction to plot")},
        {QStringLiteral("width"),
         {},
         QStringLiteral("W"),
         ValueKind::Number,
         {},
         QStringLiteral("1200"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "image width in pixels")},
        {QStringLiteral("height"),
         {},
         QStringLiteral("H"),
         ValueKind::Number,
         {},
         QStringLiteral("700"),
         QT_TRANSLATE_NOOP("mptcpscope-cli", "image height in pixels")},
        {QStringLiteral("window"),
         {},
         QStringLiteral("SECONDS"),
         ValueKind::Number,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "goodput averaging window in seconds (default: a round window "
                                             "giving tens of points over the transfer)")},
        {QStringLiteral("attr"),
         {},
         QStringLiteral("ATTR"),
         ValueKind::Choice,
         {QStringLiteral("seq"), QStringLiteral("ack"), QStringLiteral("rwnd"), QStringLiteral("inflight")},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "tcp-attr: seq (sequence numbers), ack, rwnd (receive window), "
                                             "inflight (bytes in flight); repeated or comma-separated "
                                             "(default: all four)")},
        {QStringLiteral("verbose"),
         {},
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "debug logging on stderr (or SPDLOG_LEVEL=debug)"),
         true},
        {QStringLiteral("help"),
         QStringLiteral("h"),
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "this help"),
         true},
        {QStringLiteral("version"),
         {},
         {},
         ValueKind::None,
         {},
         {},
         QT_TRANSLATE_NOOP("mptcpscope-cli", "version"),
         true},
    };
    return table;
}

QStringList Option::spellings() const
{
    QStringList result;
    if (!shortName.isEmpty())
        result << QLatin1Char('-') + shortName;
    result << QStringLiteral("--") + name;
    return result;
}

QCommandLineOption Option::toQt() const
{
    QStringList names{name};
    if (!shortName.isEmpty())
        names.prepend(shortName);
    return QCommandLineOption(names, QCoreApplication::translate("mptcpscope-cli", help), valueName, defaultValue);
}

bool Command::acceptsArgumentCount(qsizetype count) const
{
    const auto declared = qsizetype(arguments.size());
    return !arguments.empty() && arguments.back().repeats ? count >= declared : count == declared;
}

const Command* findCommand(const QString& name)
{
    const auto& table = commands();
    const auto found = std::ranges::find(table, name, &Command::name);
    return found == table.end() ? nullptr : &*found;
}

const Option& option(const QString& name)
{
    const auto& table = options();
    const auto found = std::ranges::find(table, name, &Option::name);
    if (found == table.end())
        throw std::logic_error("mptcpscope-cli: no option --" + name.toStdString() + " in the table");
    return *found;
}

} // namespace app::cli
