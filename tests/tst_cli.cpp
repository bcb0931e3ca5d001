#include "test_data.h"

#include "cli_runner.h"
#include "command_table.h"

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
    void summaryOfSeveralFilesIsOneLinePerFile();
    void summaryJsonlOfOneFileIsOneLine();
    void onlyARepeatingLastArgumentTakesMoreFiles();
};

namespace {

using testcli::Run;
using testcli::runInProcess;

QJsonObject singleSummary(const QString& path)
{
    const Run run = runInProcess({QStringLiteral("summary"), path, QStringLiteral("--json")});
    return QJsonDocument::fromJson(run.out.toUtf8()).object();
}

// The lines of JSON Lines output, which ends with a newline.
QStringList jsonLines(const QString& out)
{
    QStringList lines = out.split(QLatin1Char('\n'));
    if (lines.isEmpty() || !lines.last().isEmpty())
        return {QStringLiteral("<no newline at the end>")};
    lines.removeLast();
    return lines;
}

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

void TestCli::summaryOfSeveralFilesIsOneLinePerFile()
{
    const QStringList samples = testdata::sampleCaptures();
    QVERIFY(samples.size() >= 2);
    const QString missing = QStringLiteral("/nonexistent/missing.pcap");
    const QStringList files{samples[0], missing, samples[1], samples[0]};
    const Run run = runInProcess(QStringList{QStringLiteral("summary")} + files);

    // The file that cannot be loaded has its line in its place, the others still print, and
    // the exit status tells.
    QCOMPARE(run.code, 2);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY2(run.err.contains(missing), qPrintable(run.err));
    const QStringList lines = jsonLines(run.out);
    QCOMPARE(lines.size(), files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonParseError parseError;
        const QJsonObject line = QJsonDocument::fromJson(lines[i].toUtf8(), &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(lines[i]));
        if (files[i] == missing) {
            QCOMPARE(line.keys(),
                     QStringList({QStringLiteral("error"), QStringLiteral("file"), QStringLiteral("schema")}));
            QCOMPARE(line[QStringLiteral("file")].toString(), QStringLiteral("missing.pcap"));
            QVERIFY(line[QStringLiteral("error")].toString().contains(missing));
            QCOMPARE(line[QStringLiteral("schema")].toString(), QStringLiteral("mptcpscope/1"));
        } else {
            QVERIFY2(line == singleSummary(files[i]), qPrintable(files[i]));
        }
    }
}

void TestCli::summaryJsonlOfOneFileIsOneLine()
{
    const QString sample = testdata::sampleCaptures().value(0);
    const Run run = runInProcess({QStringLiteral("summary"), sample, QStringLiteral("--jsonl")});
    QCOMPARE(run.code, 0);
    const QStringList lines = jsonLines(run.out);
    QCOMPARE(lines.size(), 1);
    QVERIFY(QJsonDocument::fromJson(lines[0].toUtf8()).object() == singleSummary(sample));
}

void TestCli::onlyARepeatingLastArgumentTakesMoreFiles()
{
    for (const auto& command : app::cli::commands()) {
        const auto declared = qsizetype(command.arguments.size());
        const bool repeats = !command.arguments.empty() && command.arguments.back().repeats;
        for (qsizetype i = 0; i + 1 < declared; ++i)
            QVERIFY2(!command.arguments[std::size_t(i)].repeats, qPrintable(command.name));
        QVERIFY(command.acceptsArgumentCount(declared));
        QCOMPARE(command.acceptsArgumentCount(declared + 2), repeats);
        if (declared > 0)
            QVERIFY(!command.acceptsArgumentCount(declared - 1));
    }
    const QString sample = testdata::sampleCaptures().value(0);
    const Run listed = runInProcess({QStringLiteral("list-tcp"), sample, sample});
    QCOMPARE(listed.code, 2);
    QVERIFY2(listed.err.contains(QStringLiteral("usage: mptcpscope-cli list-tcp FILE")), qPrintable(listed.err));
    QCOMPARE(listed.out, QString());
    QCOMPARE(runInProcess({QStringLiteral("summary")}).code, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
