#include "test_data.h"

#include <QFileInfo>
#include <QImage>
#include <QProcess>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

class TestChartExport : public QObject {
    Q_OBJECT
private slots:
    void cliWritesPng_data();
    void cliWritesPng();
    void cliWritesSvg();
    void optionsBeforeTheCommand();
    void cliRefusesBadRequests_data();
    void cliRefusesBadRequests();
};

namespace {
int runCli(const QStringList& arguments, QString* err = nullptr)
{
    QProcess process;
    process.start(QStringLiteral(MPTCPSCOPE_CLI_EXE), arguments);
    if (!process.waitForFinished(60000))
        return -1;
    if (err)
        *err = QString::fromLocal8Bit(process.readAllStandardError());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
QString sample(const char* name) { return testdata::samplesDir() + QLatin1Char('/') + QLatin1String(name); }
} // namespace

void TestChartExport::cliWritesPng_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("direction");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addRow("dsn") << QStringLiteral("dsn") << QStringLiteral("c2s") << 1000 << 600;
    QTest::addRow("goodput") << QStringLiteral("goodput") << QStringLiteral("s2c") << 800 << 500;
    QTest::addRow("share") << QStringLiteral("share") << QStringLiteral("c2s") << 640 << 480;
}

void TestChartExport::cliWritesPng()
{
    QFETCH(QString, kind);
    QFETCH(QString, direction);
    QFETCH(int, width);
    QFETCH(int, height);
    QTemporaryDir dir;
    const QString out = dir.filePath(kind + QStringLiteral(".png"));
    QString err;
    QCOMPARE(runCli({QStringLiteral("plot"), kind, sample("b_four_subflows_bidir.pcapng"), QStringLiteral("--mptcp"),
                     QStringLiteral("0"), QStringLiteral("--direction"), direction, QStringLiteral("-o"), out,
                     QStringLiteral("--width"), QString::number(width), QStringLiteral("--height"), QString::number(height)},
                    &err),
             0);
    QImage image(out);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QCOMPARE(image.size(), QSize(width, height));
    // Not blank: many distinct colours (series, text, grid).
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestChartExport::cliWritesSvg()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("dsn.svg"));
    QCOMPARE(runCli({QStringLiteral("plot"), QStringLiteral("dsn"), sample("d_loss_delay_reinjections.pcap"),
                     QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("-o"), out}),
             0);
    QSvgRenderer renderer(out);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBox(), QRect(0, 0, 1200, 700));
    QVERIFY(QFileInfo(out).size() > 10000);
}

void TestChartExport::optionsBeforeTheCommand()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("first.png"));
    QCOMPARE(runCli({QStringLiteral("-o"), out, QStringLiteral("--width"), QStringLiteral("640"), QStringLiteral("plot"),
                     QStringLiteral("dsn"), sample("a_two_subflows_upload.pcap"), QStringLiteral("--mptcp"), QStringLiteral("0")}),
             0);
    QCOMPARE(QImage(out).width(), 640);
}

void TestChartExport::cliRefusesBadRequests_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString file = sample("a_two_subflows_upload.pcap");
    QTest::addRow("unknown kind") << QStringList{QStringLiteral("plot"), QStringLiteral("pie"), file, QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("x.png")} << QStringLiteral("pie");
    QTest::addRow("no output") << QStringList{QStringLiteral("plot"), QStringLiteral("dsn"), file, QStringLiteral("--mptcp"), QStringLiteral("0")} << QStringLiteral("-o");
    QTest::addRow("no connection") << QStringList{QStringLiteral("plot"), QStringLiteral("dsn"), file, QStringLiteral("--mptcp"), QStringLiteral("7"), QStringLiteral("-o"), QStringLiteral("x.png")} << QStringLiteral("mptcp.stream 7");
    QTest::addRow("bad extension") << QStringList{QStringLiteral("plot"), QStringLiteral("dsn"), file, QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("-o"), QStringLiteral("x.jpg")} << QStringLiteral(".png or .svg");
    QTest::addRow("endless window") << QStringList{QStringLiteral("plot"), QStringLiteral("goodput"), file, QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("--window"), QStringLiteral("inf"), QStringLiteral("-o"), QStringLiteral("x.png")} << QStringLiteral("--window");
    QTest::addRow("bad direction") << QStringList{QStringLiteral("plot"), QStringLiteral("dsn"), file, QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("--direction"), QStringLiteral("up"), QStringLiteral("-o"), QStringLiteral("x.png")} << QStringLiteral("c2s or s2c");
}

void TestChartExport::cliRefusesBadRequests()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QString err;
    QProcess process;
    process.setWorkingDirectory(dir.path());
    process.start(QStringLiteral(MPTCPSCOPE_CLI_EXE), arguments);
    QVERIFY(process.waitForFinished(60000));
    err = QString::fromLocal8Bit(process.readAllStandardError());
    QCOMPARE(process.exitCode(), 2);
    QVERIFY2(err.contains(expected), qPrintable(err));
    QCOMPARE(err.trimmed().count(QLatin1Char('\n')), 0); // one line
}

QTEST_MAIN(TestChartExport)
#include "tst_chart_export.moc"
