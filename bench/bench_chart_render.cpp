// Milliseconds per frame to render a DSN-style chart of N packets to an image, decimation
// included, next to a naive QLineSeries holding every point. Run: bench_chart_render [N...]
#include "charts/decimated_series.h"
#include "charts/point_cloud_item.h"
#include "series/chart_data.h"

#include <QApplication>
#include <QChart>
#include <QElapsedTimer>
#include <QGraphicsScene>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QScatterSeries>
#include <QValueAxis>

#include <cstdio>
#include <random>

namespace {

constexpr int frames = 20;
const QSize imageSize(1200, 700);

// Four subflows taking turns, DSNs rising with some reordering: like a real transfer.
std::vector<core::ChartSeries> makeSeries(std::size_t packets)
{
    std::vector<core::ChartSeries> series(4);
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, 3);
    double dsn = 0;
    for (std::size_t i = 0; i < packets; ++i) {
        auto& s = series[std::size_t(pick(random))];
        const double t = double(i) * 1e-5;
        s.x.push_back(t);
        s.y.push_back(dsn + (i % 17) * 1400.0);
        s.packet.push_back(std::uint32_t(i + 1));
        s.length.push_back(1400);
        dsn += 1400;
    }
    return series;
}

double renderFrames(QChart* chart, QValueAxis* x, const std::function<void()>& beforeFrame)
{
    QGraphicsScene scene;
    scene.addItem(chart);
    chart->resize(imageSize);
    QImage image(imageSize, QImage::Format_ARGB32_Premultiplied);
    const double span = x->max() - x->min();
    QElapsedTimer timer;
    timer.start();
    for (int f = 0; f < frames; ++f) {
        // A slightly different view each frame, as while panning: decimation runs every time.
        x->setRange(x->min() + span * 0.001, x->max() + span * 0.001);
        beforeFrame();
        image.fill(Qt::white);
        QPainter painter(&image);
        scene.render(&painter);
    }
    const double ms = double(timer.nsecsElapsed()) / 1e6 / frames;
    scene.removeItem(chart);
    return ms;
}

std::pair<QValueAxis*, QValueAxis*> addAxes(QChart& chart, double maxX, double maxY)
{
    chart.setAnimationOptions(QChart::NoAnimation);
    auto* x = new QValueAxis(&chart);
    auto* y = new QValueAxis(&chart);
    x->setRange(0, maxX);
    y->setRange(0, maxY);
    chart.addAxis(x, Qt::AlignBottom);
    chart.addAxis(y, Qt::AlignLeft);
    return {x, y};
}

template <typename SeriesType>
double decimated(const std::vector<core::ChartSeries>& data, double maxX, double maxY, bool pointsOnly)
{
    QChart chart;
    auto [x, y] = addAxes(chart, maxX, maxY);
    std::vector<app::charts::DecimatedSeries*> bound;
    for (const auto& s : data) {
        auto* series = new SeriesType(&chart);
        series->setMarkerSize(4.5);
        if (pointsOnly) {
            series->setPointsVisible(true);
            QPen pen(Qt::blue);
            pen.setStyle(Qt::NoPen);
            series->setPen(pen);
        }
        chart.addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
        bound.push_back(new app::charts::DecimatedSeries(s, series, &chart, x, 1.0));
    }
    return renderFrames(&chart, x, [&bound] {
        for (auto* b : bound)
            b->refresh();
    });
}

double pointCloud(const std::vector<core::ChartSeries>& data, double maxX, double maxY)
{
    QChart chart;
    auto [x, y] = addAxes(chart, maxX, maxY);
    auto* cloud = new app::charts::PointCloudItem(&chart, x, y);
    const QColor colours[] = {Qt::blue, Qt::darkYellow, Qt::darkGreen, Qt::magenta};
    int i = 0;
    for (const auto& s : data) {
        auto* proxy = new QLineSeries(&chart);
        proxy->setName(QStringLiteral("subflow %1").arg(i));
        chart.addSeries(proxy);
        proxy->attachAxis(x);
        proxy->attachAxis(y);
        cloud->addLayer(s, 1.0, proxy, colours[i++ % 4], app::charts::PointCloudItem::Shape::Dot, 4.0);
    }
    return renderFrames(&chart, x, [] {});
}

double naive(const std::vector<core::ChartSeries>& data, double maxX, double maxY)
{
    QChart chart;
    auto [x, y] = addAxes(chart, maxX, maxY);
    for (const auto& s : data) {
        auto* series = new QLineSeries(&chart);
        QList<QPointF> points;
        points.reserve(qsizetype(s.size()));
        for (std::size_t i = 0; i < s.size(); ++i)
            points.append(QPointF(s.x[i], s.y[i]));
        series->replace(points);
        chart.addSeries(series);
        series->attachAxis(x);
        series->attachAxis(y);
    }
    return renderFrames(&chart, x, [] {});
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication application(argc, argv);
    std::vector<std::size_t> sizes{1'000'000, 10'000'000};
    if (argc > 1) {
        sizes.clear();
        for (int i = 1; i < argc; ++i)
            sizes.push_back(std::size_t(std::atoll(argv[i])));
    }
    for (const std::size_t packets : sizes) {
        const auto data = makeSeries(packets);
        const double maxX = double(packets) * 1e-5;
        const double maxY = double(packets) * 1400.0 + 17 * 1400.0;
        std::printf("%zu packets, %dx%d image:\n", packets, imageSize.width(), imageSize.height());
        std::printf("  point cloud (what the app draws): %8.2f ms/frame\n", pointCloud(data, maxX, maxY));
        std::printf("  decimated QLineSeries:            %8.2f ms/frame\n",
                    decimated<QLineSeries>(data, maxX, maxY, false));
        if (packets <= 2'000'000)
            std::printf("  decimated QScatterSeries:         %8.2f ms/frame\n",
                        decimated<QScatterSeries>(data, maxX, maxY, false));
        if (packets <= 2'000'000)
            std::printf("  naive QLineSeries, every point:   %8.2f ms/frame\n", naive(data, maxX, maxY));
        std::fflush(stdout);
    }
    return 0;
}
