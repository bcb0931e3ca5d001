#include "invocation.h"

#include "model/capture.h"
#include "reordering_json.h"
#include "series/receive_reordering.h"

#include <QJsonDocument>
#include <QTextStream>

#include <array>

// reordering: head-of-line blocking at the data level, from the out-of-order queue replayed
// from one capture.
namespace app::cli {
namespace {

QString fixed(double seconds) { return QString::number(seconds, 'f', 6); }

void printDirection(QTextStream& out, core::Direction d, const core::ConnectionReordering& r)
{
    const auto& f = r.figures;
    out << (d == core::Direction::ClientToServer ? tr("client → server") : tr("server → client")) << ": ";
    if (f.bytes == 0) {
        out << tr("no data") << '\n';
        return;
    }
    out << tr("%1 bytes from %2, %3 of them waited for earlier data")
               .arg(f.bytes)
               .arg(r.fromIdsn ? tr("the IDSN + 1") : tr("the lowest DSN seen (key unknown)"))
               .arg(f.waitedBytes)
        << '\n';
    out << tr("  wait (byte-weighted): max %1 s, p95 %2 s")
               .arg(fixed(double(f.maxWaitNs) / 1e9), fixed(double(f.p95WaitNs) / 1e9))
        << '\n';
    out << tr("  queue (time-weighted over %1 s of data): max %2 bytes, p95 %3 bytes")
               .arg(fixed(double(r.queue.lastArrivalNs - r.queue.firstArrivalNs) / 1e9))
               .arg(f.maxQueueBytes)
               .arg(f.p95QueueBytes)
        << '\n';
    out << tr("  never deliverable in this capture (after a hole never filled): %1 bytes").arg(f.neverDeliverableBytes)
        << '\n';
}

} // namespace

int reordering(const Invocation& invocation)
{
    bool ok = false;
    const std::uint32_t id = invocation.value(QStringLiteral("mptcp")).toUInt(&ok);
    if (!ok) {
        invocation.err << tr("mptcpscope-cli: reordering needs --mptcp ID (an mptcp.stream number)") << '\n';
        return exitUsage;
    }
    const auto capture = loadOrReport(invocation.positional[1], invocation.err);
    if (!capture)
        return exitUsage;
    const auto* m = capture->findMptcp(core::MptcpId(id));
    if (!m) {
        invocation.err << tr("%1: no MPTCP connection with mptcp.stream %2").arg(invocation.positional[1]).arg(id)
                       << '\n';
        return exitUsage;
    }
    using core::Direction;
    const std::array<core::ConnectionReordering, 2> directions{
        core::connectionReordering(*capture, *m, Direction::ClientToServer),
        core::connectionReordering(*capture, *m, Direction::ServerToClient)};
    if (invocation.isSet(QStringLiteral("json"))) {
        invocation.out << QJsonDocument(json::reordering(*capture, *m, directions)).toJson(QJsonDocument::Indented);
        return exitOk;
    }
    invocation.out << tr("mptcp.stream %1: data-level reordering, the out-of-order queue replayed from the capture "
                         "(the receiver's when captured at the receiver)")
                          .arg(id)
                   << '\n';
    printDirection(invocation.out, Direction::ClientToServer, directions[0]);
    printDirection(invocation.out, Direction::ServerToClient, directions[1]);
    return exitOk;
}

} // namespace app::cli
