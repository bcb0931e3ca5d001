#include "test_data.h"

#include "capture/pcap_reader.h"
#include "load/loader.h"
#include "load/packet_details.h"
#include "model/capture.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <tuple>
#include <variant>

// Reading one packet again from its file (the chart's packet panel): the packet found is the
// one the load saw, near the start, after a seek (pcap and pcapng, one or two interfaces) and
// at the end; a file replaced since the load is refused, not misread.
class TestPacketDetails : public QObject {
    Q_OBJECT
private slots:
    void rereadsThePacketTheLoadSaw_data();
    void rereadsThePacketTheLoadSaw();
    void windowScaleMatchesTshark_data();
    void windowScaleMatchesTshark();
    void refusesAChangedFile();
    void refusesANonTcpPacket();
};

void TestPacketDetails::rereadsThePacketTheLoadSaw_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestPacketDetails::rereadsThePacketTheLoadSaw()
{
    QFETCH(QString, path);
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    const core::Capture& capture = *result.capture;
    const core::PacketTable& table = capture.table;
    QCOMPARE(capture.frameOffsets.size(),
             std::size_t((capture.packets + core::Capture::frameOffsetInterval) / core::Capture::frameOffsetInterval));
    std::vector<std::size_t> rows;
    for (std::size_t row = 0; row < table.size(); row += 37)
        rows.push_back(row);
    if (!table.size())
        return;
    rows.push_back(table.size() - 1);
    for (const std::size_t row : rows) {
        const core::PacketNumber number(table.packet[row]);
        std::string error;
        const auto details = core::readPacketDetails(capture, number, error);
        QVERIFY2(details, error.c_str());
        QCOMPARE(details->row, row);
        QCOMPARE(details->timeNs, table.timeNs[row]);
        const auto& tcp = capture.tcp[table.stream[row]];
        const bool fromClient = table.tcpDirection(row) == core::Direction::ClientToServer;
        QCOMPARE(details->decoded.tcp.sourcePort, fromClient ? tcp.client.port : tcp.server.port);
        QCOMPARE(details->decoded.tcp.destinationPort, fromClient ? tcp.server.port : tcp.client.port);
        QCOMPARE(details->decoded.tcp.flags, table.tcpFlags[row]);
        QCOMPARE(details->decoded.tcp.payloadLength, table.length[row]);
        QCOMPARE(details->decoded.tcp.window, table.window[row]);
        // What the load took from this packet's own options is in them.
        bool dataAck = false;
        bool dataFin = false;
        for (const auto& option : details->mptcp)
            if (const auto* dss = std::get_if<core::Dss>(&option)) {
                dataAck |= dss->hasDataAck;
                dataFin |= dss->dataFin;
            }
        if (table.dataAck[row] != core::PacketTable::noDsn)
            QVERIFY2(dataAck, qPrintable(QStringLiteral("packet %1").arg(number.value)));
        if (table.marks[row] & core::PacketTable::DataFin)
            QVERIFY2(dataFin, qPrintable(QStringLiteral("packet %1").arg(number.value)));
    }

    // Each recorded offset is where its packet starts: a fresh reader that seeks there reads it.
    // In pcapng, a fresh reader knows only the interfaces described before its first packet:
    // past the description of another one it fails (readPacketDetails then reads from the
    // start), and never reads a wrong packet.
    for (std::size_t k = 1; k < capture.frameOffsets.size(); ++k) {
        const std::uint64_t before = std::uint64_t(k) * core::Capture::frameOffsetInterval;
        if (before >= capture.packets)
            break; // the offset of the end of the file
        std::string error;
        auto reader = core::PcapReader::open(path.toStdString(), error);
        QVERIFY2(reader, error.c_str());
        QVERIFY(reader->seek(capture.frameOffsets[k], before));
        core::RawPacket raw;
        const auto status = reader->next(raw);
        if (status == core::PcapReader::Status::Error && path.endsWith(QLatin1String(".pcapng"))) {
            qInfo("%s: no seek past packet %llu (%s)", qPrintable(QFileInfo(path).fileName()), qulonglong(before),
                  reader->error().c_str());
            continue;
        }
        QCOMPARE(int(status), int(core::PcapReader::Status::Packet));
        QCOMPARE(reader->packetsRead(), before + 1);
        if (const auto row = capture.rowOf(core::PacketNumber(std::uint32_t(before + 1))))
            QCOMPARE(raw.timeNs, table.timeNs[*row]);
    }
}

void TestPacketDetails::windowScaleMatchesTshark_data() { rereadsThePacketTheLoadSaw_data(); }

// The shift each side's windows get (the TCP attribute chart's receive window) against tshark's
// tcp.window_size_scalefactor (tests/data/window_scale.tsv, from tests/oracle/window_scale.sh):
// -1 where the handshake is not in the capture, no scaling (-2) where a SYN lacks the option.
// tshark gives -1 to packets sent before the SYN/ACK too; the factor after it is the one.
void TestPacketDetails::windowScaleMatchesTshark()
{
    QFETCH(QString, path);
    const QString name = QFileInfo(path).fileName();
    QFile file(testdata::dataDir() + QStringLiteral("/window_scale.tsv"));
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    std::map<std::tuple<unsigned, QString, unsigned>, int> factors; // stream, address, port → factor
    while (!file.atEnd()) {
        const QStringList f = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char('\t'));
        if (f.size() != 5 || f[0] != name)
            continue;
        int& factor = factors.try_emplace({f[1].toUInt(), f[2], f[3].toUInt()}, -1).first->second;
        if (f[4].toInt() != -1)
            factor = f[4].toInt();
    }
    QVERIFY2(!factors.empty(), qPrintable(name + QStringLiteral(": no tshark data; run tests/oracle/window_scale.sh")));
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    for (const auto& [key, factor] : factors) {
        const auto& [stream, address, port] = key;
        const auto& tcp = result.capture->tcp[stream];
        const bool client = QString::fromStdString(tcp.client.address.toString()) == address && tcp.client.port == port;
        const std::int8_t shift =
            tcp.stats(client ? core::Direction::ClientToServer : core::Direction::ServerToClient).windowScale;
        const int ours = shift < 0 ? -1 : shift == 0 ? -2 : 1 << shift;
        QVERIFY2(ours == factor || (shift == 0 && factor == 1),
                 qPrintable(QStringLiteral("%1 tcp.stream %2 from %3:%4: tshark %5, ours %6")
                                .arg(name)
                                .arg(stream)
                                .arg(address)
                                .arg(port)
                                .arg(factor)
                                .arg(ours)));
    }
}

void TestPacketDetails::refusesAChangedFile()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("capture.pcap"));
    QVERIFY(QFile::copy(testdata::samplesDir() + QStringLiteral("/a_two_subflows_upload.pcap"), copy));
    const auto result = core::load(copy.toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    QVERIFY(QFile::remove(copy));
    QVERIFY(QFile::copy(testdata::samplesDir() + QStringLiteral("/g_ipv6_two_subflows.pcap"), copy));
    std::string error;
    const core::PacketNumber last(result.capture->table.packet.back());
    QVERIFY(!core::readPacketDetails(*result.capture, last, error));
    QVERIFY2(error.find("changed") != std::string::npos || error.find("no longer") != std::string::npos, error.c_str());
    QVERIFY(QFile::remove(copy));
    QVERIFY(!core::readPacketDetails(*result.capture, last, error));
    QVERIFY2(!error.empty(), "a missing file is an error");
}

void TestPacketDetails::refusesANonTcpPacket()
{
    const auto result = core::load(
        (testdata::samplesDir() + QStringLiteral("/a_two_subflows_upload.pcap")).toStdString());
    QVERIFY2(result.ok(), result.error.c_str());
    std::string error;
    QVERIFY(!core::readPacketDetails(*result.capture, core::PacketNumber(std::uint32_t(result.capture->packets + 1)),
                                     error));
    QVERIFY2(error.find("not a TCP packet") != std::string::npos, error.c_str());
}

QTEST_GUILESS_MAIN(TestPacketDetails)
#include "tst_packet_details.moc"
