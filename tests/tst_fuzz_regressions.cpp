// Replays every input in tests/data/fuzz-regressions/ (crashes the fuzzers found, and hand-made
// nasty inputs written by make.py there) through both fuzzed paths: "load", core::load on the
// file as a capture; "decode", the fuzz_decode harness on the file as "selector byte + frame",
// whose frame is also wrapped twice in a pcap and loaded. Nothing may crash (the sanitizer
// presets turn memory and UB errors into failures), and each input gives on each path exactly
// what expected.tsv there says (see fuzz_regression_table.h): an input missing from the table,
// or a listed input missing from the folder, fails.

#include "fuzz/decode_harness.h"
#include "fuzz_regression_table.h"
#include "packet_builder.h"
#include "test_data.h"

#include "load/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

namespace {

QString regressionsDir() { return testdata::dataDir() + QStringLiteral("/fuzz-regressions"); }

// How the replay describes an outcome, in the field syntax of expected.tsv.
QStringList describeLoad(const core::LoadResult& result, bool withTimes)
{
    if (!result.ok())
        return {QStringLiteral("error: ") + QString::fromStdString(result.error)};
    const core::Capture& capture = *result.capture;
    QStringList fields{QStringLiteral("ok"),
                       QStringLiteral("counts: packets=%1 tcp=%2 non_tcp=%3 tcp_connections=%4 mptcp_connections=%5")
                           .arg(capture.packets)
                           .arg(capture.tcpPackets)
                           .arg(capture.nonTcpPackets)
                           .arg(capture.tcp.size())
                           .arg(capture.mptcp.size())};
    if (withTimes)
        fields << QStringLiteral("time: first=%1 last=%2").arg(capture.firstNs).arg(capture.lastNs);
    for (const std::string& warning : capture.warnings)
        fields << QStringLiteral("warning: ") + QString::fromStdString(warning);
    return fields;
}

QString describe(core::OptionWalkStatus walk)
{
    switch (walk) {
    case core::OptionWalkStatus::Ok: return QStringLiteral("ok");
    case core::OptionWalkStatus::Cut: return QStringLiteral("cut");
    case core::OptionWalkStatus::Malformed: return QStringLiteral("malformed");
    }
    return QStringLiteral("?");
}

QStringList describeDecode(const fuzzharness::DecodeSummary& summary)
{
    QStringList fields{QStringLiteral("decoded: ") + QString::fromUtf8(core::describe(summary.status))};
    if (summary.status == core::DecodeStatus::Tcp)
        fields << QStringLiteral("options: %1 tcp=%2 mptcp=%3")
                      .arg(describe(summary.walk))
                      .arg(summary.tcpOptions)
                      .arg(summary.mptcpOptions);
    return fields;
}

} // namespace

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void everyListedInputExists();
    void loadAsCapture_data() { addInputRows(); }
    void loadAsCapture();
    void decodeAsFrame_data() { addInputRows(); }
    void decodeAsFrame();

private:
    static void addInputRows();
    static void checkInvariants(const core::LoadResult& result, const QString& path);
    void compareWithTable(const QString& path, const QString& replay, const QStringList& actual) const;

    fuzztable::Table m_table;
};

void TestFuzzRegressions::initTestCase()
{
    m_table = fuzztable::readTable(regressionsDir() + QStringLiteral("/expected.tsv"));
    QVERIFY2(m_table.problems.isEmpty(), qPrintable(m_table.problems.join(QLatin1Char('\n'))));
    QVERIFY2(!m_table.expected.empty(), "expected.tsv lists no input");
}

void TestFuzzRegressions::everyListedInputExists()
{
    QStringList missing;
    for (const auto& [key, fields] : m_table.expected) {
        if (!QFile::exists(QDir(regressionsDir()).filePath(key.first)))
            missing << key.first;
    }
    missing.removeDuplicates();
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("listed in expected.tsv but not in the folder: ") +
                                           missing.join(QStringLiteral(", "))));
}

void TestFuzzRegressions::addInputRows()
{
    QTest::addColumn<QString>("path");
    const QDir dir(regressionsDir());
    const QStringList names = dir.entryList(
        {QStringLiteral("*.bin"), QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")}, QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(regressionsDir() + QStringLiteral(" has no inputs")));
    for (const auto& name : names)
        QTest::addRow("%s", qPrintable(name)) << dir.filePath(name);
}

void TestFuzzRegressions::checkInvariants(const core::LoadResult& result, const QString& path)
{
    if (!result.ok()) {
        QVERIFY2(!result.error.empty(), "a failed load must say why");
        QVERIFY2(
            QString::fromStdString(result.error).contains(path),
            qPrintable(QStringLiteral("the error does not name the file: ") + QString::fromStdString(result.error)));
        return;
    }
    QVERIFY(result.error.empty());
    const core::Capture& capture = *result.capture;
    QVERIFY(capture.tcpPackets + capture.nonTcpPackets <= capture.packets);
    QVERIFY(capture.table.size() == capture.tcpPackets);
    // Timestamps stay within ±2^62 ns, so that differences of two of them cannot overflow.
    constexpr std::int64_t limit = std::int64_t(1) << 62;
    QVERIFY(capture.firstNs <= capture.lastNs);
    QVERIFY(capture.firstNs > -limit && capture.lastNs < limit);
    for (const std::int64_t timeNs : capture.table.timeNs)
        QVERIFY(timeNs > -limit && timeNs < limit);
}

void TestFuzzRegressions::compareWithTable(const QString& path, const QString& replay, const QStringList& actual) const
{
    const QString name = QFileInfo(path).fileName();
    const QString actualLine = name + QLatin1Char('\t') + replay + QLatin1Char('\t') + actual.join(QLatin1Char('\t'));
    const auto it = m_table.expected.find({name, replay});
    if (it == m_table.expected.end())
        QFAIL(qPrintable(QStringLiteral("not listed in expected.tsv; it gives:\n") + actualLine));
    const QString difference = fuzztable::mismatch(it->second, actual);
    if (const auto bug = m_table.knownBugs.find({name, replay}); bug != m_table.knownBugs.end())
        QEXPECT_FAIL("", qPrintable(bug->second), Continue);
    QVERIFY2(difference.isEmpty(), qPrintable(difference + QStringLiteral("; the whole outcome:\n") + actualLine));
}

void TestFuzzRegressions::loadAsCapture()
{
    QFETCH(QString, path);
    const core::LoadResult result = core::load(path.toStdString());
    checkInvariants(result, path);
    if (QTest::currentTestFailed())
        return;
    compareWithTable(path, QStringLiteral("load"), describeLoad(result, true));
}

void TestFuzzRegressions::decodeAsFrame()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    fuzzharness::DecodeInput input;
    if (!fuzzharness::splitDecodeInput(testpkt::asSpan(bytes), input)) {
        compareWithTable(path, QStringLiteral("decode"), {QStringLiteral("empty input")});
        return;
    }
    const auto summary = fuzzharness::runDecode(input);
    QVERIFY(summary.mptcpOptions <= summary.tcpOptions);

    // The same frame through the whole loader (tracker, assembler, metrics), as the two
    // packets of a capture of its link type.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::uint32_t linkType = input.linkType == DLT_RAW ? testpkt::linktype::Raw : std::uint32_t(input.linkType);
    testpkt::Frame frame;
    frame.bytes.assign(input.raw.bytes.begin(), input.raw.bytes.end());
    frame.wireLength = input.raw.wireLength;
    frame.timeNs = 1'700'000'000'000'000'000;
    const QString wrapped = testpkt::writePcap(dir, QStringLiteral("frame.pcap"), linkType, {frame, frame});
    QVERIFY(!wrapped.isEmpty());
    const core::LoadResult result = core::load(wrapped.toStdString());
    checkInvariants(result, wrapped);
    if (QTest::currentTestFailed())
        return;
    compareWithTable(path, QStringLiteral("decode"), describeDecode(summary) + describeLoad(result, false));
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
