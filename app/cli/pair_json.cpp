#include "pair_json.h"

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/reinjection_verdicts.h"
#include "model/capture.h"
#include "series/chart_data.h"

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

QString directionKey(core::Direction d)
{
    return d == core::Direction::ClientToServer ? QStringLiteral("c2s") : QStringLiteral("s2c");
}

QJsonValue optionalSeconds(const std::optional<double>& seconds)
{
    return seconds ? QJsonValue(*seconds) : QJsonValue();
}

QJsonValue arrivalFrame(const core::Capture& receiver, const std::optional<core::compare::Arrival>& arrival)
{
    return arrival ? QJsonValue(qint64(receiver.table.packet[arrival->receiverRow])) : QJsonValue();
}

QJsonObject verdictTotals(const core::compare::VerdictTotals& totals)
{
    using core::compare::Verdict;
    QJsonObject object;
    for (const auto v : {Verdict::Useful, Verdict::Redundant, Verdict::Unknown})
        object.insert(QLatin1String(core::compare::verdictName(v)),
                      QJsonObject{{QStringLiteral("count"), qint64(totals.count[std::size_t(v)])},
                                  {QStringLiteral("bytes"), qint64(totals.bytes[std::size_t(v)])}});
    object.insert(QStringLiteral("saved_s"), totals.savedSeconds);
    object.insert(QStringLiteral("cost_s"), totals.costSeconds);
    return object;
}

QJsonObject reinjectionVerdict(const core::Capture& sender, const core::Capture& receiver,
                               const core::MptcpConnection& connection, const core::compare::ReinjectionVerdict& v)
{
    const auto& r = connection.reinjections[v.reinjection];
    const std::uint64_t base = core::dsnBase(sender, connection, r.direction);
    QJsonArray streams;
    for (const auto row : r.reinjectionRows)
        if (!streams.contains(qint64(sender.table.stream[row])))
            streams.append(qint64(sender.table.stream[row]));
    return QJsonObject{
        {QStringLiteral("dsn"), QJsonObject{{QStringLiteral("start"), qint64(r.dsnStart - base)},
                                            {QStringLiteral("end"), qint64(r.dsnEnd - base)}}},
        {QStringLiteral("dsn_absolute"), QJsonObject{{QStringLiteral("start"), QString::number(r.dsnStart)},
                                                     {QStringLiteral("end"), QString::number(r.dsnEnd)}}},
        {QStringLiteral("bytes"), qint64(r.bytes())},
        {QStringLiteral("original_stream"), qint64(r.originalStream.value)},
        {QStringLiteral("reinjection_streams"), streams},
        {QStringLiteral("reinjection_frame"), qint64(sender.table.packet[r.reinjectionRows.front()])},
        {QStringLiteral("verdict"), QLatin1String(core::compare::verdictName(v.verdict))},
        {QStringLiteral("original_arrival_s"),
         optionalSeconds(v.original ? std::optional(v.original->seconds) : std::nullopt)},
        {QStringLiteral("reinjection_arrival_s"),
         optionalSeconds(v.reinjected ? std::optional(v.reinjected->seconds) : std::nullopt)},
        {QStringLiteral("original_arrival_frame"), arrivalFrame(receiver, v.original)},
        {QStringLiteral("reinjection_arrival_frame"), arrivalFrame(receiver, v.reinjected)},
        {QStringLiteral("saved_s"), optionalSeconds(v.savedSeconds)},
    };
}

QJsonObject directionVerdicts(const core::Capture& first, const core::Capture& second,
                              const core::compare::DirectionVerdicts& direction)
{
    QJsonObject object{{QStringLiteral("direction"), directionKey(direction.direction)}};
    const auto& sender = direction.senderIsFirst ? first : second;
    const auto& receiver = direction.senderIsFirst ? second : first;
    const auto* connection = sender.findMptcp(direction.senderId);
    const bool known = direction.senderKnown && connection;
    object.insert(QStringLiteral("sender"), !known                    ? QJsonValue()
                                            : direction.senderIsFirst ? QStringLiteral("first")
                                                                      : QStringLiteral("second"));
    object.insert(QStringLiteral("sender_mptcp"), known ? QJsonValue(qint64(direction.senderId.value)) : QJsonValue());
    QJsonArray reinjections;
    if (known)
        for (const auto& v : direction.verdicts)
            reinjections.append(reinjectionVerdict(sender, receiver, *connection, v));
    object.insert(QStringLiteral("reinjections"), reinjections);
    object.insert(QStringLiteral("totals"), verdictTotals(direction.totals));
    QJsonArray subflows;
    for (const auto& s : direction.subflows) {
        QJsonObject entry = verdictTotals(s.totals);
        entry.insert(QStringLiteral("stream"), qint64(s.stream.value));
        subflows.append(entry);
    }
    object.insert(QStringLiteral("subflows"), subflows);
    return object;
}

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

QJsonObject reinjectionVerdicts(const core::Capture& first, const core::Capture& second,
                                const core::compare::MptcpMatch& match,
                                const core::compare::ReinjectionVerdicts& verdicts)
{
    QJsonArray directions;
    for (const auto& direction : verdicts.directions)
        directions.append(directionVerdicts(first, second, direction));
    return QJsonObject{
        {QStringLiteral("files"), QJsonArray{fileName(first), fileName(second)}},
        {QStringLiteral("first_mptcp"), qint64(match.first.value)},
        {QStringLiteral("second_mptcp"), qint64(match.second.value)},
        {QStringLiteral("clock_offset_applied_s"), verdicts.offsetSeconds},
        {QStringLiteral("directions"), directions},
        {QStringLiteral("totals"), verdictTotals(verdicts.totals)},
    };
}

} // namespace app::json
