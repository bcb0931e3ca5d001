#include "mixed_capture.h"
#include "test_data.h"

#include "capture/pcap_reader.h"
#include "load/loader.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

class TestPcapReader : public QObject {
    Q_OBJECT
private slots:
    void countsMatchCapinfos_data();
    void countsMatchCapinfos();
    void loaderCountsEveryFrame_data() { countsMatchCapinfos_data(); }
    void loaderCountsEveryFrame();
    void missingFileIsAClearError();
    void garbageIsAClearError();
    void truncatedLastPacketIsAWarning();
    void nonTcpPacketsAreCountedNotWarned();
    void nanosecondPcapGivesTheSameModel();

private:
    void addCaptureRows(const QStringList& files);
};

void TestPcapReader::addCaptureRows(const QStringList& files)
{
    const auto counts = testdata::packetCounts();
    for (const auto& path : files) {
        const QString name = QFileInfo(path).fileName();
        const auto it = counts.find(name);
        QVERIFY2(it != counts.end(), qPrintable(name + QStringLiteral(" is missing from packet_counts.tsv")));
        QVERIFY2(it->second.nonTcpPackets >= 0,
                 qPrintable(name + QStringLiteral(": no non-TCP count, run tests/oracle/packet_counts.sh")));
        QTest::addRow("%s", qPrintable(name))
            << path << it->second.packets << it->second.linkType << it->second.nonTcpPackets;
    }
}

void TestPcapReader::countsMatchCapinfos_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("packets");
    QTest::addColumn<QString>("linkType");
    QTest::addColumn<qint64>("nonTcpPackets");
    const QStringList samples = testdata::sampleCaptures();
    QVERIFY2(samples.size() >= 7, "samples/ should hold the recorded captures");
    addCaptureRows(samples);
    addCaptureRows(testdata::sharedCaptures());
}

void TestPcapReader::countsMatchCapinfos()
{
    QFETCH(QString, path);
    QFETCH(qint64, packets);
    QFETCH(QString, linkType);

    std::string error;
    auto reader = core::PcapReader::open(path.toStdString(), error);
    QVERIFY2(reader, error.c_str());
    QCOMPARE(QString::fromStdString(reader->linkTypeName()), linkType);
    core::RawPacket raw;
    qint64 count = 0;
    while (reader->next(raw) == core::PcapReader::Status::Packet) {
        QVERIFY(raw.bytes.size() <= raw.wireLength);
        QVERIFY(raw.timeNs >= 0); // iperf-mptcp-0-0.pcap really starts at the epoch
        ++count;
    }
    QCOMPARE(count, packets);
    QCOMPARE(qint64(reader->packetsRead()), packets);
}

void TestPcapReader::loaderCountsEveryFrame()
{
    QFETCH(QString, path);
    QFETCH(qint64, packets);
    QFETCH(QString, linkType);
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    QCOMPARE(qint64(result.capture->packets), packets);
    QCOMPARE(QString::fromStdString(result.capture->linkTypeName), linkType);
    // ARP, UDP and the like are counted, never warned about.
    QFETCH(qint64, nonTcpPackets);
    QCOMPARE(qint64(result.capture->nonTcpPackets), nonTcpPackets);
    for (const auto& w : result.capture->warnings)
        QVERIFY2(!QString::fromStdString(w).contains(QStringLiteral("not TCP")), w.c_str());
}

void TestPcapReader::missingFileIsAClearError()
{
    const auto result = core::load("/nonexistent/capture.pcap");
    QVERIFY(!result.ok());
    QVERIFY(QString::fromStdString(result.error).contains(QStringLiteral("/nonexistent/capture.pcap")));
}

void TestPcapReader::garbageIsAClearError()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("garbage.pcap"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(200, 'x'));
    file.close();
    const auto result = core::load(path.toStdString());
    QVERIFY(!result.ok());
    const QString error = QString::fromStdString(result.error);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("not a readable pcap")), qPrintable(error));
}

void TestPcapReader::truncatedLastPacketIsAWarning()
{
    const QStringList samples = testdata::sampleCaptures();
    QVERIFY(!samples.isEmpty());
    QString source;
    for (const auto& s : samples)
        if (s.endsWith(QStringLiteral(".pcap")))
            source = s;
    QVERIFY(!source.isEmpty());
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    const QByteArray bytes = in.readAll();

    std::string error;
    auto reader = core::PcapReader::open(source.toStdString(), error);
    QVERIFY(reader);
    core::RawPacket raw;
    qint64 total = 0;
    while (reader->next(raw) == core::PcapReader::Status::Packet)
        ++total;

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("cut.pcap"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() - 10)); // cuts the last record's data
    out.close();

    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    QCOMPARE(qint64(result.capture->packets), total - 1);
    bool warned = false;
    for (const auto& w : result.capture->warnings)
        warned |= QString::fromStdString(w).contains(QStringLiteral("cut short"));
    QVERIFY(warned);
}

void TestPcapReader::nonTcpPacketsAreCountedNotWarned()
{
    QTemporaryDir dir;
    const auto mixed = testpkt::writeMixedCapture(dir, QStringLiteral("mixed.pcap"));
    QVERIFY(!mixed.path.isEmpty());
    const auto result = core::load(mixed.path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    QCOMPARE(capture.nonTcpPackets, std::uint64_t(mixed.nonTcp.size()));

    // The warnings name the packets that have a problem, and only those, in packet order.
    std::vector<std::uint64_t> warned;
    for (const auto& w : capture.listedWarnings) {
        warned.push_back(w.packet);
        const bool cut = std::find(mixed.cutShort.begin(), mixed.cutShort.end(), w.packet) != mixed.cutShort.end();
        const auto expected = cut ? "headers cut by the snapshot length" : "IP fragment";
        QCOMPARE(QString::fromStdString(w.reason), QString::fromLatin1(expected));
    }
    std::vector<std::uint64_t> expected = mixed.cutShort;
    expected.insert(expected.end(), mixed.fragment.begin(), mixed.fragment.end());
    std::sort(expected.begin(), expected.end());
    QCOMPARE(warned, expected);
    QCOMPARE(capture.unlistedWarnings, std::uint64_t(0));
    QCOMPARE(capture.warnings.size(), std::size_t(2)); // one line per kind
}

void TestPcapReader::nanosecondPcapGivesTheSameModel()
{
    // tests/data/nsec/: sample a converted by editcap -F nsecpcap (same packets, ns stamps).
    const auto micro = core::load(
        (testdata::samplesDir() + QStringLiteral("/a_two_subflows_upload.pcap")).toStdString());
    const auto nano = core::load(
        (testdata::dataDir() + QStringLiteral("/nsec/a_two_subflows_upload.nsec.pcap")).toStdString());
    QVERIFY2(micro.ok() && nano.ok(), (micro.error + nano.error).c_str());
    const auto& a = *micro.capture;
    const auto& b = *nano.capture;
    QCOMPARE(b.packets, a.packets);
    QCOMPARE(b.firstNs, a.firstNs);
    QCOMPARE(b.lastNs, a.lastNs);
    QVERIFY(a.firstNs % 1000 == 0); // microsecond stamps, read as nanoseconds
    QCOMPARE(b.tcp.size(), a.tcp.size());
    QCOMPARE(b.mptcp.size(), a.mptcp.size());
    for (std::size_t i = 0; i < a.mptcp.size(); ++i)
        for (int d = 0; d < core::directionCount; ++d)
            QCOMPARE(b.mptcp[i].directions[std::size_t(d)].dataBytes, a.mptcp[i].directions[std::size_t(d)].dataBytes);
    QCOMPARE(b.table.timeNs, a.table.timeNs);
}

QTEST_GUILESS_MAIN(TestPcapReader)
#include "tst_pcap_reader.moc"
