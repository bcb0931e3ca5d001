#include "test_data.h"

#include "chart_computer.h"
#include "chart_panel.h"
#include "chart_view.h"
#include "charts/chart_builder.h"
#include "detail_pane.h"
#include "load/loader.h"
#include "model/capture.h"
#include "series/receive_reordering.h"

#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QLabel>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <atomic>

using app::charts::ChartHandle;
using app::charts::ChartKind;

// Chart data and the detail pane's reordering figures are computed off the GUI thread; a
// result that arrives after the selection changed is never shown.
class TestChartAsync : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void chartDataIsComputedOffTheGuiThread();
    void staleChartIsDropped();
    void cliPathStillBuildsAtOnce();
    void reorderingFiguresArriveLater();
    void staleReorderingFiguresAreDropped();

private:
    app::CapturePtr m_capture; // d: two subflows, losses, reinjections
};

namespace {

ChartKind shownKind(const app::ChartPanel& panel)
{
    const auto* handle = ChartHandle::of(panel.view()->chart());
    return handle ? handle->request().kind : ChartKind::OneWayDelay; // none: a kind this panel never computes
}

} // namespace

void TestChartAsync::initTestCase()
{
    m_capture = core::load(
                    QString(testdata::samplesDir() + QStringLiteral("/d_loss_delay_reinjections.pcap")).toStdString())
                    .capture;
    QVERIFY(m_capture);
}

void TestChartAsync::cleanupTestCase()
{
    app::guiWorkPool()->waitForDone();
    QThreadPool::globalInstance()->waitForDone();
}

void TestChartAsync::chartDataIsComputedOffTheGuiThread()
{
    app::ChartPanel panel;
    panel.resize(900, 600);
    panel.show();
    std::atomic<QThread*> computedOn = nullptr;
    panel.computer()->setCompute([&computedOn](const core::Capture& capture, const app::charts::ChartRequest& request) {
        computedOn = QThread::currentThread();
        return app::charts::computeChartData(capture, request);
    });
    QSignalSpy ready(&panel, &app::ChartPanel::chartReady);
    panel.setActive(true);
    panel.showMptcp(m_capture, 0);
    QVERIFY(panel.isComputing());
    QVERIFY(ready.wait(30000));
    QVERIFY(computedOn.load() != nullptr);
    QVERIFY(computedOn.load() != QThread::currentThread());
    QVERIFY(!panel.isComputing());
    const auto* handle = ChartHandle::of(panel.view()->chart());
    QVERIFY(handle);
    QCOMPARE(handle->request().kind, ChartKind::Sequence);
    QVERIFY(!handle->data().sequence.subflows.empty());
    QVERIFY(handle->data().sequence.subflows.front().size() > 0);
}

void TestChartAsync::staleChartIsDropped()
{
    app::ChartPanel panel;
    panel.resize(900, 600);
    panel.show();
    // The sequence chart's computation waits until the test lets it go.
    QSemaphore gate;
    std::atomic<int> sequenceComputations = 0;
    panel.computer()->setCompute([&](const core::Capture& capture, const app::charts::ChartRequest& request) {
        if (request.kind == ChartKind::Sequence) {
            ++sequenceComputations;
            gate.acquire();
        }
        return app::charts::computeChartData(capture, request);
    });
    QSignalSpy ready(&panel, &app::ChartPanel::chartReady);
    panel.setActive(true);
    panel.showMptcp(m_capture, 0); // the sequence chart, held at the gate
    QTRY_COMPARE(sequenceComputations.load(), 1);
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(ChartKind::Goodput)));
    QVERIFY(panel.isComputing());
    QCoreApplication::processEvents();
    QCOMPARE(ready.count(), 0);
    QVERIFY(!ChartHandle::of(panel.view()->chart())); // no earlier chart meanwhile
    gate.release();
    QVERIFY(ready.wait(30000));
    QCOMPARE(shownKind(panel), ChartKind::Goodput);
    // Nothing more arrives: the sequence chart's data was dropped, never drawn.
    app::guiWorkPool()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(ready.count(), 1);
    QCOMPARE(shownKind(panel), ChartKind::Goodput);

    // Another connection while one computes: only the latest is drawn.
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(ChartKind::Sequence)));
    QTRY_COMPARE(sequenceComputations.load(), 2);
    panel.showTcp(m_capture, 1); // a sequence chart too, of tcp.stream 1
    gate.release(2);
    QVERIFY(ready.wait(30000));
    app::guiWorkPool()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(ready.count(), 2);
    const auto* handle = ChartHandle::of(panel.view()->chart());
    QVERIFY(handle);
    QVERIFY(!handle->request().mptcp());
    QCOMPARE(handle->request().number(), 1u);
}

void TestChartAsync::cliPathStillBuildsAtOnce()
{
    const app::charts::ChartRequest request{ChartKind::Sequence, core::MptcpId(0), core::Direction::ClientToServer};
    std::unique_ptr<QChart> chart(app::charts::buildChart(m_capture, request));
    QVERIFY(chart);
    const auto computed = app::charts::computeChartData(*m_capture, request);
    QVERIFY(computed.data);
    const auto& built = ChartHandle::of(chart.get())->data().sequence;
    QCOMPARE(built.subflows.size(), computed.data->sequence.subflows.size());
    for (std::size_t s = 0; s < built.subflows.size(); ++s)
        QCOMPARE(built.subflows[s].x, computed.data->sequence.subflows[s].x);
    QString error;
    QVERIFY(!app::charts::buildChart(m_capture, {ChartKind::Sequence, core::MptcpId(999)}, &error));
    QVERIFY(error.contains(QStringLiteral("999")));
}

void TestChartAsync::reorderingFiguresArriveLater()
{
    app::DetailPane pane;
    QSignalSpy complete(&pane, &app::DetailPane::headerComplete);
    pane.showMptcp(m_capture, 0);
    const QString placeholder = QStringLiteral("Reordering at the capture point: …");
    QVERIFY(pane.headerText().contains(placeholder));
    QVERIFY(complete.wait(30000));
    QVERIFY2(!pane.headerText().contains(placeholder), qPrintable(pane.headerText()));
    QVERIFY(pane.headerText().contains(QStringLiteral("mptcp.stream 0")));
    // A line for each direction whose data the replayed queue saw, as computed here.
    const auto& m = m_capture->mptcp.front();
    int directions = 0;
    for (const auto d : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
        const bool any = core::connectionReordering(*m_capture, m, d).figures.bytes > 0;
        directions += any ? 1 : 0;
        const QString line = d == core::Direction::ClientToServer ? QStringLiteral("Client → server reordering")
                                                                  : QStringLiteral("Server → client reordering");
        QCOMPARE(pane.headerText().contains(line), any);
    }
    QVERIFY(directions > 0);
}

void TestChartAsync::staleReorderingFiguresAreDropped()
{
    app::DetailPane pane;
    QSignalSpy complete(&pane, &app::DetailPane::headerComplete);
    pane.showMptcp(m_capture, 0);
    pane.showTcp(m_capture, 1);
    app::guiWorkPool()->waitForDone();
    QTest::qWait(50);
    QCOMPARE(complete.count(), 0);
    QVERIFY(pane.headerText().contains(QStringLiteral("tcp.stream 1")));
    QVERIFY(!pane.headerText().contains(QStringLiteral("eordering")));
}

QTEST_MAIN(TestChartAsync)
#include "tst_chart_async.moc"
