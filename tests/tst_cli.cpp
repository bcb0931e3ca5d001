#include "test_data.h"

#include "commands.h"

#include <QFileInfo>
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
    void unreadableCaptureIsExit2WithOneLine();
};

namespace {

struct Run {
    int code = -1;
    QString out;
    QString err;
};

Run runInProcess(const QStringList& args)
{
    Run run;
    QTextStream out(&run.out);
    QTextStream err(&run.err);
    run.code = app::cli::run(QStringList{QStringLiteral("mptcpscope-cli")} + args, out, err);
    out.flush();
    err.flush();
    return run;
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

void TestCli::unreadableCaptureIsExit2WithOneLine()
{
    const Run run = runInProcess({QStringLiteral("list-tcp"), QStringLiteral("/nonexistent.pcap")});
    QCOMPARE(run.code, 2);
    QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    QVERIFY(run.err.contains(QStringLiteral("/nonexistent.pcap")));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
