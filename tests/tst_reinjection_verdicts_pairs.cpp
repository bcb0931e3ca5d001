// Reinjections qualified on real pairs of captures, checked against what tshark shows of the
// receiver's capture: tests/data/reinjection_arrivals.tsv (tests/oracle/reinjection_arrivals.py)
// lists the receiver's packets whose data sequence numbers (from tshark's DSS fields) overlap
// bytes the sender's capture shows on more than one subflow. From these alone, for each
// reinjection, the test works out when the receiver had all of its bytes on the original's
// subflow (4-tuple) and on the reinjection's, and so the verdict and the delay saved; it does
// not use mptcpscope's packet matching.
#include "cli_runner.h"
#include "test_data.h"

#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/packet_stamps.h"
#include "compare/reinjection_verdicts.h"
#include "load/loader.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <map>
#include <set>

using namespace core;
using namespace core::compare;

class TestReinjectionVerdictsPairs : public QObject {
    Q_OBJECT
private slots:
    void cleanupTestCase();
    void v1PairAgreesWithTheReceiversCapture();
    void v0PairAgreesWithTheReceiversCapture();
    void swappedFilesGiveTheSameVerdicts();
    void cliReportsAMissingConnection();
};

namespace {

struct ReceivedPacket {
    std::uint32_t frame = 0;
    std::int64_t ns = 0;
    QString source;        // "10.0.0.1:40000"
    QString destination;   // "10.0.0.2:5201"
    std::uint32_t dsn = 0; // modulo 2^32
    std::uint32_t length = 0;
};

// "1795988572.232732000" → ns, without going through a double.
std::int64_t epochNs(const QString& text)
{
    const auto parts = text.split(QLatin1Char('.'));
    const QString fraction = QString(parts.value(1) + QStringLiteral("000000000")).left(9);
    return parts[0].toLongLong() * 1'000'000'000 + fraction.toLongLong();
}

// The receiver's packets of tests/data/reinjection_arrivals.tsv, by receiver file name.
std::map<QString, std::vector<ReceivedPacket>> receivedPackets()
{
    std::map<QString, std::vector<ReceivedPacket>> result;
    const auto rows = testdata::tsvRows(testdata::dataDir() + QStringLiteral("/reinjection_arrivals.tsv"));
    for (const QStringList& f : rows.value_or(std::vector<QStringList>{}))
        if (f.size() == 9)
            result[f[0]].push_back({f[1].toUInt(), epochNs(f[2]), f[3] + QLatin1Char(':') + f[4],
                                    f[5] + QLatin1Char(':') + f[6], f[7].toUInt(), f[8].toUInt()});
    return result;
}

struct ExpectedArrival {
    std::uint32_t frame = 0;
    std::int64_t ns = 0;
};

// When the receiver's packets from `source` to `destination` first covered the whole range.
std::optional<ExpectedArrival> expectedArrival(const std::vector<ReceivedPacket>& packets, const QString& source,
                                               const QString& destination, std::uint64_t dsnStart, std::uint64_t bytes)
{
    std::vector<ReceivedPacket> on;
    for (const auto& p : packets)
        if (p.source == source && p.destination == destination)
            on.push_back(p);
    std::ranges::sort(on,
                      [](const auto& a, const auto& b) { return std::pair(a.ns, a.frame) < std::pair(b.ns, b.frame); });
    std::vector<std::pair<std::int64_t, std::int64_t>> covered; // offsets in the range
    for (const auto& p : on) {
        const auto offset = std::int64_t(std::int32_t(p.dsn - std::uint32_t(dsnStart))); // mod 2^32, signed
        const std::int64_t start = std::max<std::int64_t>(offset, 0);
        const std::int64_t end = std::min<std::int64_t>(offset + p.length, std::int64_t(bytes));
        if (start >= end)
            continue;
        covered.emplace_back(start, end);
        std::ranges::sort(covered);
        std::int64_t reach = 0;
        for (const auto& [s, e] : covered)
            if (s <= reach)
                reach = std::max(reach, e);
        if (reach >= std::int64_t(bytes))
            return ExpectedArrival{p.frame, p.ns};
    }
    return std::nullopt;
}

QString endpointText(const Endpoint& e) { return QString::fromStdString(e.toString()); }

// The 4-tuple of a subflow's data in the direction of `row`.
std::pair<QString, QString> dataTuple(const Capture& capture, std::uint32_t row)
{
    const auto& c = capture.tcp[capture.table.stream[row]];
    const bool fromClient = capture.table.tcpDirection(row) == Direction::ClientToServer;
    return fromClient ? std::pair(endpointText(c.client), endpointText(c.server))
                      : std::pair(endpointText(c.server), endpointText(c.client));
}

std::shared_ptr<const Capture> loaded(const QString& path)
{
    return load(QFile::encodeName(path).toStdString()).capture;
}

struct Pair {
    std::shared_ptr<const Capture> first;
    std::shared_ptr<const Capture> second;
};

std::optional<ReinjectionVerdicts> qualified(const Pair& pair, MptcpId firstId, const CaptureMap& map)
{
    const auto* match = map.mptcpOfFirst(firstId);
    std::string error;
    const auto firstStamps = readPacketStamps(pair.first->path, error);
    const auto secondStamps = readPacketStamps(pair.second->path, error);
    if (!match || !firstStamps || !secondStamps)
        return std::nullopt;
    const auto subflows = matchedSubflows(*pair.first, map, firstId);
    const auto delays = oneWayDelays(*pair.first, *pair.second, *firstStamps, *secondStamps, subflows);
    return qualifyReinjections(*pair.first, *pair.second, *match, subflows, delays);
}

QString fileName(const Capture& capture) { return QFileInfo(QString::fromStdString(capture.path)).fileName(); }

// Every verdict of every connection of the pair against the receiver's packets; returns the
// number of reinjections checked, by verdict, in `checked`.
void checkAgainstReceiver(const Pair& pair, std::array<int, 3>& checked)
{
    const auto received = receivedPackets();
    const auto map = mapCaptures(*pair.first, *pair.second);
    for (const auto& m : map.mptcp) {
        const auto verdicts = qualified(pair, m.first, map);
        QVERIFY(verdicts);
        for (const auto& direction : verdicts->directions) {
            if (!direction.senderKnown)
                continue;
            const Capture& sender = direction.senderIsFirst ? *pair.first : *pair.second;
            const Capture& receiver = direction.senderIsFirst ? *pair.second : *pair.first;
            const auto* connection = sender.findMptcp(direction.senderId);
            QVERIFY(connection);
            const auto& packets = received.count(fileName(receiver)) ? received.at(fileName(receiver))
                                                                     : std::vector<ReceivedPacket>{};
            // every reinjection of the direction has its verdict, and the bytes add up
            std::uint64_t bytes = 0;
            for (const auto& r : connection->reinjections)
                bytes += r.direction == direction.senderDirection ? r.bytes() : 0;
            std::uint64_t judged = 0;
            for (const auto b : direction.totals.bytes)
                judged += b;
            QCOMPARE(judged, bytes);
            QCOMPARE(judged, connection->stats(direction.senderDirection).reinjectedBytes);

            for (const auto& v : direction.verdicts) {
                const auto& r = connection->reinjections[v.reinjection];
                const QString where = QStringLiteral("%1 mptcp.stream %2, DSN %3+%4")
                                          .arg(fileName(sender))
                                          .arg(connection->id.value)
                                          .arg(r.dsnStart)
                                          .arg(r.bytes());
                const auto [oSource, oDestination] = dataTuple(sender, r.originalRows.front());
                const auto [rSource, rDestination] = dataTuple(sender, r.reinjectionRows.front());
                const auto original = expectedArrival(packets, oSource, oDestination, r.dsnStart, r.bytes());
                const auto reinjected = expectedArrival(packets, rSource, rDestination, r.dsnStart, r.bytes());
                QVERIFY2(original.has_value() == v.original.has_value(),
                         qPrintable(where + QStringLiteral(" original")));
                QVERIFY2(reinjected.has_value() == v.reinjected.has_value(),
                         qPrintable(where + QStringLiteral(" reinjected")));
                if (original)
                    QCOMPARE(receiver.table.packet[v.original->receiverRow], original->frame);
                if (reinjected)
                    QCOMPARE(receiver.table.packet[v.reinjected->receiverRow], reinjected->frame);
                Verdict expected = Verdict::Unknown;
                if (original && reinjected) {
                    expected = reinjected->ns < original->ns ? Verdict::Useful : Verdict::Redundant;
                    QCOMPARE(*v.savedSeconds, double(original->ns - reinjected->ns) / 1e9);
                } else if (reinjected) {
                    expected = Verdict::Useful;
                } else if (original) {
                    expected = Verdict::Redundant;
                }
                QVERIFY2(v.verdict == expected, qPrintable(where + QStringLiteral(" verdict")));
                ++checked[std::size_t(v.verdict)];
            }
        }
    }
}

} // namespace

void TestReinjectionVerdictsPairs::cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

void TestReinjectionVerdictsPairs::v1PairAgreesWithTheReceiversCapture()
{
    const Pair pair{loaded(testdata::samplesDir() + QStringLiteral("/l_pair_client.pcap")),
                    loaded(testdata::samplesDir() + QStringLiteral("/l_pair_server.pcap"))};
    QVERIFY(pair.first && pair.second);
    std::array<int, 3> checked{};
    checkAgainstReceiver(pair, checked);
    if (QTest::currentTestFailed())
        return;
    qInfo("checked: %d useful, %d redundant, %d unknown", checked[0], checked[1], checked[2]);
    // The recording's reinjections (samples/README.md: 8 ranges client → server, 4 back), all
    // of whose copies reached the receiver: none can be unknown.
    QCOMPARE(checked[std::size_t(Verdict::Useful)] + checked[std::size_t(Verdict::Redundant)], 12);
    QCOMPARE(checked[std::size_t(Verdict::Unknown)], 0);
    QVERIFY(checked[std::size_t(Verdict::Useful)] > 0);
}

void TestReinjectionVerdictsPairs::v0PairAgreesWithTheReceiversCapture()
{
    if (!testdata::haveSharedCaptures())
        QSKIP("shared captures folder absent");
    const Pair pair{loaded(testdata::sharedCapturesDir() + QStringLiteral("/client_2.pcap")),
                    loaded(testdata::sharedCapturesDir() + QStringLiteral("/server_2.pcap"))};
    if (!pair.first || !pair.second)
        QSKIP("client_2.pcap / server_2.pcap absent");
    std::array<int, 3> checked{};
    checkAgainstReceiver(pair, checked);
    if (QTest::currentTestFailed())
        return;
    qInfo("checked: %d useful, %d redundant, %d unknown", checked[0], checked[1], checked[2]);
    QVERIFY(checked[std::size_t(Verdict::Useful)] > 0);
    QVERIFY(checked[std::size_t(Verdict::Redundant)] > 0);
}

void TestReinjectionVerdictsPairs::swappedFilesGiveTheSameVerdicts()
{
    const auto client = loaded(testdata::samplesDir() + QStringLiteral("/l_pair_client.pcap"));
    const auto server = loaded(testdata::samplesDir() + QStringLiteral("/l_pair_server.pcap"));
    QVERIFY(client && server);
    const auto forward = qualified({client, server}, MptcpId(0), mapCaptures(*client, *server));
    const auto backward = qualified({server, client}, MptcpId(0), mapCaptures(*server, *client));
    QVERIFY(forward && backward);
    for (const auto& d : forward->directions) {
        const auto& other = *std::ranges::find_if(
            backward->directions, [&](const DirectionVerdicts& b) { return b.senderIsFirst != d.senderIsFirst; });
        QCOMPARE(other.verdicts.size(), d.verdicts.size());
        for (std::size_t i = 0; i < d.verdicts.size(); ++i) {
            QCOMPARE(other.verdicts[i].reinjection, d.verdicts[i].reinjection);
            QCOMPARE(other.verdicts[i].verdict, d.verdicts[i].verdict);
            QCOMPARE(other.verdicts[i].savedSeconds, d.verdicts[i].savedSeconds);
        }
    }
    QCOMPARE(forward->totals.count, backward->totals.count);
}

void TestReinjectionVerdictsPairs::cliReportsAMissingConnection()
{
    const QString client = testdata::samplesDir() + QStringLiteral("/l_pair_client.pcap");
    const QString server = testdata::samplesDir() + QStringLiteral("/l_pair_server.pcap");
    const auto missing = testcli::runInProcess(
        {QStringLiteral("qualify-reinjections"), client, server, QStringLiteral("--mptcp=7")});
    QCOMPARE(missing.code, 2);
    QVERIFY2(missing.err.contains(QStringLiteral("no MPTCP connection with mptcp.stream 7")), qPrintable(missing.err));
    const auto noId = testcli::runInProcess({QStringLiteral("qualify-reinjections"), client, server});
    QCOMPARE(noId.code, 2);
    QVERIFY2(noId.err.contains(QStringLiteral("qualify-reinjections needs --mptcp ID")), qPrintable(noId.err));
    const auto json = testcli::runInProcess({QStringLiteral("qualify-reinjections"), client, server,
                                             QStringLiteral("--mptcp=0"), QStringLiteral("--json")});
    QCOMPARE(json.code, 0);
    const auto directions = QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("directions"));
    QCOMPARE(directions.toArray().size(), 2);
}

QTEST_GUILESS_MAIN(TestReinjectionVerdictsPairs)
#include "tst_reinjection_verdicts_pairs.moc"
