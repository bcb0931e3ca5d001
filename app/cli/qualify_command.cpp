#include "invocation.h"

#include "compare/reinjection_verdicts.h"
#include "model/capture.h"
#include "pair_json.h"
#include "pair_loading.h"
#include "series/chart_data.h"

#include <QJsonDocument>
#include <QTextStream>

// qualify-reinjections: whether each reinjection of an MPTCP connection captured at both
// ends reached the receiver before the original.
namespace app::cli {
namespace {

using core::compare::Verdict;

QString fixed(double seconds) { return QString::number(seconds, 'f', 6); }

QString optionalFixed(const std::optional<double>& seconds) { return seconds ? fixed(*seconds) : QStringLiteral("–"); }

QString totalsLine(const core::compare::VerdictTotals& totals)
{
    const auto part = [&](Verdict v, const char* name) {
        return tr(name).arg(totals.count[std::size_t(v)]).arg(totals.bytes[std::size_t(v)]);
    };
    return tr("%1, %2, %3; saved %4 s, cost %5 s")
        .arg(part(Verdict::Useful, QT_TRANSLATE_NOOP("mptcpscope-cli", "useful %1 (%2 bytes)")),
             part(Verdict::Redundant, QT_TRANSLATE_NOOP("mptcpscope-cli", "redundant %1 (%2 bytes)")),
             part(Verdict::Unknown, QT_TRANSLATE_NOOP("mptcpscope-cli", "unknown %1 (%2 bytes)")),
             fixed(totals.savedSeconds), fixed(totals.costSeconds));
}

QString verdictText(Verdict v)
{
    switch (v) {
    case Verdict::Useful: return tr("useful");
    case Verdict::Redundant: return tr("redundant");
    case Verdict::Unknown: break;
    }
    return tr("unknown");
}

void printRows(QTextStream& out, const core::Capture& sender, const core::MptcpConnection& connection,
               const core::compare::DirectionVerdicts& direction)
{
    out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
               .arg(tr("DSN"), -23)
               .arg(tr("bytes"), 6)
               .arg(tr("tcp.stream"), -10)
               .arg(tr("verdict"), -10)
               .arg(tr("original"), 10)
               .arg(tr("reinjected"), 10)
               .arg(tr("saved"), 10);
    for (const auto& v : direction.verdicts) {
        const auto& r = connection.reinjections[v.reinjection];
        const std::uint64_t base = core::dsnBase(sender, connection, r.direction);
        const auto arrival = [](const std::optional<core::compare::Arrival>& a) {
            return a ? std::optional(a->seconds) : std::nullopt;
        };
        out << QStringLiteral("  %1 %2 %3 %4 %5 %6 %7\n")
                   .arg(QStringLiteral("%1–%2").arg(r.dsnStart - base).arg(r.dsnEnd - 1 - base), -23)
                   .arg(r.bytes(), 6)
                   .arg(QStringLiteral("%1 → %2")
                            .arg(r.originalStream.value)
                            .arg(sender.table.stream[r.reinjectionRows.front()]),
                        -10)
                   .arg(verdictText(v.verdict), -10)
                   .arg(optionalFixed(arrival(v.original)), 10)
                   .arg(optionalFixed(arrival(v.reinjected)), 10)
                   .arg(optionalFixed(v.savedSeconds), 10);
    }
}

void printDirection(QTextStream& out, const QStringList& files, const MatchedPair& pair,
                    const core::compare::DirectionVerdicts& direction)
{
    const QString name = direction.direction == core::Direction::ClientToServer ? tr("client → server")
                                                                                : tr("server → client");
    const auto& sender = direction.senderIsFirst ? *pair.captures.first : *pair.captures.second;
    const auto* connection = sender.findMptcp(direction.senderId);
    if (!direction.senderKnown || !connection) {
        out << tr("%1: no packet matched across the captures, sender unknown").arg(name) << '\n';
        return;
    }
    out << tr("%1 (sent in %2, mptcp.stream %3): %4 reinjection(s)")
               .arg(name, direction.senderIsFirst ? files[0] : files[1])
               .arg(direction.senderId.value)
               .arg(direction.verdicts.size())
        << '\n';
    if (direction.verdicts.empty())
        return;
    printRows(out, sender, *connection, direction);
    out << tr("  total: %1").arg(totalsLine(direction.totals)) << '\n';
    for (const auto& s : direction.subflows)
        out << tr("  reinjected on tcp.stream %1: %2").arg(s.stream.value).arg(totalsLine(s.totals)) << '\n';
}

void printVerdicts(QTextStream& out, const QStringList& files, const MatchedPair& pair,
                   const core::compare::ReinjectionVerdicts& verdicts)
{
    out << tr("mptcp.stream %1 ↔ %2: reinjections qualified at the receiver")
               .arg(pair.match.first.value)
               .arg(pair.match.second.value)
        << '\n';
    out << tr("original, reinjected: when the receiver had all of the range's bytes from that copy, in seconds "
              "after the original was sent; saved = original − reinjected (negative: cost)")
        << '\n';
    if (pair.delays.offsetApplied)
        out << tr("receiver's times corrected by the estimated clock offset (%1 − %2): %3 s")
                   .arg(files[1], files[0], fixed(verdicts.offsetSeconds))
            << '\n';
    for (const auto& direction : verdicts.directions)
        printDirection(out, files, pair, direction);
    out << tr("connection: %1").arg(totalsLine(verdicts.totals)) << '\n';
}

} // namespace

int qualifyReinjections(const Invocation& invocation)
{
    const auto pair = loadMatchedPairOrReport(invocation, QStringLiteral("qualify-reinjections"));
    if (!pair)
        return exitUsage;
    const auto& [first, second] = pair->captures;
    const auto verdicts = core::compare::qualifyReinjections(*first, *second, pair->match, pair->subflows,
                                                             pair->delays);
    if (invocation.isSet(QStringLiteral("json")))
        invocation.out << QJsonDocument(json::reinjectionVerdicts(*first, *second, pair->match, verdicts))
                              .toJson(QJsonDocument::Indented);
    else
        printVerdicts(invocation.out, {invocation.positional[1], invocation.positional[2]}, *pair, verdicts);
    return exitOk;
}

} // namespace app::cli
