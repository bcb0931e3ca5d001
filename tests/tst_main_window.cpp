#include "mixed_capture.h"
#include "test_data.h"

#include "connection_tree_model.h"
#include "detail_pane.h"
#include "main_window.h"
#include "model/capture.h"
#include "subflow_table_model.h"
#include "warning_list_model.h"
#include "warnings_dialog.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

using app::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void dropLoadsACapture();
    void dropOfNonFileIsRefused();
    void badFileKeepsThePreviousCapture();
    void selectionShowsDetailsAndCopiesFilter();
    void recentFilesArePersisted();
    void warningsCountOpensACopyableList();
    void subflowTableFitsTheDefaultWindow();
    void cleanupTestCase();

private:
    static bool drop(MainWindow& window, const QList<QUrl>& urls);
    static QString sample(const char* name) { return testdata::samplesDir() + QLatin1Char('/') + QLatin1String(name); }
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    testdata::isolateSettings(m_settingsDir.path(), QStringLiteral("tst_main_window"));
}

void TestMainWindow::cleanupTestCase()
{
    // As main() does: the loader's worker threads end before the libraries they used.
    QThreadPool::globalInstance()->waitForDone();
}

bool TestMainWindow::drop(MainWindow& window, const QList<QUrl>& urls)
{
    QMimeData mime;
    mime.setUrls(urls);
    const QPoint at(window.width() / 2, window.height() / 2);
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &dropEvent);
    return dropEvent.isAccepted();
}

void TestMainWindow::dropLoadsACapture()
{
    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    QVERIFY(drop(window, {QUrl::fromLocalFile(sample("a_two_subflows_upload.pcap"))}));
    QVERIFY(changed.wait(20000));
    QVERIFY(window.capture());
    QCOMPARE(window.capturePath(), sample("a_two_subflows_upload.pcap"));
    QVERIFY(window.statusText().contains(QStringLiteral("a_two_subflows_upload.pcap")));
    QVERIFY(window.treeModel()->rowCount() > 0);
}

void TestMainWindow::dropOfNonFileIsRefused()
{
    MainWindow window;
    window.show();
    QVERIFY(!drop(window, {QUrl(QStringLiteral("https://example.com/capture.pcap"))}));
    QVERIFY(window.statusText().contains(QStringLiteral("local capture file")));
    QVERIFY(!drop(window, {QUrl::fromLocalFile(testdata::samplesDir())})); // a folder
    QVERIFY(!drop(window, {QUrl::fromLocalFile(sample("a_two_subflows_upload.pcap")),
                           QUrl::fromLocalFile(sample("c_mptcp_and_tcp_mixed.pcap")),
                           QUrl::fromLocalFile(sample("d_loss_delay_reinjections.pcap"))})); // two open a pair
    QVERIFY(!window.loader()->isRunning());
}

void TestMainWindow::badFileKeepsThePreviousCapture()
{
    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    window.openCapture(sample("c_mptcp_and_tcp_mixed.pcap"));
    QVERIFY(changed.wait(20000));
    const auto before = window.capture();

    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.pcap"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(64, '\x42'));
    file.close();

    QSignalSpy failed(window.loader(), &app::CaptureLoader::failed);
    QVERIFY(drop(window, {QUrl::fromLocalFile(bad)}));
    QVERIFY(failed.wait(20000));
    QCOMPARE(window.capture(), before);
    QCOMPARE(window.capturePath(), sample("c_mptcp_and_tcp_mixed.pcap"));
    auto* box = window.findChild<QMessageBox*>(QStringLiteral("loadErrorBox"));
    QVERIFY(box);
    QVERIFY(box->text().contains(QStringLiteral("broken.pcap")));
    box->close();
}

void TestMainWindow::selectionShowsDetailsAndCopiesFilter()
{
    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    window.openCapture(sample("c_mptcp_and_tcp_mixed.pcap"));
    QVERIFY(changed.wait(20000));

    // After a load the first MPTCP connection is selected and detailed.
    QCOMPARE(window.selectedFilter(), QStringLiteral("mptcp.stream == 0"));
    QVERIFY(window.detailPane()->headerText().contains(QStringLiteral("mptcp.stream 0")));
    // Two subflows × two directions.
    QCOMPARE(window.detailPane()->subflowModel()->rowCount(), 4);

    window.treeView()->setFocus();
    QTest::keyClick(window.treeView(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("mptcp.stream == 0"));

    const auto* model = window.treeModel();
    const QModelIndex plain = model->indexOfTcp(4);
    QVERIFY(plain.isValid());
    auto* proxy = window.treeView()->model();
    QModelIndex viewIndex;
    for (int g = 0; g < proxy->rowCount() && !viewIndex.isValid(); ++g)
        for (int r = 0; r < proxy->rowCount(proxy->index(g, 0)); ++r) {
            const QModelIndex candidate = proxy->index(r, 0, proxy->index(g, 0));
            if (candidate.data(app::ConnectionTreeModel::StreamIdRole).toInt() == 4 &&
                candidate.data(app::ConnectionTreeModel::ItemKindRole).toInt() ==
                    int(app::ConnectionTreeModel::ItemKind::Tcp))
                viewIndex = candidate;
        }
    QVERIFY(viewIndex.isValid());
    window.treeView()->setCurrentIndex(viewIndex);
    QCOMPARE(window.selectedFilter(), QStringLiteral("tcp.stream == 4"));
    QVERIFY(window.detailPane()->headerText().contains(QStringLiteral("plain TCP")));
    QCOMPARE(window.detailPane()->subflowModel()->rowCount(), 2);
}

void TestMainWindow::recentFilesArePersisted()
{
    {
        MainWindow window;
        QSignalSpy changed(&window, &MainWindow::captureChanged);
        window.openCapture(sample("g_ipv6_two_subflows.pcap"));
        QVERIFY(changed.wait(20000));
    }
    const QStringList recent = QSettings().value(QStringLiteral("files/recent")).toStringList();
    QVERIFY(!recent.isEmpty());
    QCOMPARE(recent.first(), QFileInfo(sample("g_ipv6_two_subflows.pcap")).absoluteFilePath());
}

void TestMainWindow::warningsCountOpensACopyableList()
{
    QTemporaryDir dir;
    const auto mixed = testpkt::writeMixedCapture(dir, QStringLiteral("mixed.pcap"));
    QVERIFY(!mixed.path.isEmpty());
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    window.openCapture(mixed.path);
    QVERIFY(changed.wait(20000));

    // ARP, ICMPv6 neighbour discovery and UDP are counted in the summary, not warned about.
    QVERIFY2(window.statusText().contains(QStringLiteral("(%1 not TCP)").arg(mixed.nonTcp.size())),
             qPrintable(window.statusText()));
    std::vector<std::pair<std::uint64_t, QString>> expected;
    for (const auto packet : mixed.cutShort)
        expected.emplace_back(packet, QStringLiteral("headers cut by the snapshot length"));
    for (const auto packet : mixed.fragment)
        expected.emplace_back(packet, QStringLiteral("IP fragment"));
    std::sort(expected.begin(), expected.end());
    QString allLines;
    for (const auto& [packet, reason] : expected)
        allLines += QStringLiteral("%1\t%2\n").arg(packet).arg(reason);

    auto* button = window.warningsButton();
    QVERIFY(button->isVisible());
    QVERIFY2(button->text().startsWith(QStringLiteral("%1 ").arg(expected.size())), qPrintable(button->text()));
    QVERIFY(!window.warningsDialog());
    QTest::mouseClick(button, Qt::LeftButton);
    auto* dialog = window.warningsDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QAbstractItemModelTester tester(dialog->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QAbstractItemModel* rows = dialog->view()->model();
    QCOMPARE(rows->rowCount(), int(expected.size()));
    for (int r = 0; r < rows->rowCount(); ++r) {
        QCOMPARE(rows->index(r, app::WarningListModel::PacketColumn).data().toULongLong(),
                 expected[std::size_t(r)].first);
        QCOMPARE(rows->index(r, app::WarningListModel::ReasonColumn).data().toString(),
                 expected[std::size_t(r)].second);
    }

    // Ctrl+C copies the selected rows as tab-separated lines; the buttons do the same.
    QCoreApplication::processEvents(); // the window system's activation of the dialog
    QCOMPARE(QApplication::activeWindow(), dialog);
    auto* clipboard = QGuiApplication::clipboard();
    clipboard->clear();
    dialog->view()->selectAll();
    QTest::keyClick(dialog->view(), Qt::Key_C, Qt::ControlModifier);
    QCOMPARE(clipboard->text(), allLines);
    dialog->view()->selectionModel()->select(rows->index(1, 0),
                                             QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(dialog->copyButton()->isEnabled());
    QTest::mouseClick(dialog->copyButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), QStringLiteral("%1\t%2\n").arg(expected[1].first).arg(expected[1].second));
    dialog->view()->clearSelection();
    QVERIFY(!dialog->copyButton()->isEnabled());
    clipboard->clear();
    QTest::mouseClick(dialog->copyAllButton(), Qt::LeftButton);
    QCOMPARE(clipboard->text(), allLines);

    // A capture without warnings empties the list and hides the count.
    window.openCapture(sample("b_four_subflows_bidir.pcapng"));
    QVERIFY(changed.wait(20000));
    QCOMPARE(rows->rowCount(), 0);
    QVERIFY(!button->isVisible());
    QVERIFY(!window.statusText().contains(QStringLiteral("not TCP")));
}

void TestMainWindow::subflowTableFitsTheDefaultWindow()
{
    // The window as it first opens: no saved geometry or splitter position.
    QSettings().remove(QStringLiteral("window"));
    QSettings().remove(QStringLiteral("splitters"));
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QAbstractItemModelTester tester(window.detailPane()->subflowModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    window.openCapture(sample("b_four_subflows_bidir.pcapng"));
    QVERIFY(changed.wait(20000));
    QCOMPARE(window.size(), QSize(1400, 860));
    QCOMPARE(window.selectedFilter(), QStringLiteral("mptcp.stream == 0"));
    const QTableView* view = window.detailPane()->subflowView();
    QCOMPARE(view->model()->rowCount(), 8); // four subflows, two directions
    QCoreApplication::processEvents();

    // Every column at its full width, and all of them in view.
    const QHeaderView* header = view->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        const int content = static_cast<const QAbstractItemView*>(view)->sizeHintForColumn(c); // public there
        const int needed = std::max(content, header->sectionSizeHint(c));
        QVERIFY2(header->sectionSize(c) >= needed,
                 qPrintable(QStringLiteral("column %1 (%2): %3 px of %4")
                                .arg(c)
                                .arg(view->model()->headerData(c, Qt::Horizontal).toString())
                                .arg(header->sectionSize(c))
                                .arg(needed)));
    }
    QVERIFY2(
        header->length() <= view->viewport()->width(),
        qPrintable(QStringLiteral("%1 px of columns in %2 px").arg(header->length()).arg(view->viewport()->width())));
    QVERIFY(!view->horizontalScrollBar()->isVisible());
    QVERIFY(!view->verticalScrollBar()->isVisible());
    // Short titles, full names in their tooltips.
    QCOMPARE(view->model()->headerData(app::SubflowTableModel::RttColumn, Qt::Horizontal).toString(),
             QStringLiteral("RTT (ms)"));
    QVERIFY(view->model()
                ->headerData(app::SubflowTableModel::RttColumn, Qt::Horizontal, Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("round-trip")));

    // The model stays consistent when the selection moves to a subflow of the connection.
    const QModelIndex connection = window.treeView()->currentIndex();
    window.treeView()->setCurrentIndex(window.treeView()->model()->index(0, 0, connection));
    QCOMPARE(window.detailPane()->subflowModel()->rowCount(), 8);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
