#include "commands.h"

#include "bash_completion.h"
#include "command_table.h"
#include "invocation.h"
#include "load/loader.h"
#include "log.h"
#include "model/capture.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QTextStream>

#include <spdlog/spdlog.h>

namespace app::cli {
namespace {

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

} // namespace

int run(const QStringList& arguments, QTextStream& out, QTextStream& err)
{
    QCommandLineParser parser;
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsOptions);
    for (const auto& o : options())
        parser.addOption(o.toQt());
    const QCommandLineOption help = option(QStringLiteral("help")).toQt();
    const QCommandLineOption version = option(QStringLiteral("version")).toQt();
    const QCommandLineOption verbose = option(QStringLiteral("verbose")).toQt();

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
    const Command* command = findCommand(positional.first());
    if (!command) {
        err << tr("mptcpscope-cli: unknown command '%1'. Try 'mptcpscope-cli --help'.").arg(positional.first()) << '\n';
        return exitUsage;
    }
    if (!command->acceptsArgumentCount(positional.size() - 1)) {
        err << tr("mptcpscope-cli: usage: mptcpscope-cli %1").arg(command->synopsis) << '\n';
        return exitUsage;
    }
    return command->run(Invocation{parser, positional, out, err});
}

int completion(const Invocation& invocation)
{
    if (invocation.positional[1] != QLatin1String("bash")) {
        invocation.err << tr("mptcpscope-cli: no completion for '%1', only for bash").arg(invocation.positional[1])
                       << '\n';
        return exitUsage;
    }
    invocation.out << bashCompletionScript();
    return exitOk;
}

QString tr(const char* text) { return QCoreApplication::translate("mptcpscope-cli", text); }

std::shared_ptr<const core::Capture> loadCapture(const QString& file, QString& error)
{
    const auto result = core::load(QFile::encodeName(file).toStdString());
    if (!result.ok()) {
        error = QString::fromStdString(result.error);
        return nullptr;
    }
    for (const auto& warning : result.capture->warnings)
        core::log::load()->warn("{}: {}", file.toStdString(), warning);
    return result.capture;
}

std::shared_ptr<const core::Capture> loadOrReport(const QString& file, QTextStream& err)
{
    QString error;
    auto capture = loadCapture(file, error);
    if (!capture)
        err << error << '\n';
    return capture;
}

LoadedMptcp loadMptcpOrReport(const QString& file, const QString& idText, QTextStream& err)
{
    bool ok = false;
    const std::uint32_t id = idText.toUInt(&ok);
    if (!ok) {
        err << tr("mptcpscope-cli: '%1' is not a stream number").arg(idText) << '\n';
        return {};
    }
    LoadedMptcp loaded{loadOrReport(file, err), nullptr};
    if (!loaded.capture)
        return {};
    loaded.connection = loaded.capture->findMptcp(core::MptcpId(id));
    if (!loaded.connection) {
        err << tr("%1: no MPTCP connection with mptcp.stream %2").arg(file).arg(id) << '\n';
        return {};
    }
    return loaded;
}

bool needsGui(const QStringList& arguments)
{
    // Options may come first and take values (-o x.png plot …): any "plot" word counts; a
    // QApplication where a QCoreApplication would do costs nothing but start-up time.
    return arguments.mid(1).contains(QLatin1String("plot"));
}

} // namespace app::cli
