#include "invocation.h"

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/packet_stamps.h"
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
    const QStringList files{invocation.positional[1], invocation.positional[2]};
    bool ok = false;
    const std::uint32_t id = invocation.value(QStringLiteral("mptcp")).toUInt(&ok);
    if (!ok) {
        invocation.err << tr("mptcpscope-cli: owd needs --mptcp ID (an mptcp.stream number of the first file)") << '\n';
        return exitUsage;
    }
    const auto pair = loadPairOrReport(files[0], files[1], invocation.err);
    if (!pair.ok())
        return exitUsage;
    if (!pair.first->findMptcp(core::MptcpId(id))) {
        invocation.err << tr("%1: no MPTCP connection with mptcp.stream %2").arg(files[0]).arg(id) << '\n';
        return exitUsage;
    }
    const auto map = core::compare::mapCaptures(*pair.first, *pair.second);
    const auto* match = map.mptcpOfFirst(core::MptcpId(id));
    if (!match) {
        invocation.err << tr("%1: mptcp.stream %2 has no counterpart in %3").arg(files[0]).arg(id).arg(files[1])
                       << '\n';
        return exitUsage;
    }
    std::string error;
    const auto firstStamps = core::compare::readPacketStamps(pair.first->path, error);
    const auto secondStamps = firstStamps ? core::compare::readPacketStamps(pair.second->path, error) : std::nullopt;
    if (!secondStamps) {
        invocation.err << QString::fromStdString(error) << '\n';
        return exitUsage;
    }
    const auto delays = core::compare::oneWayDelays(*pair.first, *pair.second, *firstStamps, *secondStamps,
                                                    core::compare::matchedSubflows(*pair.first, map, match->first));
    if (invocation.isSet(QStringLiteral("json")))
        invocation.out << QJsonDocument(json::oneWayDelays(*pair.first, *pair.second, *match, delays))
                              .toJson(QJsonDocument::Indented);
    else
        printDelays(invocation.out, files, delays);
    return exitOk;
}

} // namespace app::cli
