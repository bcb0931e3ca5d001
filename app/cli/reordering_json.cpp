#include "reordering_json.h"

#include "model/capture.h"
#include "series/receive_reordering.h"

namespace app::json {
namespace {

QJsonValue relative(const core::Capture& capture, const core::ReceiveQueue& queue, std::int64_t ns)
{
    return queue.pieces.empty() ? QJsonValue(QJsonValue::Null) : QJsonValue(capture.relativeSeconds(ns));
}

QJsonObject direction(const core::Capture& capture, const core::ConnectionReordering& r)
{
    const auto& f = r.figures;
    return QJsonObject{
        {QStringLiteral("start"), r.fromIdsn ? QStringLiteral("idsn") : QStringLiteral("lowest_seen")},
        {QStringLiteral("start_dsn"), QString::number(r.queue.startDsn)},
        {QStringLiteral("bytes"), qint64(f.bytes)},
        {QStringLiteral("delivered_bytes"), qint64(f.deliveredBytes)},
        {QStringLiteral("waited_bytes"), qint64(f.waitedBytes)},
        {QStringLiteral("never_deliverable_bytes"), qint64(f.neverDeliverableBytes)},
        {QStringLiteral("bytes_before_start"), qint64(r.queue.bytesBeforeStart)},
        {QStringLiteral("wait_max"), double(f.maxWaitNs) / 1e9},
        {QStringLiteral("wait_p95"), double(f.p95WaitNs) / 1e9},
        {QStringLiteral("queue_max_bytes"), qint64(f.maxQueueBytes)},
        {QStringLiteral("queue_p95_bytes"), qint64(f.p95QueueBytes)},
        {QStringLiteral("first_arrival_s"), relative(capture, r.queue, r.queue.firstArrivalNs)},
        {QStringLiteral("last_arrival_s"), relative(capture, r.queue, r.queue.lastArrivalNs)},
    };
}

} // namespace

QJsonObject reordering(const core::Capture& capture, const core::MptcpConnection& connection,
                       const std::array<core::ConnectionReordering, 2>& directions)
{
    return QJsonObject{
        {QStringLiteral("mptcp"), qint64(connection.id.value)},
        {QStringLiteral("c2s"), direction(capture, directions[0])},
        {QStringLiteral("s2c"), direction(capture, directions[1])},
    };
}

} // namespace app::json
