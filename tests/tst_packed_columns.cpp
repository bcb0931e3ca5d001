#ifndef Q_MOC_RUN // nothing here for moc, which would otherwise wander into the standard headers
#include "model/packet_table.h"
#endif

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <vector>

// The PacketTable columns kept narrower than their values must give back every value as
// pushed, including the ones that do not fit the narrow form.
class TestPackedColumns : public QObject {
    Q_OBJECT
private slots:
    void timesAcrossGapsAndOutOfOrder();
    void lengthsOfSuperSegments();
    void frameNumbersOnceAFrameIsSkipped();
};

void TestPackedColumns::timesAcrossGapsAndOutOfOrder()
{
    std::vector<std::int64_t> times;
    std::int64_t t = 1'700'000'000'000'000'000;
    for (int i = 0; i < 2000; ++i) {
        t += (i % 97 == 0) ? 5'000'000'000 : 1'000;            // idle gaps of 5 s inside blocks of rows
        times.push_back(i % 131 == 0 ? t - 3'000'000'000 : t); // and some 3 s out of order
    }
    times.push_back(-1);                    // before the epoch
    times.push_back(std::int64_t(1) << 62); // the clamp's limit
    times.push_back(times.front());         // far back again
    core::TimeColumn column;
    column.reserve(times.size());
    for (const auto time : times)
        column.push_back(time);
    QCOMPARE(column.size(), times.size());
    for (std::size_t row = 0; row < times.size(); ++row)
        QCOMPARE(column[row], times[row]);
    QVERIFY(std::equal(column.begin(), column.end(), times.begin(), times.end()));
}

void TestPackedColumns::lengthsOfSuperSegments()
{
    const std::vector<std::uint32_t> lengths{0, 1448, 65534, 65535, 65536, 0, 200000, 0xffffffffu, 7};
    core::LengthColumn column;
    for (const auto length : lengths)
        column.push_back(length);
    QCOMPARE(column.size(), lengths.size());
    for (std::size_t row = 0; row < lengths.size(); ++row)
        QCOMPARE(column[row], lengths[row]);
}

void TestPackedColumns::frameNumbersOnceAFrameIsSkipped()
{
    core::FrameNumberColumn column;
    for (std::uint32_t number = 1; number <= 5; ++number)
        column.push_back(number);
    QVERIFY(!column.stored());
    QCOMPARE(column.lowerBound(3), std::size_t(2));
    QCOMPARE(column.lowerBound(9), std::size_t(5));
    column.push_back(8); // frames 6 and 7 were not TCP rows
    column.push_back(9);
    QVERIFY(column.stored());
    const std::vector<std::uint32_t> expected{1, 2, 3, 4, 5, 8, 9};
    QCOMPARE(column.size(), expected.size());
    for (std::size_t row = 0; row < expected.size(); ++row)
        QCOMPARE(column[row], expected[row]);
    QCOMPARE(column.lowerBound(6), std::size_t(5));
    QCOMPARE(column.lowerBound(9), std::size_t(6));
    QCOMPARE(column.lowerBound(10), std::size_t(7));

    core::FrameNumberColumn fromTheSecond; // the first frame already not a TCP row
    fromTheSecond.push_back(2);
    QVERIFY(fromTheSecond.stored());
    QCOMPARE(fromTheSecond[0], std::uint32_t(2));
    QCOMPARE(fromTheSecond.lowerBound(1), std::size_t(0));
}

QTEST_GUILESS_MAIN(TestPackedColumns)
#include "tst_packed_columns.moc"
