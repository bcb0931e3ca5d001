#include "crafted_scenario.h"
#include "packet_builder.h"

#include "load/loader.h"
#include "model/capture.h"
#include "model/event.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <array>
#include <cstdint>

// Crafted captures from a code review: each reproduces a case the assembler once got wrong.
// Each test writes its capture to a temporary directory, loads it with core::load and checks
// the model against what tshark 4.0.17 numbers (tcp.stream, mptcp.stream, retransmissions)
// and what RFC 6824 / RFC 8684 say the data-level figures are.
//
// Set MPTCPSCOPE_KEEP_TEST_CAPTURES=1 to keep the written files (their paths are printed),
// e.g. to compare with `tshark -r FILE -o mptcp.analyze_mappings:TRUE -T fields -e tcp.stream
// -e mptcp.stream`. Each test's comment says which tshark figures its assertions come from.
class TestReviewCases : public QObject {
    Q_OBJECT
private slots:
    void joinBeforeKeyV0();
    void serverInitiatedJoinBeforeKey_data();
    void serverInitiatedJoinBeforeKey();
    void retransmittedBytesWhenFirstDataBelowBase();
    void manyDiscontinuousMappings();
    void cutMptcpOptionStillNumbersAConnection();
    void unrelatedFlowIsNotAttached();
};

namespace {

using namespace testpkt;
using core::Direction;
using core::PacketTable;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr Host clientSecondAddress{ipv4(10, 0, 1, 1), 40001};

constexpr std::uint8_t mpcFlagsV0 = 0x01; // H: HMAC-SHA1, no checksum (so a DSS has no checksum field)

// The connection whose subflows include `stream`, or null.
const core::MptcpConnection* connectionOf(const core::Capture& capture, std::uint32_t stream)
{
    for (const auto& connection : capture.mptcp)
        if (std::find(connection.subflows.begin(), connection.subflows.end(), core::TcpStreamId(stream)) !=
            connection.subflows.end())
            return &connection;
    return nullptr;
}

const core::SubflowStats* subflowStatsOf(const core::MptcpConnection& connection, std::uint32_t stream)
{
    for (const auto& stats : connection.subflowStats)
        if (stats.stream.value == stream)
            return &stats;
    return nullptr;
}

QString mptcpIdText(const core::TcpConnection& tcp)
{
    return tcp.mptcp ? QString::number(tcp.mptcp->value) : QStringLiteral("none");
}

} // namespace

void TestReviewCases::joinBeforeKeyV0()
{
    // RFC 6824 (v0): the MP_CAPABLE SYN already carries the client's key. Here a join to the
    // server's token is captured first (tcp.stream 0), then the MP_CAPABLE handshake
    // (tcp.stream 1), then 100 bytes of client data on each subflow.
    //
    // tshark 4.0.17 on this capture (-o mptcp.analyze_mappings:TRUE): tcp.stream 0 is
    // mptcp.stream 0 throughout; on tcp.stream 1 the one pass shows mptcp.stream 1 on every
    // packet except the SYN/ACK (0, the join's number, from the server's token), and two
    // passes (-2) show 1 on all of them: the MP_CAPABLE subflow's number is 1. The client's
    // key gave it that number at the SYN, so the join's number is the one left unused when
    // both subflows become one connection.
    Scenario scenario;
    auto join = scenario.flow(clientSecondAddress, server, 5000, 6000);
    auto initial = scenario.flow(client, server, 1000, 2000);
    joinHandshake(scenario, join, v0ServerKey.token, 1);
    scenario.add(initial.syn(mptcpopt::mpCapable(0, mpcFlagsV0, v0ClientKey.key)));
    scenario.add(initial.synAck(mptcpopt::mpCapable(0, mpcFlagsV0, v0ServerKey.key)));
    scenario.add(initial.ack(true, mptcpopt::mpCapable(0, mpcFlagsV0, v0ClientKey.key, v0ServerKey.key)));
    scenario.add(initial.ack(true, linuxDataDss(v0ClientKey.idsn + 1, 1, 100, v0ServerKey.idsn + 1), 100));
    scenario.add(join.ack(true, linuxDataDss(v0ClientKey.idsn + 101, 1, 100, v0ServerKey.idsn + 1), 100));

    const auto result = scenario.load("join_before_key_v0.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    constexpr std::uint32_t joinStream = 0;
    constexpr std::uint32_t initialStream = 1;
    // Where we differ from tshark, on purpose: tshark ends this MP_CAPABLE subflow on number 1
    // and leaves the join alone on 0 (its token lookups send the subflow back and forth
    // between the two numbers as each key arrives). Both are one connection: we keep it whole,
    // under the number the join gave it first (0), and 1 stays unused.
    constexpr std::uint32_t tsharkInitialMptcpStream = 1;
    constexpr std::uint32_t ourMptcpId = 0;
    QCOMPARE(capture.tcp.size(), std::size_t(2));
    QCOMPARE(capture.tcp[joinStream].subflow.role, core::SubflowRole::Join);
    QCOMPARE(capture.tcp[initialStream].subflow.role, core::SubflowRole::Initial);

    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QVERIFY(!connection.unattached);
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QCOMPARE(connection.subflows[0].value, joinStream);
    QCOMPARE(connection.subflows[1].value, initialStream);
    QVERIFY2(capture.tcp[initialStream].mptcp.has_value() && capture.tcp[initialStream].mptcp->value == ourMptcpId,
             qPrintable(QStringLiteral("tcp.stream 1 has mptcp %1").arg(mptcpIdText(capture.tcp[initialStream]))));
    QCOMPARE(connection.id.value, ourMptcpId);
    QVERIFY(ourMptcpId != tsharkInitialMptcpStream);

    QCOMPARE(int(connection.version.value_or(255)), 0);
    QCOMPARE(connection.client.key.value_or(0), v0ClientKey.key);
    QCOMPARE(connection.client.token, v0ClientKey.token);
    QCOMPARE(connection.client.idsn, v0ClientKey.idsn);
    QCOMPARE(connection.server.key.value_or(0), v0ServerKey.key);
    QCOMPARE(connection.server.token, v0ServerKey.token);
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(200));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QCOMPARE(connection.stats(Direction::ServerToClient).dataBytes, std::uint64_t(0));
}

void TestReviewCases::serverInitiatedJoinBeforeKey_data()
{
    QTest::addColumn<int>("version");
    QTest::addRow("v0: client key on the SYN") << 0;
    QTest::addRow("v1: client key on the third ACK") << 1;
}

void TestReviewCases::serverInitiatedJoinBeforeKey()
{
    // RFC 8684 §3.2: either host may open a subflow. The MPTCP server opens one to the client's
    // second address with the CLIENT's token, and that join is captured before the MP_CAPABLE
    // handshake. The join's TCP client is the MPTCP server, so the client's data on it travels
    // from its TCP server to its TCP client. The client's key is the one sent by the initial
    // subflow's TCP client: on the SYN in v0, on the third ACK (sender key) in v1.
    //
    // tshark 4.0.17 numbering (one pass and -2 agree): v0, both tcp.streams are mptcp.stream 0
    // (the SYN's client key finds the join's token); v1, the join is mptcp.stream 0 and the
    // MP_CAPABLE subflow mptcp.stream 1 (the SYN/ACK's server key gives it a number before the
    // third ACK's client key could find the join). We keep the connection whole under the
    // join's number, 0, as in joinBeforeKeyV0. Data (RFC 8684): 300 bytes client to server (200 on the initial
    // subflow, 100 on the join, sent there by its TCP server), 100 bytes server to client (60
    // and 40). tshark's v0 relative DSNs agree: 1 (200 bytes) and 201 (100 bytes, on the join)
    // client to server, 1 (60) and 61 (40) server to client.
    QFETCH(int, version);
    const Key clientKey = version == 0 ? v0ClientKey : v1ClientKey;
    const Key serverKey = version == 0 ? v0ServerKey : v1ServerKey;
    const std::uint8_t flags = version == 0 ? mpcFlagsV0 : mpcFlagsV1;
    Scenario scenario;
    const Host serverSide{server.address, 41000};
    const Host clientListener{clientSecondAddress.address, 5201};
    auto join = scenario.flow(serverSide, clientListener, 7000, 8000);
    auto initial = scenario.flow(client, server, 1000, 2000);
    scenario.add(join.syn(mptcpopt::mpJoinSyn(false, 0, clientKey.token, 0x01020304)));
    scenario.add(join.synAck(mptcpopt::mpJoinSynAck(false, 2, 0x1122334455667788ull, 0x0a0b0c0d)));
    scenario.add(join.ack(true, mptcpopt::mpJoinAck()));
    scenario.add(
        initial.syn(version == 0 ? mptcpopt::mpCapable(0, flags, clientKey.key) : mptcpopt::mpCapable(1, flags)));
    scenario.add(initial.synAck(mptcpopt::mpCapable(std::uint8_t(version), flags, serverKey.key)));
    scenario.add(initial.ack(true, mptcpopt::mpCapable(std::uint8_t(version), flags, clientKey.key, serverKey.key)));
    const std::uint64_t c = clientKey.idsn; // client-to-server data starts at c + 1
    const std::uint64_t s = serverKey.idsn;
    scenario.add(initial.ack(true, linuxDataDss(c + 1, 1, 200, s + 1), 200));
    scenario.add(initial.ack(false, linuxDataDss(s + 1, 1, 60, c + 201), 60));
    // On the join, the MPTCP client is the TCP server (fromClient == false).
    scenario.add(join.ack(false, linuxDataDss(c + 201, 1, 100, s + 61), 100));
    scenario.add(join.ack(true, linuxDataDss(s + 61, 1, 40, c + 301), 40));

    const auto result = scenario.load(QStringLiteral("server_initiated_join_before_key_v%1.pcap").arg(version));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;

    constexpr std::uint32_t joinStream = 0;
    constexpr std::uint32_t initialStream = 1;
    QCOMPARE(capture.tcp.size(), std::size_t(2));
    QCOMPARE(capture.tcp[initialStream].client.address, core::IpAddress::v4(client.address));

    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    // tshark numbers the MP_CAPABLE subflow 0 with v0 (its key finds the join's token) but 1
    // with v1 (it numbers at the SYN/ACK, whose server key is new to it), leaving the join
    // alone on 0. We keep the connection whole under the join's number, 0, in both cases.
    const std::uint32_t tsharkInitialMptcpStream = version == 0 ? 0 : 1;
    constexpr std::uint32_t ourMptcpId = 0;
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QCOMPARE(connection.id.value, ourMptcpId);
    QCOMPARE(capture.tcp[initialStream].mptcp.value_or(core::MptcpId()).value, ourMptcpId);
    QVERIFY(version == 0 ? ourMptcpId == tsharkInitialMptcpStream : ourMptcpId != tsharkInitialMptcpStream);
    QCOMPARE(capture.tcp[joinStream].mptcp.value_or(core::MptcpId()).value, connection.id.value);

    QCOMPARE(int(connection.version.value_or(255)), version);
    QCOMPARE(connection.client.key.value_or(0), clientKey.key);
    QCOMPARE(connection.client.token, clientKey.token);
    QCOMPARE(connection.client.idsn, clientKey.idsn);
    QCOMPARE(connection.server.key.value_or(0), serverKey.key);
    QCOMPARE(connection.server.token, serverKey.token);

    const core::SubflowStats* joinStats = subflowStatsOf(connection, joinStream);
    const core::SubflowStats* initialStats = subflowStatsOf(connection, initialStream);
    QVERIFY(joinStats && initialStats);
    QVERIFY(joinStats->reversed);
    QVERIFY(!initialStats->reversed);

    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes, std::uint64_t(300));
    QCOMPARE(connection.stats(Direction::ServerToClient).dataBytes, std::uint64_t(100));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QCOMPARE(connection.stats(Direction::ServerToClient).reinjectedBytes, std::uint64_t(0));
    QCOMPARE(initialStats->firstCarriedBytes[index(Direction::ClientToServer)], std::uint64_t(200));
    QCOMPARE(joinStats->firstCarriedBytes[index(Direction::ClientToServer)], std::uint64_t(100));
    QCOMPARE(initialStats->firstCarriedBytes[index(Direction::ServerToClient)], std::uint64_t(60));
    QCOMPARE(joinStats->firstCarriedBytes[index(Direction::ServerToClient)], std::uint64_t(40));
}

void TestReviewCases::retransmittedBytesWhenFirstDataBelowBase()
{
    // A capture that starts mid-connection: 10.0.0.2 acknowledges up to 1000, then 10.0.0.1
    // sends 100 bytes at 600 (already acknowledged), then five new 100-byte segments from 1000.
    //
    // tshark 4.0.17: all seven packets are tcp.stream 0; tcp.analysis.retransmission is set on
    // packet 2 only (also tcp.analysis.spurious_retransmission), so 100 bytes are retransmitted.
    Scenario scenario;
    const Host a{ipv4(10, 0, 0, 1), 1000};
    const Host b{ipv4(10, 0, 0, 2), 80};
    scenario.add(scenario.segment(b, a, 500, 1000, tcpflag::Ack));
    scenario.add(scenario.segment(a, b, 600, 501, tcpflag::Ack | tcpflag::Psh, {}, 100));
    for (std::uint32_t k = 0; k < 5; ++k)
        scenario.add(scenario.segment(a, b, 1000 + 100 * k, 501, tcpflag::Ack | tcpflag::Psh, {}, 100));

    const auto result = scenario.load("retransmission_below_base.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.tcp.size(), std::size_t(1));
    const core::TcpConnection& tcp = capture.tcp[0];
    // Without a SYN, the first packet's source is the TCP client (Wireshark's rule).
    const Direction fromA = tcp.client.address == core::IpAddress::v4(a.address) ? Direction::ClientToServer
                                                                                 : Direction::ServerToClient;
    QCOMPARE(tcp.stats(fromA).payloadBytes, std::uint64_t(600));
    QCOMPARE(tcp.stats(fromA).retransmittedBytes, std::uint64_t(100));
    QCOMPARE(tcp.stats(opposite(fromA)).retransmittedBytes, std::uint64_t(0));
    for (std::size_t row = 0; row < capture.table.size(); ++row)
        QCOMPARE(bool(capture.table.marks[row] & PacketTable::Retransmission), row == 1);
}

void TestReviewCases::manyDiscontinuousMappings()
{
    // 5000 data segments of 100 bytes on each of two subflows, the data sent round-robin in
    // bursts: each subflow's mappings jump over what the other one carried, so no two of them
    // are contiguous. In every ten segments of a subflow, the ninth carries a mapping of 200
    // bytes and the tenth carries no DSS option at all (RFC 8684 §3.3.1: the earlier mapping
    // covers it).
    //
    // tshark 4.0.17 (-o mptcp.analyze_mappings:TRUE): 10000 data packets, 1000000 payload bytes,
    // all mptcp.stream 0; the 9000 mappings (mptcp.dss.dsn, tcp.options.mptcp.datalvllen)
    // cover relative DSNs 1-1000000 exactly once, no two in a row on a subflow are contiguous,
    // and no packet has mptcp.dss.missing_mapping or a tcp.analysis flag.
    constexpr int segmentsPerSubflow = 5000;
    constexpr std::uint16_t segmentLength = 100;
    Scenario scenario;
    auto initial = scenario.flow(client, server, 1000, 2000);
    auto join = scenario.flow(clientSecondAddress, server, 5000, 6000);
    v1Handshake(scenario, initial);
    joinHandshake(scenario, join, v1ServerKey.token, 1);

    struct Subflow {
        TcpFlow* flow;
        std::uint32_t isn;
        int sent = 0;
    };
    std::array<Subflow, 2> subflows{Subflow{&initial, 1000}, Subflow{&join, 5000}};
    std::uint64_t nextDsn = v1ClientKey.idsn + 1;
    const std::uint64_t dataAck = v1ServerKey.idsn + 1;
    for (std::size_t turn = 0; subflows[0].sent < segmentsPerSubflow || subflows[1].sent < segmentsPerSubflow; ++turn) {
        Subflow& subflow = subflows[turn % 2];
        if (subflow.sent >= segmentsPerSubflow)
            continue;
        const bool pair = subflow.sent % 10 == 8; // this segment and the next, one mapping
        const std::uint16_t mapped = pair ? 2 * segmentLength : segmentLength;
        const std::uint32_t subflowSeq = subflow.flow->clientNext() - subflow.isn;
        scenario.add(subflow.flow->ack(true, linuxDataDss(nextDsn, subflowSeq, mapped, dataAck), segmentLength));
        if (pair)
            scenario.add(subflow.flow->ack(true, {}, segmentLength));
        subflow.sent += pair ? 2 : 1;
        nextDsn += mapped;
    }
    QCOMPARE(nextDsn - v1ClientKey.idsn - 1, std::uint64_t(2 * segmentsPerSubflow * segmentLength));

    const auto result = scenario.load("many_discontinuous_mappings.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const core::MptcpConnection& connection = capture.mptcp[0];
    QCOMPARE(connection.subflows.size(), std::size_t(2));
    QCOMPARE(connection.stats(Direction::ClientToServer).dataBytes,
             std::uint64_t(2 * segmentsPerSubflow * segmentLength));
    QCOMPARE(connection.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(0));
    QVERIFY2(!anyWarningContains(capture, "without a DSS mapping"), qPrintable(warningsText(capture)));
    std::size_t withoutDsn = 0;
    for (std::size_t row = 0; row < capture.table.size(); ++row)
        if (capture.table.length[row] > 0 && capture.table.dsn[row] == PacketTable::noDsn)
            ++withoutDsn;
    QCOMPARE(withoutDsn, std::size_t(0));
}

void TestReviewCases::cutMptcpOptionStillNumbersAConnection()
{
    // The first packet is a data segment of a subflow whose handshake is not in the capture;
    // the snapshot length keeps only 6 bytes of its DSS option (kind, length, subtype, flags
    // and two bytes of the Data ACK). Then a v1 MP_CAPABLE connection on another 4-tuple.
    //
    // tshark 4.0.17: tcp.stream 0 shows no mptcp.stream (the option is cut), but it used up
    // number 0: the MP_CAPABLE connection (tcp.stream 1) is mptcp.stream 1 from its SYN/ACK on.
    Scenario scenario;
    const Host orphanClient{ipv4(10, 9, 9, 9), 4444};
    const Host orphanServer{ipv4(10, 8, 8, 8), 443};
    mptcpopt::DssFields orphanDss;
    orphanDss.dataAck = 5;
    orphanDss.mapping = mptcpopt::DssMapping{123, false, 1, 100};
    constexpr std::size_t keptBytes = 14 + 20 + 20 + 6; // Ethernet, IPv4, TCP, 6 option bytes
    scenario.add(cutTo(scenario.segment(orphanClient, orphanServer, 1000, 77, tcpflag::Ack | tcpflag::Psh,
                                        mptcpopt::dss(orphanDss), 100),
                       keptBytes));
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    scenario.add(flow.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 100, v1ServerKey.idsn + 1), 100));

    const auto result = scenario.load("cut_mptcp_option.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.tcp.size(), std::size_t(2));
    QVERIFY2(anyWarningContains(capture, "cut by the snapshot length"), qPrintable(warningsText(capture)));

    QVERIFY2(capture.tcp[1].mptcp.has_value() && capture.tcp[1].mptcp->value == 1u,
             qPrintable(QStringLiteral("tcp.stream 1 has mptcp %1, tshark 1").arg(mptcpIdText(capture.tcp[1]))));
    const core::MptcpConnection* connection = capture.findMptcp(core::MptcpId(1));
    QVERIFY(connection);
    QCOMPARE(connection->subflows.size(), std::size_t(1));
    QCOMPARE(connection->subflows[0].value, 1u);
    QCOMPARE(connection->client.key.value_or(0), v1ClientKey.key);
    QCOMPARE(connection->stats(Direction::ClientToServer).dataBytes, std::uint64_t(100));
    // tshark shows no number on tcp.stream 0; if the model gives it one, it is the one tshark
    // used up, never the MP_CAPABLE connection's.
    if (capture.tcp[0].mptcp)
        QCOMPARE(capture.tcp[0].mptcp->value, 0u);
    for (const auto& other : capture.mptcp)
        QVERIFY(other.id.value <= 1u);
}

void TestReviewCases::unrelatedFlowIsNotAttached()
{
    // A keyed connection between 10.0.0.1 and 10.0.0.2, then a subflow 192.168.9.9:4444 →
    // 172.16.0.1:443 whose handshake is not in the capture, with 8-octet DSNs that happen to
    // fall 5 MB past the connection's client IDSN. It shares no address and no port with the
    // connection, so nothing proves it belongs there: it keeps its own, unattached entry.
    //
    // tshark 4.0.17: tcp.stream 0 is mptcp.stream 0, tcp.stream 1 is mptcp.stream 1.
    Scenario scenario;
    auto flow = scenario.flow(client, server, 1000, 2000);
    v1Handshake(scenario, flow);
    scenario.add(flow.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 100, v1ServerKey.idsn + 1), 100));

    const Host stranger{ipv4(192, 168, 9, 9), 4444};
    const Host strangerPeer{ipv4(172, 16, 0, 1), 443};
    for (std::uint32_t k = 0; k < 3; ++k) {
        mptcpopt::DssFields fields;
        fields.mapping = mptcpopt::DssMapping{v1ClientKey.idsn + 5'000'000 + 1400 * k, true, 1 + 1400 * k, 1400};
        scenario.add(scenario.segment(stranger, strangerPeer, 1000 + 1400 * k, 77, tcpflag::Ack | tcpflag::Psh,
                                      mptcpopt::dss(fields), 1400));
    }

    const auto result = scenario.load("unrelated_flow.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.tcp.size(), std::size_t(2));

    const core::MptcpConnection* keyed = connectionOf(capture, 0);
    const core::MptcpConnection* strangers = connectionOf(capture, 1);
    QVERIFY(keyed && strangers);
    QVERIFY2(keyed != strangers, "the unrelated subflow was attached to the keyed connection");
    QCOMPARE(keyed->id.value, 0u);
    QCOMPARE(strangers->id.value, 1u);
    QCOMPARE(capture.tcp[1].mptcp.value_or(core::MptcpId()).value, 1u);
    QVERIFY(!keyed->unattached);
    QVERIFY(strangers->unattached);
    QCOMPARE(keyed->subflows.size(), std::size_t(1));
    QCOMPARE(keyed->stats(Direction::ClientToServer).dataBytes, std::uint64_t(100));
}

QTEST_GUILESS_MAIN(TestReviewCases)
#include "tst_review_cases.moc"
