#pragma once

#include <QCommandLineParser>
#include <QStringList>

#include <memory>

class QTextStream;

namespace core {
struct Capture;
struct MptcpConnection;
} // namespace core

namespace app::cli {

constexpr int exitOk = 0;
constexpr int exitUsage = 2;

// One parsed mptcpscope-cli invocation, handed to the handler of its command.
// `positional[0]` is the command's name; the table has checked the argument count.
struct Invocation {
    const QCommandLineParser& parser;
    QStringList positional;
    QTextStream& out;
    QTextStream& err;

    bool isSet(const QString& option) const { return parser.isSet(option); }
    QString value(const QString& option) const { return parser.value(option); }
};

QString tr(const char* text);

// Loads a capture; on failure gives one line naming the file and the problem in `error` and
// returns null. Load warnings go to the log.
std::shared_ptr<const core::Capture> loadCapture(const QString& file, QString& error);
// The same, printing the line on `err`.
std::shared_ptr<const core::Capture> loadOrReport(const QString& file, QTextStream& err);

// A capture and one of its MPTCP connections.
struct LoadedMptcp {
    std::shared_ptr<const core::Capture> capture;
    const core::MptcpConnection* connection = nullptr; // in `capture`; null on failure
};
// Parses `idText` as an mptcp.stream number, loads `file` and finds that connection in it;
// on failure prints the reason (not a number, unreadable file, no such connection) on `err`.
LoadedMptcp loadMptcpOrReport(const QString& file, const QString& idText, QTextStream& err);

// Handlers named by the command table.
int listTcp(const Invocation& invocation);
int listMptcp(const Invocation& invocation);
int tcpSummary(const Invocation& invocation);
int mptcpSummary(const Invocation& invocation);
int summary(const Invocation& invocation);
int listReinjections(const Invocation& invocation);
int reordering(const Invocation& invocation);
int mapCaptures(const Invocation& invocation);
int oneWayDelays(const Invocation& invocation);
int qualifyReinjections(const Invocation& invocation);
int plot(const Invocation& invocation);
int completion(const Invocation& invocation);

} // namespace app::cli
