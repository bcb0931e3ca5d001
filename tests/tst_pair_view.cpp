// A pair of captures in the GUI (File ▸ Open Pair…, a drop of two files), the aligned tree,
// the one-way delay chart, and `mptcpscope-cli plot owd`.
#include "test_data.h"

#include "chart_panel.h"
#include "chart_view.h"
#include "charts/chart_builder.h"
#include "charts/one_way_delay_chart.h"
#include "compare/connection_map.h"
#include "compare/one_way_delay.h"
#include "compare/packet_stamps.h"
#include "compare/reinjection_verdicts.h"
#include "detail_pane.h"
#include "load/loader.h"
#include "main_window.h"
#include "model/capture.h"
#include "one_way_delay_cache.h"
#include "pair_loader.h"
#include "pair_tree_model.h"
#include "reinjection_table_model.h"
#include "settings.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSvgRenderer>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>
#include <array>
#include <ranges>

using app::MainWindow;
using app::PairTreeModel;

namespace {

QString sample(const char* name) { return testdata::samplesDir() + QLatin1Char('/') + QLatin1String(name); }
QString client() { return sample("l_pair_client.pcap"); }
QString server() { return sample("l_pair_server.pcap"); }
QString sharedClient() { return testdata::sharedCapturesDir() + QStringLiteral("/client_2.pcap"); }
QString sharedServer() { return testdata::sharedCapturesDir() + QStringLiteral("/server_2.pcap"); }
bool haveSharedPair() { return QFileInfo::exists(sharedClient()) && QFileInfo::exists(sharedServer()); }

// Opens the pair in `window` and waits until it is shown; false when it did not come in time.
bool openPairAndWait(MainWindow& window, const QString& first, const QString& second)
{
    QSignalSpy changed(&window, &MainWindow::pairChanged);
    window.openPair(first, second);
    return changed.wait(30000);
}

std::shared_ptr<const core::Capture> loadDirectly(const QString& path)
{
    auto result = core::load(QFile::encodeName(path).toStdString());
    return result.ok() ? result.capture : nullptr;
}

bool drop(MainWindow& window, const QStringList& files)
{
    QMimeData mime;
    QList<QUrl> urls;
    for (const auto& file : files)
        urls << QUrl::fromLocalFile(file);
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

QModelIndex groupOf(const PairTreeModel& model, PairTreeModel::ItemKind kind)
{
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex group = model.index(g, 0);
        if (model.rowCount(group) > 0 &&
            PairTreeModel::ItemKind(model.index(0, 0, group).data(PairTreeModel::ItemKindRole).toInt()) == kind)
            return group;
    }
    return {};
}

// The tree row of an MPTCP connection of the first capture.
QModelIndex mptcpRowOf(const PairTreeModel& model, core::MptcpId first)
{
    const QModelIndex group = groupOf(model, PairTreeModel::ItemKind::Mptcp);
    for (int r = 0; r < model.rowCount(group); ++r)
        if (model.index(r, 0, group).data(PairTreeModel::FirstIdRole).toUInt() == first.value)
            return model.index(r, 0, group);
    return {};
}

} // namespace

class TestPairView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void openPairThroughTheFileAction();
    void dropOfTwoFilesOpensAPair();
    void dropOfThreeFilesOpensNothing();
    void sharedV0PairIsAligned();
    void warningsAreOfTheShownSide();
    void unreadableFileOfAPairIsReported();
    void cancelledPairReportsNothing();
    void oneWayDelayChartOfAMatch();
    void plotOwdWritesImages();
    void reinjectionsGainTheirVerdicts();
    void pairIsARecentEntry();
    void cleanupTestCase();

private:
    // Every row of the tree against core::compare::mapCaptures of the same two files, loaded apart.
    static void verifyTreeAgainstMap(const MainWindow& window, const QString& first, const QString& second);
    QTemporaryDir m_settingsDir;
};

void TestPairView::initTestCase() { testdata::isolateSettings(m_settingsDir.path(), QStringLiteral("tst_pair_view")); }

void TestPairView::cleanupTestCase() { QThreadPool::globalInstance()->waitForDone(); }

void TestPairView::verifyTreeAgainstMap(const MainWindow& window, const QString& first, const QString& second)
{
    const auto a = loadDirectly(first);
    const auto b = loadDirectly(second);
    QVERIFY(a && b);
    const auto map = core::compare::mapCaptures(*a, *b);
    const PairTreeModel& model = *window.pairModel();
    QAbstractItemModelTester tester(window.pairModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // MPTCP: one row per connection of the first capture, then one per unmatched of the second.
    const QModelIndex mptcp = groupOf(model, PairTreeModel::ItemKind::Mptcp);
    QVERIFY(mptcp.isValid());
    QCOMPARE(model.rowCount(mptcp), int(a->mptcp.size() + map.unmatchedMptcpSecond.size()));
    std::size_t matched = 0, onlyFirst = 0, onlySecond = 0;
    const QString firstName = QFileInfo(first).fileName();
    const QString secondName = QFileInfo(second).fileName();
    for (int r = 0; r < model.rowCount(mptcp); ++r) {
        const QModelIndex row = model.index(r, 0, mptcp);
        const int firstId = row.data(PairTreeModel::FirstIdRole).toInt();
        const int secondId = row.data(PairTreeModel::SecondIdRole).toInt();
        const QString matchText = model.index(r, PairTreeModel::MatchColumn, mptcp).data().toString();
        if (row.data(PairTreeModel::MatchedRole).toBool()) {
            ++matched;
            const auto* match = map.mptcpOfFirst(core::MptcpId(std::uint32_t(firstId)));
            QVERIFY(match);
            QCOMPARE(secondId, int(match->second.value));
            QVERIFY(matchText.contains(QString::fromStdString(match->reason)));
            QCOMPARE(row.data(PairTreeModel::ScoreRole).toDouble(), match->score);
            QVERIFY(!row.data(Qt::ForegroundRole).isValid());
            // Subflows beside their TCP match.
            for (int s = 0; s < model.rowCount(row); ++s) {
                const QModelIndex sub = model.index(s, 0, row);
                if (!sub.data(PairTreeModel::MatchedRole).toBool())
                    continue;
                const auto* tcp = map.tcpOfFirst(core::TcpStreamId(sub.data(PairTreeModel::FirstIdRole).toUInt()));
                QVERIFY(tcp);
                QCOMPARE(sub.data(PairTreeModel::SecondIdRole).toInt(), int(tcp->second.value));
            }
            QCOMPARE(std::size_t(std::ranges::count_if(
                         std::views::iota(0, model.rowCount(row)),
                         [&](int s) { return model.index(s, 0, row).data(PairTreeModel::MatchedRole).toBool(); })),
                     std::size_t(match->matchedSubflows));
        } else {
            QVERIFY(row.data(Qt::ForegroundRole).isValid()); // greyed
            if (firstId >= 0) {
                ++onlyFirst;
                QCOMPARE(secondId, -1);
                QVERIFY(matchText.contains(firstName));
                QVERIFY(std::ranges::find(map.unmatchedMptcpFirst, core::MptcpId(std::uint32_t(firstId))) !=
                        map.unmatchedMptcpFirst.end());
            } else {
                ++onlySecond;
                QVERIFY(matchText.contains(secondName));
                QVERIFY(std::ranges::find(map.unmatchedMptcpSecond, core::MptcpId(std::uint32_t(secondId))) !=
                        map.unmatchedMptcpSecond.end());
            }
            QVERIFY(matchText.contains(QStringLiteral("only in")));
        }
    }
    QCOMPARE(matched, map.mptcp.size());
    QCOMPARE(onlyFirst, map.unmatchedMptcpFirst.size());
    QCOMPARE(onlySecond, map.unmatchedMptcpSecond.size());

    // Plain TCP connections: each of the first's with its match or marked.
    std::size_t plainFirst = 0;
    for (const auto& tcp : a->tcp)
        plainFirst += tcp.mptcp ? 0 : 1;
    const QModelIndex plain = groupOf(model, PairTreeModel::ItemKind::Tcp);
    QCOMPARE(plain.isValid(), plainFirst > 0 || std::ranges::any_of(map.unmatchedTcpSecond,
                                                                    [&](auto s) { return !b->tcp[s.value].mptcp; }));
    for (int r = 0; plain.isValid() && r < model.rowCount(plain); ++r) {
        const QModelIndex row = model.index(r, 0, plain);
        const int firstId = row.data(PairTreeModel::FirstIdRole).toInt();
        const auto* match = firstId >= 0 ? map.tcpOfFirst(core::TcpStreamId(std::uint32_t(firstId))) : nullptr;
        QCOMPARE(row.data(PairTreeModel::MatchedRole).toBool(), match != nullptr);
        if (match)
            QCOMPARE(row.data(PairTreeModel::SecondIdRole).toInt(), int(match->second.value));
    }
}

void TestPairView::openPairThroughTheFileAction()
{
    MainWindow window;
    window.show();
    const auto actions = window.findChildren<QAction*>(QStringLiteral("openPairAction"));
    QCOMPARE(actions.size(), 1);
    QVERIFY(actions.first()->isEnabled());
    QSignalSpy loaded(window.pairLoader(), &app::PairLoader::loaded);
    QSignalSpy changed(&window, &MainWindow::pairChanged);
    window.openPair(client(), server()); // what the action calls with the two files picked
    QVERIFY(changed.wait(30000));
    QCOMPARE(loaded.count(), 1);
    QVERIFY(window.pair());
    QCOMPARE(window.pair()->firstPath, client());
    QCOMPARE(window.pair()->secondPath, server());
    QVERIFY(window.pairTreeView()->isVisible());
    QVERIFY(!window.treeView()->isVisible()); // the single-file tree is set aside, not changed
    verifyTreeAgainstMap(window, client(), server());

    // Back to one file: the single view again.
    QSignalSpy single(&window, &MainWindow::captureChanged);
    window.openCapture(client());
    QVERIFY(single.wait(30000));
    QVERIFY(!window.pair());
    QVERIFY(window.treeView()->isVisible());
}

void TestPairView::dropOfTwoFilesOpensAPair()
{
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.pairLoader(), &app::PairLoader::loaded);
    QVERIFY(drop(window, {client(), server()}));
    QVERIFY(loaded.wait(30000));
    QVERIFY(window.pair());
    QCOMPARE(window.pair()->firstPath, client());
    verifyTreeAgainstMap(window, client(), server());
}

void TestPairView::dropOfThreeFilesOpensNothing()
{
    MainWindow window;
    window.show();
    QSignalSpy changed(&window, &MainWindow::captureChanged);
    window.openCapture(client());
    QVERIFY(changed.wait(30000));
    QVERIFY(!drop(window, {client(), server(), sample("a_two_subflows_upload.pcap")}));
    QVERIFY(window.statusText().contains(QStringLiteral("two captures")));
    QVERIFY(!window.loader()->isRunning());
    QVERIFY(!window.pairLoader()->isRunning());
    QCOMPARE(window.capturePath(), client()); // what was open stays
}

void TestPairView::sharedV0PairIsAligned()
{
    if (!haveSharedPair())
        QSKIP("the shared v0 pair (client_2.pcap, server_2.pcap) is not available");
    MainWindow window;
    window.show();
    QSignalSpy loaded(window.pairLoader(), &app::PairLoader::loaded);
    window.openPair(sharedClient(), sharedServer());
    QVERIFY(loaded.wait(30000));
    verifyTreeAgainstMap(window, sharedClient(), sharedServer());
}

// The shared pair has one load warning in each file: the button counts the chosen side's.
void TestPairView::warningsAreOfTheShownSide()
{
    if (!haveSharedPair())
        QSKIP("the shared v0 pair (client_2.pcap, server_2.pcap) is not available");
    MainWindow window;
    window.show();
    QVERIFY(openPairAndWait(window, sharedClient(), sharedServer()));
    for (const int side : {0, 1}) {
        window.pairSideBox()->setCurrentIndex(side);
        const auto& capture = side == 0 ? window.pair()->first : window.pair()->second;
        const auto count = capture->listedWarnings.size() + capture->unlistedWarnings;
        QVERIFY(count > 0);
        QVERIFY(window.warningsButton()->isVisible());
        QCOMPARE(window.warningsButton()->text(), QStringLiteral("%1 warning(s)").arg(count));
    }
}

void TestPairView::unreadableFileOfAPairIsReported()
{
    MainWindow window;
    window.show();
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("not_a_capture.pcap"));
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("this is not a capture");
    file.close();
    QSignalSpy failed(window.pairLoader(), &app::PairLoader::failed);
    QSignalSpy loaded(window.pairLoader(), &app::PairLoader::loaded);
    window.openPair(client(), bad);
    QVERIFY(failed.wait(30000));
    QCOMPARE(failed.first().at(0).toString(), bad);
    QVERIFY(!failed.first().at(1).toString().isEmpty());
    QVERIFY(!window.pairLoader()->isRunning());
    QVERIFY(!window.pair());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 0);
}

void TestPairView::cancelledPairReportsNothing()
{
    MainWindow window;
    window.show();
    QSignalSpy cancelled(window.pairLoader(), &app::PairLoader::cancelled);
    QSignalSpy loaded(window.pairLoader(), &app::PairLoader::loaded);
    window.openPair(client(), server());
    QVERIFY(window.pairLoader()->isRunning());
    window.pairLoader()->cancel();
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(!window.pairLoader()->isRunning());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(loaded.count(), 0);
    QVERIFY(!window.pair());
}

void TestPairView::oneWayDelayChartOfAMatch()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(openPairAndWait(window, client(), server()));
    const auto pair = window.pair();
    QVERIFY(!pair->map.mptcp.empty());
    const auto& match = pair->map.mptcp.front();

    // Select the match's row: the first capture's detail.
    const QModelIndex row = mptcpRowOf(*window.pairModel(), match.first);
    QVERIFY(row.isValid());
    window.pairTreeView()->setCurrentIndex(row);
    QCOMPARE(window.selectedFilter(), QStringLiteral("mptcp.stream == %1").arg(match.first.value));
    QVERIFY(window.detailPane()->headerText().contains(QStringLiteral("mptcp.stream %1").arg(match.first.value)));
    // The second capture's side of the same row, and back.
    window.pairSideBox()->setCurrentIndex(1);
    QCOMPARE(window.selectedFilter(), QStringLiteral("mptcp.stream == %1").arg(match.second.value));
    QVERIFY(window.detailPane()->headerText().contains(QStringLiteral("mptcp.stream %1").arg(match.second.value)));
    window.pairSideBox()->setCurrentIndex(0);

    auto* panel = window.detailPane()->chartPanel();
    window.detailPane()->tabs()->setCurrentWidget(panel);
    QSignalSpy ready(window.delayCache(), &app::OneWayDelayCache::ready);
    const int owd = panel->kindBox()->findData(int(app::charts::ChartKind::OneWayDelay));
    QVERIFY(owd >= 0);
    panel->kindBox()->setCurrentIndex(owd);
    QVERIFY(ready.wait(60000));

    const auto* handle = app::charts::ChartHandle::of(panel->view()->chart());
    QVERIFY(handle);
    QCOMPARE(handle->request().kind, app::charts::ChartKind::OneWayDelay);
    const auto subflows = core::compare::matchedSubflows(*pair->first, pair->map, match.first);
    QVERIFY(!subflows.empty());
    const auto& data = handle->data().oneWayDelay;
    QCOMPARE(data.subflows.size(), 2 * subflows.size()); // one series per subflow and direction
    for (const auto& series : data.subflows) {
        QVERIFY(series.size() > 0);
        QVERIFY(*std::ranges::min_element(series.y) >= 0); // never a negative delay
    }
    QVERIFY(panel->view()->chart()->title().contains(QStringLiteral("clock offset")));

    // Hover names the packet and its delay, as on the other charts.
    QTest::qWait(0);
    const auto* view = panel->view();
    const auto& source = app::charts::ChartHandle::of(view->chart())->hoverSources().front();
    const auto highest = std::size_t(std::ranges::max_element(source.data->y) - source.data->y.begin());
    const QPointF inChart = view->chart()->mapToPosition(
        QPointF(source.data->x[highest], source.data->y[highest] / source.yScale), source.series);
    const QString hover = view->describePointAt(view->mapFromScene(view->chart()->mapToScene(inChart)));
    QVERIFY2(hover.contains(QStringLiteral("one-way delay")), qPrintable(hover));
    QVERIFY2(hover.contains(QStringLiteral("packet %1 of l_pair_client.pcap").arg(source.data->packet[highest])),
             qPrintable(hover));

    // A packet the server sent and the client never captured: the server capture's frame.
    const auto& sources = app::charts::ChartHandle::of(view->chart())->hoverSources();
    const auto lostByServer = std::ranges::find_if(sources, [&](const auto& s) { return s.data == &data.lost[1]; });
    QVERIFY(lostByServer != sources.end());
    QVERIFY(lostByServer->data->size() > 0);
    const QPointF lostAt = view->chart()->mapToPosition(QPointF(lostByServer->data->x[0], 0.0), lostByServer->series);
    const QString lostHover = view->describePointAt(view->mapFromScene(view->chart()->mapToScene(lostAt)));
    QVERIFY2(lostHover.contains(QStringLiteral("lost")), qPrintable(lostHover));
    QVERIFY2(lostHover.contains(QStringLiteral("packet %1 of l_pair_server.pcap").arg(lostByServer->data->packet[0])),
             qPrintable(lostHover));

    // Cached: coming back to the connection draws at once, with no new computation.
    panel->kindBox()->setCurrentIndex(0);
    panel->kindBox()->setCurrentIndex(owd);
    QCOMPARE(ready.count(), 1);
    QVERIFY(app::charts::ChartHandle::of(panel->view()->chart()));
}

// With a pair open, the Reinjections tab of the sender's capture gains each reinjection's
// verdict (as qualify-reinjections computes it from the two captures) and the DSN chart
// colours the reinjection markers by it.
void TestPairView::reinjectionsGainTheirVerdicts()
{
    MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(openPairAndWait(window, client(), server()));
    const auto pair = window.pair();
    const auto& match = pair->map.mptcp.front();

    // What qualify-reinjections says, computed here from the two files directly.
    std::string error;
    const auto firstStamps = core::compare::readPacketStamps(pair->first->path, error);
    const auto secondStamps = core::compare::readPacketStamps(pair->second->path, error);
    QVERIFY2(firstStamps && secondStamps, error.c_str());
    const auto subflows = core::compare::matchedSubflows(*pair->first, pair->map, match.first);
    const auto delays = core::compare::oneWayDelays(*pair->first, *pair->second, *firstStamps, *secondStamps, subflows);
    const auto expected = core::compare::qualifyReinjections(*pair->first, *pair->second, match, subflows, delays);

    const QModelIndex row = mptcpRowOf(*window.pairModel(), match.first);
    QVERIFY(row.isValid());

    int judged = 0;
    std::size_t colouredMarkers = 0;
    for (const int side : {0, 1}) { // each capture's own reinjections
        window.pairSideBox()->setCurrentIndex(side);
        window.pairTreeView()->setCurrentIndex(row);
        auto* reinjections = window.detailPane()->reinjectionModel();
        if (reinjections->rowCount() == 0)
            continue;
        QTRY_COMPARE_WITH_TIMEOUT(reinjections->columnCount(), int(app::ReinjectionTableModel::ColumnCount), 60000);
        QVERIFY(window.detailPane()->reinjectionSummary().contains(QStringLiteral("useful")));
        for (int r = 0; r < reinjections->rowCount(); ++r) {
            const auto* verdict = expected.find(side == 0, std::size_t(r));
            const QString shown = reinjections->index(r, app::ReinjectionTableModel::VerdictColumn).data().toString();
            if (!verdict) {
                QVERIFY(shown.isEmpty()); // this capture is not the sender of that direction
                continue;
            }
            QCOMPARE(shown, QString::fromLatin1(core::compare::verdictName(verdict->verdict)));
            ++judged;
        }

        // The DSN chart of each direction: one marker layer per verdict its reinjections have.
        auto* panel = window.detailPane()->chartPanel();
        window.detailPane()->tabs()->setCurrentWidget(panel);
        panel->kindBox()->setCurrentIndex(panel->kindBox()->findData(int(app::charts::ChartKind::Sequence)));
        for (int d = 0; d < panel->directionBox()->count(); ++d) {
            panel->directionBox()->setCurrentIndex(d);
            const auto direction = core::Direction(panel->directionBox()->currentData().toInt());
            const auto shown = [&] { // charts are computed on a worker: wait for this one
                const auto* h = app::charts::ChartHandle::of(panel->view()->chart());
                return h && h->request().kind == app::charts::ChartKind::Sequence &&
                       h->request().direction == direction;
            };
            QTRY_VERIFY_WITH_TIMEOUT(shown(), 30000);
            const auto* handle = app::charts::ChartHandle::of(panel->view()->chart());
            QVERIFY(handle->request().reinjectionVerdicts);
            const auto& layers = handle->data().reinjectionsByVerdict;
            std::size_t points = 0;
            for (const auto& layer : layers)
                points += layer.size();
            QCOMPARE(points, handle->data().sequence.reinjections.size());
            const auto& rowVerdicts = side == 0 ? expected.rowVerdictsFirst : expected.rowVerdictsSecond;
            for (std::size_t v = 0; v < 3; ++v)
                for (const auto packet : layers[v].packet) {
                    ++colouredMarkers;
                    const auto found = std::ranges::find_if(rowVerdicts, [&](const auto& rowVerdict) {
                        return (side == 0 ? pair->first : pair->second)->table.packet[rowVerdict.first] == packet;
                    });
                    QVERIFY(found != rowVerdicts.end());
                    QCOMPARE(std::size_t(found->second), v);
                }
        }
        window.detailPane()->tabs()->setCurrentIndex(0);
    }
    QVERIFY(judged > 0);
    QVERIFY(colouredMarkers > 0);
}

void TestPairView::plotOwdWritesImages()
{
    QTemporaryDir dir;
    const auto a = loadDirectly(client());
    const auto b = loadDirectly(server());
    const auto map = core::compare::mapCaptures(*a, *b);
    QVERIFY(!map.mptcp.empty());
    const auto id = map.mptcp.front().first.value;
    for (const QString& suffix : {QStringLiteral("png"), QStringLiteral("svg")}) {
        const QString out = dir.filePath(QStringLiteral("owd.") + suffix);
        QProcess cli;
        cli.start(QStringLiteral(MPTCPSCOPE_CLI_EXE),
                  {QStringLiteral("plot"), QStringLiteral("owd"), client(), server(), QStringLiteral("--mptcp"),
                   QString::number(id), QStringLiteral("-o"), out, QStringLiteral("--width"), QStringLiteral("900"),
                   QStringLiteral("--height"), QStringLiteral("500")});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        if (suffix == QLatin1String("png")) {
            const QImage image(out);
            QCOMPARE(image.size(), QSize(900, 500));
        } else {
            QSvgRenderer svg(out);
            QVERIFY(svg.isValid());
        }
    }
    QProcess single;
    single.start(QStringLiteral(MPTCPSCOPE_CLI_EXE),
                 {QStringLiteral("plot"), QStringLiteral("owd"), client(), QStringLiteral("--mptcp"),
                  QString::number(id), QStringLiteral("-o"), dir.filePath(QStringLiteral("x.png"))});
    QVERIFY(single.waitForFinished(60000));
    QCOMPARE(single.exitCode(), 2); // owd needs both captures

    // The same builder as the CLI: one series per subflow and direction.
    auto pair = std::make_shared<app::LoadedPair>();
    pair->first = a;
    pair->second = b;
    pair->firstPath = client();
    pair->secondPath = server();
    pair->map = map;
    std::string error;
    const auto stampsA = core::compare::readPacketStamps(a->path, error);
    const auto stampsB = core::compare::readPacketStamps(b->path, error);
    QVERIFY(stampsA && stampsB);
    const auto subflows = core::compare::matchedSubflows(*a, map, core::MptcpId(id));
    const auto delays = core::compare::oneWayDelays(*a, *b, *stampsA, *stampsB, subflows);
    app::charts::ChartRequest request;
    request.kind = app::charts::ChartKind::OneWayDelay;
    request.connection = core::MptcpId(id);
    std::unique_ptr<QChart> chart(app::charts::buildOneWayDelayChart(pair, delays, request));
    QVERIFY(chart);
    const auto* handle = app::charts::ChartHandle::of(chart.get());
    QCOMPARE(handle->data().oneWayDelay.subflows.size(), delays.subflows.size());
    QCOMPARE(delays.subflows.size(), 2 * subflows.size());

    // Lost packets carry the frame number of the capture that sent them.
    std::array<std::vector<std::uint32_t>, 2> expectedLost;
    for (const auto& subflow : delays.subflows)
        for (const auto row : subflow.lostRows)
            expectedLost[subflow.senderIsFirst ? 0 : 1].push_back((subflow.senderIsFirst ? *a : *b).table.packet[row]);
    QVERIFY(!expectedLost[0].empty() && !expectedLost[1].empty()); // sample l loses packets both ways
    const auto& lost = handle->data().oneWayDelay.lost;
    for (std::size_t side = 0; side < 2; ++side) {
        auto packets = lost[side].packet;
        std::ranges::sort(packets);
        std::ranges::sort(expectedLost[side]);
        QCOMPARE(packets, expectedLost[side]);
    }
}

// An opened pair joins File ▸ Open Recent as one entry, which opens the pair again; a single
// capture opened afterwards comes before it.
void TestPairView::pairIsARecentEntry()
{
    QSettings().remove(QStringLiteral("files/recent"));
    const QStringList pairPaths{QFileInfo(client()).absoluteFilePath(), QFileInfo(server()).absoluteFilePath()};
    {
        MainWindow window;
        QVERIFY(openPairAndWait(window, client(), server()));
        QTRY_COMPARE(app::settings::recentEntries().value(0), pairPaths);
    }
    {
        MainWindow window;
        QSignalSpy loaded(&window, &MainWindow::captureChanged);
        window.openCapture(client());
        QVERIFY(loaded.wait(30000));
        QTRY_COMPARE(app::settings::recentEntries(), (QList<QStringList>{{pairPaths[0]}, pairPaths}));
    }

    MainWindow window;
    QAction* recentPair = nullptr;
    for (QAction* action : window.findChildren<QAction*>())
        if (action->text().contains(QStringLiteral("l_pair_client.pcap ↔ l_pair_server.pcap")))
            recentPair = action;
    QVERIFY(recentPair);
    QVERIFY(recentPair->text().startsWith(QStringLiteral("&2 ")));
    QSignalSpy changed(&window, &MainWindow::pairChanged);
    recentPair->trigger();
    QVERIFY(changed.wait(30000));
    QVERIFY(window.pair());
    QCOMPARE(QFileInfo(window.pair()->secondPath).absoluteFilePath(), pairPaths[1]);
}

QTEST_MAIN(TestPairView)
#include "tst_pair_view.moc"
