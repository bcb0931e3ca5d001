#include "invocation.h"

#include "compare/one_way_delay.h"
#include "model/capture.h"
#include "pair_json.h"
#include "pair_loading.h"

#include <QFile>
#include <QJsonDocument>
#include <QTextStream>

// owd: one-way delays of one MPTCP connection captured at both ends.
namespace app::cli {
namespace {

QString fixed(double seconds) { return QString::number(seconds, 'f', 6); }

void printDelays(QTextStream& out, const QStringList& files, const core::compare::ConnectionDelays& delays)
{
    if (!delays.offsetEstimated)
        out << tr("clock offset: not estimated (no packet matched in one of the directions)") << '\n';
    else if (delays.offsetApplied)
        out << tr("clock offset (%1 − %2), estimated from the smallest delay each way: %3 s; applied (the captured "
                  "times gave negative delays)")
                   .arg(files[1], files[0], fixed(delays.estimatedOffsetSeconds))
            << '\n';
    else
        out << tr("clock offset (%1 − %2), estimated from the smallest delay each way: %3 s; not applied (the "
                  "captured times give no negative delay)")
                   .arg(files[1], files[0], fixed(delays.estimatedOffsetSeconds))
            << '\n';
    for (const auto& s : delays.subflows) {
        const auto& f = s.figures;
        out << tr("tcp.stream %1 ↔ %2, %3 (sent in %4): %5 packet(s), min %6 s, median %7 s, p95 %8 s, max %9 s")
                   .arg(s.firstStream.value)
                   .arg(s.secondStream.value)
                   .arg(s.direction == core::Direction::ClientToServer ? tr("client → server") : tr("server → client"))
                   .arg(s.senderIsFirst ? files[0] : files[1])
                   .arg(f.count)
                   .arg(fixed(f.min), fixed(f.median), fixed(f.p95), fixed(f.max))
            << '\n';
        out << tr("  lost (sent, never captured by the receiver): %1").arg(s.lostRows.size());
        if (s.receivedWithoutSent)
            out << tr("; received without a sent copy: %1").arg(s.receivedWithoutSent);
        out << '\n';
    }
}

} // namespace

int oneWayDelays(const Invocation& invocation)
{
    const auto pair = loadMatchedPairOrReport(invocation, QStringLiteral("owd"));
    if (!pair)
        return exitUsage;
    const auto& [first, second] = pair->captures;
    if (invocation.isSet(QStringLiteral("json")))
        invocation.out << QJsonDocument(json::oneWayDelays(*first, *second, pair->match, pair->delays))
                              .toJson(QJsonDocument::Indented);
    else
        printDelays(invocation.out, {invocation.positional[1], invocation.positional[2]}, pair->delays);
    return exitOk;
}

} // namespace app::cli
