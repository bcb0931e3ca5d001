#include "pair_json.h"

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "model/capture.h"

#include <QFileInfo>
#include <QJsonArray>

namespace app::json {
namespace {

QString tupleKey(core::compare::TupleAgreement tuple)
{
    using core::compare::TupleAgreement;
    switch (tuple) {
    case TupleAgreement::Equal: return QStringLiteral("equal");
    case TupleAgreement::ServerEqual: return QStringLiteral("server_equal");
    case TupleAgreement::ClientEqual: return QStringLiteral("client_equal");
    case TupleAgreement::Different: return QStringLiteral("different");
    }
    return {};
}

template <typename Ids> QJsonArray idArray(const Ids& ids)
{
    QJsonArray array;
    for (const auto id : ids)
        array.append(qint64(id.value));
    return array;
}

QString fileName(const core::Capture& capture) { return QFileInfo(QString::fromStdString(capture.path)).fileName(); }

} // namespace

QJsonObject captureMap(const core::Capture& first, const core::Capture& second, const core::compare::CaptureMap& map)
{
    QJsonArray mptcp;
    for (const auto& m : map.mptcp)
        mptcp.append(QJsonObject{
            {QStringLiteral("first"), qint64(m.first.value)},
            {QStringLiteral("second"), qint64(m.second.value)},
            {QStringLiteral("score"), m.score},
            {QStringLiteral("reason"), QString::fromStdString(m.reason)},
            {QStringLiteral("equal_keys"), m.equalKeys},
            {QStringLiteral("equal_tokens"), m.equalTokens},
            {QStringLiteral("matched_subflows"), m.matchedSubflows},
        });
    QJsonArray tcp;
    for (const auto& t : map.tcp) {
        const auto& a = first.tcp[t.first.value];
        const auto& b = second.tcp[t.second.value];
        tcp.append(QJsonObject{
            {QStringLiteral("first"), qint64(t.first.value)},
            {QStringLiteral("second"), qint64(t.second.value)},
            {QStringLiteral("first_mptcp"), a.mptcp ? QJsonValue(qint64(a.mptcp->value)) : QJsonValue()},
            {QStringLiteral("second_mptcp"), b.mptcp ? QJsonValue(qint64(b.mptcp->value)) : QJsonValue()},
            {QStringLiteral("score"), t.score},
            {QStringLiteral("reason"), QString::fromStdString(t.reason)},
            {QStringLiteral("equal_isns"), t.equalIsns},
            {QStringLiteral("tuple"), tupleKey(t.tuple)},
            {QStringLiteral("reversed"), t.reversed},
        });
    }
    return QJsonObject{
        {QStringLiteral("files"), QJsonArray{fileName(first), fileName(second)}},
        {QStringLiteral("mptcp"), mptcp},
        {QStringLiteral("tcp"), tcp},
        {QStringLiteral("unmatched"),
         QJsonObject{
             {QStringLiteral("first"), QJsonObject{{QStringLiteral("mptcp"), idArray(map.unmatchedMptcpFirst)},
                                                   {QStringLiteral("tcp"), idArray(map.unmatchedTcpFirst)}}},
             {QStringLiteral("second"), QJsonObject{{QStringLiteral("mptcp"), idArray(map.unmatchedMptcpSecond)},
                                                    {QStringLiteral("tcp"), idArray(map.unmatchedTcpSecond)}}},
         }},
    };
}

QJsonObject oneWayDelays(const core::Capture& first, const core::Capture& second,
                         const core::compare::MptcpMatch& match, const core::compare::ConnectionDelays& delays)
{
    QJsonArray subflows;
    for (const auto& s : delays.subflows) {
        const auto& sender = s.senderIsFirst ? first : second;
        QJsonArray lost;
        for (const auto row : s.lostRows)
            lost.append(qint64(sender.table.packet[row]));
        const auto& f = s.figures;
        subflows.append(QJsonObject{
            {QStringLiteral("first_stream"), qint64(s.firstStream.value)},
            {QStringLiteral("second_stream"), qint64(s.secondStream.value)},
            {QStringLiteral("direction"),
             s.direction == core::Direction::ClientToServer ? QStringLiteral("c2s") : QStringLiteral("s2c")},
            {QStringLiteral("sender"), s.senderIsFirst ? QStringLiteral("first") : QStringLiteral("second")},
            {QStringLiteral("packets"), qint64(f.count)},
            {QStringLiteral("min_s"), f.min},
            {QStringLiteral("median_s"), f.median},
            {QStringLiteral("p95_s"), f.p95},
            {QStringLiteral("max_s"), f.max},
            {QStringLiteral("lost_frames"), lost},
            {QStringLiteral("received_without_sent"), qint64(s.receivedWithoutSent)},
        });
    }
    return QJsonObject{
        {QStringLiteral("files"), QJsonArray{fileName(first), fileName(second)}},
        {QStringLiteral("first_mptcp"), qint64(match.first.value)},
        {QStringLiteral("second_mptcp"), qint64(match.second.value)},
        {QStringLiteral("clock_offset_s"),
         delays.offsetEstimated ? QJsonValue(delays.estimatedOffsetSeconds) : QJsonValue()},
        {QStringLiteral("clock_offset_applied"), delays.offsetApplied},
        {QStringLiteral("subflows"), subflows},
    };
}

} // namespace app::json
