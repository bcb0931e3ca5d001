#include "summary_json.h"

#include "metrics/reinjections.h"
#include "model/capture.h"
#include "series/chart_data.h"

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

QJsonValue rtt(const core::RttSummary& summary)
{
    if (summary.samples == 0)
        return QJsonValue(QJsonValue::Null);
    return QJsonObject{
        {QStringLiteral("samples"), qint64(summary.samples)},
        {QStringLiteral("min"), double(summary.minNs) / 1e9},
        {QStringLiteral("median"), double(summary.medianNs) / 1e9},
        {QStringLiteral("p95"), double(summary.p95Ns) / 1e9},
        {QStringLiteral("max"), double(summary.maxNs) / 1e9},
    };
}

QString directionKey(core::Direction d)
{
    return d == core::Direction::ClientToServer ? QStringLiteral("c2s") : QStringLiteral("s2c");
}

QJsonArray packets(const core::Capture& capture, const std::vector<std::uint32_t>& rows)
{
    const auto& table = capture.table;
    QJsonArray result;
    for (const auto row : rows)
        result.append(QJsonObject{
            {QStringLiteral("frame"), qint64(table.packet[row])},
            {QStringLiteral("stream"), qint64(table.stream[row])},
            {QStringLiteral("t_s"), seconds(capture, table.timeNs[row])},
            {QStringLiteral("tcp_retransmission"), bool(table.marks[row] & core::PacketTable::Retransmission)},
        });
    return result;
}

QJsonObject reinjectionTotals(const core::Capture& capture, const core::MptcpConnection& m, core::Direction d)
{
    const auto totals = core::reinjectionTotals(capture.table, m, d);
    QJsonArray flows;
    for (const auto& flow : totals.flows)
        flows.append(QJsonObject{
            {QStringLiteral("from"), qint64(flow.from.value)},
            {QStringLiteral("to"), qint64(flow.to.value)},
            {QStringLiteral("count"), qint64(flow.count)},
            {QStringLiteral("bytes"), qint64(flow.bytes)},
        });
    return QJsonObject{
        {QStringLiteral("count"), qint64(totals.count)},
        {QStringLiteral("bytes"), qint64(totals.bytes)},
        {QStringLiteral("flows"), flows},
    };
}

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
        {QStringLiteral("mptcp"), c.mptcp ? QJsonValue(qint64(c.mptcp->value)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rtt"), perDirection(rtt(c2s.rtt), rtt(s2c.rtt))},
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
        const auto& tcp = capture.tcp[s.stream.value];
        // The subflow's sender of each MPTCP direction: its TCP client, or its server when reversed.
        const auto sender = [&s](Direction d) { return s.reversed ? core::opposite(d) : d; };
        QJsonObject entry{
            {QStringLiteral("stream"), qint64(s.stream.value)},
            {QStringLiteral("bytes"), perDirection(qint64(s.payloadBytes[0]), qint64(s.payloadBytes[1]))},
            {QStringLiteral("data_share"),
             perDirection(m.dataShare(i, Direction::ClientToServer), m.dataShare(i, Direction::ServerToClient))},
            {QStringLiteral("rtt"), perDirection(rtt(tcp.stats(sender(Direction::ClientToServer)).rtt),
                                                 rtt(tcp.stats(sender(Direction::ServerToClient)).rtt))},
        };
        const auto& inferred = tcp.subflow.inferredIsn; // by TCP direction
        if (inferred[0] || inferred[1]) {
            const auto isn = [&](Direction side) {
                const auto& value = inferred[index(sender(side))];
                return value ? QJsonValue(qint64(*value)) : QJsonValue(QJsonValue::Null);
            };
            entry.insert(QStringLiteral("isn_inferred"),
                         perDirection(isn(Direction::ClientToServer), isn(Direction::ServerToClient)));
        }
        subflowStats.append(entry);
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
        {QStringLiteral("reinjected_bytes"), perDirection(qint64(c2s.reinjectedBytes), qint64(s2c.reinjectedBytes))},
        {QStringLiteral("goodput_bps"), perDirection(c2s.goodputBps(), s2c.goodputBps())},
        {QStringLiteral("subflow_stats"), subflowStats},
        {QStringLiteral("events"), events},
    };
    if (m.unattached)
        result.insert(QStringLiteral("unattached"), true);
    if (m.joinToken)
        result.insert(QStringLiteral("join_token"), qint64(*m.joinToken));
    if (!m.handshakeCaptured)
        result.insert(QStringLiteral("handshake_captured"), false);
    if (m.dsnUpperBitsUnknown[0] || m.dsnUpperBitsUnknown[1])
        result.insert(QStringLiteral("dsn_upper_bits_unknown"),
                      perDirection(m.dsnUpperBitsUnknown[0], m.dsnUpperBitsUnknown[1]));
    return result;
}

QJsonObject reinjectionList(const core::Capture& capture, const core::MptcpConnection& m)
{
    using core::Direction;
    const auto& table = capture.table;
    const std::array<std::uint64_t, core::directionCount> base{core::dsnBase(capture, m, Direction::ClientToServer),
                                                               core::dsnBase(capture, m, Direction::ServerToClient)};
    QJsonArray list;
    for (const auto& r : m.reinjections) {
        const std::uint64_t b = base[std::size_t(index(r.direction))];
        const std::int64_t firstReinjectionNs = table.timeNs[r.reinjectionRows.front()];
        list.append(QJsonObject{
            {QStringLiteral("direction"), directionKey(r.direction)},
            {QStringLiteral("dsn"), QJsonObject{{QStringLiteral("start"), qint64(r.dsnStart - b)},
                                                {QStringLiteral("end"), qint64(r.dsnEnd - b)}}},
            {QStringLiteral("dsn_absolute"), QJsonObject{{QStringLiteral("start"), QString::number(r.dsnStart)},
                                                         {QStringLiteral("end"), QString::number(r.dsnEnd)}}},
            {QStringLiteral("bytes"), qint64(r.bytes())},
            {QStringLiteral("original_stream"), qint64(r.originalStream.value)},
            {QStringLiteral("original_sent_s"), seconds(capture, r.originalSentNs)},
            {QStringLiteral("original_sent_frame"), qint64(table.packet[r.originalSentRow])},
            {QStringLiteral("original_packets"), packets(capture, r.originalRows)},
            {QStringLiteral("reinjection_packets"), packets(capture, r.reinjectionRows)},
            {QStringLiteral("delay_s"), double(firstReinjectionNs - r.originalSentNs) / 1e9},
        });
    }
    return QJsonObject{
        {QStringLiteral("mptcp"), qint64(m.id.value)},
        {QStringLiteral("totals"), perDirection(reinjectionTotals(capture, m, Direction::ClientToServer),
                                                reinjectionTotals(capture, m, Direction::ServerToClient))},
        {QStringLiteral("reinjections"), list},
    };
}

void writeSummary(const core::Capture& capture, Layout layout, const ByteSink& sink)
{
    QJsonArray warnings;
    for (const auto& w : capture.warnings)
        warnings.append(QString::fromStdString(w));
    const QJsonObject members{
        {QStringLiteral("schema"), schemaName},
        {QStringLiteral("file"), QFileInfo(QString::fromStdString(capture.path)).fileName()},
        {QStringLiteral("link_type"), QString::fromStdString(capture.linkTypeName)},
        {QStringLiteral("packets"), qint64(capture.packets)},
        {QStringLiteral("non_tcp_packets"), qint64(capture.nonTcpPackets)},
        {QStringLiteral("first_time"), double(capture.firstNs) / 1e9},
        {QStringLiteral("duration_s"), capture.durationSeconds()},
        {QStringLiteral("warnings"), warnings},
    };
    // The connections, one at a time: a capture may hold hundreds of thousands.
    const std::vector<StreamedArray> connections{
        {QStringLiteral("tcp"), qsizetype(capture.tcp.size()),
         [&](qsizetype i) { return tcpConnection(capture, capture.tcp[std::size_t(i)]); }},
        {QStringLiteral("mptcp"), qsizetype(capture.mptcp.size()),
         [&](qsizetype i) { return mptcpConnection(capture, capture.mptcp[std::size_t(i)]); }},
    };
    writeDocument(members, connections, layout, sink);
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
