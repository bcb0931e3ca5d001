#ifndef Q_MOC_RUN // nothing here for moc, which would otherwise wander into the standard headers
#include "model/sparse_dsn_column.h"
#endif

#include <QTest>

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

// SparseDsnColumn against a plain vector holding the same values: every row reads back as
// written, whichever rows have a value, whenever a late write comes and in whichever order.
class TestSparseDsnColumn : public QObject {
    Q_OBJECT
private slots:
    void pushedValuesAtAnyDensity_data();
    void pushedValuesAtAnyDensity();
    void lateWritesInRowOrder();
    void lateWritesInAnyOrder();
    void rowsPushedWhileWritesAreQueued();
    void overwritesAndRemovals();

private:
    using Reference = std::vector<std::uint64_t>;
    static constexpr std::uint64_t absent = core::SparseDsnColumn::absent;

    static std::uint64_t someValue(std::mt19937_64& random)
    {
        std::uint64_t value = random();
        return value == absent ? 0 : value;
    }
    static void push(core::SparseDsnColumn& column, Reference& reference, std::size_t rows, double density,
                     std::mt19937_64& random)
    {
        std::bernoulli_distribution has(density);
        for (std::size_t row = 0; row < rows; ++row) {
            const std::uint64_t value = has(random) ? someValue(random) : absent;
            column.push_back(value);
            reference.push_back(value);
        }
    }
    static void compare(const core::SparseDsnColumn& column, const Reference& reference)
    {
        QCOMPARE(column.size(), reference.size());
        for (std::size_t row = 0; row < reference.size(); ++row)
            if (column[row] != reference[row])
                QFAIL(qPrintable(
                    QStringLiteral("row %1: %2, expected %3").arg(row).arg(column[row]).arg(reference[row])));
        QVERIFY(std::equal(column.begin(), column.end(), reference.begin(), reference.end()));
    }
    static std::size_t countValues(const Reference& reference)
    {
        return std::size_t(std::count_if(reference.begin(), reference.end(), [](auto v) { return v != absent; }));
    }
    static std::vector<std::size_t> absentRows(const Reference& reference)
    {
        std::vector<std::size_t> rows;
        for (std::size_t row = 0; row < reference.size(); ++row)
            if (reference[row] == absent)
                rows.push_back(row);
        return rows;
    }
};

void TestSparseDsnColumn::pushedValuesAtAnyDensity_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("density");
    QTest::newRow("empty") << 0 << 0.5;
    for (const int rows : {1, 63, 64, 65, 128, 129, 5000})
        for (const double density : {0.0, 0.02, 0.5, 0.98, 1.0})
            QTest::addRow("%d rows, %.2f", rows, density) << rows << density;
}

void TestSparseDsnColumn::pushedValuesAtAnyDensity()
{
    QFETCH(int, rows);
    QFETCH(double, density);
    std::mt19937_64 random(std::uint64_t(rows) * 1000 + std::uint64_t(density * 100));
    core::SparseDsnColumn column;
    column.reserve(std::size_t(rows));
    Reference reference;
    push(column, reference, std::size_t(rows), density, random);
    compare(column, reference);
    QCOMPARE(column.storedValues(), countValues(reference)); // a row without a value stores none
    QCOMPARE(column.empty(), rows == 0);
}

void TestSparseDsnColumn::lateWritesInRowOrder()
{
    // As a mid-connection capture back-fills its DSNs: most rows late, far more writes than
    // one queue holds, so the merges run while writing too. Reads in between see them.
    std::mt19937_64 random(11);
    core::SparseDsnColumn column;
    Reference reference;
    push(column, reference, 1'000'000, 0.1, random);
    std::bernoulli_distribution written(0.7);
    std::size_t writes = 0;
    for (const std::size_t row : absentRows(reference)) {
        if (!written(random))
            continue;
        const std::uint64_t value = someValue(random);
        column.set(row, value);
        reference[row] = value;
        ++writes;
        if (writes % 9973 == 0) {
            QCOMPARE(column[row], value);
            QCOMPARE(column[row / 2], reference[row / 2]);
            QCOMPARE(column[reference.size() - 1 - row / 3], reference[reference.size() - 1 - row / 3]);
        }
    }
    QVERIFY(writes > 500'000);
    compare(column, reference);
    column.applyLateWrites();
    compare(column, reference);
    QCOMPARE(column.storedValues(), countValues(reference));
}

void TestSparseDsnColumn::lateWritesInAnyOrder()
{
    std::mt19937_64 random(22);
    core::SparseDsnColumn column;
    Reference reference;
    push(column, reference, 20'000, 0.5, random);
    auto rows = absentRows(reference);
    std::shuffle(rows.begin(), rows.end(), random);
    rows.resize(rows.size() / 2);
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const std::uint64_t value = someValue(random);
        column.set(rows[k], value);
        reference[rows[k]] = value;
        if (k % 101 == 0) // the same row twice
            column.set(rows[k], reference[rows[k]] = someValue(random));
        if (k % 997 == 0)
            compare(column, reference);
    }
    column.applyLateWrites();
    compare(column, reference);
    column.applyLateWrites(); // nothing queued
    compare(column, reference);
}

void TestSparseDsnColumn::rowsPushedWhileWritesAreQueued()
{
    std::mt19937_64 random(33);
    core::SparseDsnColumn column;
    Reference reference;
    push(column, reference, 300, 0.3, random);
    for (const std::size_t row : absentRows(reference))
        if (row % 3 == 0)
            column.set(row, reference[row] = someValue(random));
    push(column, reference, 300, 0.3, random); // rows after queued writes
    compare(column, reference);
    for (const std::size_t row : absentRows(reference))
        if (row % 5 == 0)
            column.set(row, reference[row] = someValue(random)); // before the last queued row: a merge
    compare(column, reference);
    column.applyLateWrites();
    compare(column, reference);
}

void TestSparseDsnColumn::overwritesAndRemovals()
{
    std::mt19937_64 random(44);
    core::SparseDsnColumn column;
    Reference reference;
    push(column, reference, 1000, 0.5, random);
    for (std::size_t row = 0; row < reference.size(); row += 7)
        if (reference[row] != absent)
            column.set(row, reference[row] = someValue(random)); // a stored value, in place
    const std::size_t stored = column.storedValues();
    compare(column, reference);
    QCOMPARE(column.storedValues(), stored);

    const auto absentOnes = absentRows(reference);
    const std::size_t queued = absentOnes[absentOnes.size() / 2];
    column.set(queued, 42);
    column.set(queued, absent); // a queued write taken back
    reference[queued] = absent;
    column.set(absentOnes.front(), absent); // nothing to do
    std::size_t storedRow = 0;
    while (reference[storedRow] == absent)
        ++storedRow;
    column.set(storedRow, absent); // a stored value removed
    reference[storedRow] = absent;
    compare(column, reference);
    column.applyLateWrites();
    compare(column, reference);
    QCOMPARE(column.storedValues(), countValues(reference));

    core::SparseDsnColumn copy = column;
    QVERIFY(copy == column);
    copy.set(storedRow, 1);
    QVERIFY(!(copy == column));
}

QTEST_GUILESS_MAIN(TestSparseDsnColumn)
#include "tst_sparse_dsn_column.moc"
