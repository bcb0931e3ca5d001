#include "crafted_scenario.h"
#include "packet_builder.h"
#include "test_data.h"

#include "load/loader.h"
#include "metrics/receive_queue.h"
#include "metrics/reordering_figures.h"
#include "model/capture.h"
#include "series/queue_chart.h"
#include "series/receive_reordering.h"

#include <QFile>
#include <QTest>
#include <QThreadPool>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <vector>

// Data-level reordering at the receiver: the out-of-order queue replayed from the arrivals,
// on arrivals given directly, on crafted captures whose answer follows from their construction
// (every frame 1 ms after the previous one), and invariants on a real capture with loss.
class TestReordering : public QObject {
    Q_OBJECT
private slots:
    void cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }
    void inOrderDeliveryNeverWaits();
    void overtakenSegmentWaitsForTheHole();
    void duplicatesCountOnce();
    void permanentHoleIsNeverDeliverable();
    void wrapsAroundTwoToTheSixtyFour();
    void bytesBeforeTheStartAreSetAside();
    void queueP95IsTimeWeighted();
    void craftedCaptureOvertaken();
    void craftedCaptureHoleAndDuplicate();
    void withoutTheKeyStartsAtTheLowestDsn();
    void realCaptureInvariants_data();
    void realCaptureInvariants();
    void matchesTheTsharkReplay();
};

namespace {

using namespace testpkt;
using core::DataArrival;
using core::Direction;

constexpr std::int64_t ms = 1'000'000;

DataArrival at(std::int64_t timeMs, std::uint64_t dsn, std::uint32_t length, std::uint32_t row = 0)
{
    return {timeMs * ms, dsn, length, row};
}

std::uint64_t queuedAt(const core::ReceiveQueue& queue, std::size_t stepIndex) { return queue.steps[stepIndex].bytes; }

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr Host clientSecond{ipv4(10, 0, 1, 1), 40001};
constexpr std::uint64_t serverAck = v1ServerKey.idsn + 1;

// An MPTCP connection from `client` with its initial subflow and one join; data client → server.
struct Connection {
    Scenario scenario;
    TcpFlow initial;
    TcpFlow join;

    Connection()
        : initial(scenario.flow(client, server, 1000, 2000))
        , join(scenario.flow(clientSecond, server, 5000, 6000))
    {
        v1Handshake(scenario, initial);
        joinHandshake(scenario, join, v1ServerKey.token, 1);
    }

    // A client data segment at the flow's next sequence number, mapped to IDSN + `relativeDsn`.
    int data(TcpFlow& flow, std::uint64_t relativeDsn, std::uint16_t length, std::uint32_t subflowSeq)
    {
        return scenario.add(
            flow.ack(true, linuxDataDss(v1ClientKey.idsn + relativeDsn, subflowSeq, length, serverAck), length));
    }
};

std::int64_t timeOf(const core::Capture& capture, int packet) { return capture.table.timeNs[std::size_t(packet - 1)]; }

} // namespace

void TestReordering::inOrderDeliveryNeverWaits()
{
    const std::vector<DataArrival> arrivals{at(1, 100, 1000), at(2, 1100, 1000), at(3, 2100, 500)};
    const auto queue = core::replayReceiveQueue(100, arrivals);
    QVERIFY(queue.steps.empty());
    QCOMPARE(queue.pieces.size(), std::size_t(3));
    for (const auto& piece : queue.pieces)
        QCOMPARE(piece.deliverableNs.value_or(-1), piece.arrivalNs);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.bytes, std::uint64_t(2500));
    QCOMPARE(figures.deliveredBytes, std::uint64_t(2500));
    QCOMPARE(figures.waitedBytes, std::uint64_t(0));
    QCOMPARE(figures.maxWaitNs, std::int64_t(0));
    QCOMPARE(figures.p95WaitNs, std::int64_t(0));
    QCOMPARE(figures.maxQueueBytes, std::uint64_t(0));
    QCOMPARE(figures.p95QueueBytes, std::uint64_t(0));
    QCOMPARE(figures.neverDeliverableBytes, std::uint64_t(0));
}

void TestReordering::overtakenSegmentWaitsForTheHole()
{
    // [1000, 2000) arrives at 10 ms before [0, 1000) at 13 ms; [2000, 3000) at 14 ms, in order.
    const std::vector<DataArrival> arrivals{at(10, 1000, 1000, 7), at(13, 0, 1000, 8), at(14, 2000, 1000, 9)};
    const auto queue = core::replayReceiveQueue(0, arrivals);
    QCOMPARE(queue.steps.size(), std::size_t(2));
    QCOMPARE(queue.steps[0].timeNs, 10 * ms);
    QCOMPARE(queuedAt(queue, 0), std::uint64_t(1000));
    QCOMPARE(queue.steps[0].row, 7u);
    QCOMPARE(queue.steps[1].timeNs, 13 * ms);
    QCOMPARE(queuedAt(queue, 1), std::uint64_t(0));
    QCOMPARE(queue.pieces.size(), std::size_t(3));
    QCOMPARE(queue.pieces[0].dsnStart, std::uint64_t(0)); // in data sequence order
    QCOMPARE(queue.pieces[1].dsnStart, std::uint64_t(1000));
    QCOMPARE(queue.pieces[1].arrivalNs, 10 * ms);
    QCOMPARE(queue.pieces[1].deliverableNs.value_or(-1), 13 * ms);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.waitedBytes, std::uint64_t(1000));
    QCOMPARE(figures.maxWaitNs, 3 * ms);
    // Waits of 3000 bytes: 2000 × 0, 1000 × 3 ms; the byte at rank ⌈0.95 × 3000⌉ = 2850 waited 3 ms.
    QCOMPARE(figures.p95WaitNs, 3 * ms);
    QCOMPARE(figures.maxQueueBytes, std::uint64_t(1000));
    // Over the 4 ms span the queue held 1000 bytes for 3 ms (75 %): 95 % of the time needs 1000.
    QCOMPARE(figures.p95QueueBytes, std::uint64_t(1000));
    QVERIFY(std::abs(figures.waitByteSeconds - 1000 * 0.003) < 1e-12);
    QVERIFY(std::abs(core::queueByteSeconds(queue) - figures.waitByteSeconds) < 1e-12);
}

void TestReordering::duplicatesCountOnce()
{
    // [1000, 2000) twice (the first copy counts), a copy overlapping both halves, then the hole.
    const std::vector<DataArrival> arrivals{at(1, 1000, 1000), at(2, 1000, 1000), at(3, 500, 1000), at(5, 0, 500),
                                            at(6, 0, 2000)};
    const auto queue = core::replayReceiveQueue(0, arrivals);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.bytes, std::uint64_t(2000));
    QCOMPARE(figures.deliveredBytes, std::uint64_t(2000));
    QCOMPARE(queue.pieces.size(), std::size_t(3));
    QCOMPARE(queue.pieces[1].dsnStart, std::uint64_t(500)); // the new bytes of the overlapping copy
    QCOMPARE(queue.pieces[1].dsnEnd, std::uint64_t(1000));
    QCOMPARE(queue.pieces[1].arrivalNs, 3 * ms);
    QCOMPARE(queue.pieces[2].arrivalNs, 1 * ms);
    QCOMPARE(queue.pieces[2].deliverableNs.value_or(-1), 5 * ms);
    QCOMPARE(figures.maxWaitNs, 4 * ms);
    QCOMPARE(figures.maxQueueBytes, std::uint64_t(1500));
    QCOMPARE(queue.steps.size(), std::size_t(3)); // 1000, 1500, 0: the duplicate changed nothing
    QCOMPARE(queuedAt(queue, 0), std::uint64_t(1000));
    QCOMPARE(queuedAt(queue, 1), std::uint64_t(1500));
    QCOMPARE(queuedAt(queue, 2), std::uint64_t(0));
    // Byte·seconds: 1000 × 4 ms + 500 × 2 ms, also the integral of the queue.
    QVERIFY(std::abs(figures.waitByteSeconds - (1000 * 0.004 + 500 * 0.002)) < 1e-12);
    QVERIFY(std::abs(core::queueByteSeconds(queue) - figures.waitByteSeconds) < 1e-12);
}

void TestReordering::permanentHoleIsNeverDeliverable()
{
    // [1000, 2000) never arrives.
    const std::vector<DataArrival> arrivals{at(1, 0, 1000), at(2, 2000, 1000), at(4, 3000, 500)};
    const auto queue = core::replayReceiveQueue(0, arrivals);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.bytes, std::uint64_t(2500));
    QCOMPARE(figures.deliveredBytes, std::uint64_t(1000));
    QCOMPARE(figures.neverDeliverableBytes, std::uint64_t(1500));
    QCOMPARE(queue.steps.back().bytes, figures.neverDeliverableBytes);
    QVERIFY(!queue.pieces[1].deliverableNs);
    QVERIFY(!queue.pieces[2].deliverableNs);
    QCOMPARE(figures.maxWaitNs, std::int64_t(0)); // of the delivered bytes only
    QCOMPARE(figures.maxQueueBytes, std::uint64_t(1500));
    // Span 1–4 ms: 0 for 1 ms, 1000 for 2 ms: 95 % of 3 ms needs 1000.
    QCOMPARE(figures.p95QueueBytes, std::uint64_t(1000));
    // The integral: 1000 bytes × 2 ms waiting at the end of the span, none delivered after a wait.
    QVERIFY(std::abs(core::queueByteSeconds(queue) - 1000 * 0.002) < 1e-12);
}

void TestReordering::wrapsAroundTwoToTheSixtyFour()
{
    // The start 1000 bytes below 2^64: the data runs across the wrap; [0, 500) after it is late.
    constexpr std::uint64_t start = std::numeric_limits<std::uint64_t>::max() - 999;
    const std::vector<DataArrival> arrivals{at(1, start, 1000), at(2, 500, 1000), at(7, 0, 500)};
    const auto queue = core::replayReceiveQueue(start, arrivals);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.bytes, std::uint64_t(2500));
    QCOMPARE(figures.neverDeliverableBytes, std::uint64_t(0));
    QCOMPARE(figures.maxWaitNs, 5 * ms);
    QCOMPARE(figures.waitedBytes, std::uint64_t(1000));
    QCOMPARE(queue.pieces.size(), std::size_t(3));
    QCOMPARE(queue.pieces[0].dsnStart, start);
    QCOMPARE(queue.pieces[1].dsnStart, std::uint64_t(0));
    QCOMPARE(queue.pieces[2].dsnStart, std::uint64_t(500));
    QCOMPARE(queue.pieces[2].deliverableNs.value_or(-1), 7 * ms);
}

void TestReordering::bytesBeforeTheStartAreSetAside()
{
    const std::vector<DataArrival> arrivals{at(1, 900, 200), at(2, 500, 100)};
    const auto queue = core::replayReceiveQueue(1000, arrivals);
    QCOMPARE(queue.bytesBeforeStart, std::uint64_t(200));
    QCOMPARE(core::reorderingFigures(queue).bytes, std::uint64_t(100));
}

void TestReordering::queueP95IsTimeWeighted()
{
    // 0–100 ms: a hole at 0 holds 100 bytes for 1 ms, then 0 for 98 ms, then 5000 bytes queue for
    // 1 ms. Time-weighted, the queue was empty 98 % of the time: p95 = 0, the maximum 5000.
    const std::vector<DataArrival> arrivals{at(0, 100, 100), at(1, 0, 100), at(99, 1200, 5000), at(100, 200, 1000),
                                            at(100, 0, 0)};
    const auto queue = core::replayReceiveQueue(0, arrivals);
    const auto figures = core::reorderingFigures(queue);
    QCOMPARE(figures.maxQueueBytes, std::uint64_t(5000));
    QCOMPARE(figures.p95QueueBytes, std::uint64_t(0));
    // Byte-weighted waits: 100 × 1 ms, 5000 × 1 ms of 6200 bytes: ranks 1101–6200 waited 1 ms.
    QCOMPARE(figures.p95WaitNs, 1 * ms);
}

void TestReordering::craftedCaptureOvertaken()
{
    // DSN 1001–2000 on the join overtakes 1–1000 on the initial subflow by one frame (1 ms).
    Connection c;
    const int late = c.data(c.join, 1001, 1000, 1);
    const int hole = c.data(c.initial, 1, 1000, 1);
    const int next = c.data(c.initial, 2001, 1000, 1001);
    const auto result = c.scenario.load("overtaken.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto reordering = core::connectionReordering(capture, capture.mptcp[0], Direction::ClientToServer);
    QVERIFY(reordering.fromIdsn);
    QCOMPARE(reordering.queue.startDsn, v1ClientKey.idsn + 1);
    const auto& f = reordering.figures;
    const std::int64_t overtaken = timeOf(capture, hole) - timeOf(capture, late);
    QCOMPARE(overtaken, 1 * ms);
    QCOMPARE(f.bytes, std::uint64_t(3000));
    QCOMPARE(f.waitedBytes, std::uint64_t(1000));
    QCOMPARE(f.maxWaitNs, overtaken);
    QCOMPARE(f.p95WaitNs, overtaken); // 2000 bytes waited 0, 1000 the overtaking time: rank 2850 is one of those
    QCOMPARE(f.maxQueueBytes, std::uint64_t(1000));
    // Span late → next (2 ms), 1000 bytes queued for the first half: the p95 is 1000.
    QCOMPARE(f.p95QueueBytes, std::uint64_t(1000));
    QCOMPARE(f.neverDeliverableBytes, std::uint64_t(0));
    QCOMPARE(reordering.queue.steps[0].row, std::uint32_t(late - 1));

    const auto chart = core::buildQueueChart(capture, capture.mptcp[0], Direction::ClientToServer);
    const std::vector<double> ys{0, 0, 1000, 1000, 0, 0};
    QCOMPARE(chart.queue.y, ys);
    QCOMPARE(chart.queue.packet[2], std::uint32_t(late));
    QCOMPARE(chart.queue.packet[4], std::uint32_t(hole));
    QCOMPARE(chart.maxX, capture.relativeSeconds(timeOf(capture, next)));
    QCOMPARE(chart.maxY, 1000.0);
    // Nothing waits in the other direction, which carried no data.
    const auto back = core::connectionReordering(capture, capture.mptcp[0], Direction::ServerToClient);
    QCOMPARE(back.figures.bytes, std::uint64_t(0));
}

void TestReordering::craftedCaptureHoleAndDuplicate()
{
    // 1–1000, then 2001–3000 twice (the join's copy 1 ms later), 1001–2000 never: a permanent hole.
    Connection c;
    const int first = c.data(c.initial, 1, 1000, 1);
    const int queued = c.data(c.initial, 2001, 1000, 1001);
    c.data(c.join, 2001, 1000, 1);
    const auto result = c.scenario.load("hole.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const auto reordering = core::connectionReordering(capture, capture.mptcp[0], Direction::ClientToServer);
    const auto& f = reordering.figures;
    QCOMPARE(f.bytes, std::uint64_t(2000));
    QCOMPARE(f.deliveredBytes, std::uint64_t(1000));
    QCOMPARE(f.neverDeliverableBytes, std::uint64_t(1000));
    QCOMPARE(f.maxQueueBytes, std::uint64_t(1000));
    QCOMPARE(reordering.queue.steps.size(), std::size_t(1));
    QCOMPARE(reordering.queue.steps[0].row, std::uint32_t(queued - 1));
    QCOMPARE(reordering.queue.pieces.front().arrivalNs, timeOf(capture, first));
    QCOMPARE(reordering.queue.pieces.back().arrivalNs, timeOf(capture, queued)); // the first copy
}

void TestReordering::withoutTheKeyStartsAtTheLowestDsn()
{
    // No handshake in the capture: a subflow whose second segment carries the lower DSN.
    Scenario scenario;
    TcpFlow flow = scenario.flow(client, server, 1000, 2000);
    constexpr std::uint64_t base = 0x0123456789abcdefull;
    const int late = scenario.add(flow.ack(true, linuxDataDss(base + 1000, 1, 1000, serverAck), 1000));
    const int early = scenario.add(flow.ack(true, linuxDataDss(base, 1001, 1000, serverAck), 1000));
    const auto result = scenario.load("no_handshake.pcap");
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.mptcp.size(), std::size_t(1));
    const auto reordering = core::connectionReordering(capture, capture.mptcp[0], Direction::ClientToServer);
    QVERIFY(!reordering.fromIdsn);
    QCOMPARE(reordering.queue.startDsn, base);
    QCOMPARE(reordering.figures.bytes, std::uint64_t(2000));
    QCOMPARE(reordering.figures.maxWaitNs, timeOf(capture, early) - timeOf(capture, late));
    QCOMPARE(reordering.figures.neverDeliverableBytes, std::uint64_t(0));
}

void TestReordering::realCaptureInvariants_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("direction");
    for (const char* name : {"k_lossy_paths_two_delays.pcap", "d_loss_delay_reinjections.pcap", "l_pair_server.pcap",
                             "h_two_interfaces_unsorted.pcapng"})
        for (const int d : {0, 1})
            QTest::addRow("%s %s", name, d ? "s2c" : "c2s") << testdata::samplesDir() + u'/' + QLatin1String(name) << d;
}

void TestReordering::realCaptureInvariants()
{
    QFETCH(QString, file);
    QFETCH(int, direction);
    const auto result = core::load(file.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const auto& m = capture.mptcp.front();
    const auto d = Direction(direction);
    const auto reordering = core::connectionReordering(capture, m, d);
    const auto& queue = reordering.queue;
    const auto& f = reordering.figures;
    QVERIFY(reordering.fromIdsn);
    // Every data byte is counted once: the connection's own count of distinct data bytes.
    QCOMPARE(f.bytes + queue.bytesBeforeStart, m.stats(d).dataBytes);
    QCOMPARE(f.deliveredBytes + f.neverDeliverableBytes, f.bytes);
    // The pieces tile the data sequence space from the start; bytes after the first hole that
    // never filled are never deliverable, and only they.
    std::uint64_t next = queue.startDsn;
    bool holeSeen = false;
    for (const auto& piece : queue.pieces) {
        holeSeen = holeSeen || piece.dsnStart != next;
        QCOMPARE(!piece.deliverableNs.has_value(), holeSeen);
        if (piece.deliverableNs)
            QVERIFY(*piece.deliverableNs >= piece.arrivalNs);
        next = piece.dsnEnd;
    }
    // Each step's size is the bytes arrived by then and not deliverable yet, recounted from the
    // pieces (so never negative), and the last one is the never-deliverable bytes.
    for (const auto& step : queue.steps) {
        std::uint64_t waiting = 0;
        for (const auto& piece : queue.pieces)
            if (piece.arrivalNs <= step.timeNs && (!piece.deliverableNs || *piece.deliverableNs > step.timeNs))
                waiting += piece.bytes();
        QCOMPARE(step.bytes, waiting);
        QVERIFY(step.bytes <= f.bytes);
    }
    QCOMPARE(queue.steps.empty() ? 0 : queue.steps.back().bytes, f.neverDeliverableBytes);
    // Σ bytes × wait is the area under the queue, once the never-deliverable bytes' time to
    // the last arrival is added.
    double neverDeliverableByteSeconds = 0;
    for (const auto& piece : queue.pieces)
        if (!piece.deliverableNs)
            neverDeliverableByteSeconds += double(piece.bytes()) * double(queue.lastArrivalNs - piece.arrivalNs) / 1e9;
    const double area = core::queueByteSeconds(queue);
    QVERIFY2(std::abs(area - f.waitByteSeconds - neverDeliverableByteSeconds) <= 1e-9 * std::max(1.0, area),
             qPrintable(QStringLiteral("area %1, waits %2").arg(area).arg(f.waitByteSeconds)));
    QVERIFY(f.p95WaitNs <= f.maxWaitNs);
    QVERIFY(f.p95QueueBytes <= f.maxQueueBytes);
    QVERIFY(f.waitedBytes <= f.deliveredBytes);
}

// tests/data/reordering.tsv (tests/oracle/reordering.py): the same figures from a byte-by-byte
// replay of tshark's mptcp.dsn. Compared where tshark gave every byte its DSN.
void TestReordering::matchesTheTsharkReplay()
{
    QFile file(testdata::dataDir() + QStringLiteral("/reordering.tsv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    std::map<QString, std::shared_ptr<const core::Capture>> captures;
    int compared = 0;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList f = line.split(u'\t');
        QCOMPARE(f.size(), 8);
        QString path = testdata::samplesDir() + u'/' + f[0];
        if (!QFile::exists(path))
            path = testdata::sharedCapturesDir() + u'/' + f[0];
        if (!QFile::exists(path))
            continue; // a shared capture, not configured here
        auto& capture = captures[path];
        if (!capture) {
            auto result = core::load(path.toStdString());
            QVERIFY2(result.ok(), result.error.c_str());
            capture = result.capture;
        }
        const auto* m = capture->findMptcp(core::MptcpId(f[1].toUInt()));
        QVERIFY2(m, qPrintable(line));
        const auto d = f[2] == QLatin1String("c2s") ? Direction::ClientToServer : Direction::ServerToClient;
        const auto figures = core::connectionReordering(*capture, *m, d).figures;
        if (figures.bytes != f[3].toULongLong())
            continue; // tshark lost track of the DSNs (samples/README.md)
        QCOMPARE(figures.neverDeliverableBytes, std::uint64_t(0));
        QCOMPARE(figures.waitedBytes, f[4].toULongLong());
        QCOMPARE(figures.maxWaitNs, f[5].toLongLong());
        QCOMPARE(figures.p95WaitNs, f[6].toLongLong());
        QCOMPARE(figures.maxQueueBytes, f[7].toULongLong());
        ++compared;
    }
    // In samples/: b both ways, c (mptcp.stream 1), e, g, i, k, l (both files) server → client.
    QVERIFY2(compared >= 9, qPrintable(QString::number(compared)));
}

QTEST_GUILESS_MAIN(TestReordering)
#include "tst_reordering.moc"
