#include "crafted_scenario.h"
#include "packet_builder.h"

#include "load/loader.h"
#include "model/capture.h"
#include "model/event.h"
#include "series/chart_data.h"
#include "summary_json.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <cstdint>
#include <vector>

// Connections without a clean handshake (issue 13), on crafted captures: the initial sequence
// number of a subflow whose SYN is missing, subflows without a handshake grouped into one
// connection only on proof from their data sequence numbers, the numbers Wireshark gives, and
// handshakes that go wrong (the cases the kernel's MPTCP self-tests exercise: a version change
// on the third ACK, fallback during or right after the handshake, an MP_JOIN to an unknown
// token answered by a reset, keys that differ from the handshake's).
//
// Set MPTCPSCOPE_KEEP_TEST_CAPTURES=1 to keep the written files. The mptcp.stream numbers in
// the comments are tshark 4.0.17's on those files (`-T fields -e tcp.stream -e mptcp.stream`).
class TestMidConnection : public QObject {
    Q_OBJECT
private slots:
    void isnNeedsAMappingBoundary_data();
    void isnNeedsAMappingBoundary();
    void subflowsGroupedByDataAcks();
    void laterJoinNamesTheToken();
    void closeDsnsOfUnrelatedConnectionsNotMerged();
    void oneMappingOf32BitsIsNotEnough_data();
    void oneMappingOf32BitsIsNotEnough();
    void v0ThirdAckAfterV1SynExchange();
    void fallbackInHandshake_data();
    void fallbackInHandshake();
    void joinToUnknownTokenAnsweredByReset();
    void swappedKeysCountOnce();
};

namespace {

using namespace testpkt;
using core::Direction;
using core::PacketTable;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr Host clientSecond{ipv4(10, 0, 1, 1), 40001};
constexpr Host clientThird{ipv4(10, 0, 2, 1), 40002};

constexpr std::uint8_t mpcFlagsV0 = 0x01; // H: HMAC-SHA1, no checksum

// The client's data sequence numbers in the connections below (their keys are not captured).
constexpr std::uint64_t dsnBase = 0x1122334455667788ull;

// Linux pure ACK: 8-octet Data ACK (flags 0x03).
Bytes pureAck(std::uint64_t dataAck)
{
    mptcpopt::DssFields fields;
    fields.dataAck = dataAck;
    fields.dataAck64 = true;
    return mptcpopt::dss(fields);
}

// A data segment with only a 4-octet DSN mapping (no data ack).
Bytes mapping32(std::uint64_t dsn, std::uint32_t subflowSeq, std::uint16_t length)
{
    mptcpopt::DssFields fields;
    fields.mapping = mptcpopt::DssMapping{dsn, false, subflowSeq, length};
    return mptcpopt::dss(fields);
}

Bytes mapping64(std::uint64_t dsn, std::uint32_t subflowSeq, std::uint16_t length)
{
    mptcpopt::DssFields fields;
    fields.mapping = mptcpopt::DssMapping{dsn, true, subflowSeq, length};
    return mptcpopt::dss(fields);
}

std::size_t row(int packet) { return std::size_t(packet - 1); } // every frame here is TCP

const core::MptcpConnection* connectionOf(const core::Capture& capture, std::uint32_t stream)
{
    const auto& id = capture.tcp[stream].mptcp;
    return id ? capture.findMptcp(*id) : nullptr;
}

// "FALLBACK #4 C>S" for each event of the given kinds.
QStringList eventList(const core::MptcpConnection& connection, std::initializer_list<core::EventKind> kinds)
{
    QStringList result;
    for (const auto& event : connection.events)
        if (std::find(kinds.begin(), kinds.end(), event.kind) != kinds.end())
            result << QStringLiteral("%1 #%2 %3")
                          .arg(QString::fromLatin1(core::eventKindName(event.kind)))
                          .arg(event.packet.value)
                          .arg(QLatin1String(event.direction == Direction::ClientToServer ? "C>S" : "S>C"));
    return result;
}

} // namespace

void TestMidConnection::isnNeedsAMappingBoundary_data()
{
    QTest::addColumn<int>("segments");
    QTest::addRow("the second segment of a mapping") << 1;
    QTest::addRow("its second and third segments") << 2;
    QTest::addRow("then the first segment of the next mapping") << 3;
}

void TestMidConnection::isnNeedsAMappingBoundary()
{
    // Linux repeats one mapping (here 3000 bytes from relative subflow sequence number 1) on
    // each of the segments it covers. The capture starts at the mapping's second segment: its
    // bytes lie somewhere in the mapping, so it does not give the subflow's ISN, and its DSN
    // stays unknown (with a warning). With the third segment they could still be the first
    // two. The next segment carries the next mapping: the boundary between the two lies
    // between them, which gives the ISN, and every segment its DSN.
    QFETCH(int, segments);
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000 + 1001, 2001); // ISN 1000, 1000 bytes before the capture
    const Bytes mapping = mapping64(dsnBase, 1, 3000);
    std::vector<int> data{scenario.add(flow.ack(true, mapping, 1000))};
    if (segments >= 2)
        data.push_back(scenario.add(flow.ack(true, mapping, 1000)));
    if (segments >= 3)
        data.push_back(scenario.add(flow.ack(true, mapping64(dsnBase + 3000, 3001, 2000), 1000)));
    scenario.add(flow.ack(false, pureAck(dsnBase + 3000)));

    const auto result = scenario.load(QStringLiteral("isn_%1.pcap").arg(segments));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& inferred = capture.tcp[0].subflow.inferredIsn[index(Direction::ClientToServer)];
    if (segments < 3) {
        QVERIFY(!inferred);
        for (const int packet : data)
            QCOMPARE(capture.table.dsn[row(packet)], PacketTable::noDsn);
        const QString warning = QStringLiteral("%1 packet%2: MPTCP payload with an unknown DSN")
                                    .arg(segments)
                                    .arg(QLatin1String(segments > 1 ? "s" : ""));
        QVERIFY2(anyWarningContains(capture, qPrintable(warning)), qPrintable(warningsText(capture)));
        QCOMPARE(capture.mptcp[0].stats(Direction::ClientToServer).dataBytes, std::uint64_t(0));
        return;
    }
    QCOMPARE(inferred.value_or(0), 1000u);
    for (std::size_t k = 0; k < data.size(); ++k)
        QCOMPARE(capture.table.dsn[row(data[k])], dsnBase + 1000 * (k + 1));
    QCOMPARE(capture.mptcp[0].stats(Direction::ClientToServer).dataBytes, std::uint64_t(3000));
    QVERIFY2(!anyWarningContains(capture, "DSN"), qPrintable(warningsText(capture)));
    // The 64-bit values are the real ones: nothing is marked made up.
    QVERIFY(!capture.mptcp[0].dsnUpperBitsUnknown[index(Direction::ClientToServer)]);
}

void TestMidConnection::subflowsGroupedByDataAcks()
{
    // Two subflows of one upload, captured after their handshakes. The server acknowledges on
    // the first subflow data only the second carried (and the reverse), and the client's data
    // on one continues exactly where the other's stopped: one connection. Wireshark gives
    // tcp.stream 0 mptcp.stream 0 and tcp.stream 1 mptcp.stream 1; the connection keeps 0,
    // the number of its first subflow, and 1 stays unused.
    Scenario scenario;
    auto first = scenario.flow(client, server, 1000 + 101, 2001);       // ISN 1000
    auto second = scenario.flow(clientSecond, server, 5000 + 51, 6001); // ISN 5000
    const int a1 = scenario.add(first.ack(true, linuxDataDss(dsnBase, 101, 1000, 77), 1000));
    const int b1 = scenario.add(second.ack(true, linuxDataDss(dsnBase + 1000, 51, 1000, 77), 1000));
    const int crossAck = scenario.add(first.ack(false, pureAck(dsnBase + 2000)));
    const int a2 = scenario.add(first.ack(true, linuxDataDss(dsnBase + 2000, 1101, 1000, 77), 1000));
    scenario.add(second.ack(false, pureAck(dsnBase + 3000)));

    const auto result = scenario.load(QStringLiteral("grouped_by_data_acks.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.id.value, 0u);
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QVERIFY(!connection.unattached);
    QVERIFY(!connection.handshakeCaptured);
    QVERIFY(!connection.client.key && !connection.server.key);
    QVERIFY(!connection.client.tokenKnown && !connection.server.tokenKnown);
    QVERIFY(!connection.version);
    QVERIFY(!capture.tcp[0].subflow.wiresharkMptcp);
    QCOMPARE(capture.tcp[1].subflow.wiresharkMptcp.value_or(core::MptcpId()).value, 1u);
    QCOMPARE(capture.tcp[1].mptcp.value_or(core::MptcpId()).value, 0u);

    QCOMPARE(capture.tcp[0].subflow.inferredIsn[index(Direction::ClientToServer)].value_or(0), 1000u);
    QCOMPARE(capture.tcp[1].subflow.inferredIsn[index(Direction::ClientToServer)].value_or(0), 5000u);
    QCOMPARE(capture.table.dsn[row(a1)], dsnBase);
    QCOMPARE(capture.table.dsn[row(b1)], dsnBase + 1000);
    QCOMPARE(capture.table.dsn[row(a2)], dsnBase + 2000);
    QCOMPARE(capture.table.dataAck[row(crossAck)], dsnBase + 2000);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(3000));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QCOMPARE(connection.subflowStats[0].firstCarriedBytes[0], std::uint64_t(2000));
    QCOMPARE(connection.subflowStats[1].firstCarriedBytes[0], std::uint64_t(1000));

    // The DSN chart counts from the lowest DSN seen (the IDSN is unknown).
    const core::SequenceChartData chart = core::buildSequenceChart(capture, connection, Direction::ClientToServer);
    QCOMPARE(chart.subflows.size(), std::size_t(2));
    QCOMPARE(chart.subflows[0].y, (std::vector<double>{1, 2001}));
    QCOMPARE(chart.subflows[1].y, (std::vector<double>{1001}));

    // The JSON says what was inferred.
    const QJsonObject json = app::json::mptcpConnection(capture, connection);
    QCOMPARE(json[QStringLiteral("handshake_captured")], QJsonValue(false));
    QVERIFY(!json.contains(QStringLiteral("unattached")));
    const QJsonObject stats = json[QStringLiteral("subflow_stats")].toArray()[1].toObject();
    QCOMPARE(stats[QStringLiteral("isn_inferred")].toObject()[QStringLiteral("c2s")].toInteger(), qint64(5000));
    QVERIFY(stats[QStringLiteral("isn_inferred")].toObject()[QStringLiteral("s2c")].isNull());
}

void TestMidConnection::laterJoinNamesTheToken()
{
    // The same two subflows, then a third subflow joins with an MP_JOIN SYN naming the
    // server's token, and the server acknowledges its data on the first subflow: the
    // connection's token is known from then on, its keys are not. Wireshark: mptcp.stream 0,
    // 1 and 2 for tcp.stream 0, 1 and 2.
    constexpr std::uint32_t token = 0xabcdef01;
    Scenario scenario;
    auto first = scenario.flow(client, server, 1000 + 101, 2001);
    auto second = scenario.flow(clientSecond, server, 5000 + 51, 6001);
    scenario.add(first.ack(true, linuxDataDss(dsnBase, 101, 1000, 77), 1000));
    scenario.add(second.ack(true, linuxDataDss(dsnBase + 1000, 51, 1000, 77), 1000));
    scenario.add(first.ack(false, pureAck(dsnBase + 2000)));
    auto join = scenario.flow(clientThird, server, 7000, 8000);
    joinHandshake(scenario, join, token, 2);
    const int joinData = scenario.add(join.ack(true, linuxDataDss(dsnBase + 2000, 1, 1000, 77), 1000));
    scenario.add(first.ack(false, pureAck(dsnBase + 3000)));

    const auto result = scenario.load(QStringLiteral("join_names_token.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.id.value, 0u);
    QCOMPARE(connection.subflows.size(), std::size_t(3));
    QVERIFY(!connection.handshakeCaptured && !connection.unattached && !connection.joinToken);
    QVERIFY(connection.server.tokenKnown);
    QCOMPARE(connection.server.token, token);
    QVERIFY(!connection.server.key);
    QCOMPARE(capture.tcp[2].subflow.wiresharkMptcp.value_or(core::MptcpId()).value, 2u);
    QCOMPARE(capture.table.dsn[row(joinData)], dsnBase + 2000);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(3000));
}

void TestMidConnection::closeDsnsOfUnrelatedConnectionsNotMerged()
{
    // Two connections between the same two hosts, captured mid-way, whose data sequence
    // numbers happen to lie 700 bytes apart: close, but no data ack of one acknowledges data
    // of the other and no segment of one continues one of the other. Not one connection.
    Scenario scenario;
    auto one = scenario.flow(client, server, 1001, 2001);
    auto other = scenario.flow(Host{client.address, 40010}, server, 3001, 4001);
    for (std::uint32_t k = 0; k < 2; ++k) {
        scenario.add(one.ack(true, linuxDataDss(dsnBase + 1000 * k, 1 + 1000 * k, 1000, 77), 1000));
        scenario.add(other.ack(true, linuxDataDss(dsnBase + 700 + 1000 * k, 1 + 1000 * k, 1000, 77), 1000));
        scenario.add(one.ack(false, pureAck(dsnBase + 1000 * (k + 1))));
        scenario.add(other.ack(false, pureAck(dsnBase + 700 + 1000 * (k + 1))));
    }

    const auto result = scenario.load(QStringLiteral("close_dsns.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(2));
    for (const auto& connection : capture.mptcp) {
        QVERIFY(connection.unattached);
        QCOMPARE(connection.subflows.size(), std::size_t(1));
        QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(2000));
        QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    }
}

void TestMidConnection::oneMappingOf32BitsIsNotEnough_data()
{
    QTest::addColumn<bool>("twoMappings");
    QTest::addRow("one 32-bit mapping") << false;
    QTest::addRow("two 32-bit mappings") << true;
}

void TestMidConnection::oneMappingOf32BitsIsNotEnough()
{
    // A subflow with 8-octet DSNs, and another whose mappings have 4-octet DSNs that continue
    // exactly where the first one's data stops. One such 32-bit value could be chance (one
    // in 2^32 for each pair of values, far more for two connections whose data sequence
    // numbers lie near each other modulo 2^32): the second subflow stays on its own. Two are
    // proof: one connection, whose 32-bit DSNs then expand against the first subflow's 64-bit
    // ones, so nothing is made up.
    QFETCH(bool, twoMappings);
    Scenario scenario;
    auto full = scenario.flow(client, server, 1001, 2001);
    auto narrow = scenario.flow(clientSecond, server, 5001, 6001);
    scenario.add(full.ack(true, mapping64(dsnBase, 1, 1000), 1000));
    const int narrowFirst = scenario.add(narrow.ack(true, mapping32(dsnBase + 1000, 1, 1000), 1000));
    scenario.add(full.ack(true, mapping64(dsnBase + 2000, 1001, 1000), 1000));
    if (twoMappings)
        scenario.add(narrow.ack(true, mapping32(dsnBase + 3000, 1001, 1000), 1000));

    const auto result = scenario.load(twoMappings ? QStringLiteral("two_32bit_mappings.pcap")
                                                  : QStringLiteral("one_32bit_mapping.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const core::MptcpConnection* a = connectionOf(capture, 0);
    const core::MptcpConnection* b = connectionOf(capture, 1);
    QVERIFY(a && b);
    if (!twoMappings) {
        QVERIFY2(a != b, "one 32-bit value was taken for proof");
        QVERIFY(b->unattached);
        QVERIFY(b->dsnUpperBitsUnknown[index(Direction::ClientToServer)]);
        QCOMPARE(std::uint32_t(capture.table.dsn[row(narrowFirst)]), std::uint32_t(dsnBase + 1000));
        return;
    }
    QCOMPARE(a, b);
    QCOMPARE(a->subflows.size(), std::size_t(2));
    QCOMPARE(capture.table.dsn[row(narrowFirst)], dsnBase + 1000);
    QVERIFY(!a->dsnUpperBitsUnknown[index(Direction::ClientToServer)]);
    QCOMPARE(a->stats(Direction::ClientToServer).dataBytes, std::uint64_t(4000));
}

void TestMidConnection::v0ThirdAckAfterV1SynExchange()
{
    // SYN and SYN/ACK agree on version 1; the third ACK carries an MP_CAPABLE of version 0
    // with both keys. Keys are hashed by the version the SYN exchange agreed (SHA-256), both
    // of them, and the mismatch is an event. The peers then send data without DSS: they fell
    // back to TCP, a FALLBACK event at the first such packet, and the data continues the data
    // sequence space from each IDSN + 1 (RFC 8684 §3.7).
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    scenario.add(flow.syn(mptcpopt::mpCapable(1, mpcFlagsV1)));
    scenario.add(flow.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)));
    const int thirdAck = scenario.add(
        flow.ack(true, mptcpopt::mpCapable(0, mpcFlagsV0, v1ClientKey.key, v1ServerKey.key)));
    const int firstData = scenario.add(flow.ack(true, {}, 500));
    scenario.add(flow.ack(false, {}, 300));

    const auto result = scenario.load(QStringLiteral("v0_third_ack.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(int(connection.version.value_or(255)), 1);
    QCOMPARE(connection.client.token, v1ClientKey.token);
    QCOMPARE(connection.client.idsn, v1ClientKey.idsn);
    QCOMPARE(connection.server.token, v1ServerKey.token);
    QCOMPARE(eventList(connection, {core::EventKind::MpCapable, core::EventKind::Fallback}),
             (QStringList{QStringLiteral("MP_CAPABLE #%1 C>S").arg(thirdAck),
                          QStringLiteral("FALLBACK #%1 C>S").arg(firstData)}));
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(500));
    QCOMPARE(connection.stats(Direction::ServerToClient).dataBytes, std::uint64_t(300));
}

void TestMidConnection::fallbackInHandshake_data()
{
    QTest::addColumn<int>("variant");
    QTest::addRow("SYN/ACK without MP_CAPABLE (v0: the SYN has the key)") << 0;
    QTest::addRow("third ACK without MP_CAPABLE") << 1;
    QTest::addRow("data without DSS after the handshake") << 2;
}

void TestMidConnection::fallbackInHandshake()
{
    // RFC 8684 §3.1: a connection falls back to TCP when MP_CAPABLE is missing from the
    // SYN/ACK, from the third ACK, or when the data comes without DSS. The FALLBACK event names
    // the packet that showed it; no warning complains about payload without a DSS mapping.
    QFETCH(int, variant);
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    int showing = 0;
    if (variant == 0) {
        scenario.add(flow.syn(mptcpopt::mpCapable(0, mpcFlagsV0, v0ClientKey.key)));
        showing = scenario.add(flow.synAck({0x02, 0x04, 0x05, 0xb4}));
        scenario.add(flow.ack(true));
    } else {
        scenario.add(flow.syn(mptcpopt::mpCapable(1, mpcFlagsV1)));
        scenario.add(flow.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)));
        const int third = scenario.add(flow.ack(
            true, variant == 1 ? Bytes{} : mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key)));
        showing = variant == 1 ? third : 0;
    }
    const int data = scenario.add(flow.ack(true, {}, 200));
    showing = showing ? showing : data;
    scenario.add(flow.ack(false, {}, 300));

    const auto result = scenario.load(QStringLiteral("fallback_%1.pcap").arg(variant));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    QCOMPARE(
        eventList(capture.mptcp[0], {core::EventKind::Fallback}),
        QStringList{QStringLiteral("FALLBACK #%1 %2").arg(showing).arg(QLatin1String(variant == 0 ? "S>C" : "C>S"))});
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
}

void TestMidConnection::joinToUnknownTokenAnsweredByReset()
{
    // An MP_JOIN SYN to a token no connection in the capture has; the server answers with a
    // RST carrying MP_TCPRST. An unattached join that asked for that token, not a connection
    // whose server token it is. Wireshark: tcp.stream 0 is mptcp.stream 0.
    constexpr std::uint32_t token = 0x5eed1e55;
    Scenario scenario;
    auto join = scenario.flow(clientSecond, server, 7000, 8000);
    const int syn = scenario.add(join.syn(mptcpopt::mpJoinSyn(false, 3, token, 0x01020304)));
    const int reset = scenario.add(
        scenario.segment(server, clientSecond, 0, 7001, tcpflag::Rst | tcpflag::Ack, mptcpopt::mpTcpRst(0, 0x01)));

    const auto result = scenario.load(QStringLiteral("join_unknown_token.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.id.value, 0u);
    QVERIFY(connection.unattached);
    QCOMPARE(connection.joinToken.value_or(0), token);
    QVERIFY(!connection.server.tokenKnown && !connection.client.tokenKnown);
    QCOMPARE(eventList(connection, {core::EventKind::MpJoin, core::EventKind::MpTcpRst}),
             (QStringList{QStringLiteral("MP_JOIN #%1 C>S").arg(syn), QStringLiteral("MP_TCPRST #%1 S>C").arg(reset)}));

    const QJsonObject json = app::json::mptcpConnection(capture, connection);
    QCOMPARE(json[QStringLiteral("unattached")], QJsonValue(true));
    QCOMPARE(json[QStringLiteral("join_token")].toInteger(), qint64(token));
    QVERIFY(json[QStringLiteral("server_token")].isNull());
}

void TestMidConnection::swappedKeysCountOnce()
{
    // After the handshake, one packet carries an MP_CAPABLE whose two keys are swapped: both
    // differ from the handshake's, and the packet counts once in the warnings.
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    scenario.add(flow.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key, v1ClientKey.key)));

    const auto result = scenario.load(QStringLiteral("swapped_keys.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QVERIFY2(anyWarningContains(capture, "1 packet: MP_CAPABLE key differs"), qPrintable(warningsText(capture)));
    QCOMPARE(capture.mptcp[0].client.key.value_or(0), v1ClientKey.key);
}

QTEST_GUILESS_MAIN(TestMidConnection)
#include "tst_midconnection.moc"
