#include "crafted_scenario.h"
#include "packet_builder.h"
#include "test_data.h"

#include "load/loader.h"
#include "model/capture.h"
#include "series/rtt_chart.h"
#include "series/tcp_attribute_chart.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <vector>

// Round-trip times per connection and direction (core/metrics/rtt): crafted captures for the
// rules (a sequence-number wrap, SACK, Karn's rule and the timestamps that lift it, partial
// acknowledgements), and every sample of every capture against tshark's tcp.analysis.ack_rtt
// (tests/data/ack_rtt/, written by tests/oracle/ack_rtt.sh): equal where both time the same
// segment to the same ACK, each other difference named and checked.
class TestRtt : public QObject {
    Q_OBJECT
private slots:
    void sampleAcrossSequenceWrap();
    void sackTimesSegmentsAfterAHole_data();
    void sackTimesSegmentsAfterAHole();
    void partialAckTimesASuperSegmentOnce();
    void summaryIsNearestRank_data();
    void summaryIsNearestRank();
    void chartsShowTheSamples();
    void matchesTsharkAckRtt_data();
    void matchesTsharkAckRtt();
};

namespace {

using namespace testpkt;
using core::Direction;
using core::PacketTable;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t t0 = 1'700'000'000'000'000'000;

Bytes timestampOption(std::uint32_t tsval, std::uint32_t tsecr)
{
    Bytes option{1, 1, 8, 10}; // NOP NOP TS
    put32(option, tsval);
    put32(option, tsecr);
    return option;
}

Bytes sackOption(const std::vector<std::pair<std::uint32_t, std::uint32_t>>& blocks)
{
    Bytes option{1, 1, 5, std::uint8_t(2 + 8 * blocks.size())};
    for (const auto& [left, right] : blocks) {
        put32(option, left);
        put32(option, right);
    }
    return option;
}

// A frame at a chosen time.
Frame at(Frame frame, std::int64_t timeNs)
{
    frame.timeNs = timeNs;
    return frame;
}

std::int64_t rttOf(const core::Capture& capture, const core::RttSample& s)
{
    return capture.table.timeNs[s.ackRow] - capture.table.timeNs[s.segmentRow];
}

// (segment frame → (ack frame, rtt)) for one connection and sender.
std::map<std::uint32_t, std::pair<std::uint32_t, std::int64_t>> samplesByFrame(const core::Capture& capture,
                                                                               std::uint32_t stream, Direction sender)
{
    std::map<std::uint32_t, std::pair<std::uint32_t, std::int64_t>> result;
    for (const auto& s : capture.rttSamplesOf(core::TcpStreamId(stream), sender))
        result[capture.table.packet[s.segmentRow]] = {capture.table.packet[s.ackRow], rttOf(capture, s)};
    return result;
}

} // namespace

void TestRtt::sampleAcrossSequenceWrap()
{
    // The client's sequence numbers pass 2^32 in the middle of its data; every segment is
    // acknowledged on its own, 7 ms + k × 1 ms after it was sent.
    Scenario scenario;
    const std::uint32_t isn = 0xffffffffu - 2500;
    const std::uint32_t serverIsn = 5000;
    const int syn = scenario.add(at(scenario.segment(client, server, isn, 0, tcpflag::Syn), t0));
    const int synAck = scenario.add(
        at(scenario.segment(server, client, serverIsn, isn + 1, tcpflag::Syn | tcpflag::Ack), t0 + 20 * ms));
    scenario.add(at(scenario.segment(client, server, isn + 1, serverIsn + 1, tcpflag::Ack), t0 + 21 * ms));
    constexpr std::uint32_t length = 1000;
    std::vector<int> data;
    std::vector<int> acks;
    for (std::uint32_t k = 0; k < 5; ++k) {
        const std::uint32_t seq = isn + 1 + k * length;
        const std::int64_t sent = t0 + 30 * ms + std::int64_t(k) * 10 * ms;
        data.push_back(scenario.add(
            at(scenario.segment(client, server, seq, serverIsn + 1, tcpflag::Ack | tcpflag::Psh, {}, length), sent)));
        acks.push_back(scenario.add(at(scenario.segment(server, client, serverIsn + 1, seq + length, tcpflag::Ack),
                                       sent + 7 * ms + std::int64_t(k) * ms)));
    }
    QVERIFY(isn + 1 + 5 * length < isn); // the sequence numbers do wrap

    const auto result = scenario.load(QStringLiteral("rtt_wrap.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.tcp.size(), std::size_t(1));
    const auto samples = samplesByFrame(capture, 0, Direction::ClientToServer);
    QCOMPARE(samples.size(), std::size_t(6)); // the SYN and five segments
    QCOMPARE(samples.at(std::uint32_t(syn)).first, std::uint32_t(synAck));
    QCOMPARE(samples.at(std::uint32_t(syn)).second, 20 * ms);
    for (std::size_t k = 0; k < data.size(); ++k) {
        const auto& [ackFrame, rtt] = samples.at(std::uint32_t(data[k]));
        QCOMPARE(ackFrame, std::uint32_t(acks[k]));
        QCOMPARE(rtt, 7 * ms + std::int64_t(k) * ms);
        const auto ackRow = *capture.rowOf(core::PacketNumber(std::uint32_t(acks[k])));
        QCOMPARE(capture.table.relativeAck[ackRow], 1 + std::uint32_t(k + 1) * length);
    }
    const core::RttSummary& rtt = capture.tcp[0].stats(Direction::ClientToServer).rtt;
    QCOMPARE(rtt.samples, 6u);
    QCOMPARE(rtt.minNs, 7 * ms);
    QCOMPARE(rtt.maxNs, 20 * ms);
    QCOMPARE(rtt.medianNs, 9 * ms); // nearest rank: the 3rd of 7, 8, 9, 10, 11, 20 ms
    QCOMPARE(rtt.p95Ns, 20 * ms);
    // The server sent its SYN/ACK only: one sample, to the client's ACK.
    QCOMPARE(capture.tcp[0].stats(Direction::ServerToClient).rtt.samples, 1u);
    QCOMPARE(capture.tcp[0].stats(Direction::ServerToClient).rtt.minNs, 1 * ms);
}

void TestRtt::sackTimesSegmentsAfterAHole_data()
{
    QTest::addColumn<bool>("timestamps");
    QTest::addColumn<bool>("spurious"); // the original arrived after all; the ACK echoes it
    QTest::addRow("no timestamps: Karn") << false << false;
    QTest::addRow("timestamps name the retransmission") << true << false;
    QTest::addRow("timestamps name the original") << true << true;
}

void TestRtt::sackTimesSegmentsAfterAHole()
{
    // Four segments; the second is lost. The receiver acknowledges the first, then SACKs the
    // third and fourth; the second is sent again and the cumulative ACK covers everything.
    QFETCH(bool, timestamps);
    QFETCH(bool, spurious);
    Scenario scenario;
    const std::uint32_t isn = 100000;
    const std::uint32_t peer = 900000;
    constexpr std::uint32_t mss = 1000;
    const auto options = [timestamps](std::uint32_t tsval, std::uint32_t tsecr, Bytes more = {}) {
        Bytes all = timestamps ? timestampOption(tsval, tsecr) : Bytes{};
        append(all, more);
        return all;
    };
    const auto data = [&](int k, std::int64_t time, std::uint32_t tsval) {
        return scenario.add(at(
            scenario.segment(client, server, isn + std::uint32_t(k) * mss, peer, tcpflag::Ack, options(tsval, 1), mss),
            time));
    };
    const auto ack = [&](std::uint32_t ackNo, std::int64_t time, std::uint32_t tsecr, Bytes sack = {}) {
        return scenario.add(
            at(scenario.segment(server, client, peer, ackNo, tcpflag::Ack, options(1, tsecr, std::move(sack))), time));
    };
    const int s1 = data(0, t0, 10);
    const int s2 = data(1, t0 + 1 * ms, 11);
    const int s3 = data(2, t0 + 2 * ms, 12);
    const int s4 = data(3, t0 + 3 * ms, 13);
    const int a1 = ack(isn + mss, t0 + 40 * ms, 10);
    const int a2 = ack(isn + mss, t0 + 42 * ms, 10, sackOption({{isn + 2 * mss, isn + 3 * mss}}));
    const int a3 = ack(isn + mss, t0 + 43 * ms, 10, sackOption({{isn + 2 * mss, isn + 4 * mss}}));
    const int resent = data(1, t0 + 50 * ms, 60);
    const int a4 = ack(isn + 4 * mss, t0 + 95 * ms, spurious ? 11 : 60);

    const auto result = scenario.load(QStringLiteral("rtt_sack.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const auto samples = samplesByFrame(capture, 0, Direction::ClientToServer);
    using Expected = std::pair<std::uint32_t, std::int64_t>;
    QCOMPARE(samples.at(std::uint32_t(s1)), Expected(std::uint32_t(a1), 40 * ms));
    QCOMPARE(samples.at(std::uint32_t(s3)), Expected(std::uint32_t(a2), 40 * ms)); // SACKed, not 93 ms
    QCOMPARE(samples.at(std::uint32_t(s4)), Expected(std::uint32_t(a3), 40 * ms));
    if (!timestamps) {
        QCOMPARE(samples.size(), std::size_t(3));
        QVERIFY(!samples.count(std::uint32_t(s2)) && !samples.count(std::uint32_t(resent)));
    } else if (!spurious) {
        QCOMPARE(samples.size(), std::size_t(4));
        QCOMPARE(samples.at(std::uint32_t(resent)), Expected(std::uint32_t(a4), 45 * ms));
    } else {
        QCOMPARE(samples.size(), std::size_t(4));
        QCOMPARE(samples.at(std::uint32_t(s2)), Expected(std::uint32_t(a4), 94 * ms));
    }
}

void TestRtt::partialAckTimesASuperSegmentOnce()
{
    // A 3000-byte GSO super-segment, acknowledged 1000 bytes at a time: its first bytes
    // arrived after one round trip, which the first ACK measures; the later ACKs add nothing.
    Scenario scenario;
    const std::uint32_t isn = 7;
    const int big = scenario.add(at(scenario.segment(client, server, isn, 1, tcpflag::Ack, {}, 3000), t0));
    const int first = scenario.add(at(scenario.segment(server, client, 1, isn + 1000, tcpflag::Ack), t0 + 30 * ms));
    scenario.add(at(scenario.segment(server, client, 1, isn + 2000, tcpflag::Ack), t0 + 31 * ms));
    scenario.add(at(scenario.segment(server, client, 1, isn + 3000, tcpflag::Ack), t0 + 32 * ms));
    const auto result = scenario.load(QStringLiteral("rtt_partial.pcap"));
    QVERIFY2(result.ok(), result.error.c_str());
    const auto samples = samplesByFrame(*result.capture, 0, Direction::ClientToServer);
    QCOMPARE(samples.size(), std::size_t(1));
    QCOMPARE(samples.at(std::uint32_t(big)), std::make_pair(std::uint32_t(first), 30 * ms));
}

void TestRtt::summaryIsNearestRank_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestRtt::summaryIsNearestRank()
{
    QFETCH(QString, path);
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    std::size_t total = 0;
    for (const auto& tcp : capture.tcp) {
        for (const auto sender : {Direction::ClientToServer, Direction::ServerToClient}) {
            const core::RttSummary& summary = tcp.stats(sender).rtt;
            std::vector<std::int64_t> rtts;
            for (const auto& s : capture.rttSamplesOf(tcp.stream, sender)) {
                QCOMPARE(capture.table.stream[s.segmentRow], tcp.stream.value);
                QCOMPARE(capture.table.stream[s.ackRow], tcp.stream.value);
                QVERIFY(capture.table.tcpDirection(s.segmentRow) == sender);
                QVERIFY(capture.table.tcpDirection(s.ackRow) == core::opposite(sender));
                QVERIFY(s.ackRow > s.segmentRow);
                rtts.push_back(rttOf(capture, s));
            }
            total += rtts.size();
            QCOMPARE(std::size_t(summary.samples), rtts.size());
            if (rtts.empty())
                continue;
            std::sort(rtts.begin(), rtts.end());
            const auto rank = [&rtts](std::size_t percent) {
                const std::size_t r = (rtts.size() * percent + 99) / 100; // ceil(n × p), 1-based
                return rtts[r - 1];
            };
            QCOMPARE(summary.minNs, rtts.front());
            QCOMPARE(summary.maxNs, rtts.back());
            QCOMPARE(summary.medianNs, rank(50));
            QCOMPARE(summary.p95Ns, rank(95));
        }
    }
    QCOMPARE(total, capture.rttSamples.size());
}

void TestRtt::chartsShowTheSamples()
{
    const auto result = core::load(
        QString(testdata::samplesDir() + QStringLiteral("/d_loss_delay_reinjections.pcap")).toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const PacketTable& table = capture.table;
    const core::MptcpConnection& connection = capture.mptcp.front();

    // Round-trip time: every sample of each subflow's sender of that direction, at its send time.
    for (const auto direction : {Direction::ClientToServer, Direction::ServerToClient}) {
        const auto chart = core::buildRttChart(capture, connection, direction);
        QCOMPARE(chart.subflows.size(), connection.subflowStats.size());
        for (std::size_t s = 0; s < chart.subflows.size(); ++s) {
            const auto& stats = connection.subflowStats[s];
            const auto sender = stats.reversed ? core::opposite(direction) : direction;
            const auto samples = samplesByFrame(capture, stats.stream.value, sender);
            const auto& series = chart.subflows[s];
            QCOMPARE(series.size(), samples.size());
            QVERIFY(std::is_sorted(series.x.begin(), series.x.end()));
            for (std::size_t i = 0; i < series.size(); ++i) {
                const auto& [ackFrame, rtt] = samples.at(series.packet[i]);
                QCOMPARE(qint64(std::llround(series.y[i] * 1e9)), qint64(rtt));
                QCOMPARE(series.x[i],
                         capture.relativeSeconds(table.timeNs[*capture.rowOf(core::PacketNumber(series.packet[i]))]));
            }
        }
    }

    // TCP attributes of one subflow: a point per segment, windows scaled by the handshake's
    // shift, never a negative number of bytes in flight.
    const core::TcpStreamId stream = connection.subflowStats.front().stream;
    const auto attributes = core::buildTcpAttributeChart(capture, stream, Direction::ClientToServer);
    std::size_t segments = 0;
    std::size_t acks = 0;
    for (std::size_t r = 0; r < table.size(); ++r) {
        if (table.stream[r] != stream.value)
            continue;
        if (table.tcpDirection(r) == Direction::ClientToServer)
            segments += table.length[r] > 0 || (table.tcpFlags[r] & (tcpflag::Syn | tcpflag::Fin));
        else
            acks += (table.tcpFlags[r] & tcpflag::Ack) != 0;
    }
    QCOMPARE(attributes.sequence.size(), segments);
    const int shift = capture.tcp[stream.value].stats(Direction::ServerToClient).windowScale;
    QVERIFY(shift > 0 && attributes.windowScaleKnown);
    const auto& window = attributes.receiveWindow;
    std::size_t windowPackets = 0;
    for (std::size_t i = 0; i < window.size(); ++i) {
        if (i + 1 < window.size() && window.packet[i + 1] == window.packet[i])
            continue; // the corner of a step: the value before this packet
        ++windowPackets;
        const std::size_t r = *capture.rowOf(core::PacketNumber(window.packet[i]));
        const int applied = (table.tcpFlags[r] & tcpflag::Syn) ? 0 : shift;
        QCOMPARE(window.y[i], double(std::uint64_t(table.window[r]) << applied));
    }
    QCOMPARE(windowPackets, acks);
    for (const double bytes : attributes.inFlight.y)
        QVERIFY(bytes >= 0);
    QVERIFY(attributes.maxBytes > 0);
}

void TestRtt::matchesTsharkAckRtt_data() { summaryIsNearestRank_data(); }

void TestRtt::matchesTsharkAckRtt()
{
    QFETCH(QString, path);
    const QString name = QFileInfo(path).fileName();
    const auto rows = testdata::tsvRows(testdata::dataDir() + QStringLiteral("/ack_rtt/") + name +
                                        QStringLiteral(".tsv"));
    QVERIFY2(rows, qPrintable(name + QStringLiteral(": no tshark file; run tests/oracle/ack_rtt.sh")));
    struct TsharkSample {
        std::uint32_t ackFrame;
        std::uint32_t ackedFrame;
        std::int64_t rttNs;
    };
    std::vector<TsharkSample> tshark;
    for (const QStringList& f : *rows) {
        QCOMPARE(f.size(), 4);
        tshark.push_back({f[0].toUInt(), f[2].toUInt(), f[3].toLongLong()});
    }

    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const PacketTable& table = capture.table;
    // Ours, by (ack frame, segment frame) and by segment frame.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::int64_t> ours;
    std::map<std::uint32_t, std::uint32_t> ourAckOfSegment;
    for (const auto& s : capture.rttSamples) {
        ours[{table.packet[s.ackRow], table.packet[s.segmentRow]}] = rttOf(capture, s);
        ourAckOfSegment[table.packet[s.segmentRow]] = table.packet[s.ackRow];
    }
    const auto row = [&capture](std::uint32_t frame) { return *capture.rowOf(core::PacketNumber(frame)); };
    const auto endOf = [&table](std::size_t r) { // relative sequence number after the segment
        const bool synOrFin = table.tcpFlags[r] & (tcpflag::Syn | tcpflag::Fin);
        return table.relativeSeq[r] + table.length[r] + (synOrFin ? 1u : 0u);
    };
    // Was any of the sequence space of the segment in row `r` (data, SYN or FIN) sent in
    // another packet before row `until`?
    const auto sentTwiceBefore = [&](std::size_t r, std::size_t until) {
        const std::uint32_t from = table.relativeSeq[r];
        const std::uint32_t to = endOf(r);
        for (std::size_t i = 0; i < until; ++i)
            if (i != r && table.stream[i] == table.stream[r] && table.tcpDirection(i) == table.tcpDirection(r) &&
                endOf(i) != table.relativeSeq[i] && std::int32_t(endOf(i) - from) > 0 &&
                std::int32_t(to - table.relativeSeq[i]) > 0)
                return true;
        return false;
    };

    // tshark times an ACK from the oldest segment that ends exactly where it acknowledges.
    int same = 0, resent = 0, earlier = 0, byTimestamp = 0;
    std::map<std::uint32_t, std::uint32_t> tsharkAckedOfAck;
    for (const auto& t : tshark) {
        tsharkAckedOfAck[t.ackFrame] = t.ackedFrame;
        const auto found = ours.find({t.ackFrame, t.ackedFrame});
        if (found != ours.end()) {
            QCOMPARE(found->second, t.rttNs);
            ++same;
            continue;
        }
        const std::size_t acked = row(t.ackedFrame);
        const std::size_t ack = row(t.ackFrame);
        const QString where =
            QStringLiteral("%1: tshark times frame %2 to ACK %3").arg(name).arg(t.ackedFrame).arg(t.ackFrame);
        // 1. We timed the same segment to an earlier acknowledgement: a SACK block or an ACK
        //    of its first bytes (tshark only looks at cumulative ACKs that end on a segment).
        const auto earlierAck = ourAckOfSegment.find(t.ackedFrame);
        if (earlierAck != ourAckOfSegment.end() && earlierAck->second < t.ackFrame) {
            const std::size_t ourAck = row(earlierAck->second);
            QVERIFY2(std::int32_t(endOf(acked) - table.relativeAck[ourAck]) > 0 ||
                         !(table.tcpFlags[ourAck] & tcpflag::Ack),
                     qPrintable(where + QStringLiteral(": our earlier ACK is a full cumulative one")));
            ++earlier;
            continue;
        }
        // 2. Timestamps told us the ACK answers a retransmission of these bytes: we time that.
        bool timedRetransmission = false;
        for (const auto& [key, rtt] : ours)
            if (key.first == t.ackFrame && (table.marks[row(key.second)] & PacketTable::Retransmission) &&
                endOf(row(key.second)) == endOf(acked))
                timedRetransmission = true;
        if (timedRetransmission) {
            ++byTimestamp;
            continue;
        }
        // 3. Karn: the sequence space tshark times (data, SYN or FIN) was sent more than once
        //    before the ACK, so which copy the ACK answers is unknown, and the timestamps do not
        //    tell; tshark picks a copy anyway, and from the first one counts the time the loss
        //    took to repair. A retransmission whose first copy the capture missed (its bytes lie
        //    below what the peer had acknowledged) is as ambiguous.
        QVERIFY2((table.marks[acked] & PacketTable::Retransmission) || sentTwiceBefore(acked, ack), qPrintable(where));
        ++resent;
    }

    // Our samples tshark does not have: an ACK that covers the segment without ending on it
    // (delayed ACKs cover two segments: tshark times the second only), or a SACK.
    int notAtEnd = 0, tsharkTimedAnotherCopy = 0;
    for (const auto& [key, rtt] : ours) {
        const auto& [ackFrame, segmentFrame] = key;
        const auto tsharkAcked = tsharkAckedOfAck.find(ackFrame);
        if (tsharkAcked != tsharkAckedOfAck.end() && tsharkAcked->second == segmentFrame)
            continue;
        const std::size_t segment = row(segmentFrame);
        const std::size_t ack = row(ackFrame);
        if (table.relativeAck[ack] != endOf(segment)) {
            ++notAtEnd;
            continue;
        }
        // The ACK ends on this segment, and tshark times it from another copy of the same bytes.
        QVERIFY2(tsharkAcked != tsharkAckedOfAck.end() && endOf(row(tsharkAcked->second)) == endOf(segment),
                 qPrintable(QStringLiteral("%1: our sample frame %2 → ACK %3 (%4 ns) is not explained")
                                .arg(name)
                                .arg(segmentFrame)
                                .arg(ackFrame)
                                .arg(rtt)));
        ++tsharkTimedAnotherCopy;
    }
    qInfo("%s: %d of tshark's %d samples equal; tshark's others: %d Karn, %d SACK/partial ACK earlier, %d "
          "timestamps; ours without tshark: %d ACK past the segment's end, %d other copy",
          qPrintable(name), same, int(tshark.size()), resent, earlier, byTimestamp, notAtEnd, tsharkTimedAnotherCopy);
    QVERIFY(same > 0);
}

QTEST_GUILESS_MAIN(TestRtt)
#include "tst_rtt.moc"
