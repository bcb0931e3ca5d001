// Replays every input in tests/data/fuzz-regressions/ (crashes the fuzzers found, and hand-made
// nasty inputs written by make.py there) through both fuzzed paths: core::load on the file as a
// capture, and the fuzz_decode harness on the file as "selector byte + frame", whose frame is
// also wrapped in a pcap and loaded. Nothing may crash (the sanitizer presets turn memory and
// UB errors into failures), and a failed load must say which file and why.

#include "fuzz/decode_harness.h"
#include "packet_builder.h"
#include "test_data.h"

#include "load/loader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <map>

class TestFuzzRegressions : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void loadAsCapture_data() { addInputRows(); }
    void loadAsCapture();
    void decodeAsFrame_data() { addInputRows(); }
    void decodeAsFrame();

private:
    static QString regressionsDir() { return testdata::dataDir() + QStringLiteral("/fuzz-regressions"); }
    void addInputRows();
    void checkLoad(const QString& path, const QString& expected);

    std::map<QString, QString> m_expected; // file name → "ok" or "error" (expected.tsv)
};

void TestFuzzRegressions::initTestCase()
{
    QFile file(regressionsDir() + QStringLiteral("/expected.tsv"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList fields = line.split(QLatin1Char('\t'));
        if (fields.size() >= 2)
            m_expected[fields[0]] = fields[1];
    }
}

void TestFuzzRegressions::addInputRows()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected"); // "ok", "error" or empty: either, as long as it is clean
    const QDir dir(regressionsDir());
    const QStringList names =
        dir.entryList({QStringLiteral("*.bin"), QStringLiteral("*.pcap"), QStringLiteral("*.pcapng")},
                      QDir::Files, QDir::Name);
    QVERIFY2(!names.isEmpty(), qPrintable(regressionsDir() + QStringLiteral(" has no inputs")));
    for (const auto& name : names) {
        const auto it = m_expected.find(name);
        QTest::addRow("%s", qPrintable(name)) << dir.filePath(name)
                                              << (it != m_expected.end() ? it->second : QString());
    }
}

void TestFuzzRegressions::checkLoad(const QString& path, const QString& expected)
{
    const core::LoadResult result = core::load(path.toStdString());
    if (result.ok()) {
        QVERIFY(result.error.empty());
        QVERIFY(result.capture->tcpPackets <= result.capture->packets);
        QVERIFY(result.capture->table.size() == result.capture->tcpPackets);
        // Timestamps stay within ±2^62 ns, so that differences of two of them cannot overflow.
        constexpr std::int64_t limit = std::int64_t(1) << 62;
        QVERIFY(result.capture->firstNs <= result.capture->lastNs);
        QVERIFY(result.capture->firstNs > -limit && result.capture->lastNs < limit);
        for (const std::int64_t timeNs : result.capture->table.timeNs)
            QVERIFY(timeNs > -limit && timeNs < limit);
    } else {
        QVERIFY2(!result.error.empty(), "a failed load must say why");
        QVERIFY2(QString::fromStdString(result.error).contains(path),
                 qPrintable(QStringLiteral("the error does not name the file: ") +
                            QString::fromStdString(result.error)));
    }
    if (expected == QLatin1String("ok"))
        QVERIFY2(result.ok(), result.error.c_str());
    else if (expected == QLatin1String("error"))
        QVERIFY2(!result.ok(), "the load should have failed");
}

void TestFuzzRegressions::loadAsCapture()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    checkLoad(path, expected);
}

void TestFuzzRegressions::decodeAsFrame()
{
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();

    fuzzharness::DecodeInput input;
    if (!fuzzharness::splitDecodeInput(testpkt::asSpan(bytes), input))
        QSKIP("empty input");
    const auto summary = fuzzharness::runDecode(input);
    QVERIFY(summary.mptcpOptions <= summary.tcpOptions);

    // The same frame through the whole loader (tracker, assembler, metrics), as the single
    // packet of a capture of its link type.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::uint32_t linkType =
        input.linkType == DLT_RAW ? testpkt::linktype::Raw : std::uint32_t(input.linkType);
    testpkt::Frame frame;
    frame.bytes.assign(input.raw.bytes.begin(), input.raw.bytes.end());
    frame.wireLength = input.raw.wireLength;
    frame.timeNs = 1'700'000'000'000'000'000;
    const QString wrapped = testpkt::writePcap(dir, QStringLiteral("frame.pcap"), linkType, {frame, frame});
    QVERIFY(!wrapped.isEmpty());
    checkLoad(wrapped, {});
}

QTEST_GUILESS_MAIN(TestFuzzRegressions)
#include "tst_fuzz_regressions.moc"
