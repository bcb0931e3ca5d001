#include "test_data.h"

#include "chart_panel.h"
#include "chart_view.h"
#include "charts/chart_builder.h"
#include "load/loader.h"
#include "model/capture.h"
#include "packet_panel.h"

#include <QApplication>
#include <QChart>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using app::charts::ChartHandle;
using app::charts::ChartKind;

// Clicking a chart's point selects its packet: the packet panel shows it, n and p step along
// the series, "Copy Wireshark filter" names the frame; the selection survives no chart change.
class TestChartInteraction : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void clickSelectsThePacket_data();
    void clickSelectsThePacket();
    void tcpAttributesFollowTheSubflowBox();

private:
    app::CapturePtr m_capture; // d: two subflows, losses, reinjections
};

namespace {

// Where point `index` of the first packet series is drawn, in the view's pixels.
QPoint pointPosition(const app::ChartView& view, std::size_t sourceIndex, std::size_t index)
{
    auto* handle = ChartHandle::of(view.chart());
    const auto& source = handle->hoverSources()[sourceIndex];
    const auto& data = *source.data;
    const QPointF inChart = view.chart()->mapToPosition(QPointF(data.x[index], data.y[index] / source.yScale),
                                                        source.series);
    return view.mapFromScene(view.chart()->mapToScene(inChart));
}

// The chart is computed on a worker: wait until the panel shows the current request's.
bool waitForChart(app::ChartPanel& panel)
{
    if (!panel.isComputing())
        return true;
    QSignalSpy ready(&panel, &app::ChartPanel::chartReady);
    return ready.wait(30000);
}

} // namespace

void TestChartInteraction::initTestCase()
{
    m_capture = core::load(
                    QString(testdata::samplesDir() + QStringLiteral("/d_loss_delay_reinjections.pcap")).toStdString())
                    .capture;
    QVERIFY(m_capture);
}

void TestChartInteraction::clickSelectsThePacket_data()
{
    QTest::addColumn<int>("kind");
    QTest::addRow("sequence") << int(ChartKind::Sequence);
    QTest::addRow("rtt") << int(ChartKind::Rtt);
    QTest::addRow("tcp attributes") << int(ChartKind::TcpAttribute);
    QTest::addRow("out-of-order queue") << int(ChartKind::OutOfOrderQueue);
}

void TestChartInteraction::clickSelectsThePacket()
{
    QFETCH(int, kind);
    app::ChartPanel panel;
    panel.resize(1300, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setActive(true);
    panel.showMptcp(m_capture, 0);
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(kind));
    QVERIFY(waitForChart(panel));
    QCoreApplication::processEvents();
    app::ChartView* view = panel.view();
    auto* handle = ChartHandle::of(view->chart());
    QVERIFY(handle);
    const auto& data = *handle->hoverSources().front().data;
    QVERIFY(data.size() > 10);
    const std::size_t i = data.size() / 2;

    const QString hover = view->describePointAt(pointPosition(*view, 0, i));
    QVERIFY2(hover.contains(QStringLiteral("packet ")), qPrintable(hover));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, pointPosition(*view, 0, i));
    QVERIFY(view->selectedPacket() != 0);
    app::PacketPanel* packet = panel.packetPanel();
    QVERIFY(packet->isVisible());
    QCOMPARE(packet->packet().value, view->selectedPacket());
    QVERIFY2(packet->text().contains(QStringLiteral("Packet %1").arg(view->selectedPacket())),
             qPrintable(packet->text()));
    packet->copyButton()->click();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("frame.number == %1").arg(view->selectedPacket()));

    // n and p: the next and the previous packet of the same series.
    const quint32 first = view->selectedPacket();
    QTest::keyClick(view, Qt::Key_N);
    const quint32 next = view->selectedPacket();
    QVERIFY(next != first);
    QCOMPARE(packet->packet().value, next);
    QTest::keyClick(view, Qt::Key_P);
    QCOMPARE(view->selectedPacket(), first);

    // Another chart: the selection and the panel go.
    QTest::mouseMove(view->viewport(), pointPosition(*view, 0, i));
    QCoreApplication::processEvents();
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(ChartKind::Goodput)));
    QVERIFY(waitForChart(panel));
    QCoreApplication::processEvents();
    QTest::qWait(50);
    QCOMPARE(view->selectedPacket(), 0u);
    QVERIFY(!packet->isVisible());
    panel.grab(); // paints the new chart
}

void TestChartInteraction::tcpAttributesFollowTheSubflowBox()
{
    app::ChartPanel panel;
    panel.resize(1300, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.setActive(true);
    panel.showMptcp(m_capture, 0);
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(ChartKind::TcpAttribute)));
    QVERIFY(panel.subflowBox()->isVisible());
    QCOMPARE(panel.subflowBox()->count(), 2);
    for (int s = 0; s < 2; ++s) {
        panel.subflowBox()->setCurrentIndex(s);
        QVERIFY(waitForChart(panel));
        const auto request = panel.request();
        QCOMPARE(std::get<core::TcpStreamId>(request.connection).value,
                 m_capture->mptcp.front().subflowStats[std::size_t(s)].stream.value);
        QVERIFY2(panel.view()->chart()->title().contains(QStringLiteral("tcp.stream %1").arg(request.number())),
                 qPrintable(panel.view()->chart()->title()));
    }
    // Only the attributes ticked are drawn.
    panel.attributeBox(core::SequenceAttribute)->setChecked(false);
    panel.attributeBox(core::AckAttribute)->setChecked(false);
    QCOMPARE(int(panel.request().tcpAttributes), int(core::ReceiveWindowAttribute | core::InFlightAttribute));
    QVERIFY(waitForChart(panel));
    QCOMPARE(panel.view()->chart()->series().size(), 2);
    // A plain TCP connection (here a subflow on its own) has no subflow box.
    panel.showTcp(m_capture, 1);
    QVERIFY(!panel.subflowBox()->isVisible());
    QCOMPARE(std::get<core::TcpStreamId>(panel.request().connection).value, 1u);
}

QTEST_MAIN(TestChartInteraction)
#include "tst_chart_interaction.moc"
