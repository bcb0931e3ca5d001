#include "crafted_scenario.h"
#include "packet_builder.h"

#include "load/loader.h"
#include "model/capture.h"
#include "model/event.h"
#include "series/chart_data.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdint>

// End-to-end MPTCP assembly on crafted captures: each test writes a small pcap to a temporary
// directory, loads it with core::load and checks the model. The scenarios are the ones real
// captures rarely contain but real users meet: v1 data on the MP_CAPABLE ACK, joins seen
// before their connection, port reuse, 32-bit DSN wraps, reinjections, captures started
// mid-connection, address signalling, snapshot-length cuts and fallback, at the start or
// after a DSS checksum failure.
//
// Set MPTCPSCOPE_KEEP_TEST_CAPTURES=1 to keep the written files (their paths are printed),
// e.g. to compare with `tshark -r FILE -o mptcp.analyze_mappings:TRUE`.
class TestAssembler : public QObject {
    Q_OBJECT
private slots:
    void v1DataOnMpCapableAck_data();
    void v1DataOnMpCapableAck();
    void joinSeenBeforeItsConnection();
    void fourTupleReuse();
    void dsn32WrapAfterIdsnNear2to32();
    void mappingRepeatedOnEachSegment();
    void mappingSeenAfterItsData();
    void unknownTokenGuessesUpperBits();
    void reinjection_data();
    void reinjection();
    void midConnectionCapture();
    void serverInitiatedJoinCountsServerData();
    void addressSignallingOnPureAcks();
    void optionsCutBySnapshotLength();
    void fallback_data();
    void fallback();
    void dataAfterMpFailFallback_data();
    void dataAfterMpFailFallback();
};

namespace {

using namespace testpkt;
using core::Direction;
using core::PacketTable;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr Host clientSecondAddress{ipv4(10, 0, 1, 1), 40001};

constexpr std::uint8_t mpcFlagsV0 = 0x81; // A: checksum required, H: HMAC-SHA1

// Linux pure ACK: 8-octet Data ACK (flags 0x03).
Bytes linuxAckDss(std::uint64_t dataAck)
{
    mptcpopt::DssFields fields;
    fields.dataAck = dataAck;
    fields.dataAck64 = true;
    return mptcpopt::dss(fields);
}

std::size_t row(int packet) { return std::size_t(packet - 1); } // every frame here is TCP

// "ADD_ADDR #4 S>C" for each event of the given kinds.
QStringList eventList(const core::MptcpConnection& connection, std::initializer_list<core::EventKind> kinds)
{
    QStringList result;
    for (const auto& event : connection.events) {
        if (std::find(kinds.begin(), kinds.end(), event.kind) == kinds.end())
            continue;
        result << QStringLiteral("%1 #%2 %3")
                      .arg(QString::fromLatin1(core::eventKindName(event.kind)))
                      .arg(event.packet.value)
                      .arg(event.direction == Direction::ClientToServer ? "C>S" : "S>C");
    }
    return result;
}

const core::MptcpEvent* findEvent(const core::MptcpConnection& connection, int packet, core::EventKind kind)
{
    for (const auto& event : connection.events)
        if (event.packet.value == std::uint32_t(packet) && event.kind == kind)
            return &event;
    return nullptr;
}

} // namespace

void TestAssembler::v1DataOnMpCapableAck_data()
{
    QTest::addColumn<bool>("thirdAckCaptured");
    QTest::addRow("after the third ACK") << true;
    QTest::addRow("third ACK not captured") << false;
}

void TestAssembler::v1DataOnMpCapableAck()
{
    // RFC 8684 §3.1: the first data packet may carry MP_CAPABLE with both keys and the
    // data-level length instead of a DSS; its data sits at IDSN + 1. When the third ACK was
    // lost (or not captured), that packet is where the client's key first appears.
    QFETCH(bool, thirdAckCaptured);
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    scenario.add(flow.syn(mptcpopt::mpCapable(1, mpcFlagsV1)));
    scenario.add(flow.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)));
    const Frame thirdAck = flow.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key));
    if (thirdAckCaptured)
        scenario.add(thirdAck);
    const int data = scenario.add(
        flow.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key, std::uint16_t(500)), 500));
    const int dataAck = scenario.add(flow.ack(false, linuxAckDss(v1ClientKey.idsn + 501)));

    const auto result = scenario.load("mpc_v1_len_22.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    QCOMPARE(capture.tcp.size(), std::size_t(1));
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.id.value, 0u);
    QCOMPARE(int(connection.version.value_or(255)), 1);
    QCOMPARE(connection.client.key.value_or(0), v1ClientKey.key);
    QCOMPARE(connection.client.token, v1ClientKey.token);
    QCOMPARE(connection.client.idsn, v1ClientKey.idsn);
    QCOMPARE(connection.server.key.value_or(0), v1ServerKey.key);
    QCOMPARE(connection.server.token, v1ServerKey.token);
    QCOMPARE(connection.server.idsn, v1ServerKey.idsn);
    QCOMPARE(capture.tcp[0].subflow.role, core::SubflowRole::Initial);
    QVERIFY(capture.tcp[0].mptcp.has_value());

    QCOMPARE(capture.table.dsn[row(data)], v1ClientKey.idsn + 1);
    QCOMPARE(capture.table.length[row(data)], 500u);
    QCOMPARE(capture.table.dataAck[row(dataAck)], v1ClientKey.idsn + 501);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(500));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QCOMPARE(connection.stats(Direction::ServerToClient).dataBytes, std::uint64_t(0));
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
}

void TestAssembler::joinSeenBeforeItsConnection()
{
    // pcapng files merged from several interfaces can hold a subflow's MP_JOIN SYN before the
    // MP_CAPABLE handshake it joins. Wireshark (one pass) gives the join's token a connection
    // number at once and attaches the MP_CAPABLE subflow to it when the server key with that
    // token appears; the model does the same, so both subflows share mptcp.stream 0.
    Scenario scenario;
    auto join = scenario.flow(clientSecondAddress, server, 5000, 6000);
    auto initial = scenario.flow(client, server, 1000, 2000);
    const int joinSyn = scenario.add(join.syn(mptcpopt::mpJoinSyn(true, 1, v1ServerKey.token, 0x01020304)));
    v1Handshake(scenario, initial);
    scenario.add(join.synAck(mptcpopt::mpJoinSynAck(false, 0, 0x1122334455667788ull, 0x0a0b0c0d)));
    scenario.add(join.ack(true, mptcpopt::mpJoinAck()));
    const int initialData = scenario.add(
        initial.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 100, v1ServerKey.idsn + 1), 100));
    const int joinData = scenario.add(
        join.ack(true, linuxDataDss(v1ClientKey.idsn + 101, 1, 100, v1ServerKey.idsn + 1), 100));

    const auto result = scenario.load("join_before_mp_capable.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    QCOMPARE(capture.tcp.size(), std::size_t(2));
    const std::uint32_t joinStream = 0; // first seen
    const std::uint32_t initialStream = 1;
    QCOMPARE(capture.tcp[joinStream].subflow.role, core::SubflowRole::Join);
    QCOMPARE(capture.tcp[joinStream].subflow.joinToken, v1ServerKey.token);
    QVERIFY(capture.tcp[joinStream].subflow.backup);
    QCOMPARE(capture.tcp[initialStream].subflow.role, core::SubflowRole::Initial);

    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.id.value, 0u);
    QVERIFY(!connection.unattached);
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QCOMPARE(connection.subflows[0].value, joinStream);
    QCOMPARE(connection.subflows[1].value, initialStream);
    QCOMPARE(connection.client.key.value_or(0), v1ClientKey.key);
    QCOMPARE(connection.server.key.value_or(0), v1ServerKey.key);
    QVERIFY(findEvent(connection, joinSyn, core::EventKind::MpJoin));

    QCOMPARE(capture.table.dsn[row(initialData)], v1ClientKey.idsn + 1);
    QCOMPARE(capture.table.dsn[row(joinData)], v1ClientKey.idsn + 101);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(200));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
}

void TestAssembler::fourTupleReuse()
{
    // Wireshark 4.0: a SYN whose ISN differs from its direction's base starts a new tcp.stream
    // on the same ports; the same ISN again is a retransmission in the same stream.
    Scenario scenario;
    auto first = scenario.flow(client, server, 1000, 9000);
    scenario.add(first.syn({}));
    scenario.add(first.synAck({}));
    scenario.add(first.ack(true));
    scenario.add(first.ack(true, {}, 100));
    scenario.add(first.fin(true));
    scenario.add(first.fin(false));
    const int lastOfFirst = scenario.add(first.ack(true));

    auto second = scenario.flow(client, server, 777777, 88888);
    const int secondSyn = scenario.add(second.syn({}));
    const int retransmittedSyn = scenario.addAgain(secondSyn);
    scenario.add(second.synAck({}));
    const int lastOfSecond = scenario.add(second.ack(true, {}, 10));

    const auto result = scenario.load("four_tuple_reuse.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    QCOMPARE(capture.tcp.size(), std::size_t(2));
    for (int packet = 1; packet <= lastOfFirst; ++packet)
        QCOMPARE(capture.table.stream[row(packet)], 0u);
    for (int packet = secondSyn; packet <= lastOfSecond; ++packet)
        QCOMPARE(capture.table.stream[row(packet)], 1u);
    QCOMPARE(capture.tcp[1].firstPacket.value, std::uint32_t(secondSyn));
    QCOMPARE(capture.tcp[1].stats(Direction::ClientToServer).packets, std::uint64_t(3)); // SYN twice, data
    QCOMPARE(capture.tcp[1].stats(Direction::ClientToServer).initialSeq, 777777u);
    QCOMPARE(capture.tcp[1].stats(Direction::ClientToServer).payloadBytes, std::uint64_t(10));
    QCOMPARE(capture.tcp[0].stats(Direction::ClientToServer).payloadBytes, std::uint64_t(100));
    QCOMPARE(capture.table.relativeSeq[row(retransmittedSyn)], 0u);
    QVERIFY(capture.mptcp.empty());
}

void TestAssembler::dsn32WrapAfterIdsnNear2to32()
{
    // v0 (RFC 6824) with 4-octet DSNs (flags 0x05, checksum) from a client whose IDSN is 4019
    // bytes below a multiple of 2^32: the raw DSN wraps during the transfer. Expanded DSNs must
    // keep increasing (tshark 4.0 jumps near 2^64) and the data total must be the payload.
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    scenario.add(flow.syn(mptcpopt::mpCapable(0, mpcFlagsV0, v0WrapClientKey.key)));
    scenario.add(flow.synAck(mptcpopt::mpCapable(0, mpcFlagsV0, v0ServerKey.key)));
    scenario.add(flow.ack(true, mptcpopt::mpCapable(0, mpcFlagsV0, v0WrapClientKey.key, v0ServerKey.key)));

    constexpr int segments = 6;
    constexpr std::uint16_t segmentLength = 1000;
    std::vector<int> dataPackets;
    std::vector<int> ackPackets;
    for (int k = 0; k < segments; ++k) {
        mptcpopt::DssFields data;
        data.dataAck = v0ServerKey.idsn + 1;
        data.mapping = mptcpopt::DssMapping{v0WrapClientKey.idsn + 1 + std::uint64_t(k) * segmentLength, false,
                                            1 + std::uint32_t(k) * segmentLength, segmentLength};
        data.checksum = 0x1234;
        QCOMPARE(data.flags(), std::uint8_t(0x05));
        dataPackets.push_back(scenario.add(flow.ack(true, mptcpopt::dss(data), segmentLength)));

        mptcpopt::DssFields ack;
        ack.dataAck = v0WrapClientKey.idsn + 1 + std::uint64_t(k + 1) * segmentLength; // written as 32 bits
        ackPackets.push_back(scenario.add(flow.ack(false, mptcpopt::dss(ack))));
    }
    mptcpopt::DssFields dataFin; // RFC 6824 §3.3.3: DATA_FIN alone, subflow seq 0, length 1
    dataFin.dataAck = v0ServerKey.idsn + 1;
    dataFin.mapping = mptcpopt::DssMapping{v0WrapClientKey.idsn + 1 + segments * segmentLength, false, 0, 1};
    dataFin.dataFin = true;
    dataFin.checksum = 0;
    QCOMPARE(dataFin.flags(), std::uint8_t(0x15));
    const int dataFinPacket = scenario.add(flow.ack(true, mptcpopt::dss(dataFin)));

    // The raw 32-bit DSNs do wrap inside this transfer.
    QVERIFY(std::uint32_t(v0WrapClientKey.idsn + 1 + (segments - 1) * segmentLength) <
            std::uint32_t(v0WrapClientKey.idsn + 1));

    const auto result = scenario.load("dsn32_wrap.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(int(connection.version.value_or(255)), 0);
    QCOMPARE(connection.client.idsn, v0WrapClientKey.idsn);

    for (int k = 0; k < segments; ++k) {
        const std::size_t r = row(dataPackets[std::size_t(k)]);
        QCOMPARE(capture.table.dsn[r], v0WrapClientKey.idsn + 1 + std::uint64_t(k) * segmentLength);
        QVERIFY(!(capture.table.marks[r] & PacketTable::DsnUnexpanded));
        QCOMPARE(capture.table.dataAck[row(ackPackets[std::size_t(k)])],
                 v0WrapClientKey.idsn + 1 + std::uint64_t(k + 1) * segmentLength);
    }
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(segments * segmentLength));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QVERIFY(capture.table.marks[row(dataFinPacket)] & PacketTable::DataFin);
    const core::MptcpEvent* fin = findEvent(connection, dataFinPacket, core::EventKind::DataFin);
    QVERIFY(fin);
    QVERIFY2(QString::fromStdString(fin->detail).contains(QLatin1String("6001")), fin->detail.c_str());
}

void TestAssembler::mappingRepeatedOnEachSegment()
{
    // Linux maps a burst with one DSS and repeats it on every segment of the burst. Each
    // segment gets its own DSN from its offset in the mapping; a retransmitted segment keeps
    // its DSN and counts neither as new data nor as reinjection.
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    const Bytes burst = linuxDataDss(v1ClientKey.idsn + 1, 1, 3000, v1ServerKey.idsn + 1);
    const int first = scenario.add(flow.ack(true, burst, 1000));
    const int second = scenario.add(flow.ack(true, burst, 1000));
    const int third = scenario.add(flow.ack(true, burst, 1000));
    const int retransmitted = scenario.addAgain(second);
    const Bytes next = linuxDataDss(v1ClientKey.idsn + 3001, 3001, 500, v1ServerKey.idsn + 1);
    const int fourth = scenario.add(flow.ack(true, next, 500));

    const auto result = scenario.load("repeated_mapping.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.table.dsn[row(first)], v1ClientKey.idsn + 1);
    QCOMPARE(capture.table.dsn[row(second)], v1ClientKey.idsn + 1001);
    QCOMPARE(capture.table.dsn[row(third)], v1ClientKey.idsn + 2001);
    QCOMPARE(capture.table.dsn[row(retransmitted)], v1ClientKey.idsn + 1001);
    QCOMPARE(capture.table.dsn[row(fourth)], v1ClientKey.idsn + 3001);
    QVERIFY(capture.table.marks[row(retransmitted)] & PacketTable::Retransmission);
    QVERIFY(!(capture.table.marks[row(retransmitted)] & PacketTable::Reinjection));
    QCOMPARE(capture.tcp[0].stats(Direction::ClientToServer).retransmittedBytes, std::uint64_t(1000));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(3500));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
}

void TestAssembler::mappingSeenAfterItsData()
{
    // RFC 8684 §3.3.1: a segment need not carry the mapping of its own bytes, as long as some
    // segment does. Here the first segment carries only a Data ACK and the second maps both.
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    const int unmappedYet = scenario.add(flow.ack(true, linuxAckDss(v1ServerKey.idsn + 1), 1000));
    const int mapping = scenario.add(
        flow.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 2000, v1ServerKey.idsn + 1), 1000));

    const auto result = scenario.load("mapping_after_data.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.table.dsn[row(unmappedYet)], v1ClientKey.idsn + 1);
    QCOMPARE(capture.table.dsn[row(mapping)], v1ClientKey.idsn + 1001);
    QCOMPARE(capture.mptcp[0].stats(Direction::ClientToServer).dataBytes, std::uint64_t(2000));
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
}

void TestAssembler::unknownTokenGuessesUpperBits()
{
    // A join subflow whose connection's handshake is not in the capture: the token is known,
    // the keys are not, so a 4-octet DSN cannot be expanded against its IDSN. The join is an
    // unattached subflow naming the token it asked for. Its DSNs keep their low 32 bits; the
    // upper 32 bits, made up alike for all of its data sequence space, are marked unknown, so
    // the data-level bytes are counted and no value passes for a real 64-bit DSN.
    Scenario scenario;
    auto join = scenario.flow(clientSecondAddress, server, 5000, 6000);
    joinHandshake(scenario, join, 0x12345678, 1);
    mptcpopt::DssFields fields;
    fields.dataAck = 0x01020304;
    fields.mapping = mptcpopt::DssMapping{0xfffffff0, false, 1, 800};
    const int data = scenario.add(join.ack(true, mptcpopt::dss(fields), 800));

    const auto result = scenario.load("unknown_token.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QVERIFY(!connection.client.key && !connection.server.key);
    QVERIFY(connection.unattached);
    QVERIFY(!connection.handshakeCaptured);
    QCOMPARE(connection.joinToken.value_or(0), 0x12345678u);
    QVERIFY(!connection.server.tokenKnown && !connection.client.tokenKnown);
    QCOMPARE(std::uint32_t(capture.table.dsn[row(data)]), 0xfffffff0u);
    QVERIFY(!(capture.table.marks[row(data)] & PacketTable::DsnUnexpanded));
    QVERIFY(connection.dsnUpperBitsUnknown[index(Direction::ClientToServer)]);
    QCOMPARE(std::uint32_t(capture.table.dataAck[row(data)]), 0x01020304u); // the peer's IDSN is unknown too
    QVERIFY(connection.dsnUpperBitsUnknown[index(Direction::ServerToClient)]);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(800));
}

void TestAssembler::reinjection_data()
{
    QTest::addColumn<std::uint64_t>("secondOffset"); // relative DSN sent on the join subflow
    QTest::addColumn<std::uint64_t>("dataBytes");
    QTest::addColumn<std::uint64_t>("reinjectedBytes");
    // 1000 bytes at relative DSN 1 on the initial subflow, then 1000 bytes on the join subflow.
    QTest::addRow("same range") << std::uint64_t(1) << std::uint64_t(1000) << std::uint64_t(1000);
    QTest::addRow("half overlap") << std::uint64_t(501) << std::uint64_t(1500) << std::uint64_t(500);
    QTest::addRow("adjacent, no overlap") << std::uint64_t(1001) << std::uint64_t(2000) << std::uint64_t(0);
}

void TestAssembler::reinjection()
{
    QFETCH(std::uint64_t, secondOffset);
    QFETCH(std::uint64_t, dataBytes);
    QFETCH(std::uint64_t, reinjectedBytes);

    Scenario scenario;
    auto initial = scenario.flow(client, server, 1000, 2000);
    auto join = scenario.flow(clientSecondAddress, server, 5000, 6000);
    v1Handshake(scenario, initial);
    joinHandshake(scenario, join, v1ServerKey.token, 1);
    const int first = scenario.add(
        initial.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 1000, v1ServerKey.idsn + 1), 1000));
    const int second = scenario.add(
        join.ack(true, linuxDataDss(v1ClientKey.idsn + secondOffset, 1, 1000, v1ServerKey.idsn + 1), 1000));
    scenario.add(initial.ack(false, linuxAckDss(v1ClientKey.idsn + 1 + dataBytes)));

    const auto result = scenario.load("reinjection.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.subflows.size(), std::size_t(2));

    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, dataBytes);
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, reinjectedBytes);
    QVERIFY(!(capture.table.marks[row(first)] & PacketTable::Reinjection));
    QCOMPARE(bool(capture.table.marks[row(second)] & PacketTable::Reinjection), reinjectedBytes > 0);
    // Neither copy is a TCP-level retransmission: each is new on its own subflow.
    QVERIFY(!(capture.table.marks[row(second)] & PacketTable::Retransmission));

    QCOMPARE(connection.subflowStats.size(), std::size_t(2));
    QCOMPARE(connection.subflowStats[0].payloadBytes[0], std::uint64_t(1000));
    QCOMPARE(connection.subflowStats[1].payloadBytes[0], std::uint64_t(1000));
    QCOMPARE(connection.subflowStats[0].firstCarriedBytes[0], std::uint64_t(1000));
    QCOMPARE(connection.subflowStats[1].firstCarriedBytes[0], dataBytes - 1000);
    QCOMPARE(connection.dataShare(0, Direction::ClientToServer), 1000.0 / double(dataBytes));
}

void TestAssembler::midConnectionCapture()
{
    // The capture starts in the middle of two subflows: no SYN, no keys. The first packet's
    // source is the client (Wireshark's rule); each subflow whose first MPTCP option is a DSS
    // gets an mptcp.stream of its own, as in Wireshark. Each one's DSS mapping starts at the
    // packet that carries it, which gives its initial sequence number, so its payload gets its
    // DSN. Nothing ties the two together (no data ack of one acknowledges data only the other
    // carried; the same server address proves nothing): both stay unattached.
    Scenario scenario;
    auto reversed = scenario.flow(server, client, 70000, 80000); // the server's data comes first
    auto other = scenario.flow(clientSecondAddress, server, 5000, 6000);
    mptcpopt::DssFields data;
    data.dataAck = 0x11111111;
    data.mapping = mptcpopt::DssMapping{0x22222222, false, 12345, 1000};
    const int first = scenario.add(reversed.ack(true, mptcpopt::dss(data), 1000));
    mptcpopt::DssFields ack;
    ack.dataAck = 0x22222222 + 1000;
    scenario.add(reversed.ack(false, mptcpopt::dss(ack)));
    const int otherFirst = scenario.add(other.ack(true, mptcpopt::dss(data), 1000));
    const int retransmission = scenario.addAgain(first);

    const auto result = scenario.load("mid_connection.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    QCOMPARE(capture.tcp.size(), std::size_t(2));
    QCOMPARE(capture.tcp[0].client.address, core::IpAddress::v4(server.address));
    QCOMPARE(capture.tcp[0].client.port, server.port);
    QCOMPARE(capture.tcp[0].server.address, core::IpAddress::v4(client.address));
    QCOMPARE(capture.tcp[1].client.address, core::IpAddress::v4(clientSecondAddress.address));
    QCOMPARE(capture.table.stream[row(first)], 0u);
    QCOMPARE(capture.table.stream[row(otherFirst)], 1u);
    QCOMPARE(capture.table.stream[row(retransmission)], 0u);
    QVERIFY(capture.table.marks[row(retransmission)] & PacketTable::Retransmission);
    QVERIFY(!capture.tcp[0].stats(Direction::ClientToServer).sawSyn);

    // ISN = sequence number of the mapped payload − its relative subflow sequence number.
    QCOMPARE(capture.tcp[0].subflow.inferredIsn[index(Direction::ClientToServer)].value_or(0), 70000u - 12345u);
    QCOMPARE(capture.tcp[1].subflow.inferredIsn[index(Direction::ClientToServer)].value_or(0), 5000u - 12345u);
    QVERIFY(!capture.tcp[0].subflow.inferredIsn[index(Direction::ServerToClient)]); // it sent no data

    QCOMPARE(capture.mptcp.size(), std::size_t(2));
    QCOMPARE(capture.mptcp[0].id.value, 0u);
    QCOMPARE(capture.mptcp[1].id.value, 1u);
    for (const auto& connection : capture.mptcp) {
        QVERIFY(connection.unattached);
        QVERIFY(!connection.handshakeCaptured);
        QVERIFY(!connection.version.has_value());
        QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(1000));
        QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
        // Only 32-bit DSNs and no IDSN: the low 32 bits are the real ones, the rest is marked unknown.
        QVERIFY(connection.dsnUpperBitsUnknown[index(Direction::ClientToServer)]);
    }
    for (const int packet : {first, otherFirst, retransmission}) {
        QCOMPARE(std::uint32_t(capture.table.dsn[row(packet)]), 0x22222222u);
        QVERIFY(!(capture.table.marks[row(packet)] & PacketTable::DsnUnexpanded));
    }
}

void TestAssembler::serverInitiatedJoinCountsServerData()
{
    // RFC 8684 §3.2: either host may open a subflow. Here the MPTCP server opens one to the
    // client's second address with the client's token, so that subflow's TCP client is the
    // MPTCP server and its data belongs to the server-to-client direction.
    Scenario scenario;
    auto initial = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, initial);
    const Host serverSide{server.address, 41000};
    const Host clientListener{clientSecondAddress.address, 5201};
    auto join = scenario.flow(serverSide, clientListener, 7000, 8000);
    joinHandshake(scenario, join, v1ClientKey.token, 0);
    const int serverData = scenario.add(
        join.ack(true, linuxDataDss(v1ServerKey.idsn + 1, 1, 300, v1ClientKey.idsn + 1), 300));
    const int clientAck = scenario.add(join.ack(false, linuxAckDss(v1ServerKey.idsn + 301)));

    const auto result = scenario.load("server_initiated_join.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QCOMPARE(capture.table.dsn[row(serverData)], v1ServerKey.idsn + 1);
    QCOMPARE(capture.table.dataAck[row(clientAck)], v1ServerKey.idsn + 301);
    QCOMPARE(connection.stats(Direction::ServerToClient).dataBytes, std::uint64_t(300));
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(0));
    QCOMPARE(connection.subflowStats[1].firstCarriedBytes[index(Direction::ServerToClient)], std::uint64_t(300));
}

void TestAssembler::addressSignallingOnPureAcks()
{
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    const Bytes ackDss = linuxAckDss(v1ClientKey.idsn + 1);
    const int announce = scenario.add(flow.ack(false, mptcpopt::addAddrV1(false, 2, ipv4(10, 0, 0, 3))));
    const int echo = scenario.add(
        flow.ack(true, concat({mptcpopt::addAddrV1(true, 2, ipv4(10, 0, 0, 3)), linuxAckDss(v1ServerKey.idsn + 1)})));
    const int withPort = scenario.add(
        flow.ack(false, mptcpopt::addAddrV1(false, 3, ipv4(10, 0, 0, 4), std::uint16_t(5202))));
    const int removeOne = scenario.add(flow.ack(false, concat({mptcpopt::removeAddr({2}), ackDss})));
    const int prio = scenario.add(flow.ack(true, mptcpopt::mpPrio(true)));
    const int removeThree = scenario.add(flow.ack(false, mptcpopt::removeAddr({3, 4, 5})));

    const auto result = scenario.load("address_signalling.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];

    using core::EventKind;
    const QStringList expected = {
        QStringLiteral("ADD_ADDR #%1 S>C").arg(announce), QStringLiteral("ADD_ADDR #%1 C>S").arg(echo),
        QStringLiteral("ADD_ADDR #%1 S>C").arg(withPort), QStringLiteral("REMOVE_ADDR #%1 S>C").arg(removeOne),
        QStringLiteral("MP_PRIO #%1 C>S").arg(prio),      QStringLiteral("REMOVE_ADDR #%1 S>C").arg(removeThree),
    };
    QCOMPARE(eventList(connection, {EventKind::AddAddr, EventKind::RemoveAddr, EventKind::MpPrio}), expected);
    for (const auto& event : connection.events)
        QCOMPARE(event.stream.value, 0u);

    const auto detail = [&](int packet, EventKind kind) {
        const auto* event = findEvent(connection, packet, kind);
        return event ? QString::fromStdString(event->detail) : QString();
    };
    QVERIFY2(detail(announce, EventKind::AddAddr).contains(QLatin1String("10.0.0.3")),
             qPrintable(detail(announce, EventKind::AddAddr)));
    QVERIFY(!detail(announce, EventKind::AddAddr).contains(QLatin1String("echo")));
    QVERIFY2(detail(echo, EventKind::AddAddr).contains(QLatin1String("echo")),
             qPrintable(detail(echo, EventKind::AddAddr)));
    QVERIFY2(detail(withPort, EventKind::AddAddr).contains(QLatin1String("10.0.0.4:5202")),
             qPrintable(detail(withPort, EventKind::AddAddr)));
    QVERIFY2(detail(removeThree, EventKind::RemoveAddr).contains(QLatin1String("3, 4, 5")),
             qPrintable(detail(removeThree, EventKind::RemoveAddr)));
    QVERIFY(capture.tcp[0].subflow.backup); // MP_PRIO B=1
    QCOMPARE(capture.table.dataAck[row(echo)], v1ServerKey.idsn + 1);
    QCOMPARE(capture.table.dataAck[row(removeOne)], v1ClientKey.idsn + 1);
    QVERIFY2(!anyWarningContains(capture, "malformed"), qPrintable(warningsText(capture)));
}

void TestAssembler::optionsCutBySnapshotLength()
{
    // A capture with a 74-byte snapshot length cuts long option lists. The packets still
    // count, their payload length comes from the IP header, and a warning says what happened.
    constexpr std::uint32_t snapLength = 74; // Ethernet 14 + IPv4 20 + TCP 20 + 20 option bytes
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    const Bytes synOptions = concat({Bytes{0x02, 0x04, 0x05, 0xb4, 0x04, 0x02}, // MSS, SACK permitted
                                     Bytes{0x08, 0x0a, 0, 0, 0, 1, 0, 0, 0, 0}, // timestamps
                                     Bytes{0x01, 0x03, 0x03, 0x07},             // NOP, window scale
                                     mptcpopt::mpCapable(1, mpcFlagsV1)});      // beyond the cut
    const int syn = scenario.add(cutTo(flow.syn(synOptions), snapLength));
    scenario.add(cutTo(flow.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)), snapLength));
    // 20 option bytes: exactly what the snapshot length keeps.
    scenario.add(
        cutTo(flow.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key)), snapLength));
    // NOP, NOP, timestamps, then a 22-byte DSS of which 8 bytes are kept.
    const Bytes dataOptions = concat({Bytes{0x01, 0x01, 0x08, 0x0a, 0, 0, 0, 2, 0, 0, 0, 1},
                                      linuxDataDss(v1ClientKey.idsn + 1, 1, 1000, v1ServerKey.idsn + 1)});
    const int data = scenario.add(cutTo(flow.ack(true, dataOptions, 1000), snapLength));

    const auto result = scenario.load("options_cut.pcap", snapLength);
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.packets, std::uint64_t(4));
    QCOMPARE(capture.tcpPackets, std::uint64_t(4));
    QCOMPARE(capture.tcp.size(), std::size_t(1));
    QCOMPARE(capture.table.length[row(data)], 1000u);
    QCOMPARE(capture.table.length[row(syn)], 0u);
    QCOMPARE(capture.tcp[0].stats(Direction::ClientToServer).payloadBytes, std::uint64_t(1000));
    QVERIFY2(anyWarningContains(capture, "cut by the snapshot length"), qPrintable(warningsText(capture)));
    QVERIFY(!capture.tcp[0].subflow.fellBack); // the SYN's MP_CAPABLE was cut, not absent
    // The SYN/ACK and third ACK were not cut: the connection and its keys are known.
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    QCOMPARE(capture.mptcp[0].client.key.value_or(0), v1ClientKey.key);
    // The data packet's DSS was cut away: no DSN is invented for it.
    QCOMPARE(capture.table.dsn[row(data)], PacketTable::noDsn);
}

void TestAssembler::fallback_data()
{
    QTest::addColumn<int>("version");
    QTest::addRow("v0: SYN with a key") << 0;
    QTest::addRow("v1: SYN without a key") << 1;
}

void TestAssembler::fallback()
{
    // RFC 8684 §3.1 (and RFC 6824): MP_CAPABLE on the SYN and none on the SYN/ACK means the
    // connection is plain TCP.
    QFETCH(int, version);
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    const Bytes synOption = version == 0 ? mptcpopt::mpCapable(0, mpcFlagsV0, v0WrapClientKey.key)
                                         : mptcpopt::mpCapable(1, mpcFlagsV1);
    scenario.add(flow.syn(synOption));
    const int synAck = scenario.add(flow.synAck({0x02, 0x04, 0x05, 0xb4}));
    scenario.add(flow.ack(true));
    scenario.add(flow.ack(true, {}, 200));
    scenario.add(flow.ack(false, {}, 300));

    const auto result = scenario.load("fallback.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.tcp.size(), std::size_t(1));
    QVERIFY(capture.tcp[0].subflow.fellBack);
    QCOMPARE(capture.tcp[0].stats(Direction::ClientToServer).payloadBytes, std::uint64_t(200));
    QCOMPARE(capture.tcp[0].stats(Direction::ServerToClient).payloadBytes, std::uint64_t(300));
    if (version == 0) {
        // The v0 SYN's key gave the connection a number (Wireshark does the same): the
        // fallback is an event on it.
        QCOMPARE(capture.mptcp.size(), std::size_t(1));
        QVERIFY(findEvent(capture.mptcp[0], synAck, core::EventKind::Fallback));
    } else {
        // A v1 SYN carries no key, so no connection exists: the fallback is reported.
        QVERIFY(capture.mptcp.empty());
        QVERIFY2(anyWarningContains(capture, "fallback"), qPrintable(warningsText(capture)));
    }
}

void TestAssembler::dataAfterMpFailFallback_data()
{
    QTest::addColumn<bool>("infiniteMapping");
    QTest::addRow("plain TCP right after MP_FAIL") << false;
    QTest::addRow("infinite mapping, repeated, then plain TCP") << true;
}

void TestAssembler::dataAfterMpFailFallback()
{
    // RFC 8684 §3.7: a DSS checksum fails, the receiver sends MP_FAIL, the sender echoes it
    // and the single subflow goes on as plain TCP, with or without an infinite mapping first.
    // What follows is still the connection's data, contiguous after the last mapped byte, in
    // both directions: the server, which has sent nothing yet, starts at its IDSN + 1.
    QFETCH(bool, infiniteMapping);
    const std::uint64_t clientIdsn = v1ClientKey.idsn;
    const std::uint64_t serverIdsn = v1ServerKey.idsn;
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    const Bytes mapping = linuxDataDss(clientIdsn + 1, 1, 2000, serverIdsn + 1);
    const int firstData = scenario.add(flow.ack(true, mapping, 1000));
    scenario.add(flow.ack(true, mapping, 1000));
    const int serverFail = scenario.add(
        flow.ack(false, concat({linuxAckDss(clientIdsn + 1), mptcpopt::mpFail(clientIdsn + 1)})));
    const int clientFail = scenario.add(
        flow.ack(true, concat({linuxAckDss(serverIdsn + 1), mptcpopt::mpFail(serverIdsn + 1)})));
    const Bytes infinite = linuxDataDss(clientIdsn + 2001, 2001, 0, serverIdsn + 1);
    const int fallbackData = scenario.add(flow.ack(true, infiniteMapping ? infinite : Bytes{}, 1000));
    const int moreData = scenario.add(flow.ack(true, infiniteMapping ? infinite : Bytes{}, 1000));
    const int plainData = scenario.add(flow.ack(true, {}, 1000));
    const int serverData = scenario.add(flow.ack(false, {}, 500));
    scenario.add(flow.fin(true));
    scenario.add(flow.fin(false));

    const auto result = scenario.load(infiniteMapping ? "mp_fail_infinite.pcap" : "mp_fail_plain.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(capture.table.dsn[row(fallbackData)], clientIdsn + 2001);
    QCOMPARE(capture.table.dsn[row(moreData)], clientIdsn + 3001);
    QCOMPARE(capture.table.dsn[row(plainData)], clientIdsn + 4001);
    QCOMPARE(capture.table.dsn[row(serverData)], serverIdsn + 1);
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));

    const auto& up = connection.stats(Direction::ClientToServer);
    const auto& down = connection.stats(Direction::ServerToClient);
    QCOMPARE(up.dataBytes, std::uint64_t(5000));
    QCOMPARE(down.dataBytes, std::uint64_t(500));
    QCOMPARE(up.firstDataNs, capture.table.timeNs[row(firstData)]);
    QCOMPARE(up.lastDataNs, capture.table.timeNs[row(plainData)]);
    QCOMPARE(up.goodputBps(), 8.0 * 5000 / (double(up.lastDataNs - up.firstDataNs) / 1e9));
    QCOMPARE(connection.subflowStats[0].firstCarriedBytes[0], std::uint64_t(5000));
    QCOMPARE(connection.dataShare(0, Direction::ClientToServer), 1.0);
    QCOMPARE(connection.dataShare(0, Direction::ServerToClient), 1.0);

    // The DSN chart places every data segment, the ones after the fallback included.
    const core::SequenceChartData chart = core::buildSequenceChart(capture, connection, Direction::ClientToServer);
    QCOMPARE(chart.subflows.size(), std::size_t(1));
    const std::vector<double> expectedY{1, 1001, 2001, 3001, 4001};
    QCOMPARE(chart.subflows[0].y, expectedY);
    QCOMPARE(chart.subflows[0].packet.back(), std::uint32_t(plainData));

    // Each MP_FAIL names the first DSN its sender did not accept, in its peer's data; the
    // fallback is one event, where the data leaves the mappings.
    const core::MptcpEvent* failEvent = findEvent(connection, serverFail, core::EventKind::MpFail);
    QVERIFY(failEvent);
    QCOMPARE(QString::fromStdString(failEvent->detail), QStringLiteral("relative DSN 1"));
    QVERIFY(findEvent(connection, clientFail, core::EventKind::MpFail));
    QCOMPARE(eventList(connection, {core::EventKind::Fallback}),
             QStringList{QStringLiteral("FALLBACK #%1 C>S").arg(fallbackData)});
}

QTEST_GUILESS_MAIN(TestAssembler)
#include "tst_assembler.moc"
