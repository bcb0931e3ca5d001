#include "crafted_scenario.h"
#include "packet_builder.h"

#include "load/loader.h"
#include "metrics/reinjections.h"
#include "model/capture.h"
#include "series/chart_data.h"

#include <QTest>

#include <cstdint>
#include <vector>

// Reinjections on crafted captures: a byte is reinjected when more than one subflow carries
// it, counted once; the original is the copy its subflow was first seen to have sent, whichever
// copy the capture saw first. Set MPTCPSCOPE_KEEP_TEST_CAPTURES=1 to keep the written files
// (e.g. for `tshark -o mptcp.analyze_mappings:TRUE -o mptcp.intersubflows_retransmission:TRUE`).
class TestReinjections : public QObject {
    Q_OBJECT
private slots:
    void reinjectionSplitAcrossPackets();
    void originalSplitAcrossPackets();
    void reinjectionOfAReinjection();
    void downstreamOfALoss_data();
    void downstreamOfALoss();
    void tailLossLeavesNoEvidence();
};

namespace {

using namespace testpkt;
using core::Direction;
using core::PacketTable;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr Host clientSecond{ipv4(10, 0, 1, 1), 40001};
constexpr Host clientThird{ipv4(10, 0, 2, 1), 40002};
constexpr std::uint64_t serverAck = v1ServerKey.idsn + 1;

std::uint64_t dsn(std::uint64_t relative) { return v1ClientKey.idsn + relative; }
std::size_t row(int packet) { return std::size_t(packet - 1); } // every frame here is TCP

// An MPTCP connection from `client` with its initial subflow and `joins` more.
struct Connection {
    Scenario scenario;
    TcpFlow initial;
    std::vector<TcpFlow> joins;

    explicit Connection(std::initializer_list<Host> joinHosts)
        : initial(scenario.flow(client, server, 1000, 2000))
    {
        v1Handshake(scenario, initial);
        std::uint8_t addressId = 1;
        std::uint32_t isn = 5000;
        for (const Host& host : joinHosts) {
            joins.push_back(scenario.flow(host, server, isn, isn + 1000));
            isn += 10000;
            TcpFlow& join = joins.back();
            joinHandshake(scenario, join, v1ServerKey.token, addressId++);
        }
    }

    // A client data segment on `flow` at the flow's next sequence number, mapped to `relativeDsn`.
    int data(TcpFlow& flow, std::uint64_t relativeDsn, std::uint16_t length, std::uint32_t subflowSeq)
    {
        return scenario.add(flow.ack(true, linuxDataDss(dsn(relativeDsn), subflowSeq, length, serverAck), length));
    }
};

std::vector<std::uint32_t> rows(std::initializer_list<int> packets)
{
    std::vector<std::uint32_t> result;
    for (const int p : packets)
        result.push_back(std::uint32_t(row(p)));
    return result;
}

std::vector<std::pair<std::uint32_t, std::uint32_t>> pairsOf(const core::Capture& capture, const core::Reinjection& r)
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> result;
    for (const auto& p : core::reinjectionPairs(capture.table, r))
        result.emplace_back(capture.table.packet[p.originalRow], capture.table.packet[p.reinjectionRow]);
    return result;
}

} // namespace

void TestReinjections::reinjectionSplitAcrossPackets()
{
    // 2000 bytes in one packet on the initial subflow, sent again as two packets on the join.
    Connection c({clientSecond});
    const int original = c.data(c.initial, 1, 2000, 1);
    const int firstHalf = c.data(c.joins[0], 1, 1000, 1);
    const int secondHalf = c.data(c.joins[0], 1001, 1000, 1001);

    const auto result = c.scenario.load("split_reinjection.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& m = capture.mptcp.front();
    QCOMPARE(m.stats(Direction::ClientToServer).dataBytes, std::uint64_t(2000));
    QCOMPARE(m.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(2000));
    QCOMPARE(m.reinjections.size(), std::size_t(1));
    const core::Reinjection& r = m.reinjections.front();
    QCOMPARE(r.dsnStart, dsn(1));
    QCOMPARE(r.dsnEnd, dsn(2001));
    QCOMPARE(r.originalStream, core::TcpStreamId(0));
    QCOMPARE(r.originalRows, rows({original}));
    QCOMPARE(r.reinjectionRows, rows({firstHalf, secondHalf}));
    QCOMPARE(r.originalSentRow, std::uint32_t(row(original)));
    const std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs{
        {std::uint32_t(original), std::uint32_t(firstHalf)}, {std::uint32_t(original), std::uint32_t(secondHalf)}};
    QCOMPARE(pairsOf(capture, r), pairs);
    QVERIFY(!(capture.table.marks[row(original)] & PacketTable::Reinjection));
    QVERIFY(capture.table.marks[row(firstHalf)] & PacketTable::Reinjection);
    QVERIFY(capture.table.marks[row(secondHalf)] & PacketTable::Reinjection);
    QCOMPARE(m.subflowStats[0].firstCarriedBytes[0], std::uint64_t(2000));
    QCOMPARE(m.subflowStats[1].firstCarriedBytes[0], std::uint64_t(0));

    const auto totals = core::reinjectionTotals(capture.table, m, Direction::ClientToServer);
    QCOMPARE(totals.count, 1u);
    QCOMPARE(totals.bytes, std::uint64_t(2000));
    QCOMPARE(totals.flows.size(), std::size_t(1));
    QCOMPARE(totals.flows[0].from, core::TcpStreamId(0));
    QCOMPARE(totals.flows[0].to, core::TcpStreamId(1));
    QCOMPARE(totals.flows[0].bytes, std::uint64_t(2000));
}

void TestReinjections::originalSplitAcrossPackets()
{
    // Two 1000-byte packets on the initial subflow, their data again in one packet on the join,
    // then a packet of new data on the join that is no reinjection.
    Connection c({clientSecond});
    const int first = c.data(c.initial, 1, 1000, 1);
    const int second = c.data(c.initial, 1001, 1000, 1001);
    const int both = c.data(c.joins[0], 1, 2000, 1);
    const int fresh = c.data(c.joins[0], 2001, 500, 2001);

    const auto result = c.scenario.load("split_original.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& m = capture.mptcp.front();
    QCOMPARE(m.stats(Direction::ClientToServer).dataBytes, std::uint64_t(2500));
    QCOMPARE(m.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(2000));
    QCOMPARE(m.reinjections.size(), std::size_t(1));
    const core::Reinjection& r = m.reinjections.front();
    QCOMPARE(r.bytes(), std::uint64_t(2000));
    QCOMPARE(r.originalRows, rows({first, second}));
    QCOMPARE(r.reinjectionRows, rows({both}));
    QVERIFY(!(capture.table.marks[row(fresh)] & PacketTable::Reinjection));
    QCOMPARE(m.subflowStats[0].firstCarriedBytes[0], std::uint64_t(2000));
    QCOMPARE(m.subflowStats[1].firstCarriedBytes[0], std::uint64_t(500));
}

void TestReinjections::reinjectionOfAReinjection()
{
    // 1000 bytes on the initial subflow, again on the first join, again on the second join,
    // and once more on the initial subflow at new subflow sequence numbers (an MPTCP-level
    // resend, not a TCP retransmission). Carried by three subflows, the bytes count once.
    Connection c({clientSecond, clientThird});
    const int original = c.data(c.initial, 1, 1000, 1);
    const int onJoin = c.data(c.joins[0], 1, 1000, 1);
    const int onSecondJoin = c.data(c.joins[1], 1, 1000, 1);
    const int backOnInitial = c.data(c.initial, 1, 1000, 1001);

    const auto result = c.scenario.load("reinjection_of_reinjection.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& m = capture.mptcp.front();
    QCOMPARE(m.stats(Direction::ClientToServer).dataBytes, std::uint64_t(1000));
    QCOMPARE(m.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(1000));
    QCOMPARE(m.reinjections.size(), std::size_t(1));
    const core::Reinjection& r = m.reinjections.front();
    QCOMPARE(r.originalStream, core::TcpStreamId(0));
    QCOMPARE(r.originalRows, rows({original}));
    QCOMPARE(r.reinjectionRows, rows({onJoin, onSecondJoin, backOnInitial}));
    QVERIFY(!(capture.table.marks[row(backOnInitial)] & PacketTable::Retransmission));
    for (const int p : {onJoin, onSecondJoin, backOnInitial})
        QVERIFY(capture.table.marks[row(p)] & PacketTable::Reinjection);
    QCOMPARE(m.subflowStats[0].firstCarriedBytes[0], std::uint64_t(1000));

    const auto totals = core::reinjectionTotals(capture.table, m, Direction::ClientToServer);
    QCOMPARE(totals.bytes, std::uint64_t(1000));
    QCOMPARE(totals.flows.size(), std::size_t(3)); // 0 → 0, 0 → 1, 0 → 2
    for (const auto& flow : totals.flows) {
        QCOMPARE(flow.from, core::TcpStreamId(0));
        QCOMPARE(flow.bytes, std::uint64_t(1000));
        QCOMPARE(flow.count, 1u);
    }
}

void TestReinjections::downstreamOfALoss_data()
{
    QTest::addColumn<bool>("originalCaptured");
    QTest::addRow("capture at the sender: the original is in it") << true;
    QTest::addRow("capture at the receiver: the original was lost before it") << false;
}

void TestReinjections::downstreamOfALoss()
{
    // The initial subflow sends 1000 bytes (lost on the way), then 1000 more; the sender
    // reinjects the first 1000 on the join; the lost segment's TCP retransmission comes last.
    // At the receiver the reinjection arrives before any copy of the original: the second
    // segment, which skipped over the lost one, shows the initial subflow had sent it first.
    QFETCH(bool, originalCaptured);
    Connection c({clientSecond});
    const std::uint32_t lostSeq = c.initial.clientNext();
    Frame lost = c.initial.ack(true, linuxDataDss(dsn(1), 1, 1000, serverAck), 1000);
    const int lostPacket = originalCaptured ? c.scenario.add(lost) : 0;
    const int after = c.data(c.initial, 1001, 1000, 1001);
    const int reinjection = c.data(c.joins[0], 1, 1000, 1);
    const int retransmission = c.scenario.add(c.scenario.segment(client, server, lostSeq, c.initial.serverNext(),
                                                                 tcpflag::Ack | tcpflag::Psh,
                                                                 linuxDataDss(dsn(1), 1, 1000, serverAck), 1000));

    const auto result = c.scenario.load(originalCaptured ? "loss_sender_side.pcap" : "loss_receiver_side.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& m = capture.mptcp.front();
    QCOMPARE(m.stats(Direction::ClientToServer).dataBytes, std::uint64_t(2000));
    QCOMPARE(m.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(1000));
    QCOMPARE(m.reinjections.size(), std::size_t(1));
    const core::Reinjection& r = m.reinjections.front();
    QCOMPARE(r.originalStream, core::TcpStreamId(0));
    QCOMPARE(r.reinjectionRows, rows({reinjection}));
    QCOMPARE(r.originalRows, originalCaptured ? rows({lostPacket, retransmission}) : rows({retransmission}));
    QCOMPARE(r.originalSentRow, std::uint32_t(row(originalCaptured ? lostPacket : after)));
    QVERIFY(capture.table.marks[row(retransmission)] & PacketTable::Retransmission);
    QVERIFY(!(capture.table.marks[row(retransmission)] & PacketTable::Reinjection));
    QVERIFY(capture.table.marks[row(reinjection)] & PacketTable::Reinjection);

    // The share is the original's at either end, also on the share chart.
    QCOMPARE(m.subflowStats[0].firstCarriedBytes[0], std::uint64_t(2000));
    QCOMPARE(m.subflowStats[1].firstCarriedBytes[0], std::uint64_t(0));
    const auto share = core::buildShareChart(capture, m, Direction::ClientToServer, 10);
    QCOMPARE(share.totals, (std::vector<std::uint64_t>{2000, 0}));
}

void TestReinjections::tailLossLeavesNoEvidence()
{
    // The lost segment is the initial subflow's last: nothing later on that subflow shows it was
    // sent before the reinjection, so at the receiver the first copy seen counts as the
    // original. The bytes still count as reinjected, once.
    Connection c({clientSecond});
    const int before = c.data(c.initial, 1, 1000, 1);
    const std::uint32_t lostSeq = c.initial.clientNext();
    c.initial.ack(true, linuxDataDss(dsn(1001), 1001, 1000, serverAck), 1000); // lost
    const int reinjection = c.data(c.joins[0], 1001, 1000, 1);
    const int retransmission = c.scenario.add(c.scenario.segment(client, server, lostSeq, c.initial.serverNext(),
                                                                 tcpflag::Ack | tcpflag::Psh,
                                                                 linuxDataDss(dsn(1001), 1001, 1000, serverAck), 1000));

    const auto result = c.scenario.load("tail_loss.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto& m = capture.mptcp.front();
    QCOMPARE(m.stats(Direction::ClientToServer).reinjectedBytes, std::uint64_t(1000));
    QCOMPARE(m.reinjections.size(), std::size_t(1));
    const core::Reinjection& r = m.reinjections.front();
    QCOMPARE(r.originalStream, core::TcpStreamId(1));
    QCOMPARE(r.originalRows, rows({reinjection}));
    QCOMPARE(r.reinjectionRows, rows({retransmission}));
    QVERIFY(!(capture.table.marks[row(before)] & PacketTable::Reinjection));
    QCOMPARE(m.subflowStats[0].firstCarriedBytes[0], std::uint64_t(1000));
    QCOMPARE(m.subflowStats[1].firstCarriedBytes[0], std::uint64_t(1000));
}

QTEST_GUILESS_MAIN(TestReinjections)
#include "tst_reinjections.moc"
