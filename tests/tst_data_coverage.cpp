#include "metrics/data_coverage.h"

#include <QTest>

#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <utility>
#include <vector>

// DataCoverage decides what counts as data-level bytes (counted once) and what counts as
// reinjected: bytes more than one subflow carried, each counted once, whichever subflow came
// first. A retransmission on the subflow that carried the bytes before is not a reinjection.
namespace {

constexpr std::uint32_t subflowA = 0;
constexpr std::uint32_t subflowB = 1;
constexpr std::uint32_t subflowC = 2;

struct Step {
    std::uint64_t start = 0;
    std::uint64_t end = 0; // exclusive
    std::uint32_t owner = 0;
    std::uint64_t newBytes = 0;    // expected
    std::uint64_t sharedBytes = 0; // expected: carried by one other subflow before, by two now
};
using Steps = std::vector<Step>;

} // namespace

Q_DECLARE_METATYPE(Steps)

class TestDataCoverage : public QObject {
    Q_OBJECT
private slots:
    void add_data();
    void add();
    void matchesBruteForceModel();
    void alikeNeighboursMerge();
    void sharingSplitsOneRange();
    void addBeforeEveryRange();
};

void TestDataCoverage::add_data()
{
    QTest::addColumn<Steps>("steps");

    QTest::addRow("in order on one subflow")
        << Steps{{0, 100, subflowA, 100, 0}, {100, 200, subflowA, 100, 0}, {200, 300, subflowA, 100, 0}};
    QTest::addRow("retransmission on the same subflow is not reinjection")
        << Steps{{0, 100, subflowA, 100, 0}, {0, 100, subflowA, 0, 0}, {50, 150, subflowA, 50, 0}};
    QTest::addRow("same range on another subflow is reinjection")
        << Steps{{0, 100, subflowA, 100, 0}, {0, 100, subflowB, 0, 100}};
    QTest::addRow("partial overlap from another subflow")
        << Steps{{0, 100, subflowA, 100, 0}, {50, 150, subflowB, 50, 50}};
    QTest::addRow("partial overlap at the front") << Steps{{100, 200, subflowA, 100, 0}, {50, 120, subflowB, 50, 20}};
    QTest::addRow("the first carrier sending again is not reinjection")
        << Steps{{0, 100, subflowA, 100, 0}, {0, 100, subflowB, 0, 100}, {0, 100, subflowA, 0, 0}};
    QTest::addRow("a third subflow adds nothing: each byte counts once")
        << Steps{{0, 100, subflowA, 100, 0}, {0, 100, subflowB, 0, 100}, {0, 100, subflowC, 0, 0}};
    QTest::addRow("the second carrier sending again adds nothing")
        << Steps{{0, 100, subflowA, 100, 0}, {0, 50, subflowB, 0, 50}, {0, 100, subflowB, 0, 50}};
    QTest::addRow("gap filled later by another subflow")
        << Steps{{0, 100, subflowA, 100, 0},
                 {200, 300, subflowA, 100, 0},
                 {100, 200, subflowB, 100, 0}, // never seen: new, not reinjected
                 {0, 300, subflowC, 0, 300}};
    QTest::addRow("range spanning several ranges")
        << Steps{{10, 20, subflowA, 10, 0},
                 {30, 40, subflowB, 10, 0},
                 {50, 60, subflowA, 10, 0},
                 // 40 new bytes in the gaps, 20 of A's bytes again, B's own 10 bytes neither.
                 {0, 70, subflowB, 40, 20}};
    QTest::addRow("neighbours of different owners keep their owners") << Steps{{0, 100, subflowA, 100, 0},
                                                                               {100, 200, subflowB, 100, 0},
                                                                               {200, 300, subflowA, 100, 0},
                                                                               {0, 300, subflowB, 0, 200}};
    QTest::addRow("empty range") << Steps{{5, 5, subflowA, 0, 0}, {0, 10, subflowB, 10, 0}, {5, 5, subflowA, 0, 0}};
    QTest::addRow("high in the 64-bit space")
        << Steps{{0xfffffffffffff000ull, 0xfffffffffffff800ull, subflowA, 0x800, 0},
                 {0xfffffffffffff400ull, 0xffffffffffffffffull, subflowB, 0x7ff, 0x400}};
}

void TestDataCoverage::add()
{
    QFETCH(Steps, steps);
    core::DataCoverage coverage;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Step& step = steps[i];
        const auto added = coverage.add(step.start, step.end, step.owner);
        const QByteArray where = "step " + QByteArray::number(qulonglong(i));
        QVERIFY2(added.newBytes == step.newBytes,
                 where + ": new bytes " + QByteArray::number(qulonglong(added.newBytes)));
        QVERIFY2(added.sharedBytes == step.sharedBytes,
                 where + ": shared bytes " + QByteArray::number(qulonglong(added.sharedBytes)));
    }
}

void TestDataCoverage::matchesBruteForceModel()
{
    // One std::map entry per byte: the subflows that carried it. Fixed seed, so a failure
    // reproduces.
    std::mt19937_64 random(20240607);
    std::uniform_int_distribution<std::uint64_t> startOf(0, 20000);
    std::uniform_int_distribution<std::uint64_t> lengthOf(0, 400);
    std::uniform_int_distribution<std::uint32_t> subflowOf(0, 3);

    core::DataCoverage coverage;
    std::map<std::uint64_t, std::set<std::uint32_t>> carriers;
    std::uint64_t totalNew = 0;
    std::uint64_t totalShared = 0;
    for (int i = 0; i < 3000; ++i) {
        const std::uint64_t start = startOf(random);
        const std::uint64_t end = start + lengthOf(random);
        const std::uint32_t subflow = subflowOf(random);

        std::uint64_t expectedNew = 0;
        std::uint64_t expectedShared = 0;
        for (std::uint64_t byte = start; byte < end; ++byte) {
            auto& set = carriers[byte];
            const std::size_t before = set.size();
            set.insert(subflow);
            expectedNew += before == 0;
            expectedShared += before == 1 && set.size() == 2;
        }

        const auto added = coverage.add(start, end, subflow);
        if (added.newBytes != expectedNew || added.sharedBytes != expectedShared)
            QFAIL(qPrintable(QStringLiteral("add %1: [%2, %3) subflow %4 gave new %5 shared %6, "
                                            "expected %7 and %8")
                                 .arg(i)
                                 .arg(start)
                                 .arg(end)
                                 .arg(subflow)
                                 .arg(added.newBytes)
                                 .arg(added.sharedBytes)
                                 .arg(expectedNew)
                                 .arg(expectedShared)));
        totalNew += added.newBytes;
        totalShared += added.sharedBytes;
    }
    QCOMPARE(totalNew, std::uint64_t(carriers.size())); // the union, each byte once

    // sharedRanges() is exactly the set of bytes with more than one carrier, merged.
    std::vector<std::pair<std::uint64_t, std::uint64_t>> expectedRanges;
    for (const auto& [byte, set] : carriers) {
        if (set.size() < 2)
            continue;
        if (!expectedRanges.empty() && expectedRanges.back().second == byte)
            ++expectedRanges.back().second;
        else
            expectedRanges.emplace_back(byte, byte + 1);
    }
    const auto ranges = coverage.sharedRanges();
    QCOMPARE(ranges.size(), expectedRanges.size());
    QVERIFY(ranges == expectedRanges);
    std::uint64_t rangeBytes = 0;
    for (const auto& [from, to] : ranges)
        rangeBytes += to - from;
    QCOMPARE(rangeBytes, totalShared);
    QVERIFY(totalShared > 0); // the random ranges did exercise reinjection
}

// The ranges are kept flat and merged: in-order data stays one range, and filling the gap
// between two ranges of the same first carrier leaves a single range again.
void TestDataCoverage::alikeNeighboursMerge()
{
    core::DataCoverage coverage;
    for (std::uint64_t start = 0; start < 10000; start += 100)
        coverage.add(start, start + 100, subflowA);
    QCOMPARE(coverage.rangeCount(), std::size_t(1));

    coverage.add(20000, 20100, subflowA); // a hole behind it
    QCOMPARE(coverage.rangeCount(), std::size_t(2));
    const auto filled = coverage.add(10000, 20000, subflowA);
    QCOMPARE(filled.newBytes, std::uint64_t(10000));
    QCOMPARE(coverage.rangeCount(), std::size_t(1));

    coverage.add(20100, 20200, subflowB); // follows, another carrier: a range of its own
    QCOMPARE(coverage.rangeCount(), std::size_t(2));
    coverage.add(0, 20100, subflowA); // A again: nothing new, nothing shared, nothing split
    QCOMPARE(coverage.rangeCount(), std::size_t(2));
    QVERIFY(coverage.sharedRanges().empty());
}

// Another subflow carrying the middle of a range splits it in three; once the remaining
// parts are shared too, the shared pieces merge back into one range.
void TestDataCoverage::sharingSplitsOneRange()
{
    core::DataCoverage coverage;
    coverage.add(0, 300, subflowA);
    const auto middle = coverage.add(100, 200, subflowB);
    QCOMPARE(middle.sharedBytes, std::uint64_t(100));
    QCOMPARE(coverage.rangeCount(), std::size_t(3));
    using Ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
    QVERIFY(coverage.sharedRanges() == (Ranges{{100, 200}}));

    const auto rest = coverage.add(0, 300, subflowC);
    QCOMPARE(rest.sharedBytes, std::uint64_t(200));
    QCOMPARE(rest.newBytes, std::uint64_t(0));
    QCOMPARE(coverage.rangeCount(), std::size_t(1));
    QVERIFY(coverage.sharedRanges() == (Ranges{{0, 300}}));
}

// A range before all others, and one reaching the top of the 64-bit space, then one
// spanning everything: gaps at both ends and between.
void TestDataCoverage::addBeforeEveryRange()
{
    core::DataCoverage coverage;
    constexpr std::uint64_t top = ~std::uint64_t(0);
    coverage.add(1000, 2000, subflowA);
    coverage.add(top - 10, top, subflowA);
    const auto front = coverage.add(0, 10, subflowB);
    QCOMPARE(front.newBytes, std::uint64_t(10));
    QCOMPARE(coverage.rangeCount(), std::size_t(3));

    const auto all = coverage.add(0, top, subflowB);
    QCOMPARE(all.sharedBytes, std::uint64_t(1000 + 10));
    QCOMPARE(all.newBytes, top - 10 - 1000 - 10);
    using Ranges = std::vector<std::pair<std::uint64_t, std::uint64_t>>;
    QVERIFY(coverage.sharedRanges() == (Ranges{{1000, 2000}, {top - 10, top}}));
}

QTEST_GUILESS_MAIN(TestDataCoverage)
#include "tst_data_coverage.moc"
