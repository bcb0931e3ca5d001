#include "test_data.h"

#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

class TestChartExport : public QObject {
    Q_OBJECT
private slots:
    void cliWritesPng_data();
    void cliWritesPng();
    void cliWritesSvg();
    void cliWritesTcpAttributes_data();
    void cliWritesTcpAttributes();
    void goodputWindowFollowsTheTransfer();
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
    QTest::addColumn<QStringList>("extra");
    QTest::addRow("dsn") << QStringLiteral("dsn") << QStringLiteral("c2s") << 1000 << 600 << QStringList();
    QTest::addRow("goodput") << QStringLiteral("goodput") << QStringLiteral("s2c") << 800 << 500 << QStringList();
    QTest::addRow("goodput 0.5 s") << QStringLiteral("goodput") << QStringLiteral("c2s") << 800 << 500
                                   << QStringList{QStringLiteral("--window"), QStringLiteral("0.5")};
    QTest::addRow("share") << QStringLiteral("share") << QStringLiteral("c2s") << 640 << 480 << QStringList();
    QTest::addRow("share narrow") << QStringLiteral("share") << QStringLiteral("c2s") << 600 << 400 << QStringList();
    QTest::addRow("share wide") << QStringLiteral("share") << QStringLiteral("s2c") << 1600 << 800 << QStringList();
    QTest::addRow("rtt") << QStringLiteral("rtt") << QStringLiteral("c2s") << 1000 << 600 << QStringList();
    QTest::addRow("ooo-queue") << QStringLiteral("ooo-queue") << QStringLiteral("s2c") << 1000 << 600 << QStringList();
}

void TestChartExport::cliWritesPng()
{
    QFETCH(QString, kind);
    QFETCH(QString, direction);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(QStringList, extra);
    QTemporaryDir dir;
    const QString out = dir.filePath(kind + QStringLiteral(".png"));
    QString err;
    QCOMPARE(runCli(QStringList{QStringLiteral("plot"), kind, sample("b_four_subflows_bidir.pcapng"),
                                QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("--direction"),
                                direction, QStringLiteral("-o"), out, QStringLiteral("--width"), QString::number(width),
                                QStringLiteral("--height"), QString::number(height)} +
                        extra,
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

void TestChartExport::cliWritesTcpAttributes_data()
{
    QTest::addColumn<QStringList>("attributes");
    QTest::addRow("all") << QStringList();
    QTest::addRow("seq,ack") << QStringList{QStringLiteral("--attr"), QStringLiteral("seq,ack")};
    QTest::addRow("rwnd inflight") << QStringList{QStringLiteral("--attr"), QStringLiteral("rwnd"),
                                                  QStringLiteral("--attr"), QStringLiteral("inflight")};
}

void TestChartExport::cliWritesTcpAttributes()
{
    QFETCH(QStringList, attributes);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("tcp-attr.png"));
    QString err;
    QCOMPARE(
        runCli(QStringList{QStringLiteral("plot"), QStringLiteral("tcp-attr"), sample("d_loss_delay_reinjections.pcap"),
                           QStringLiteral("--tcp"), QStringLiteral("1"), QStringLiteral("-o"), out} +
                   attributes,
               &err),
        0);
    QImage image(out);
    QVERIFY2(!image.isNull(), qPrintable(err));
    QCOMPARE(image.size(), QSize(1200, 700));
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
}

void TestChartExport::goodputWindowFollowsTheTransfer()
{
    // The transfer's duration from the CLI's own summary: 8 × data bytes / goodput.
    QProcess summary;
    summary.start(QStringLiteral(MPTCPSCOPE_CLI_EXE),
                  {QStringLiteral("mptcp-summary"), sample("a_two_subflows_upload.pcap"), QStringLiteral("0"),
                   QStringLiteral("--json")});
    QVERIFY(summary.waitForFinished(60000));
    const QJsonObject json = QJsonDocument::fromJson(summary.readAllStandardOutput()).object();
    const double bytes = json.value(QStringLiteral("data_bytes")).toObject().value(QStringLiteral("c2s")).toDouble();
    const double goodput = json.value(QStringLiteral("goodput_bps")).toObject().value(QStringLiteral("c2s")).toDouble();
    QVERIFY(bytes > 0 && goodput > 0);
    const double duration = 8 * bytes / goodput;

    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("goodput.svg"));
    QCOMPARE(runCli({QStringLiteral("plot"), QStringLiteral("goodput"), sample("a_two_subflows_upload.pcap"),
                     QStringLiteral("--mptcp"), QStringLiteral("0"), QStringLiteral("-o"), out}),
             0);
    QFile svg(out);
    QVERIFY(svg.open(QIODevice::ReadOnly));
    const auto match =
        QRegularExpression(QStringLiteral("Goodput over ([0-9.e-]+) s")).match(QString::fromUtf8(svg.readAll()));
    QVERIFY(match.hasMatch());
    const double window = match.captured(1).toDouble();
    // A round window (1, 2 or 5 × 10ⁿ s) giving tens of windows over the transfer.
    const double mantissa = window / std::pow(10.0, std::floor(std::log10(window) + 1e-12));
    QVERIFY2(std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9,
             qPrintable(match.captured(1)));
    QVERIFY2(duration / window >= 10 && duration / window <= 25, qPrintable(QString::number(duration / window)));
}

void TestChartExport::optionsBeforeTheCommand()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("first.png"));
    QCOMPARE(runCli({QStringLiteral("-o"), out, QStringLiteral("--width"), QStringLiteral("640"),
                     QStringLiteral("plot"), QStringLiteral("dsn"), sample("a_two_subflows_upload.pcap"),
                     QStringLiteral("--mptcp"), QStringLiteral("0")}),
             0);
    QCOMPARE(QImage(out).width(), 640);
}

void TestChartExport::cliRefusesBadRequests_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    const QString file = sample("a_two_subflows_upload.pcap");
    QTest::addRow("unknown kind") << QStringList{QStringLiteral("plot"),    QStringLiteral("pie"), file,
                                                 QStringLiteral("--mptcp"), QStringLiteral("0"),   QStringLiteral("-o"),
                                                 QStringLiteral("x.png")}
                                  << QStringLiteral("pie");
    QTest::addRow("no output") << QStringList{QStringLiteral("plot"), QStringLiteral("dsn"), file,
                                              QStringLiteral("--mptcp"), QStringLiteral("0")}
                               << QStringLiteral("-o");
    QTest::addRow("no connection")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("dsn"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("7"),   QStringLiteral("-o"),
                       QStringLiteral("x.png")}
        << QStringLiteral("mptcp.stream 7");
    QTest::addRow("bad extension")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("dsn"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("0"),   QStringLiteral("-o"),
                       QStringLiteral("x.jpg")}
        << QStringLiteral(".png or .svg");
    QTest::addRow("endless window")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("goodput"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("0"),       QStringLiteral("--window"),
                       QStringLiteral("inf"),     QStringLiteral("-o"),      QStringLiteral("x.png")}
        << QStringLiteral("--window");
    QTest::addRow("no window")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("goodput"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("0"),       QStringLiteral("--window"),
                       QStringLiteral("0"),       QStringLiteral("-o"),      QStringLiteral("x.png")}
        << QStringLiteral("--window");
    QTest::addRow("bad direction")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("dsn"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("0"),   QStringLiteral("--direction"),
                       QStringLiteral("up"),      QStringLiteral("-o"),  QStringLiteral("x.png")}
        << QStringLiteral("c2s or s2c");
    QTest::addRow("tcp-attr of an MPTCP connection")
        << QStringList{QStringLiteral("plot"),    QStringLiteral("tcp-attr"), file,
                       QStringLiteral("--mptcp"), QStringLiteral("0"),        QStringLiteral("-o"),
                       QStringLiteral("x.png")}
        << QStringLiteral("--tcp STREAM");
    QTest::addRow("unknown attribute")
        << QStringList{QStringLiteral("plot"),     QStringLiteral("tcp-attr"), file,
                       QStringLiteral("--tcp"),    QStringLiteral("0"),        QStringLiteral("--attr"),
                       QStringLiteral("seq,cwnd"), QStringLiteral("-o"),       QStringLiteral("x.png")}
        << QStringLiteral("--attr");
    QTest::addRow("ooo-queue of a TCP connection")
        << QStringList{QStringLiteral("plot"),  QStringLiteral("ooo-queue"), file,
                       QStringLiteral("--tcp"), QStringLiteral("0"),         QStringLiteral("-o"),
                       QStringLiteral("x.png")}
        << QStringLiteral("mptcp.stream");
    QTest::addRow("tcp-attr of no connection")
        << QStringList{QStringLiteral("plot"),  QStringLiteral("tcp-attr"), file,
                       QStringLiteral("--tcp"), QStringLiteral("9"),        QStringLiteral("-o"),
                       QStringLiteral("x.png")}
        << QStringLiteral("tcp.stream 9");
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
