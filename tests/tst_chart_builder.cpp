#include "test_data.h"

#include "chart_panel.h"
#include "chart_view.h"
#include "charts/chart_builder.h"
#include "charts/chart_exporter.h"
#include "charts/decimated_series.h"
#include "charts/point_cloud_item.h"
#include "load/loader.h"
#include "model/capture.h"
#include "series/chart_data.h"
#include "series/round_interval.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QComboBox>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
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
    void shareIntervalsAreRound_data();
    void shareIntervalsAreRound();
    void axisLabelsFitAtAnyWidth_data();
    void axisLabelsFitAtAnyWidth();
    void goodputAggregateIntegratesToTheData();
    void defaultGoodputWindowFollowsTheDuration_data();
    void defaultGoodputWindowFollowsTheDuration();
    void goodputOverTheWholeTransferIsTheSummary_data();
    void goodputOverTheWholeTransferIsTheSummary();
    void goodputNearTheStartDividesByTheCoveredTime();
    void timeAxisEndsWithTheData_data();
    void timeAxisEndsWithTheData();
    void panelDefaultsToTheAutoWindow();
    void decimationFollowsZoom();
    void hoverNamesThePacket();
    void badRequestsAreErrors();
    void queueChartMatchesTheFigures_data();
    void queueChartMatchesTheFigures();

private:
    app::CapturePtr m_sample;
    app::CapturePtr m_upload; // a: one direction, no retransmission
};

namespace {

bool isRound(double value) // 1, 2 or 5 × 10ⁿ
{
    const double mantissa = value / std::pow(10.0, std::floor(std::log10(value) + 1e-12));
    return std::abs(mantissa - 1) < 1e-9 || std::abs(mantissa - 2) < 1e-9 || std::abs(mantissa - 5) < 1e-9;
}

QValueAxis* timeAxisOf(const QChart& chart) // the visible horizontal axis
{
    for (auto* axis : chart.axes(Qt::Horizontal))
        if (axis->isVisible())
            return qobject_cast<QValueAxis*>(axis);
    return nullptr;
}

// New data bytes of `direction` sent at or before `t` and after `after`, from the sequence
// chart: valid where every data packet carries new data (no retransmission, no reinjection).
std::uint64_t bytesSentIn(const core::SequenceChartData& sequence, double after, double t)
{
    std::uint64_t bytes = 0;
    for (const auto& subflow : sequence.subflows)
        for (std::size_t i = 0; i < subflow.size(); ++i)
            if (subflow.x[i] > after && subflow.x[i] <= t)
                bytes += subflow.length[i];
    return bytes;
}

} // namespace

void TestChartBuilder::initTestCase()
{
    const QString path = testdata::samplesDir() + QStringLiteral("/b_four_subflows_bidir.pcapng");
    m_sample = core::load(path.toStdString()).capture;
    QVERIFY(m_sample);
    const QString upload = testdata::samplesDir() + QStringLiteral("/a_two_subflows_upload.pcap");
    m_upload = core::load(upload.toStdString()).capture;
    QVERIFY(m_upload);
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

    std::unique_ptr<QChart> chart(
        app::charts::buildChart(m_sample, {ChartKind::Sequence, core::MptcpId(0), core::Direction(direction)}));
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
    std::unique_ptr<QChart> chart(
        app::charts::buildChart(m_sample, {ChartKind::Share, core::MptcpId(0), core::Direction::ClientToServer}));
    QVERIFY(chart);
    auto* bars = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    QVERIFY(bars);
    QCOMPARE(bars->count(), qsizetype(m.subflows.size()));
    const auto data = core::buildShareChart(*m_sample, m, core::Direction::ClientToServer, 20);
    const auto* first = bars->barSets().first();
    QCOMPARE(first->count(), qsizetype(data.binStarts.size()));
    double bytes = 0;
    for (int b = 0; b < first->count(); ++b)
        bytes += first->at(b);
    QCOMPARE(qulonglong(bytes), qulonglong(m.subflowStats[0].firstCarriedBytes[0]));
    // Each subflow's share of the whole direction is in its legend entry.
    const double share = 100.0 * m.dataShare(0, core::Direction::ClientToServer);
    QVERIFY2(first->label().startsWith(QString::number(share, 'f', 1) + QStringLiteral(" %")),
             qPrintable(first->label()));
}

void TestChartBuilder::shareIntervalsAreRound_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("direction");
    QTest::addRow("b c2s") << QStringLiteral("b") << 0;
    QTest::addRow("b s2c") << QStringLiteral("b") << 1;
    QTest::addRow("a c2s") << QStringLiteral("a") << 0;
}

void TestChartBuilder::shareIntervalsAreRound()
{
    QFETCH(QString, sample);
    QFETCH(int, direction);
    const auto& capture = sample == QLatin1String("a") ? *m_upload : *m_sample;
    const auto& m = *capture.findMptcp(core::MptcpId(0));
    const auto d = core::Direction(direction);
    const int target = 20;
    const auto data = core::buildShareChart(capture, m, d, target);
    QVERIFY2(isRound(data.binWidth), qPrintable(QString::number(data.binWidth)));
    // About the asked number of intervals: the round width is at most 2.5 times the exact one.
    const double first = capture.relativeSeconds(m.stats(d).firstDataNs);
    const double last = capture.relativeSeconds(m.stats(d).lastDataNs);
    QVERIFY(data.binWidth >= (last - first) / target);
    QVERIFY(data.binWidth <= 2.5 * (last - first) / target);
    QVERIFY(data.binStarts.size() <= std::size_t(target) + 1);
    // Edges on multiples of the width, covering the data.
    for (std::size_t b = 0; b < data.binStarts.size(); ++b) {
        const double multiple = data.binStarts[b] / data.binWidth;
        QVERIFY2(std::abs(multiple - std::round(multiple)) < 1e-6, qPrintable(QString::number(data.binStarts[b])));
        if (b > 0)
            QVERIFY(std::abs(data.binStarts[b] - data.binStarts[b - 1] - data.binWidth) < 1e-9);
    }
    QVERIFY(data.binStarts.front() <= first && first < data.binStarts.front() + data.binWidth);
    QVERIFY(data.binStarts.back() <= last && last < data.binStarts.back() + data.binWidth);
    for (std::size_t s = 0; s < data.totals.size(); ++s)
        QCOMPARE(std::accumulate(data.bytes[s].begin(), data.bytes[s].end(), std::uint64_t(0)),
                 m.subflowStats[s].firstCarriedBytes[index(d)]);
}

// The tick labels a chart shows, laid out at `size` as the GUI or an export would.
struct AxisLabels {
    QRectF plot;
    QList<QRectF> bottom; // time axis tick labels, left to right
    QStringList ticks;    // every axis tick label
    QStringList titles;   // the axis titles
};

AxisLabels layOut(QChart* chart, QSize size)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->resize(size);
    for (int pass = 0; pass < 3; ++pass) // as the exporter does
        QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
    AxisLabels result;
    result.plot = chart->plotArea();
    const QRectF legend = chart->legend()->sceneBoundingRect();
    for (auto* item : scene.items()) {
        auto* text = dynamic_cast<QGraphicsTextItem*>(item);
        if (!text || !text->isVisible() || text->toPlainText().isEmpty())
            continue;
        const QRectF box = text->sceneBoundingRect();
        const QString plain = text->toPlainText();
        if (legend.contains(box.center()) || plain == chart->title())
            continue;
        // An axis title, whole or elided (its first letters then "…").
        bool title = false;
        for (const auto* axis : chart->axes())
            title = title || (!axis->titleText().isEmpty() && axis->titleText().startsWith(plain.left(6)));
        if (title) {
            result.titles << plain;
            continue;
        }
        result.ticks << plain;
        if (box.center().y() > result.plot.bottom() && box.center().x() >= result.plot.left())
            result.bottom << box;
    }
    std::sort(result.bottom.begin(), result.bottom.end(),
              [](const QRectF& a, const QRectF& b) { return a.left() < b.left(); });
    scene.removeItem(chart);
    return result;
}

void TestChartBuilder::axisLabelsFitAtAnyWidth_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QSize>("size");
    for (const auto& [name, kind] :
         {std::pair{"share", ChartKind::Share}, std::pair{"goodput", ChartKind::Goodput},
          std::pair{"dsn", ChartKind::Sequence}, std::pair{"ooo-queue", ChartKind::OutOfOrderQueue}})
        for (const QSize size : {QSize(400, 300), QSize(600, 400), QSize(900, 600), QSize(1600, 800)})
            QTest::addRow("%s %dx%d", name, size.width(), size.height()) << int(kind) << size;
}

void TestChartBuilder::axisLabelsFitAtAnyWidth()
{
    QFETCH(int, kind);
    QFETCH(QSize, size);
    ChartRequest request;
    request.kind = ChartKind(kind);
    std::unique_ptr<QChart> chart(app::charts::buildChart(m_sample, request));
    QVERIFY(chart);
    const AxisLabels labels = layOut(chart.get(), size);
    const auto elided = [](const QString& text) {
        return text.contains(QChar(0x2026)) || text.contains(QStringLiteral("..."));
    };
    QVERIFY2(labels.bottom.size() >= 2, qPrintable(labels.ticks.join(QLatin1Char(' '))));
    for (const QString& text : labels.ticks)
        QVERIFY2(!elided(text), qPrintable(text));
    // Titles are whole from 600 × 400 on (smaller, a long one may be cut).
    QCOMPARE(labels.titles.size(), 2);
    if (size.height() >= 400)
        for (const QString& text : labels.titles)
            QVERIFY2(!elided(text), qPrintable(text));
    // Side by side, apart, and together no wider than the plot.
    double widths = 0;
    for (int i = 0; i < labels.bottom.size(); ++i) {
        widths += labels.bottom[i].width();
        if (i > 0)
            QVERIFY2(labels.bottom[i - 1].right() < labels.bottom[i].left(),
                     qPrintable(labels.ticks.join(QLatin1Char(' '))));
    }
    QVERIFY(widths <= labels.plot.width());

    auto* time = timeAxisOf(*chart);
    QVERIFY(time);
    QVERIFY2(isRound(time->tickInterval()) || kind == int(ChartKind::Share),
             qPrintable(QString::number(time->tickInterval())));
    if (kind == int(ChartKind::Share)) {
        // Ticks fall on interval edges: a round number of round intervals.
        const double width = core::buildShareChart(*m_sample, *m_sample->findMptcp(core::MptcpId(0)),
                                                   core::Direction::ClientToServer, request.shareBins)
                                 .binWidth;
        QVERIFY(isRound(time->tickInterval() / width));
    }
}

void TestChartBuilder::goodputAggregateIntegratesToTheData()
{
    const auto& m = *m_sample->findMptcp(core::MptcpId(0));
    const double window = 0.01;
    const auto data = core::buildGoodputChart(*m_sample, m, core::Direction::ClientToServer, window);
    QVERIFY(data.aggregate.size() > 2);
    // Once a whole window is covered, each byte stays in it for one window length, so the
    // integral of the rate is the data sent from then until a window before the end.
    const double step = data.aggregate.x[2] - data.aggregate.x[1];
    QVERIFY(step > 0);
    const auto& x = data.aggregate.x;
    const double from = data.firstDataX + window;
    const double to = data.lastDataX;
    double bits = 0;
    for (std::size_t i = 0; i + 1 < x.size(); ++i)
        if (x[i] >= from && x[i + 1] <= to)
            bits += data.aggregate.y[i + 1] * (x[i + 1] - x[i]);
    // Each byte counts for the part of its window inside [from, to]: at least the data sent
    // in [from, to − window], at most that in (from − window, to].
    const auto sequence = core::buildSequenceChart(*m_sample, m, core::Direction::ClientToServer);
    const double fewest = double(bytesSentIn(sequence, from + step, to - window - step));
    const double most = double(bytesSentIn(sequence, from - window - step, to));
    QVERIFY2(bits / 8 >= fewest * 0.98 && bits / 8 <= most * 1.02,
             qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(bits / 8).arg(fewest).arg(most)));
}

void TestChartBuilder::defaultGoodputWindowFollowsTheDuration_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("direction");
    QTest::addRow("a c2s") << QStringLiteral("a") << 0;
    QTest::addRow("b c2s") << QStringLiteral("b") << 0;
    QTest::addRow("b s2c") << QStringLiteral("b") << 1;
}

void TestChartBuilder::defaultGoodputWindowFollowsTheDuration()
{
    QFETCH(QString, sample);
    QFETCH(int, direction);
    const auto& capture = sample == QLatin1String("a") ? m_upload : m_sample;
    const auto& stats = capture->findMptcp(core::MptcpId(0))->stats(core::Direction(direction));
    const double duration = double(stats.lastDataNs - stats.firstDataNs) / 1e9;
    QVERIFY(duration > 0);
    ChartRequest request;
    request.kind = ChartKind::Goodput;
    request.direction = core::Direction(direction);
    QCOMPARE(request.goodputWindowSeconds, 0.0); // auto unless asked
    std::unique_ptr<QChart> chart(app::charts::buildChart(capture, request));
    const double window = ChartHandle::of(chart.get())->data().goodput.windowSeconds;
    QVERIFY2(isRound(window), qPrintable(QString::number(window)));
    QVERIFY2(duration / window >= 10 && duration / window <= 25, qPrintable(QString::number(duration / window)));
    const auto* y = qobject_cast<QValueAxis*>(chart->axes(Qt::Vertical).first());
    QVERIFY2(y->titleText().contains(QStringLiteral(" %1 s ").arg(window)), qPrintable(y->titleText()));
}

void TestChartBuilder::goodputOverTheWholeTransferIsTheSummary_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("direction");
    QTest::addRow("a c2s") << QStringLiteral("a") << 0;
    QTest::addRow("b c2s") << QStringLiteral("b") << 0;
    QTest::addRow("b s2c") << QStringLiteral("b") << 1;
}

void TestChartBuilder::goodputOverTheWholeTransferIsTheSummary()
{
    QFETCH(QString, sample);
    QFETCH(int, direction);
    const auto& capture = sample == QLatin1String("a") ? *m_upload : *m_sample;
    const auto& m = *capture.findMptcp(core::MptcpId(0));
    const auto& stats = m.stats(core::Direction(direction));
    const double duration = double(stats.lastDataNs - stats.firstDataNs) / 1e9;
    // A window longer than the transfer (the old 1 s default on a transfer of a fraction of a
    // second) divides by the time covered: at the end, the bytes over the transfer's duration.
    const auto data = core::buildGoodputChart(capture, m, core::Direction(direction), 1.0);
    QVERIFY(duration < 1.0);
    QVERIFY(data.aggregate.size() > 2);
    QCOMPARE(data.aggregate.x.back(), capture.relativeSeconds(stats.lastDataNs));
    const double summary = stats.goodputBps();
    QVERIFY(summary > 0);
    QVERIFY2(std::abs(data.aggregate.y.back() - summary) <= summary * 1e-9,
             qPrintable(QStringLiteral("%1 vs %2").arg(data.aggregate.y.back()).arg(summary)));
    // The subflows add up to the connection everywhere.
    for (std::size_t i = 0; i < data.aggregate.size(); ++i) {
        double sum = 0;
        for (const auto& subflow : data.subflows)
            sum += subflow.y[i];
        QVERIFY(std::abs(sum - data.aggregate.y[i]) <= 1e-6 * std::max(1.0, data.aggregate.y[i]));
    }
}

void TestChartBuilder::goodputNearTheStartDividesByTheCoveredTime()
{
    const auto& m = *m_upload->findMptcp(core::MptcpId(0));
    const auto d = core::Direction::ClientToServer;
    // Every data packet of sample a carries new data: the sequence chart's packets are the bytes.
    std::uint64_t payload = 0;
    for (const auto& subflow : m.subflowStats)
        payload += subflow.payloadBytes[index(d)];
    QCOMPARE(payload, m.stats(d).dataBytes);
    const auto sequence = core::buildSequenceChart(*m_upload, m, d);

    const auto data = core::buildGoodputChart(*m_upload, m, d, 0.0);
    const double window = data.windowSeconds;
    const double from = m_upload->relativeSeconds(m.stats(d).firstDataNs);
    QCOMPARE(data.firstDataX, from);
    int partial = 0, whole = 0;
    for (std::size_t i = 0; i < data.aggregate.size(); ++i) {
        const double t = data.aggregate.x[i];
        const double covered = std::min(window, t - from);
        QVERIFY(covered >= std::min(window, data.lastDataX - from) / 2 - 1e-9); // no rate over a mere instant
        const double expected = 8.0 * double(bytesSentIn(sequence, t - window, t)) / covered;
        QVERIFY2(std::abs(data.aggregate.y[i] - expected) <= 1e-6 * expected + 1e-9,
                 qPrintable(QStringLiteral("t=%1: %2 vs %3").arg(t).arg(data.aggregate.y[i]).arg(expected)));
        QCOMPARE(data.coveredSeconds(t), covered);
        ++(covered < window ? partial : whole);
    }
    QVERIFY(partial > 0);
    QVERIFY(whole > 0);
}

void TestChartBuilder::timeAxisEndsWithTheData_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("kind");
    for (const char* sample : {"a", "b"})
        for (const auto& [name, kind] : {std::pair{"goodput", ChartKind::Goodput},
                                         std::pair{"dsn", ChartKind::Sequence}, std::pair{"share", ChartKind::Share}})
            QTest::addRow("%s %s", sample, name) << QString::fromLatin1(sample) << int(kind);
}

void TestChartBuilder::timeAxisEndsWithTheData()
{
    QFETCH(QString, sample);
    QFETCH(int, kind);
    const auto& capture = sample == QLatin1String("a") ? m_upload : m_sample;
    const auto& stats = capture->findMptcp(core::MptcpId(0))->stats(core::Direction::ClientToServer);
    const double first = capture->relativeSeconds(stats.firstDataNs);
    const double last = capture->relativeSeconds(stats.lastDataNs);
    ChartRequest request;
    request.kind = ChartKind(kind);
    std::unique_ptr<QChart> chart(app::charts::buildChart(capture, request));
    layOut(chart.get(), QSize(900, 600));
    const auto* time = timeAxisOf(*chart);
    QVERIFY(time);
    // The share chart ends with the interval holding the last data.
    const double end = kind == int(ChartKind::Share) ? ChartHandle::of(chart.get())->data().share.binStarts.back() +
                                                           ChartHandle::of(chart.get())->data().share.binWidth
                                                     : last;
    const double margin = 0.03 * (last - first);
    QVERIFY2(time->max() >= last && time->max() <= end + margin,
             qPrintable(QStringLiteral("axis ends at %1, data at %2").arg(time->max()).arg(last)));
    QVERIFY(time->min() <= first);
    if (kind == int(ChartKind::Goodput)) {
        const auto& aggregate = ChartHandle::of(chart.get())->data().goodput.aggregate;
        QCOMPARE(aggregate.x.back(), last);
    }
}

void TestChartBuilder::panelDefaultsToTheAutoWindow()
{
    app::ChartPanel panel;
    panel.resize(900, 600);
    panel.show();
    panel.setActive(true);
    panel.showMptcp(m_sample, 0);
    QCOMPARE(panel.request().goodputWindowSeconds, 0.0);
    QSignalSpy ready(&panel, &app::ChartPanel::chartReady);
    panel.kindBox()->setCurrentIndex(panel.kindBox()->findData(int(ChartKind::Goodput)));
    QVERIFY(ready.wait(30000));
    const auto* handle = ChartHandle::of(panel.view()->chart());
    QVERIFY(handle);
    const double window = handle->data().goodput.windowSeconds;
    QVERIFY(window > 0);
    QVERIFY2(panel.windowBox()->currentText().contains(QString::number(window)),
             qPrintable(panel.windowBox()->currentText()));
    // The explicit windows are still there.
    const int oneSecond = panel.windowBox()->findData(1.0);
    QVERIFY(oneSecond > 0);
    panel.windowBox()->setCurrentIndex(oneSecond);
    QVERIFY(ready.wait(30000));
    QCOMPARE(ChartHandle::of(panel.view()->chart())->data().goodput.windowSeconds, 1.0);
}

void TestChartBuilder::decimationFollowsZoom()
{
    std::unique_ptr<QChart> chart(
        app::charts::buildChart(m_sample, {ChartKind::Sequence, core::MptcpId(0), core::Direction::ClientToServer}));
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
    QVERIFY(
        app::charts::exportChart(chart.get(), dir.filePath(QStringLiteral("zoomed.png")), QSize(1200, 800), nullptr));
    std::size_t inView = 0;
    for (const auto& source : handle->hoverSources())
        inView += std::size_t(std::count_if(source.data->x.begin(), source.data->x.end(),
                                            [&](double t) { return t >= data.x[2] && t <= data.x[8]; }));
    QVERIFY(cloud->drawnPoints() >= inView);

    // The goodput lines are QtCharts series: never more points than about four per pixel.
    std::unique_ptr<QChart> goodput(app::charts::buildChart(
        m_sample, {ChartKind::Goodput, core::MptcpId(0), core::Direction::ClientToServer, 0.1}));
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
    // Without the data ack line, which may pass closer to the cursor than the packet's dot.
    view.setChart(app::charts::buildChart(
        m_sample, {ChartKind::Sequence, core::MptcpId(0), core::Direction::ClientToServer, 0, false}));
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
    QVERIFY(!app::charts::buildChart(
        m_sample, {ChartKind::Sequence, core::MptcpId(99), core::Direction::ClientToServer}, &error));
    QVERIFY(error.contains(QStringLiteral("99")));
    QVERIFY(!app::charts::buildChart(
        m_sample, {ChartKind::Share, core::TcpStreamId(0), core::Direction::ClientToServer}, &error));
    QVERIFY(!app::charts::buildChart(
        m_sample, {ChartKind::Goodput, core::TcpStreamId(1000), core::Direction::ClientToServer}, &error));
    QVERIFY(!app::charts::buildChart(
        m_sample, {ChartKind::OutOfOrderQueue, core::TcpStreamId(0), core::Direction::ClientToServer}, &error));
    QVERIFY(error.contains(QStringLiteral("mptcp.stream")));
}

void TestChartBuilder::queueChartMatchesTheFigures_data()
{
    QTest::addColumn<int>("direction");
    QTest::addRow("c2s") << 0;
    QTest::addRow("s2c") << 1;
}

void TestChartBuilder::queueChartMatchesTheFigures()
{
    QFETCH(int, direction);
    std::unique_ptr<QChart> chart(
        app::charts::buildChart(m_sample, {ChartKind::OutOfOrderQueue, core::MptcpId(0), core::Direction(direction)}));
    QVERIFY(chart);
    const auto& data = ChartHandle::of(chart.get())->data().queue;
    const auto& figures = data.reordering.figures;
    QVERIFY(figures.maxQueueBytes > 0); // b: four subflows over two paths, data overtakes
    QCOMPARE(*std::max_element(data.queue.y.begin(), data.queue.y.end()), double(figures.maxQueueBytes));
    QCOMPARE(data.queue.y.back(), double(figures.neverDeliverableBytes));
    QVERIFY(std::is_sorted(data.queue.x.begin(), data.queue.x.end()));
    // A step line: every change is drawn as two points at the same time.
    for (std::size_t i = 1; i + 1 < data.queue.size(); i += 2)
        QCOMPARE(data.queue.x[i], data.queue.x[i + 1]);
    // The figures are under the title, the y axis says what is drawn.
    QVERIFY2(chart->title().contains(QStringLiteral("time-weighted")), qPrintable(chart->title()));
    QVERIFY2(chart->title().contains(QStringLiteral("byte-weighted")), qPrintable(chart->title()));
    QCOMPARE(ChartHandle::of(chart.get())->hoverSources().size(), std::size_t(1));
}

QTEST_MAIN(TestChartBuilder)
#include "tst_chart_builder.moc"
