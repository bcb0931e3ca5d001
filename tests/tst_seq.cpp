#include "model/seq.h"

#include <QTest>

#include <cstdint>
#include <limits>

// Sequence arithmetic is modular everywhere (DESIGN.md "Core model"). These are the wraps a
// long transfer or a random initial number runs into; getting one wrong turns a sequence
// number into 4.29e9 "bytes" (the mptcpanalyzer report quoted in DESIGN.md).
class TestSeq : public QObject {
    Q_OBJECT
private slots:
    void distanceAndAfter_data();
    void distanceAndAfter();
    void unwrapToNearest_data();
    void unwrapToNearest();
    void fourOctetDsnRunsPastManyWraps();
    void worksAtCompileTime();
};

using core::seq::after;
using core::seq::distance;
using core::seq::unwrap32;

void TestSeq::distanceAndAfter_data()
{
    QTest::addColumn<quint32>("a");
    QTest::addColumn<quint32>("b");
    QTest::addColumn<qint32>("distance"); // a - b, signed
    QTest::addColumn<bool>("after");      // a after b
    QTest::addRow("equal") << 7u << 7u << 0 << false;
    QTest::addRow("plain forward") << 1010u << 1000u << 10 << true;
    QTest::addRow("plain backward") << 1000u << 1010u << -10 << false;
    QTest::addRow("forward across the wrap") << 5u << 0xfffffffbu << 10 << true;
    QTest::addRow("backward across the wrap") << 0xfffffffbu << 5u << -10 << false;
    QTest::addRow("from max to zero") << 0u << 0xffffffffu << 1 << true;
    QTest::addRow("largest forward step") << 0x7fffffffu << 0u << std::numeric_limits<qint32>::max() << true;
    // Exactly half the space apart is ambiguous (RFC 1982): neither is after the other.
    QTest::addRow("half way") << 0x80000000u << 0u << std::numeric_limits<qint32>::min() << false;
    QTest::addRow("half way reversed") << 0u << 0x80000000u << std::numeric_limits<qint32>::min() << false;
}

void TestSeq::distanceAndAfter()
{
    QFETCH(quint32, a);
    QFETCH(quint32, b);
    QFETCH(qint32, distance);
    QFETCH(bool, after);
    QCOMPARE(core::seq::distance(a, b), distance);
    QCOMPARE(core::seq::after(a, b), after);
}

void TestSeq::unwrapToNearest_data()
{
    QTest::addColumn<quint64>("reference");
    QTest::addColumn<quint32>("low");
    QTest::addColumn<quint64>("expected");
    QTest::addRow("same value") << 0x500000010ull << 0x10u << 0x500000010ull;
    QTest::addRow("near 0, ahead") << 0ull << 10u << 10ull;
    QTest::addRow("near 0, behind") << 10ull << 0u << 0ull;
    QTest::addRow("forward over 2^32") << 0xfffffff0ull << 0x10u << 0x100000010ull;
    QTest::addRow("backward over 2^32") << 0x100000005ull << 0xfffffff0u << 0xfffffff0ull;
    QTest::addRow("forward over 5*2^32") << 0x4ffffff00ull << 0x100u << 0x500000100ull;
    QTest::addRow("backward over 5*2^32") << 0x500000100ull << 0xffffff00u << 0x4ffffff00ull;
    QTest::addRow("far ahead in the same wrap") << 0x300000000ull << 0x7fffffffu << 0x37fffffffull;
    QTest::addRow("just over half ahead is behind") << 0x300000000ull << 0x80000001u << 0x280000001ull;
    // The 64-bit DSN space is itself modular (RFC 8684 §3.3.1), so the nearest value
    // to a reference just below 2^64 may lie just above 0, and the reverse.
    QTest::addRow("forward over 2^64") << 0xfffffffffffffff0ull << 0x10u << 0x10ull;
    QTest::addRow("backward over 2^64") << 0x5ull << 0xfffffff0u << 0xfffffffffffffff0ull;
}

void TestSeq::unwrapToNearest()
{
    QFETCH(quint64, reference);
    QFETCH(quint32, low);
    QFETCH(quint64, expected);
    QCOMPARE(quint64(core::seq::unwrap32(reference, low)), expected);
}

void TestSeq::fourOctetDsnRunsPastManyWraps()
{
    // A sender whose IDSN has low 32 bits close to 2^32 sends three 2^32 worth of data with
    // 4-octet DSNs, each expanded against the previous value (as the assembler does). tshark
    // 4.0 glues the IDSN's high half to the raw value, so right after the first wrap its DSN
    // falls below the IDSN and the relative DSN comes out near 2^64.
    const std::uint64_t idsn = 0x00001234ffffff00ull;
    const std::uint64_t step = 65000; // a GSO-sized mapping
    std::uint64_t reference = idsn;
    std::uint64_t previous = idsn;
    int wraps = 0;
    for (std::uint64_t sent = 1; sent < 3 * (1ull << 32); sent += step) {
        const std::uint64_t real = idsn + sent;
        const std::uint64_t expanded = unwrap32(reference, std::uint32_t(real));
        if (expanded != real)
            QFAIL(qPrintable(QStringLiteral("DSN %1 bytes after the IDSN expanded to %2, expected %3")
                                 .arg(sent)
                                 .arg(expanded)
                                 .arg(real)));
        QVERIFY(expanded > previous);
        QVERIFY(expanded - idsn < (1ull << 40)); // relative DSN stays small, never near 2^64
        if ((expanded >> 32) != (previous >> 32))
            ++wraps;
        previous = reference = expanded;
    }
    QCOMPARE(wraps, 3);
}

void TestSeq::worksAtCompileTime()
{
    static_assert(distance(1, 0xffffffffu) == 2);
    static_assert(after(1, 0xffffffffu));
    static_assert(unwrap32(0x1fffffffeull, 3) == 0x200000003ull);
    QVERIFY(true);
}

QTEST_GUILESS_MAIN(TestSeq)
#include "tst_seq.moc"
