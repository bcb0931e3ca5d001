#include "summary_json.h"

#include "model/capture.h"

#include <QFileInfo>

namespace app::json {
namespace {

const QString schemaName = QStringLiteral("mptcpscope/1");

template <typename Value> QJsonObject perDirection(const Value& c2s, const Value& s2c)
{
    return QJsonObject{{QStringLiteral("c2s"), c2s}, {QStringLiteral("s2c"), s2c}};
}

QJsonObject endpoint(const core::Endpoint& e)
{
    return QJsonObject{{QStringLiteral("addr"), QString::fromStdString(e.address.toString())},
                       {QStringLiteral("port"), e.port}};
}

QJsonValue decimal(const std::optional<std::uint64_t>& value)
{
    // 64-bit keys do not fit a JSON double: decimal strings, as the schema says.
    return value ? QJsonValue(QString::number(*value)) : QJsonValue(QJsonValue::Null);
}

QJsonValue token(const core::MptcpKeyInfo& info)
{
    return info.tokenKnown ? QJsonValue(qint64(info.token)) : QJsonValue(QJsonValue::Null);
}

QJsonValue idsn(const core::MptcpKeyInfo& info)
{
    return info.key ? QJsonValue(QString::number(info.idsn)) : QJsonValue(QJsonValue::Null);
}

double seconds(const core::Capture& capture, std::int64_t ns) { return capture.relativeSeconds(ns); }

} // namespace

QJsonObject tcpConnection(const core::Capture& capture, const core::TcpConnection& c)
{
    using core::Direction;
    const auto& c2s = c.stats(Direction::ClientToServer);
    const auto& s2c = c.stats(Direction::ServerToClient);
    return QJsonObject{
        {QStringLiteral("stream"), qint64(c.stream.value)},
        {QStringLiteral("client"), endpoint(c.client)},
        {QStringLiteral("server"), endpoint(c.server)},
        {QStringLiteral("start_s"), seconds(capture, c.firstNs)},
        {QStringLiteral("end_s"), seconds(capture, c.lastNs)},
        {QStringLiteral("packets"), perDirection(qint64(c2s.packets), qint64(s2c.packets))},
        {QStringLiteral("bytes"), perDirection(qint64(c2s.payloadBytes), qint64(s2c.payloadBytes))},
        {QStringLiteral("retransmitted_bytes"),
         perDirection(qint64(c2s.retransmittedBytes), qint64(s2c.retransmittedBytes))},
        {QStringLiteral("mptcp"),
         c.mptcp ? QJsonValue(qint64(c.mptcp->value)) : QJsonValue(QJsonValue::Null)},
    };
}

QJsonObject mptcpConnection(const core::Capture& capture, const core::MptcpConnection& m)
{
    using core::Direction;
    const auto& c2s = m.stats(Direction::ClientToServer);
    const auto& s2c = m.stats(Direction::ServerToClient);

    QJsonArray subflows;
    for (const auto stream : m.subflows)
        subflows.append(qint64(stream.value));

    QJsonArray subflowStats;
    for (std::size_t i = 0; i < m.subflowStats.size(); ++i) {
        const auto& s = m.subflowStats[i];
        subflowStats.append(QJsonObject{
            {QStringLiteral("stream"), qint64(s.stream.value)},
            {QStringLiteral("bytes"), perDirection(qint64(s.payloadBytes[0]), qint64(s.payloadBytes[1]))},
            {QStringLiteral("data_share"), perDirection(m.dataShare(i, Direction::ClientToServer),
                                                        m.dataShare(i, Direction::ServerToClient))},
        });
    }

    QJsonArray events;
    for (const auto& e : m.events) {
        events.append(QJsonObject{
            {QStringLiteral("t_s"), seconds(capture, e.timeNs)},
            {QStringLiteral("stream"), qint64(e.stream.value)},
            {QStringLiteral("kind"), QString::fromLatin1(core::eventKindName(e.kind))},
            {QStringLiteral("detail"), QString::fromStdString(e.detail)},
        });
    }

    QJsonObject result{
        {QStringLiteral("id"), qint64(m.id.value)},
        {QStringLiteral("version"), m.version ? QJsonValue(*m.version) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("client_key"), decimal(m.client.key)},
        {QStringLiteral("server_key"), decimal(m.server.key)},
        {QStringLiteral("client_token"), token(m.client)},
        {QStringLiteral("server_token"), token(m.server)},
        {QStringLiteral("client_idsn"), idsn(m.client)},
        {QStringLiteral("server_idsn"), idsn(m.server)},
        {QStringLiteral("subflows"), subflows},
        {QStringLiteral("start_s"), seconds(capture, m.firstNs)},
        {QStringLiteral("end_s"), seconds(capture, m.lastNs)},
        {QStringLiteral("data_bytes"), perDirection(qint64(c2s.dataBytes), qint64(s2c.dataBytes))},
        {QStringLiteral("reinjected_bytes"),
         perDirection(qint64(c2s.reinjectedBytes), qint64(s2c.reinjectedBytes))},
        {QStringLiteral("goodput_bps"), perDirection(c2s.goodputBps(), s2c.goodputBps())},
        {QStringLiteral("subflow_stats"), subflowStats},
        {QStringLiteral("events"), events},
    };
    if (m.unattached)
        result.insert(QStringLiteral("unattached"), true);
    return result;
}

QJsonObject summary(const core::Capture& capture)
{
    QJsonArray warnings;
    for (const auto& w : capture.warnings)
        warnings.append(QString::fromStdString(w));
    QJsonArray tcp;
    for (const auto& c : capture.tcp)
        tcp.append(tcpConnection(capture, c));
    QJsonArray mptcp;
    for (const auto& m : capture.mptcp)
        mptcp.append(mptcpConnection(capture, m));

    return QJsonObject{
        {QStringLiteral("schema"), schemaName},
        {QStringLiteral("file"), QFileInfo(QString::fromStdString(capture.path)).fileName()},
        {QStringLiteral("link_type"), QString::fromStdString(capture.linkTypeName)},
        {QStringLiteral("packets"), qint64(capture.packets)},
        {QStringLiteral("non_tcp_packets"), qint64(capture.nonTcpPackets)},
        {QStringLiteral("first_time"), double(capture.firstNs) / 1e9},
        {QStringLiteral("duration_s"), capture.durationSeconds()},
        {QStringLiteral("warnings"), warnings},
        {QStringLiteral("tcp"), tcp},
        {QStringLiteral("mptcp"), mptcp},
    };
}

QJsonObject summaryError(const QString& file, const QString& error)
{
    return QJsonObject{
        {QStringLiteral("schema"), schemaName},
        {QStringLiteral("file"), QFileInfo(file).fileName()},
        {QStringLiteral("error"), error},
    };
}

} // namespace app::json
