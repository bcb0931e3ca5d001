#include "cut_capture.h"
#include "test_data.h"

#include "connection_filter_proxy.h"
#include "connection_tree_model.h"
#include "detail_pane.h"
#include "load/loader.h"
#include "model/capture.h"

#include <QAbstractItemModelTester>
#include <QTest>

using app::ConnectionTreeModel;

class TestConnectionTreeModel : public QObject {
    Q_OBJECT
private slots:
    void treeMatchesTheCapture_data();
    void treeMatchesTheCapture();
    void mixedSampleHasMptcpAndTcpBranches();
    void filterFindsByAddressPortAndStream();
    void wiresharkFilters();
    void inferredConnectionIsLabelled();
};

namespace {

app::CapturePtr load(const QString& path)
{
    auto result = core::load(path.toStdString());
    return result.capture;
}

// An indented dump of column 0, so a failure prints a readable difference.
QStringList dump(const QAbstractItemModel& model, const QModelIndex& parent = {}, int depth = 0)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(parent); ++r) {
        const QModelIndex index = model.index(r, 0, parent);
        lines << QString(depth * 2, QLatin1Char(' ')) + index.data().toString();
        lines += dump(model, index, depth + 1);
    }
    return lines;
}

} // namespace

void TestConnectionTreeModel::treeMatchesTheCapture_data()
{
    QTest::addColumn<QString>("path");
    for (const auto& path : testdata::sampleCaptures() + testdata::sharedCaptures())
        QTest::addRow("%s", qPrintable(QFileInfo(path).fileName())) << path;
}

void TestConnectionTreeModel::treeMatchesTheCapture()
{
    QFETCH(QString, path);
    ConnectionTreeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const auto capture = load(path);
    QVERIFY(capture);
    model.setCapture(capture);

    // Every TCP connection appears exactly once: as a subflow or in the plain TCP branch.
    std::vector<int> seen(capture->tcp.size(), 0);
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        QCOMPARE(model.parent(group), QModelIndex());
        for (int c = 0; c < model.rowCount(group); ++c) {
            const QModelIndex connection = model.index(c, 0, group);
            QCOMPARE(model.parent(connection), group);
            const int stream = connection.data(ConnectionTreeModel::StreamIdRole).toInt();
            if (stream >= 0)
                ++seen[std::size_t(stream)];
            for (int s = 0; s < model.rowCount(connection); ++s) {
                const QModelIndex subflow = model.index(s, 0, connection);
                QCOMPARE(model.parent(subflow), connection);
                ++seen[std::size_t(subflow.data(ConnectionTreeModel::StreamIdRole).toInt())];
                QCOMPARE(subflow.data(ConnectionTreeModel::MptcpIdRole),
                         connection.data(ConnectionTreeModel::MptcpIdRole));
            }
        }
    }
    for (std::size_t i = 0; i < seen.size(); ++i)
        QVERIFY2(seen[i] == 1, qPrintable(QStringLiteral("tcp.stream %1 shown %2 times").arg(i).arg(seen[i])));
}

void TestConnectionTreeModel::mixedSampleHasMptcpAndTcpBranches()
{
    ConnectionTreeModel model;
    model.setCapture(load(testdata::samplesDir() + QStringLiteral("/c_mptcp_and_tcp_mixed.pcap")));
    // Figures from tests/data/expected/c_mptcp_and_tcp_mixed.pcap.json (tshark): mptcp.stream 0 =
    // tcp.stream 0 1, mptcp.stream 1 = tcp.stream 2 3, plain TCP = tcp.stream 4 5.
    const QStringList expected{
        QStringLiteral("MPTCP connections (2)"), QStringLiteral("  mptcp.stream 0"),
        QStringLiteral("    tcp.stream 0"),      QStringLiteral("    tcp.stream 1"),
        QStringLiteral("  mptcp.stream 1"),      QStringLiteral("    tcp.stream 2"),
        QStringLiteral("    tcp.stream 3"),      QStringLiteral("Plain TCP connections (2)"),
        QStringLiteral("  tcp.stream 4"),        QStringLiteral("  tcp.stream 5"),
    };
    QCOMPARE(dump(model), expected);
}

void TestConnectionTreeModel::filterFindsByAddressPortAndStream()
{
    ConnectionTreeModel model;
    app::ConnectionFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCapture(load(testdata::samplesDir() + QStringLiteral("/c_mptcp_and_tcp_mixed.pcap")));

    proxy.setFilterWords(QStringLiteral("tcp.stream 5"));
    QCOMPARE(dump(proxy), (QStringList{QStringLiteral("Plain TCP connections (2)"), QStringLiteral("  tcp.stream 5")}));

    proxy.setFilterWords(QStringLiteral("mptcp.stream 1"));
    QCOMPARE(dump(proxy), (QStringList{QStringLiteral("MPTCP connections (2)"), QStringLiteral("  mptcp.stream 1"),
                                       QStringLiteral("    tcp.stream 2"), QStringLiteral("    tcp.stream 3")}));

    proxy.setFilterWords(QStringLiteral("10.0.2.1"));
    const QStringList byAddress = dump(proxy);
    QVERIFY(!byAddress.isEmpty());
    QVERIFY(!byAddress.contains(QStringLiteral("  tcp.stream 4")));

    // What "Copy filter" gives for a connection's subflows works here too.
    proxy.setFilterWords(QStringLiteral("tcp.stream in {4 5}"));
    QCOMPARE(dump(proxy), (QStringList{QStringLiteral("Plain TCP connections (2)"), QStringLiteral("  tcp.stream 4"),
                                       QStringLiteral("  tcp.stream 5")}));
    proxy.setFilterWords(QStringLiteral("tcp.stream == 5"));
    QCOMPARE(dump(proxy), (QStringList{QStringLiteral("Plain TCP connections (2)"), QStringLiteral("  tcp.stream 5")}));

    proxy.setFilterWords(QStringLiteral("no-such-thing"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterWords(QString());
    QCOMPARE(dump(proxy), dump(model));
}

void TestConnectionTreeModel::wiresharkFilters()
{
    ConnectionTreeModel model;
    model.setCapture(load(testdata::samplesDir() + QStringLiteral("/c_mptcp_and_tcp_mixed.pcap")));
    QCOMPARE(model.indexOfMptcp(1).data(ConnectionTreeModel::WiresharkFilterRole).toString(),
             QStringLiteral("mptcp.stream == 1"));
    QCOMPARE(model.indexOfTcp(3).data(ConnectionTreeModel::WiresharkFilterRole).toString(),
             QStringLiteral("tcp.stream == 3"));
    QCOMPARE(model.indexOfTcp(5).data(ConnectionTreeModel::WiresharkFilterRole).toString(),
             QStringLiteral("tcp.stream == 5"));
    QCOMPARE(model.indexOfMptcp(1).data(ConnectionTreeModel::SubflowsFilterRole).toString(),
             QStringLiteral("tcp.stream in {2 3}"));
}

QTEST_MAIN(TestConnectionTreeModel)
void TestConnectionTreeModel::inferredConnectionIsLabelled()
{
    // Sample d from packet 493 on (its last 40 %): its two subflows, each numbered by
    // Wireshark on its own (tshark: tcp.stream 0 → mptcp.stream 0, 1 → 1), are one connection
    // whose handshake is not captured.
    const QString sample = testdata::samplesDir() + QStringLiteral("/d_loss_delay_reinjections.pcap");
    std::string error;
    const auto raw = testpkt::readFrames(sample, error);
    QTemporaryDir dir;
    const QString cut = testpkt::writeCut(dir, sample, raw, 493);
    QVERIFY(!cut.isEmpty());
    const auto capture = load(cut);
    QVERIFY(capture);
    ConnectionTreeModel model;
    model.setCapture(capture);
    QCOMPARE(dump(model), (QStringList{QStringLiteral("MPTCP connections (1)"), QStringLiteral("  mptcp.stream 0"),
                                       QStringLiteral("    tcp.stream 0"), QStringLiteral("    tcp.stream 1")}));
    const QModelIndex connection = model.index(0, 0, model.index(0, 0));
    QCOMPARE(connection.siblingAtColumn(ConnectionTreeModel::KindColumn).data().toString(),
             QStringLiteral("handshake not captured"));
    QVERIFY(connection.data(Qt::ToolTipRole).toString().contains(QStringLiteral("data acks")));
    const QModelIndex second = model.index(1, ConnectionTreeModel::KindColumn, connection);
    QCOMPARE(second.data().toString(), QStringLiteral("grouped (Wireshark: mptcp.stream 1), ISN inferred"));

    app::DetailPane pane;
    pane.showMptcp(capture, 0);
    const QString header = pane.headerText();
    QVERIFY2(header.contains(QStringLiteral("handshake not captured")), qPrintable(header));
    const auto isn = capture->tcp[1].subflow.inferredIsn[0];
    QVERIFY(isn);
    QVERIFY2(header.contains(QStringLiteral("<b>inferred</b>")) && header.contains(QString::number(*isn)),
             qPrintable(header));
}

#include "tst_connection_tree_model.moc"
