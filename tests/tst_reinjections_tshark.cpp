// Reinjections on real captures, against the oracle (tests/data/expected/*.json, written by
// tests/oracle/derive.sh from tshark): bytes carried by more than one subflow, and the packet
// pairs of tshark's mptcp.reinjection_of (prefs mptcp.analyze_mappings and
// mptcp.intersubflows_retransmission), with every place where they differ named and explained.
#include "test_data.h"

#include "load/loader.h"
#include "metrics/reinjections.h"
#include "model/capture.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <numeric>
#include <set>

namespace {

QJsonObject readExpected(const QString& captureName)
{
    QFile file(testdata::dataDir() + QStringLiteral("/expected/") + captureName + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject expectedConnection(const QJsonObject& expected, unsigned id)
{
    for (const auto& value : expected[QStringLiteral("mptcp")].toArray())
        if (value.toObject()[QStringLiteral("id")].toInt() == int(id))
            return value.toObject();
    return {};
}

std::uint64_t perDirection(const QJsonObject& object, const char* field, core::Direction d)
{
    const QJsonObject values = object[QLatin1String(field)].toObject();
    return std::uint64_t(
        values[d == core::Direction::ClientToServer ? QStringLiteral("c2s") : QStringLiteral("s2c")].toInteger());
}

// Why a tshark pair and one of ours may differ.
enum class Difference {
    // tshark calls every later copy on another subflow a reinjection of the earlier ones, also a
    // packet of the original itself: its TCP retransmission after the reinjection, or, when the
    // original was lost before the capture point, its only captured copy.
    OriginalSeenAfterReinjection,
    // A reinjection of a reinjection: tshark names the earlier reinjection, we name the original.
    EarlierReinjection,
    // tshark's mptcp.dsn of one of the packets is missing or differs from the oracle's (a mapping
    // sent later, see tests/oracle/README.md): its intervals do not overlap where ours do.
    TsharkDsnUnlikeOurs,
    // tshark compares a packet with the other subflows only; an MPTCP-level resend on the
    // original's own subflow (new subflow sequence numbers) is a reinjection for us.
    SameSubflow,
};

const char* name(Difference d)
{
    switch (d) {
    case Difference::OriginalSeenAfterReinjection: return "original seen after the reinjection";
    case Difference::EarlierReinjection: return "reinjection of a reinjection";
    case Difference::TsharkDsnUnlikeOurs: return "tshark's mptcp.dsn missing or different";
    case Difference::SameSubflow: return "reinjection on the original's subflow";
    }
    return "";
}

// Where each packet stands in our reinjection list.
struct Role {
    std::size_t entry = 0;
    bool original = false;
};

} // namespace

class TestReinjectionsTshark : public QObject {
    Q_OBJECT
private slots:
    void bytesCarriedByMoreThanOneSubflow_data();
    void bytesCarriedByMoreThanOneSubflow();
    void packetPairsAgreeWithTshark_data();
    void packetPairsAgreeWithTshark();
    void bothEndsAgree();
};

void TestReinjectionsTshark::bytesCarriedByMoreThanOneSubflow_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestReinjectionsTshark::bytesCarriedByMoreThanOneSubflow()
{
    QFETCH(QString, path);
    const QJsonObject expected = readExpected(QFileInfo(path).fileName());
    QVERIFY2(!expected.isEmpty(), "no expected file; run tests/oracle/derive.sh");
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const auto& table = capture.table;

    for (const auto& m : capture.mptcp) {
        const QJsonObject e = expectedConnection(expected, m.id.value);
        std::set<std::uint32_t> reinjectionRows;
        for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
            const auto& stats = m.stats(d);
            // The oracle's own DSNs, per subflow: the bytes more than one subflow's packets cover.
            if (!e.isEmpty())
                QCOMPARE(stats.reinjectedBytes, perDirection(e, "reinjected_bytes", d));
            // The list adds up to the summary's figure, the share to the data.
            std::uint64_t listed = 0;
            for (const auto& r : m.reinjections)
                if (r.direction == d)
                    listed += r.bytes();
            QCOMPARE(listed, stats.reinjectedBytes);
            QCOMPARE(core::reinjectionTotals(table, m, d).bytes, stats.reinjectedBytes);
            std::uint64_t shares = 0;
            for (const auto& s : m.subflowStats)
                shares += s.firstCarriedBytes[index(d)];
            QCOMPARE(shares, stats.dataBytes);
        }
        for (const auto& r : m.reinjections) {
            QVERIFY(!r.originalRows.empty() && !r.reinjectionRows.empty());
            for (const auto row : r.originalRows)
                QCOMPARE(table.stream[row], r.originalStream.value);
            reinjectionRows.insert(r.reinjectionRows.begin(), r.reinjectionRows.end());
        }
        // The Reinjection mark is on exactly the packets of the reinjections.
        for (const auto stream : m.subflows)
            for (std::uint32_t row = 0; row < table.size(); ++row)
                if (table.stream[row] == stream.value)
                    QCOMPARE(bool(table.marks[row] & core::PacketTable::Reinjection), reinjectionRows.count(row) > 0);
    }
}

void TestReinjectionsTshark::packetPairsAgreeWithTshark_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures()) {
        const QJsonObject expected = readExpected(QFileInfo(path).fileName());
        bool any = false;
        for (const auto& value : expected[QStringLiteral("mptcp")].toArray())
            any = any || !value.toObject()[QStringLiteral("tshark")]
                              .toObject()[QStringLiteral("reinjection_of")]
                              .toObject()
                              .isEmpty();
        if (any)
            QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
    }
}

void TestReinjectionsTshark::packetPairsAgreeWithTshark()
{
    QFETCH(QString, path);
    const QString file = QFileInfo(path).fileName();
    const QJsonObject expected = readExpected(file);
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const auto& table = capture.table;
    std::vector<std::uint32_t> rowOfFrame(capture.packets + 1, std::uint32_t(-1));
    for (std::uint32_t row = 0; row < table.size(); ++row)
        rowOfFrame[table.packet[row]] = row;

    std::map<Difference, int> differences;
    int agreeing = 0;
    for (const auto& m : capture.mptcp) {
        const QJsonObject tshark = expectedConnection(expected, m.id.value)[QStringLiteral("tshark")].toObject();
        const QJsonObject reinjectionOf = tshark[QStringLiteral("reinjection_of")].toObject();
        std::set<std::uint32_t> tsharkDsnUnlikeOurs;
        for (const auto& frame : tshark[QStringLiteral("dsn_unlike_ours")].toArray())
            tsharkDsnUnlikeOurs.insert(std::uint32_t(frame.toInteger()));

        // (original frame, reinjection frame), ours and tshark's.
        std::set<std::pair<std::uint32_t, std::uint32_t>> ours;
        std::map<std::uint32_t, Role> roles;
        for (std::size_t i = 0; i < m.reinjections.size(); ++i) {
            const auto& r = m.reinjections[i];
            for (const auto& pair : core::reinjectionPairs(table, r))
                ours.emplace(table.packet[pair.originalRow], table.packet[pair.reinjectionRow]);
            for (const auto row : r.originalRows)
                roles[table.packet[row]] = Role{i, true};
            for (const auto row : r.reinjectionRows)
                roles[table.packet[row]] = Role{i, false};
        }
        std::set<std::pair<std::uint32_t, std::uint32_t>> theirs;
        for (auto it = reinjectionOf.begin(); it != reinjectionOf.end(); ++it)
            for (const auto& earlier : it.value().toArray())
                theirs.emplace(std::uint32_t(earlier.toInteger()), it.key().toUInt());

        const auto explain = [&](std::uint32_t a, std::uint32_t b, const char* whose) {
            const auto ra = roles.find(a);
            const auto rb = roles.find(b);
            std::optional<Difference> why;
            if (tsharkDsnUnlikeOurs.count(a) || tsharkDsnUnlikeOurs.count(b))
                why = Difference::TsharkDsnUnlikeOurs;
            else if (ra != roles.end() && rb != roles.end() && ra->second.entry == rb->second.entry) {
                if (ra->second.original != rb->second.original)
                    why = Difference::OriginalSeenAfterReinjection;
                else if (!ra->second.original)
                    why = Difference::EarlierReinjection;
            }
            if (!why && table.stream[rowOfFrame[a]] == table.stream[rowOfFrame[b]])
                why = Difference::SameSubflow;
            QVERIFY2(why, qPrintable(QStringLiteral("%1 mptcp.stream %2: %3 pair: frame %4 → frame %5, unexplained")
                                         .arg(file)
                                         .arg(m.id.value)
                                         .arg(QLatin1String(whose))
                                         .arg(a)
                                         .arg(b)));
            ++differences[*why];
            qInfo("%s mptcp.stream %u: %s names frame %u a reinjection of frame %u (%s)", qPrintable(file), m.id.value,
                  whose, b, a, name(*why));
        };
        for (const auto& pair : theirs) {
            if (ours.count(pair))
                ++agreeing;
            else
                explain(pair.first, pair.second, "tshark");
            if (QTest::currentTestFailed())
                return;
        }
        for (const auto& pair : ours) {
            if (!theirs.count(pair))
                explain(pair.first, pair.second, "mptcpscope");
            if (QTest::currentTestFailed())
                return;
        }
    }
    QVERIFY(agreeing > 0);
    QString summary = QStringLiteral("%1: %2 pairs agree").arg(file).arg(agreeing);
    for (const auto& [why, count] : differences)
        summary += QStringLiteral(", %1 × %2").arg(count).arg(QLatin1String(name(why)));
    qInfo("%s", qPrintable(summary));
}

void TestReinjectionsTshark::bothEndsAgree()
{
    // The shared pair client_2.pcap / server_2.pcap: the same connections captured at the client
    // and at the server. Downstream of a loss the server often saw the reinjected copy before the
    // original's retransmission; the figures must not depend on it.
    if (!testdata::haveSharedCaptures())
        QSKIP("../shared/captures not configured");
    const auto clientSide = core::load(
        (testdata::sharedCapturesDir() + QStringLiteral("/client_2.pcap")).toStdString());
    const auto serverSide = core::load(
        (testdata::sharedCapturesDir() + QStringLiteral("/server_2.pcap")).toStdString());
    if (!clientSide.ok() || !serverSide.ok())
        QSKIP("client_2.pcap / server_2.pcap not in the shared captures");
    const core::Capture& c = *clientSide.capture;
    const core::Capture& s = *serverSide.capture;

    const auto fourTuple = [](const core::Capture& capture, core::TcpStreamId stream) {
        const auto& tcp = capture.tcp[stream.value];
        return tcp.client.toString() + " " + tcp.server.toString();
    };
    int compared = 0;
    for (const auto& atClient : c.mptcp) {
        if (!atClient.client.key)
            continue;
        const auto atServer = std::find_if(s.mptcp.begin(), s.mptcp.end(), [&](const core::MptcpConnection& m) {
            return m.client.key == atClient.client.key;
        });
        QVERIFY(atServer != s.mptcp.end());
        std::map<std::string, std::size_t> serverSubflow; // 4-tuple → index at the server
        for (std::size_t i = 0; i < atServer->subflowStats.size(); ++i)
            serverSubflow[fourTuple(s, atServer->subflowStats[i].stream)] = i;
        for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
            QCOMPARE(atClient.stats(d).reinjectedBytes, atServer->stats(d).reinjectedBytes);
            // The share agrees where both ends saw the same data (in mptcp.stream 1 the client
            // captured 1428 bytes the server never received).
            if (atClient.stats(d).dataBytes != atServer->stats(d).dataBytes)
                continue;
            for (const auto& sf : atClient.subflowStats) {
                const auto found = serverSubflow.find(fourTuple(c, sf.stream));
                if (found == serverSubflow.end()) {
                    QCOMPARE(sf.firstCarriedBytes[index(d)], std::uint64_t(0));
                    continue;
                }
                QCOMPARE(sf.firstCarriedBytes[index(d)],
                         atServer->subflowStats[found->second].firstCarriedBytes[index(d)]);
            }
        }
        // The same ranges, with the original on the same subflow.
        QCOMPARE(atClient.reinjections.size(), atServer->reinjections.size());
        for (std::size_t i = 0; i < atClient.reinjections.size(); ++i) {
            const auto& a = atClient.reinjections[i];
            const auto& b = atServer->reinjections[i];
            QCOMPARE(a.dsnStart, b.dsnStart);
            QCOMPARE(a.dsnEnd, b.dsnEnd);
            QCOMPARE(fourTuple(c, a.originalStream), fourTuple(s, b.originalStream));
        }
        compared += atClient.reinjections.empty() ? 0 : 1;
    }
    QVERIFY(compared >= 2); // mptcp.stream 1 and 3 at the client reinject
}

QTEST_GUILESS_MAIN(TestReinjectionsTshark)
#include "tst_reinjections_tshark.moc"
