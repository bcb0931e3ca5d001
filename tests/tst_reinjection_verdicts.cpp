// Reinjections qualified on crafted pairs of captures (client side, server side) whose every
// packet time is set here, so the verdict and the delay saved or cost are known exactly.
#include "crafted_scenario.h"
#include "packet_builder.h"

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/packet_stamps.h"
#include "compare/reinjection_verdicts.h"
#include "load/loader.h"

#include <QTest>

#include <algorithm>
#include <optional>

using namespace core::compare;

class TestReinjectionVerdicts : public QObject {
    Q_OBJECT
private slots:
    void verdictOfOneReinjection_data();
    void verdictOfOneReinjection();
    void lookupsByReinjectionAndRow();
};

namespace {

using namespace testpkt;
using core::Direction;

constexpr Host client{ipv4(10, 0, 0, 1), 40000};
constexpr Host clientSecond{ipv4(10, 0, 1, 1), 40001};
constexpr Host server{ipv4(10, 0, 0, 2), 5201};
constexpr std::uint64_t serverAck = v1ServerKey.idsn + 1;
constexpr std::int64_t ms = 1'000'000;
constexpr std::int64_t handshakeDelay = 10 * ms; // each way: the smallest delay, equal both ways

// One MPTCP connection (initial subflow + one join) captured at the client and at the server.
// The server's capture sees each packet at its sending time (client's clock) + its delay +
// `serverClockShift`, or not at all (lost before it).
class CraftedPair {
public:
    explicit CraftedPair(std::int64_t serverClockShift)
        : m_shift(serverClockShift)
        , initial(client, server, 1000, 2000, &m_flowClock)
        , join(clientSecond, server, 5000, 6000, &m_flowClock)
    {
        toServer(initial.syn(mptcpopt::mpCapable(1, mpcFlagsV1)), 1 * ms, handshakeDelay);
        toClient(initial.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)), 11 * ms, handshakeDelay);
        toServer(initial.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key)), 21 * ms,
                 handshakeDelay);
        toServer(join.syn(mptcpopt::mpJoinSyn(false, 1, v1ServerKey.token, 0x01020304)), 22 * ms, handshakeDelay);
        toClient(join.synAck(mptcpopt::mpJoinSynAck(false, 0, 0x1122334455667788ull, 0x0a0b0c0d)), 32 * ms,
                 handshakeDelay);
        toServer(join.ack(true, mptcpopt::mpJoinAck()), 42 * ms, handshakeDelay);
    }

    // 1000 bytes at DSN 1 (relative), subflow sequence 1, on `flow`.
    Frame data(TcpFlow& flow) { return flow.ack(true, linuxDataDss(v1ClientKey.idsn + 1, 1, 1000, serverAck), 1000); }
    // Client → server, sent at `at` (client's clock); delay nullopt: lost.
    void toServer(Frame frame, std::int64_t at, std::optional<std::int64_t> delay)
    {
        frame.timeNs = base + at;
        m_client.add(frame);
        if (delay) {
            frame.timeNs = base + at + *delay + m_shift;
            m_serverFrames.push_back(std::move(frame));
        }
    }
    void toClient(Frame frame, std::int64_t at, std::int64_t delay)
    {
        Frame atServer = frame;
        atServer.timeNs = base + at + m_shift;
        m_serverFrames.push_back(std::move(atServer));
        frame.timeNs = base + at + delay;
        m_client.add(std::move(frame));
    }

    std::pair<core::LoadResult, core::LoadResult> load()
    {
        std::ranges::stable_sort(m_serverFrames, {}, &Frame::timeNs);
        for (auto& frame : m_serverFrames)
            m_server.add(std::move(frame));
        m_serverFrames.clear();
        return {m_client.load(QStringLiteral("client.pcap")), m_server.load(QStringLiteral("server.pcap"))};
    }

    static constexpr std::int64_t base = 1'700'000'000'000'000'000;

private:
    std::int64_t m_flowClock = 0; // TcpFlow's own clock, overwritten: every time is set above
    std::int64_t m_shift;
    Scenario m_client;
    Scenario m_server;
    std::vector<Frame> m_serverFrames;

public:
    TcpFlow initial;
    TcpFlow join;
};

struct Qualified {
    std::shared_ptr<const core::Capture> client;
    std::shared_ptr<const core::Capture> server;
    ConnectionDelays delays;
    ReinjectionVerdicts verdicts;
};

// The whole path a user takes: map the captures, one-way delays, then the verdicts.
std::optional<Qualified> qualify(CraftedPair& pair)
{
    auto [clientLoad, serverLoad] = pair.load();
    if (!clientLoad.ok() || !serverLoad.ok())
        return std::nullopt;
    Qualified q{clientLoad.capture, serverLoad.capture, {}, {}};
    const auto map = mapCaptures(*q.client, *q.server);
    const auto* match = map.mptcpOfFirst(core::MptcpId(0));
    std::string error;
    const auto clientStamps = readPacketStamps(q.client->path, error);
    const auto serverStamps = readPacketStamps(q.server->path, error);
    if (!match || !clientStamps || !serverStamps)
        return std::nullopt;
    const auto subflows = matchedSubflows(*q.client, map, match->first);
    q.delays = oneWayDelays(*q.client, *q.server, *clientStamps, *serverStamps, subflows);
    q.verdicts = qualifyReinjections(*q.client, *q.server, *match, subflows, q.delays);
    return q;
}

using OptionalMs = std::optional<std::int64_t>;

} // namespace

void TestReinjectionVerdicts::verdictOfOneReinjection_data()
{
    // The original (1000 bytes on the initial subflow) is sent at 100 ms, the reinjection (the
    // same bytes on the join) at 150 ms; delays in ms, -1 for lost; a TCP retransmission of the
    // original at 500 ms when its delay is ≥ 0. Arrivals are counted from 100 ms.
    QTest::addColumn<int>("originalDelay");
    QTest::addColumn<int>("retransmissionDelay");
    QTest::addColumn<int>("reinjectionDelay");
    QTest::addColumn<int>("serverClockShift");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<OptionalMs>("originalArrival");
    QTest::addColumn<OptionalMs>("reinjectedArrival");
    const auto useful = int(Verdict::Useful);
    const auto redundant = int(Verdict::Redundant);
    const auto unknown = int(Verdict::Unknown);
    const OptionalMs none;
    for (const int shift : {0, -1000}) {
        const QByteArray clock = shift ? " (server clock 1 s behind)" : "";
        // original at 100 + 300 = 400, reinjection at 150 + 50 = 200: saved 200 ms
        QTest::newRow("reinjection first" + clock)
            << 300 << -1 << 50 << shift << useful << OptionalMs(300 * ms) << OptionalMs(100 * ms);
        // original at 120, reinjection at 200: cost 80 ms
        QTest::newRow("original first" + clock)
            << 20 << -1 << 50 << shift << redundant << OptionalMs(20 * ms) << OptionalMs(100 * ms);
        QTest::newRow("original lost" + clock) << -1 << -1 << 50 << shift << useful << none << OptionalMs(100 * ms);
        // its TCP retransmission at 500 + 20 = 520, the reinjection at 200: saved 320 ms
        QTest::newRow("original lost, its retransmission later" + clock)
            << -1 << 20 << 50 << shift << useful << OptionalMs(420 * ms) << OptionalMs(100 * ms);
        // its TCP retransmission at 500 + 20 = 520, the reinjection at 150 + 400 = 550: cost 30 ms
        QTest::newRow("original lost, its retransmission first" + clock)
            << -1 << 20 << 400 << shift << redundant << OptionalMs(420 * ms) << OptionalMs(450 * ms);
        QTest::newRow("reinjection lost" + clock)
            << 20 << -1 << -1 << shift << redundant << OptionalMs(20 * ms) << none;
        QTest::newRow("neither arrived" + clock) << -1 << -1 << -1 << shift << unknown << none << none;
    }
}

void TestReinjectionVerdicts::verdictOfOneReinjection()
{
    QFETCH(int, originalDelay);
    QFETCH(int, retransmissionDelay);
    QFETCH(int, reinjectionDelay);
    QFETCH(int, serverClockShift);
    QFETCH(int, verdict);
    QFETCH(OptionalMs, originalArrival);
    QFETCH(OptionalMs, reinjectedArrival);
    const auto delay = [](int value) { return value < 0 ? OptionalMs() : OptionalMs(value * ms); };

    CraftedPair pair(serverClockShift * ms);
    const Frame original = pair.data(pair.initial);
    pair.toServer(original, 100 * ms, delay(originalDelay));
    pair.toServer(pair.data(pair.join), 150 * ms, delay(reinjectionDelay));
    if (retransmissionDelay >= 0)
        pair.toServer(original, 500 * ms, delay(retransmissionDelay));
    const auto q = qualify(pair);
    QVERIFY(q);
    QCOMPARE(q->delays.offsetApplied, serverClockShift != 0);

    const auto& c2s = q->verdicts.directions[0];
    QVERIFY(c2s.senderKnown);
    QVERIFY(c2s.senderIsFirst);
    QCOMPARE(c2s.verdicts.size(), std::size_t(1));
    const ReinjectionVerdict& v = c2s.verdicts.front();
    QCOMPARE(int(v.verdict), verdict);
    QCOMPARE(v.original.has_value(), originalArrival.has_value());
    QCOMPARE(v.reinjected.has_value(), reinjectedArrival.has_value());
    // The offset is estimated from sub-millisecond figures: a nanosecond is enough room.
    constexpr double tolerance = 1e-9;
    if (originalArrival)
        QVERIFY2(std::abs(v.original->seconds - double(*originalArrival) / 1e9) < tolerance,
                 qPrintable(QString::number(v.original->seconds, 'f', 9)));
    if (reinjectedArrival)
        QVERIFY2(std::abs(v.reinjected->seconds - double(*reinjectedArrival) / 1e9) < tolerance,
                 qPrintable(QString::number(v.reinjected->seconds, 'f', 9)));
    QCOMPARE(v.savedSeconds.has_value(), originalArrival && reinjectedArrival);
    if (v.savedSeconds) // from the server's own times: exact
        QCOMPARE(*v.savedSeconds, double(*originalArrival - *reinjectedArrival) / 1e9);

    // Totals: the connection's, the direction's and the join's are this one reinjection.
    for (const auto* totals : {&q->verdicts.totals, &c2s.totals}) {
        QCOMPARE(totals->count[std::size_t(verdict)], 1u);
        QCOMPARE(totals->bytes[std::size_t(verdict)], std::uint64_t(1000));
        const double saved = v.savedSeconds.value_or(0);
        QCOMPARE(totals->savedSeconds, std::max(saved, 0.0));
        QCOMPARE(totals->costSeconds, std::max(-saved, 0.0));
    }
    QCOMPARE(c2s.subflows.size(), std::size_t(1));
    QCOMPARE(c2s.subflows.front().stream, core::TcpStreamId(1));
    QCOMPARE(c2s.subflows.front().totals.count[std::size_t(verdict)], 1u);
    QVERIFY(q->verdicts.directions[1].verdicts.empty()); // the server sent no data
}

void TestReinjectionVerdicts::lookupsByReinjectionAndRow()
{
    CraftedPair pair(0);
    pair.toServer(pair.data(pair.initial), 100 * ms, 300 * ms); // frame 7
    pair.toServer(pair.data(pair.join), 150 * ms, 50 * ms);     // frame 8
    const auto q = qualify(pair);
    QVERIFY(q);
    const auto& reinjections = q->client->mptcp.front().reinjections;
    QCOMPARE(reinjections.size(), std::size_t(1));
    const auto* v = q->verdicts.find(true, 0);
    QVERIFY(v);
    QCOMPARE(v->verdict, Verdict::Useful);
    QVERIFY(!q->verdicts.find(false, 0)); // the server's capture sent nothing
    const std::uint32_t reinjectionRow = reinjections.front().reinjectionRows.front();
    QCOMPARE(q->client->table.packet[reinjectionRow], 8u);
    QCOMPARE(q->verdicts.verdictOfRow(true, reinjectionRow), std::optional(Verdict::Useful));
    QCOMPARE(q->verdicts.verdictOfRow(true, reinjections.front().originalRows.front()), std::nullopt);
    QCOMPARE(q->verdicts.verdictOfRow(false, reinjectionRow), std::nullopt);
    // the receiver's packets that completed each copy
    QCOMPARE(q->server->table.packet[v->original->receiverRow], 8u); // arrived after the reinjection
    QCOMPARE(q->server->table.packet[v->reinjected->receiverRow], 7u);
}

QTEST_GUILESS_MAIN(TestReinjectionVerdicts)
#include "tst_reinjection_verdicts.moc"
