#include "series/decimate.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>

using core::XYPoint;

class TestDecimate : public QObject {
    Q_OBJECT
private slots:
    void fewPointsPassThrough_data();
    void fewPointsPassThrough();
    void keepsEveryColumnsExtremes_data();
    void keepsEveryColumnsExtremes();
    void visibleRangePlusOneOutside();
    void emptyAndDegenerate();
    void boundedOutput();
};

namespace {
struct Series {
    std::vector<double> x, y;
};

Series sawtooth(std::size_t n, double span)
{
    Series s;
    for (std::size_t i = 0; i < n; ++i) {
        s.x.push_back(span * double(i) / double(n));
        s.y.push_back(double((i * 7919) % 1000));
    }
    return s;
}
} // namespace

void TestDecimate::fewPointsPassThrough_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("width");
    QTest::addRow("1 point") << 1 << 100;
    QTest::addRow("fewer than pixels") << 50 << 100;
    QTest::addRow("exactly 2 per column + 2") << 202 << 100;
}

void TestDecimate::fewPointsPassThrough()
{
    QFETCH(int, points);
    QFETCH(int, width);
    const Series s = sawtooth(std::size_t(points), 10.0);
    std::vector<XYPoint> out;
    core::decimate(s.x, s.y, 0.0, 10.0, width, out);
    QCOMPARE(out.size(), std::size_t(points));
    for (std::size_t i = 0; i < out.size(); ++i) {
        QCOMPARE(out[i].x, s.x[i]);
        QCOMPARE(out[i].y, s.y[i]);
    }
}

void TestDecimate::keepsEveryColumnsExtremes_data()
{
    QTest::addColumn<int>("points");
    QTest::addColumn<int>("width");
    QTest::addColumn<double>("x0");
    QTest::addColumn<double>("x1");
    QTest::addRow("100k on 300 px, full range") << 100000 << 300 << 0.0 << 100.0;
    QTest::addRow("100k on 1200 px, zoomed") << 100000 << 1200 << 40.0 << 60.0;
    QTest::addRow("1M on 2000 px") << 1000000 << 2000 << 0.0 << 100.0;
}

void TestDecimate::keepsEveryColumnsExtremes()
{
    QFETCH(int, points);
    QFETCH(int, width);
    QFETCH(double, x0);
    QFETCH(double, x1);
    std::mt19937 random(42);
    std::uniform_real_distribution<double> value(-1000, 1000);
    Series s;
    for (int i = 0; i < points; ++i) {
        s.x.push_back(100.0 * i / points + (i % 3) * 1e-9); // non-uniform spacing
        s.y.push_back(value(random));
    }
    std::vector<XYPoint> out;
    core::decimate(s.x, s.y, x0, x1, width, out);
    QVERIFY(out.size() <= std::size_t(4 * width + 8));
    QVERIFY(std::is_sorted(out.begin(), out.end(), [](const XYPoint& a, const XYPoint& b) { return a.x < b.x; }));

    // For every pixel column, the min and max of the full data are among the output.
    const double scale = width / (x1 - x0);
    std::vector<double> lowest(std::size_t(width), 1e300), highest(std::size_t(width), -1e300);
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        const auto column = std::int64_t(std::floor((s.x[i] - x0) * scale));
        if (column < 0 || column >= width)
            continue;
        lowest[std::size_t(column)] = std::min(lowest[std::size_t(column)], s.y[i]);
        highest[std::size_t(column)] = std::max(highest[std::size_t(column)], s.y[i]);
    }
    std::vector<double> outLowest(std::size_t(width), 1e300), outHighest(std::size_t(width), -1e300);
    for (const auto& p : out) {
        const auto column = std::int64_t(std::floor((p.x - x0) * scale));
        if (column < 0 || column >= width)
            continue;
        outLowest[std::size_t(column)] = std::min(outLowest[std::size_t(column)], p.y);
        outHighest[std::size_t(column)] = std::max(outHighest[std::size_t(column)], p.y);
    }
    QCOMPARE(outLowest, lowest);
    QCOMPARE(outHighest, highest);
}

void TestDecimate::visibleRangePlusOneOutside()
{
    const Series s = sawtooth(100, 100.0); // x = 0, 1, … 99
    std::vector<XYPoint> out;
    core::decimate(s.x, s.y, 10.5, 20.5, 1000, out);
    QCOMPARE(out.front().x, 10.0);
    QCOMPARE(out.back().x, 21.0);
    QCOMPARE(out.size(), std::size_t(12));
}

void TestDecimate::emptyAndDegenerate()
{
    std::vector<XYPoint> out{{1, 1}};
    core::decimate({}, {}, 0, 1, 100, out);
    QVERIFY(out.empty());
    const Series s = sawtooth(10000, 1.0);
    core::decimate(s.x, s.y, 0.5, 0.5, 100, out); // zero-width range: the points around it
    QVERIFY(!out.empty());
    core::decimate(s.x, s.y, 1.0, 0.0, 100, out); // reversed range is the same range
    QVERIFY(out.size() <= 4 * 100 + 8);
    core::decimate(s.x, s.y, 0.0, 1.0, 0, out); // no width: still bounded
    QVERIFY(out.size() <= 16);
}

void TestDecimate::boundedOutput()
{
    const Series s = sawtooth(500000, 50.0);
    std::vector<XYPoint> out;
    for (const int width : {1, 10, 640, 1920, 3840}) {
        core::decimate(s.x, s.y, 0.0, 50.0, width, out);
        QVERIFY2(out.size() <= std::size_t(4 * width + 8), qPrintable(QString::number(out.size())));
    }
}

QTEST_GUILESS_MAIN(TestDecimate)
#include "tst_decimate.moc"
