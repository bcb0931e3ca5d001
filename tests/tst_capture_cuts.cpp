// Captures that begin in the middle of their connections (issue 13): every sample, and the
// shared captures when configured, cut at several points after the last handshake, must give
// for the packets they hold what the full capture gives for the same packets: per-packet data
// sequence numbers and data acks, and per connection the distinct data bytes and reinjected
// bytes those packets carry; and the subflows of one connection come out as one connection.
#include "cut_capture.h"
#include "test_data.h"

#include "load/loader.h"
#include "metrics/mptcp_metrics.h"
#include "model/capture.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

namespace {

using core::Direction;
using core::PacketTable;

constexpr int cutsPerCapture = 5;

// The MPTCP data direction a row's payload belongs to, in its capture's connection.
Direction sideOf(const core::Capture& capture, std::size_t row)
{
    const Direction d = capture.table.tcpDirection(row);
    return capture.tcp[capture.table.stream[row]].subflow.reversed ? opposite(d) : d;
}

const core::MptcpConnection* connectionOfStream(const core::Capture& capture, std::uint32_t stream)
{
    const auto& id = capture.tcp[stream].mptcp;
    return id ? capture.findMptcp(*id) : nullptr;
}

// The full capture's rows from `firstPacket` on, with its own data sequence numbers except
// where the cut has none (`unmapped`), and its connections' data-level figures computed over
// those rows only, without the subflows the cut leaves on their own (`leftAlone`, full
// tcp.stream numbers). `unmapped` and `retransmissions` are full packet numbers.
struct Expected {
    PacketTable table;
    std::vector<core::MptcpConnection> mptcp;
};

Expected expectedFrom(const core::Capture& full, std::uint32_t firstPacket, const std::set<std::uint32_t>& unmapped,
                      const std::set<std::uint32_t>& retransmissions, const std::set<std::uint32_t>& leftAlone)
{
    Expected result;
    PacketTable& sub = result.table;
    const PacketTable& t = full.table;
    for (std::size_t row = 0; row < t.size(); ++row) {
        if (t.packet[row] < firstPacket)
            continue;
        sub.timeNs.push_back(t.timeNs[row]);
        sub.packet.push_back(t.packet[row]);
        sub.stream.push_back(t.stream[row]);
        sub.tcpFlags.push_back(t.tcpFlags[row]);
        sub.marks.push_back(std::uint8_t(t.marks[row] & ~(PacketTable::Reinjection | PacketTable::Retransmission)));
        sub.relativeSeq.push_back(t.relativeSeq[row]);
        sub.length.push_back(t.length[row]);
        sub.dsn.push_back(unmapped.count(t.packet[row]) ? PacketTable::noDsn : t.dsn[row]);
        sub.dataAck.push_back(t.dataAck[row]);
    }
    // Whether a segment repeats one sent earlier on its subflow (a TCP retransmission, not a
    // reinjection) depends on what came before: the cut's own judgement counts.
    for (std::size_t row = 0; row < sub.size(); ++row)
        if (retransmissions.count(sub.packet[row]))
            sub.marks[row] |= PacketTable::Retransmission;
    for (const auto& m : full.mptcp) {
        core::MptcpConnection copy;
        copy.id = m.id;
        for (const auto stream : m.subflows)
            if (!leftAlone.count(stream.value))
                copy.subflows.push_back(stream);
        result.mptcp.push_back(std::move(copy));
    }
    core::computeMptcpMetrics(sub, full.tcp, result.mptcp);
    return result;
}

QString idList(const std::set<std::uint32_t>& ids)
{
    QStringList words;
    for (const auto id : ids)
        words << QString::number(id);
    return words.join(QLatin1Char(' '));
}

} // namespace

class TestCaptureCuts : public QObject {
    Q_OBJECT
private slots:
    void cutAfterHandshakes_data();
    void cutAfterHandshakes();

private:
    QTemporaryDir m_dir;
};

void TestCaptureCuts::cutAfterHandshakes_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("cut"); // 0: right after the last SYN, k: k fifths of the rest on
    const QStringList captures = testdata::sampleCaptures() + testdata::sharedCaptures();
    for (const auto& path : captures)
        for (int cut = 0; cut < cutsPerCapture; ++cut)
            QTest::addRow("%s@%d", qPrintable(QFileInfo(path).fileName()), cut) << path << cut;
}

void TestCaptureCuts::cutAfterHandshakes()
{
    QFETCH(QString, path);
    QFETCH(int, cut);
    const auto fullResult = core::load(path.toStdString());
    QVERIFY2(fullResult.ok(), fullResult.error.c_str());
    const core::Capture& full = *fullResult.capture;
    if (full.mptcp.empty())
        QSKIP("no MPTCP connection");

    std::uint32_t lastSyn = 0;
    for (std::size_t row = 0; row < full.table.size(); ++row)
        if (full.table.tcpFlags[row] & testpkt::tcpflag::Syn)
            lastSyn = full.table.packet[row];
    const auto packets = std::uint32_t(full.packets);
    const std::uint32_t first = lastSyn + 1 + std::uint32_t(cut) * (packets - lastSyn) / cutsPerCapture;
    if (first + 20 > packets)
        QSKIP("too few packets after the handshakes");

    std::string error;
    const testpkt::RawCapture raw = testpkt::readFrames(path, error);
    QVERIFY2(!raw.frames.empty(), error.c_str());
    QCOMPARE(raw.frames.size(), std::size_t(packets));
    const QString cutPath = testpkt::writeCut(m_dir, path, raw, first);
    QVERIFY(!cutPath.isEmpty());
    const auto cutResult = core::load(cutPath.toStdString());
    QVERIFY2(cutResult.ok(), cutResult.error.c_str());
    const core::Capture& part = *cutResult.capture;
    const std::uint32_t offset = first - 1; // full packet number = cut packet number + offset

    std::map<std::uint32_t, std::size_t> fullRow; // packet number → row
    for (std::size_t row = 0; row < full.table.size(); ++row)
        if (full.table.packet[row] >= first)
            fullRow.emplace(full.table.packet[row], row);
    QCOMPARE(part.table.size(), fullRow.size());

    // Payload the cut cannot place says so, packet by packet: its mapping came before the
    // cut, or no segment of its subflow direction starts or ends a mapping, so the offset of
    // its bytes in their mapping is unknown.
    std::set<std::uint32_t> explained; // cut packet numbers
    for (const auto& warning : part.listedWarnings)
        if (warning.reason.find("without a DSS mapping") != std::string::npos ||
            warning.reason.find("with an unknown DSN") != std::string::npos)
            explained.insert(std::uint32_t(warning.packet));
    std::set<std::uint32_t> unmapped; // full packet numbers

    // Per packet: the same data sequence number and data ack (the low 32 bits where the cut
    // only had 32-bit values and no key); tcp.stream numbers map one to one.
    std::map<std::uint32_t, std::uint32_t> fullStreamOf; // cut tcp.stream → full tcp.stream
    std::map<std::uint32_t, bool> sideFlipped;           // cut mptcp id → its client is the full one's server
    for (std::size_t row = 0; row < part.table.size(); ++row) {
        const std::uint32_t packet = part.table.packet[row] + offset;
        const std::size_t f = fullRow.at(packet);
        const auto [it, fresh] = fullStreamOf.emplace(part.table.stream[row], full.table.stream[f]);
        QCOMPARE(it->second, full.table.stream[f]);
        const QString where = QStringLiteral("packet %1 (cut packet %2)").arg(packet).arg(part.table.packet[row]);
        const auto* connection = connectionOfStream(part, part.table.stream[row]);
        const auto compare = [&](std::uint64_t ours, std::uint64_t theirs, Direction side, const char* what) {
            if (theirs == PacketTable::noDsn || !connection) {
                QVERIFY2(ours == PacketTable::noDsn || !connection,
                         qPrintable(where + QStringLiteral(": a %1 the full capture does not have").arg(what)));
                return;
            }
            QVERIFY2(ours != PacketTable::noDsn, qPrintable(where + QStringLiteral(": no %1").arg(what)));
            if (connection->dsnUpperBitsUnknown[index(side)])
                QVERIFY2(std::uint32_t(ours) == std::uint32_t(theirs),
                         qPrintable(where + QStringLiteral(": %1").arg(what)));
            else
                QVERIFY2(
                    ours == theirs,
                    qPrintable(where + QStringLiteral(": %1 %2, full capture %3").arg(what).arg(ours).arg(theirs)));
        };
        const Direction side = connection ? sideOf(part, row) : Direction::ClientToServer;
        if (part.table.length[row] > 0 && part.table.dsn[row] == PacketTable::noDsn &&
            full.table.dsn[f] != PacketTable::noDsn && explained.count(part.table.packet[row]))
            unmapped.insert(packet);
        else if (part.table.length[row] > 0)
            compare(part.table.dsn[row], full.table.dsn[f], side, "DSN");
        if (!(part.table.marks[row] & PacketTable::DataAckUnexpanded) &&
            !(full.table.marks[f] & PacketTable::DataAckUnexpanded))
            compare(part.table.dataAck[row], full.table.dataAck[f], opposite(side), "data ack");
        if (QTest::currentTestFailed())
            return;
        if (connection && part.table.dsn[row] != PacketTable::noDsn && part.table.length[row] > 0)
            sideFlipped[connection->id.value] = sideOf(part, row) != sideOf(full, f);
    }

    // One connection for the subflows of one connection, and never two connections in one. A
    // subflow may stay on its own when the cut holds too little to prove where it belongs: one
    // or two segments give at most one 32-bit value of proof, not enough (DsnProof); and no
    // data ack on another subflow acknowledges up to the end of any of its segments (data acks
    // can stay on one value for seconds while the receiver waits for a lost segment).
    std::map<std::uint32_t, int> dataSegments;             // cut tcp.stream → segments with a DSN
    std::map<std::uint32_t, std::set<std::uint32_t>> ends; // cut tcp.stream → low 32 bits of its segment ends
    std::map<std::uint32_t, std::set<std::uint32_t>> acks; // cut tcp.stream → low 32 bits of its data acks
    for (std::size_t row = 0; row < part.table.size(); ++row) {
        const std::uint32_t stream = part.table.stream[row];
        if (part.table.length[row] > 0 && part.table.dsn[row] != PacketTable::noDsn) {
            ++dataSegments[stream];
            ends[stream].insert(std::uint32_t(part.table.dsn[row] + part.table.length[row]));
        }
        if (part.table.dataAck[row] != PacketTable::noDsn)
            acks[stream].insert(std::uint32_t(part.table.dataAck[row]));
    }
    const auto ackedElsewhere = [&](std::uint32_t stream) {
        for (const auto& [other, values] : acks)
            if (other != stream)
                for (const std::uint32_t end : ends[stream])
                    if (values.count(end))
                        return true;
        return false;
    };
    std::set<std::uint32_t> leftAlone;                             // full tcp.stream
    std::map<std::uint32_t, std::set<std::uint32_t>> cutIdsOfFull; // full mptcp id → cut ids
    std::map<std::uint32_t, std::set<std::uint32_t>> fullIdsOfCut;
    for (const auto& [cutStream, fullStream] : fullStreamOf) {
        const auto* theirs = connectionOfStream(full, fullStream);
        const auto* ours = connectionOfStream(part, cutStream);
        if (!theirs)
            continue;
        QVERIFY2(
            ours,
            qPrintable(
                QStringLiteral("tcp.stream %1 (full %2) lost its MPTCP connection").arg(cutStream).arg(fullStream)));
        if (ours->unattached && (dataSegments[cutStream] <= 2 || !ackedElsewhere(cutStream))) {
            qInfo(
                "tcp.stream %u (full %u) carries %d data segment(s), none acknowledged elsewhere, and stays on its own",
                cutStream, fullStream, dataSegments[cutStream]);
            leftAlone.insert(fullStream);
            continue;
        }
        cutIdsOfFull[theirs->id.value].insert(ours->id.value);
        fullIdsOfCut[ours->id.value].insert(theirs->id.value);
    }
    for (const auto& [cutId, fullIds] : fullIdsOfCut)
        QVERIFY2(fullIds.size() == 1,
                 qPrintable(QStringLiteral("mptcp.stream %1 of the cut merges several connections").arg(cutId)));
    for (const auto& [fullId, cutIds] : cutIdsOfFull)
        QVERIFY2(cutIds.size() == 1,
                 qPrintable(QStringLiteral("mptcp.stream %1 of the full capture comes out as %2 connections: %3")
                                .arg(fullId)
                                .arg(cutIds.size())
                                .arg(idList(cutIds))));

    // Per connection: data bytes and reinjected bytes of the packets the cut holds.
    if (!unmapped.empty())
        qInfo("%zu of %zu packets left without a DSN, as the warnings say", unmapped.size(), part.table.size());
    std::set<std::uint32_t> retransmissions;
    for (std::size_t row = 0; row < part.table.size(); ++row)
        if (part.table.marks[row] & PacketTable::Retransmission)
            retransmissions.insert(part.table.packet[row] + offset);
    const Expected expected = expectedFrom(full, first, unmapped, retransmissions, leftAlone);
    for (const auto& [fullId, cutIds] : cutIdsOfFull) {
        const auto* ours = part.findMptcp(core::MptcpId(*cutIds.begin()));
        const auto theirs = std::ranges::find_if(expected.mptcp, [&](const auto& m) { return m.id.value == fullId; });
        QVERIFY(ours && theirs != expected.mptcp.end());
        const bool flipped = sideFlipped[ours->id.value];
        for (const Direction d : {Direction::ClientToServer, Direction::ServerToClient}) {
            const auto& want = theirs->stats(flipped ? opposite(d) : d);
            const auto& got = ours->stats(d);
            const QString where =
                QStringLiteral("mptcp.stream %1 (full %2) %3").arg(ours->id.value).arg(fullId).arg(index(d));
            QVERIFY2(got.dataBytes == want.dataBytes,
                     qPrintable(where +
                                QStringLiteral(": data %1, full capture %2").arg(got.dataBytes).arg(want.dataBytes)));
            QVERIFY2(got.reinjectedBytes == want.reinjectedBytes,
                     qPrintable(where + QStringLiteral(": reinjected %1, full capture %2")
                                            .arg(got.reinjectedBytes)
                                            .arg(want.reinjectedBytes)));
        }
        if (!ours->handshakeCaptured)
            QVERIFY(!ours->client.key && !ours->server.key);
    }
}

QTEST_GUILESS_MAIN(TestCaptureCuts)
#include "tst_capture_cuts.moc"
