#include "test_data.h"

#include "chart_view.h"
#include "charts/chart_builder.h"
#include "charts/chart_exporter.h"
#include "charts/decimated_series.h"
#include "charts/point_cloud_item.h"
#include "load/loader.h"
#include "model/capture.h"
#include "series/chart_data.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXYSeries>

#include <numeric>

using app::charts::ChartHandle;
using app::charts::ChartKind;
using app::charts::ChartRequest;

class TestChartBuilder : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void sequenceChartMatchesTheModel_data();
    void sequenceChartMatchesTheModel();
    void shareChartMatchesTheSubflowTable();
    void goodputAggregateIntegratesToTheData();
    void decimationFollowsZoom();
    void hoverNamesThePacket();
    void badRequestsAreErrors();

private:
    app::CapturePtr m_sample;
};

void TestChartBuilder::initTestCase()
{
    const QString path = testdata::samplesDir() + QStringLiteral("/b_four_subflows_bidir.pcapng");
    m_sample = core::load(path.toStdString()).capture;
    QVERIFY(m_sample);
}

void TestChartBuilder::sequenceChartMatchesTheModel_data()
{
    QTest::addColumn<int>("direction");
    QTest::addRow("c2s") << 0;
    QTest::addRow("s2c") << 1;
}

void TestChartBuilder::sequenceChartMatchesTheModel()
{
    QFETCH(int, direction);
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    const auto data = core::buildSequenceChart(*m_sample, m, core::Direction(direction));
    QCOMPARE(data.subflows.size(), m.subflows.size());

    // Every data packet of the direction is on the chart, on its subflow's series, and the
    // highest point is the amount of data (DSN relative to the IDSN starts at 1).
    std::uint64_t payload = 0;
    for (std::size_t s = 0; s < data.subflows.size(); ++s) {
        const auto& series = data.subflows[s];
        QCOMPARE(series.stream, m.subflowStats[s].stream.value);
        QVERIFY(std::is_sorted(series.x.begin(), series.x.end()));
        payload += std::accumulate(series.length.begin(), series.length.end(), std::uint64_t(0));
        for (const double y : series.y)
            QVERIFY(y >= 1);
    }
    std::uint64_t expectedPayload = 0;
    for (const auto& stats : m.subflowStats)
        expectedPayload += stats.payloadBytes[std::size_t(direction)];
    QCOMPARE(payload, expectedPayload);
    QCOMPARE(qulonglong(data.maxY), qulonglong(m.directions[std::size_t(direction)].dataBytes + 1));

    std::unique_ptr<QChart> chart(app::charts::buildChart(m_sample, {ChartKind::Sequence, true, 0, direction}));
    QVERIFY(chart);
    auto* handle = ChartHandle::of(chart.get());
    QVERIFY(handle);
    QVERIFY(handle->hoverSources().size() >= m.subflows.size());
}

void TestChartBuilder::shareChartMatchesTheSubflowTable()
{
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    for (const auto direction : {core::Direction::ClientToServer, core::Direction::ServerToClient}) {
        const auto data = core::buildShareChart(*m_sample, m, direction, 20);
        QCOMPARE(data.totals.size(), m.subflowStats.size());
        for (std::size_t s = 0; s < data.totals.size(); ++s) {
            QCOMPARE(data.totals[s], m.subflowStats[s].firstCarriedBytes[index(direction)]);
            QCOMPARE(std::accumulate(data.bytes[s].begin(), data.bytes[s].end(), std::uint64_t(0)), data.totals[s]);
        }
    }
    std::unique_ptr<QChart> chart(app::charts::buildChart(m_sample, {ChartKind::Share, true, 0, 0}));
    QVERIFY(chart);
    auto* bars = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), qsizetype(m.subflows.size()));
    const auto* first = bars->barSets().first();
    QCOMPARE(first->count(), 21); // 20 intervals + the total
    QCOMPARE(qulonglong(first->at(20)), qulonglong(m.subflowStats[0].firstCarriedBytes[0]));
}

void TestChartBuilder::goodputAggregateIntegratesToTheData()
{
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    const double window = 0.1;
    const auto data = core::buildGoodputChart(*m_sample, m, core::Direction::ClientToServer, window);
    QVERIFY(data.aggregate.size() > 2);
    // Each byte stays in the sliding window for one window length, so the integral of the
    // rate over time is the data itself (up to the sampling grid: within 2 %).
    const double step = data.aggregate.x[1] - data.aggregate.x[0];
    QVERIFY(step > 0);
    const double bytes = std::accumulate(data.aggregate.y.begin(), data.aggregate.y.end(), 0.0) * step / 8.0;
    const double expected = double(m.directions[0].dataBytes);
    QVERIFY2(std::abs(bytes - expected) / expected < 0.02, qPrintable(QString::number(bytes)));
}

void TestChartBuilder::decimationFollowsZoom()
{
    std::unique_ptr<QChart> chart(app::charts::buildChart(m_sample, {ChartKind::Sequence, true, 0, 0}));
    auto* handle = ChartHandle::of(chart.get());
    QCOMPARE(handle->pointClouds().size(), std::size_t(1));
    const auto* cloud = handle->pointClouds().front();

    QTemporaryDir dir;
    QVERIFY(app::charts::exportChart(chart.get(), dir.filePath(QStringLiteral("small.png")), QSize(300, 200), nullptr));
    const std::size_t small = cloud->drawnPoints();
    const std::size_t layers = handle->hoverSources().size() + 1; // subflows + reinjections
    QVERIFY(small > 0);
    QVERIFY2(small <= layers * (4 * 300 + 8), qPrintable(QString::number(small)));

    // Zoomed in far enough, every packet in view is drawn, from the full data.
    const auto& data = *handle->hoverSources().front().data;
    QVERIFY(data.size() > 10);
    auto* x = qobject_cast<QValueAxis*>(chart->axes(Qt::Horizontal).first());
    x->setRange(data.x[2], data.x[8]);
    QVERIFY(app::charts::exportChart(chart.get(), dir.filePath(QStringLiteral("zoomed.png")), QSize(1200, 800), nullptr));
    std::size_t inView = 0;
    for (const auto& source : handle->hoverSources())
        inView += std::size_t(std::count_if(source.data->x.begin(), source.data->x.end(),
                                            [&](double t) { return t >= data.x[2] && t <= data.x[8]; }));
    QVERIFY(cloud->drawnPoints() >= inView);

    // The goodput lines are QtCharts series: never more points than about four per pixel.
    std::unique_ptr<QChart> goodput(app::charts::buildChart(m_sample, {ChartKind::Goodput, true, 0, 0, 0.1}));
    goodput->resize(300, 200);
    auto* goodputHandle = ChartHandle::of(goodput.get());
    goodputHandle->refreshAll();
    const int width = int(goodput->plotArea().width());
    QVERIFY(width > 0);
    for (auto* series : goodputHandle->series())
        QVERIFY(series->shownPoints() <= 4 * width + 8);
}

void TestChartBuilder::hoverNamesThePacket()
{
    app::ChartView view;
    view.resize(900, 600);
    view.setChart(app::charts::buildChart(m_sample, {ChartKind::Sequence, true, 0, 0}));
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto* handle = ChartHandle::of(view.chart());
    const auto& source = handle->hoverSources().front();
    const auto& data = *source.data;
    const std::size_t i = data.size() / 2;
    const QPointF inChart = view.chart()->mapToPosition(QPointF(data.x[i], data.y[i] / source.yScale), source.series);
    const QPoint inView = view.mapFromScene(view.chart()->mapToScene(inChart));
    const QString text = view.describePointAt(inView);
    QVERIFY2(text.contains(QStringLiteral("packet ")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("tcp.stream ")), qPrintable(text));
    QVERIFY(view.describePointAt(QPoint(2, 2)).isEmpty());
}

void TestChartBuilder::badRequestsAreErrors()
{
    QString error;
    QVERIFY(!app::charts::buildChart(m_sample, {ChartKind::Sequence, true, 99, 0}, &error));
    QVERIFY(error.contains(QStringLiteral("99")));
    QVERIFY(!app::charts::buildChart(m_sample, {ChartKind::Share, false, 0, 0}, &error));
    QVERIFY(!app::charts::buildChart(m_sample, {ChartKind::Goodput, false, 1000, 0}, &error));
}

QTEST_MAIN(TestChartBuilder)
#include "tst_chart_builder.moc"
