#include "test_data.h"

#include "load/loader.h"
#include "log.h"
#include "model/capture.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include <sstream>

// The capture, decode and assemble loggers say, at debug level, what one load read and made.
class TestLoadLog : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void debugLevelSummarisesEachStage_data();
    void debugLevelSummarisesEachStage();
    void warnLevelSaysNothing();

private:
    QStringList lines(const QString& logger) const;

    std::ostringstream m_out;
};

void TestLoadLog::initTestCase()
{
    const auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(m_out);
    sink->set_pattern("%n|%v");
    for (const auto& logger : {core::log::capture(), core::log::decode(), core::log::assemble()}) {
        logger->sinks().clear();
        logger->sinks().push_back(sink);
    }
}

void TestLoadLog::init()
{
    m_out.str({});
    for (const auto& logger : {core::log::capture(), core::log::decode(), core::log::assemble()})
        logger->set_level(spdlog::level::debug);
}

QStringList TestLoadLog::lines(const QString& logger) const
{
    QStringList result;
    const QString prefix = logger + QLatin1Char('|');
    for (const QString& line : QString::fromStdString(m_out.str()).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        if (line.startsWith(prefix))
            result << line.mid(prefix.size());
    return result;
}

void TestLoadLog::debugLevelSummarisesEachStage_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("packets");
    QTest::addColumn<QString>("linkType");
    const auto counts = testdata::packetCounts();
    for (const QString& path : testdata::sampleCaptures()) {
        const QString name = QFileInfo(path).fileName();
        const auto it = counts.find(name);
        QVERIFY2(it != counts.end(), qPrintable(name + QStringLiteral(" is missing from packet_counts.tsv")));
        QTest::addRow("%s", qPrintable(name)) << path << it->second.packets << it->second.linkType;
    }
}

void TestLoadLog::debugLevelSummarisesEachStage()
{
    QFETCH(QString, path);
    QFETCH(qint64, packets);
    QFETCH(QString, linkType);
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.capture, result.error.c_str());
    const core::Capture& capture = *result.capture;

    const QStringList reading = lines(QStringLiteral("capture"));
    QCOMPARE(reading.size(), 2);
    QVERIFY2(reading[0].startsWith(path + QStringLiteral(": ")), qPrintable(reading[0]));
    QVERIFY2(reading[0].contains(QStringLiteral("link type ") + linkType + QLatin1Char(',')), qPrintable(reading[0]));
    QCOMPARE(reading[1], path + QStringLiteral(": end of file after %1 packets").arg(packets));

    // Every frame is counted once, under one outcome.
    const QStringList decode = lines(QStringLiteral("decode"));
    QCOMPARE(decode.size(), 1);
    qint64 decoded = 0;
    auto counts = QRegularExpression(QStringLiteral("(?:: |, )(\\d+) ")).globalMatch(decode[0]);
    while (counts.hasNext())
        decoded += counts.next().captured(1).toLongLong();
    QCOMPARE(decoded, packets);
    QVERIFY2(decode[0].contains(QStringLiteral(": %1 TCP").arg(capture.tcpPackets)), qPrintable(decode[0]));

    qsizetype subflows = 0;
    for (const auto& tcp : capture.tcp)
        subflows += tcp.mptcp.has_value();
    const QStringList assemble = lines(QStringLiteral("assemble"));
    QCOMPARE(assemble.size(), 1);
    QVERIFY2(assemble[0].startsWith(path + QStringLiteral(": %1 of %2 TCP connections are subflows of %3 MPTCP")
                                               .arg(subflows)
                                               .arg(capture.tcp.size())
                                               .arg(capture.mptcp.size())),
             qPrintable(assemble[0]));
}

void TestLoadLog::warnLevelSaysNothing()
{
    for (const auto& logger : {core::log::capture(), core::log::decode(), core::log::assemble()})
        logger->set_level(spdlog::level::warn);
    const QString path = testdata::samplesDir() + QStringLiteral("/b_four_subflows_bidir.pcapng");
    const auto result = core::load(path.toStdString());
    QVERIFY2(result.capture, result.error.c_str());
    QCOMPARE(QString::fromStdString(m_out.str()), QString());
}

QTEST_GUILESS_MAIN(TestLoadLog)
#include "tst_load_log.moc"
