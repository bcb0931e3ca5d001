#include "test_data.h"

#include "cli_runner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>
#include <QTextStream>

class TestCli : public QObject {
    Q_OBJECT
private slots:
    void bothExecutablesAreBuilt();
    void helpExitsZero();
    void helpInProcessListsEveryCommand();
    void unknownCommandIsUsageError();
    void summaryCountsNonTcpPackets_data();
    void summaryCountsNonTcpPackets();
    void unreadableCaptureIsExit2WithOneLine();
};

namespace {

using testcli::Run;
using testcli::runInProcess;

} // namespace

void TestCli::bothExecutablesAreBuilt()
{
    QVERIFY(QFileInfo(QStringLiteral(MPTCPSCOPE_CLI_EXE)).isExecutable());
    QVERIFY(QFileInfo(QStringLiteral(MPTCPSCOPE_GUI_EXE)).isExecutable());
}

void TestCli::helpExitsZero()
{
    QProcess process;
    process.start(QStringLiteral(MPTCPSCOPE_CLI_EXE), {QStringLiteral("--help")});
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QVERIFY(process.readAllStandardOutput().contains("mptcp-summary"));
}

void TestCli::helpInProcessListsEveryCommand()
{
    const Run run = runInProcess({QStringLiteral("--help")});
    QCOMPARE(run.code, 0);
    for (const char* command : {"list-tcp", "list-mptcp", "tcp-summary", "mptcp-summary", "summary"})
        QVERIFY2(run.out.contains(QLatin1String(command)), command);
}

void TestCli::unknownCommandIsUsageError()
{
    const Run run = runInProcess({QStringLiteral("frobnicate")});
    QCOMPARE(run.code, 2);
    QVERIFY(run.err.contains(QStringLiteral("frobnicate")));
}

void TestCli::summaryCountsNonTcpPackets_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<qint64>("nonTcpPackets");
    const auto counts = testdata::packetCounts();
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures()) {
        const auto it = counts.find(QFileInfo(path).fileName());
        if (it != counts.end() && it->second.nonTcpPackets >= 0)
            QTest::addRow("%s", qPrintable(it->first)) << path << it->second.nonTcpPackets;
    }
}

void TestCli::summaryCountsNonTcpPackets()
{
    QFETCH(QString, path);
    QFETCH(qint64, nonTcpPackets);
    const Run run = runInProcess({QStringLiteral("summary"), path, QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonObject summary = QJsonDocument::fromJson(run.out.toUtf8()).object();
    QVERIFY(summary.contains(QStringLiteral("non_tcp_packets")));
    QCOMPARE(summary[QStringLiteral("non_tcp_packets")].toInteger(), nonTcpPackets);
    for (const auto& warning : summary[QStringLiteral("warnings")].toArray())
        QVERIFY2(!warning.toString().contains(QStringLiteral("not TCP")), qPrintable(warning.toString()));
}

void TestCli::unreadableCaptureIsExit2WithOneLine()
{
    const Run run = runInProcess({QStringLiteral("list-tcp"), QStringLiteral("/nonexistent.pcap")});
    QCOMPARE(run.code, 2);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(run.err.contains(QStringLiteral("/nonexistent.pcap")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
