#include "assemble/dsn_mapper.h"

#include <QTest>

#include <cstdint>
#include <optional>

// DsnMapper answers "which data sequence number does this subflow byte carry?" from the DSS
// mappings seen so far on one subflow direction. Linux sends one mapping for a burst of
// segments and repeats it on each of them; older kernels send one mapping per segment, each
// continuing the previous one. Both must collapse into one entry, and no mapping is ever
// forgotten: a late retransmission still finds its DSN.
class TestDsnMapper : public QObject {
    Q_OBJECT
private slots:
    void mappingLargerThanTheSegment_data();
    void mappingLargerThanTheSegment();
    void repeatedMappingIsStoredOnce();
    void consecutiveMappingsCollapse();
    void outOfOrderLookups();
    void relativeSubflowSequenceWraps_data();
    void relativeSubflowSequenceWraps();
    void infiniteMapping_data();
    void infiniteMapping();
    void earlyMappingsStayAvailable();
    void overlapResolvedByTheLaterStart_data();
    void overlapResolvedByTheLaterStart();
    void unexpandedMappingStaysRaw();
    void fallbackContinuesTheLastMapping_data();
    void fallbackContinuesTheLastMapping();
    void fallbackLeavesEarlierGapsUnmapped();
};

namespace {

using Mapping = core::DsnMapper::Mapping;

constexpr qint64 unmapped = -1;

// The DSN of the byte at `relativeSeq`, as the assembler computes it from the found mapping,
// or `unmapped` (all DSNs in this test are far below 2^63).
qint64 dsnAt(const core::DsnMapper& mapper, std::uint32_t relativeSeq)
{
    const auto mapping = mapper.find(relativeSeq);
    if (!mapping)
        return unmapped;
    return qint64(mapping->dsn + std::uint32_t(relativeSeq - mapping->subflowSeq));
}

// Mapping n of a train of 1000-byte mappings starting at subflow byte 1 and DSN 10001.
Mapping train(std::uint32_t n) { return Mapping{10001 + 1000ull * n, 1 + 1000 * n, 1000, true}; }

} // namespace

void TestDsnMapper::mappingLargerThanTheSegment_data()
{
    QTest::addColumn<quint32>("relativeSeq");
    QTest::addColumn<qint64>("dsn"); // or unmapped
    // One mapping of 4344 bytes (three 1448-byte segments): DSN 0x1000000000 at subflow byte 1.
    QTest::addRow("first segment") << 1u << qint64(0x1000000000ull);
    QTest::addRow("second segment") << 1449u << qint64(0x1000000000ull + 1448);
    QTest::addRow("third segment") << 2897u << qint64(0x1000000000ull + 2896);
    QTest::addRow("last byte") << 4344u << qint64(0x1000000000ull + 4343);
    QTest::addRow("one past the end") << 4345u << unmapped;
    QTest::addRow("before the start") << 0u << unmapped;
    QTest::addRow("far behind") << 0xfff00000u << unmapped;
}

void TestDsnMapper::mappingLargerThanTheSegment()
{
    QFETCH(quint32, relativeSeq);
    QFETCH(qint64, dsn);
    core::DsnMapper mapper;
    mapper.add({0x1000000000ull, 1, 4344, true});
    QCOMPARE(dsnAt(mapper, relativeSeq), dsn);
}

void TestDsnMapper::repeatedMappingIsStoredOnce()
{
    core::DsnMapper mapper;
    for (int i = 0; i < 20; ++i) // the same mapping on each of 20 segments of a burst
        mapper.add({10001, 1, 20 * 1448, true});
    QCOMPARE(mapper.entries(), std::size_t(1));
    QCOMPARE(dsnAt(mapper, 1), qint64(10001));
    QCOMPARE(dsnAt(mapper, 1 + 19 * 1448), qint64(10001 + 19 * 1448));
    QCOMPARE(dsnAt(mapper, 1 + 20 * 1448), unmapped);
}

void TestDsnMapper::consecutiveMappingsCollapse()
{
    core::DsnMapper mapper;
    for (std::uint32_t n = 0; n < 100; ++n) // one mapping per segment, each continuing the last
        mapper.add(train(n));
    QCOMPARE(mapper.entries(), std::size_t(1));
    QCOMPARE(dsnAt(mapper, 1), qint64(10001));
    QCOMPARE(dsnAt(mapper, 54321), qint64(64321));
    QCOMPARE(dsnAt(mapper, 100000), qint64(110000));
    QCOMPARE(dsnAt(mapper, 100001), unmapped);
}

void TestDsnMapper::outOfOrderLookups()
{
    core::DsnMapper mapper;
    for (std::uint32_t n = 0; n < 3; ++n)
        mapper.add(train(n));
    // Lookups jump back and forth, as retransmissions and reordered captures do.
    QCOMPARE(dsnAt(mapper, 2500), qint64(12500));
    QCOMPARE(dsnAt(mapper, 10), qint64(10010));
    QCOMPARE(dsnAt(mapper, 1500), qint64(11500));
    QCOMPARE(dsnAt(mapper, 1001), qint64(11001));
    QCOMPARE(dsnAt(mapper, 1000), qint64(11000));
    QCOMPARE(dsnAt(mapper, 3000), qint64(13000));
    QCOMPARE(dsnAt(mapper, 3001), unmapped);
}

void TestDsnMapper::relativeSubflowSequenceWraps_data()
{
    QTest::addColumn<quint32>("relativeSeq");
    QTest::addColumn<qint64>("dsn"); // or unmapped
    // A mapping of 0x200 bytes starting 0x100 bytes before the relative sequence wraps
    // (after 4 GiB on one subflow): DSN 0x7000000000 at subflow byte 0xffffff00.
    QTest::addRow("start, before the wrap") << 0xffffff00u << qint64(0x7000000000ull);
    QTest::addRow("last byte before the wrap") << 0xffffffffu << qint64(0x70000000ffull);
    QTest::addRow("first byte after the wrap") << 0u << qint64(0x7000000100ull);
    QTest::addRow("last byte") << 0xffu << qint64(0x70000001ffull);
    QTest::addRow("one past the end") << 0x100u << unmapped;
    QTest::addRow("one before the start") << 0xfffffeffu << unmapped;
}

void TestDsnMapper::relativeSubflowSequenceWraps()
{
    QFETCH(quint32, relativeSeq);
    QFETCH(qint64, dsn);
    core::DsnMapper mapper;
    mapper.add({0x7000000000ull, 0xffffff00u, 0x200, true});
    QCOMPARE(dsnAt(mapper, relativeSeq), dsn);
}

void TestDsnMapper::infiniteMapping_data()
{
    QTest::addColumn<quint32>("relativeSeq");
    QTest::addColumn<qint64>("dsn"); // or unmapped
    // RFC 8684 §3.7: a data-level length of 0 maps everything from its subflow byte on.
    QTest::addRow("at the start") << 5000u << qint64(900000ull);
    QTest::addRow("a megabyte later") << 5000u + 1000000u << qint64(900000ull + 1000000);
    QTest::addRow("2 GiB later") << 5000u + 0x7fffffffu << qint64(900000ull + 0x7fffffff);
    QTest::addRow("before the start") << 4999u << unmapped;
}

void TestDsnMapper::infiniteMapping()
{
    QFETCH(quint32, relativeSeq);
    QFETCH(qint64, dsn);
    core::DsnMapper mapper;
    mapper.add(train(0));
    mapper.add({900000, 5000, 0, true});
    QCOMPARE(dsnAt(mapper, relativeSeq), dsn);
    // The finite mapping before it still answers for its own bytes.
    QCOMPARE(dsnAt(mapper, 500), qint64(10500));
}

void TestDsnMapper::earlyMappingsStayAvailable()
{
    // 1000 mappings that do not continue each other in data sequence space (every other
    // kilobyte of data went to another subflow): one entry each, and the first still answers.
    core::DsnMapper mapper;
    for (std::uint32_t n = 0; n < 1000; ++n)
        mapper.add({10001 + 2000ull * n, 1 + 1000 * n, 1000, true});
    QCOMPARE(mapper.entries(), std::size_t(1000));
    QCOMPARE(dsnAt(mapper, 18), qint64(10018));
    QCOMPARE(dsnAt(mapper, 1000), qint64(11000));
    QCOMPARE(dsnAt(mapper, 1001), qint64(12001));
    QCOMPARE(dsnAt(mapper, 999001), qint64(10001 + 2000 * 999));
}

void TestDsnMapper::overlapResolvedByTheLaterStart_data()
{
    QTest::addColumn<bool>("laterStartAddedFirst");
    QTest::addRow("later start added last") << false;
    QTest::addRow("later start added first") << true;
}

void TestDsnMapper::overlapResolvedByTheLaterStart()
{
    // A re-sent subflow range mapped anew overlaps the second half of the first mapping:
    // bytes from its start on take the new mapping, whatever the order they were seen in.
    QFETCH(bool, laterStartAddedFirst);
    core::DsnMapper mapper;
    const Mapping first{100, 1, 1000, true};
    const Mapping remapped{50000, 501, 1000, true};
    if (laterStartAddedFirst) {
        mapper.add(remapped);
        mapper.add(first);
    } else {
        mapper.add(first);
        mapper.add(remapped);
    }
    QCOMPARE(dsnAt(mapper, 10), qint64(109));
    QCOMPARE(dsnAt(mapper, 500), qint64(599));
    QCOMPARE(dsnAt(mapper, 600), qint64(50099));
    QCOMPARE(dsnAt(mapper, 1500), qint64(50999));
}

void TestDsnMapper::unexpandedMappingStaysRaw()
{
    // A raw 32-bit DSN (IDSN not known yet) stays a 32-bit value: the DSN of a byte past its
    // 2^32 wrap is the wrapped raw value, never a made-up 64-bit one.
    core::DsnMapper mapper;
    mapper.add({0xfffffff0u, 1, 100, false});
    const auto mapping = mapper.find(50);
    QVERIFY(mapping);
    QVERIFY(!mapping->expanded);
    QCOMPARE(dsnAt(mapper, 10), qint64(0xfffffff9u));
    QCOMPARE(std::uint32_t(mapping->dsn + std::uint32_t(50 - mapping->subflowSeq)), std::uint32_t(0x21));
    // An expanded mapping right after it lives in another number space: it is not merged.
    mapper.add({0x1234500000000060ull, 101, 100, true});
    QCOMPARE(mapper.entries(), std::size_t(2));
    const auto next = mapper.find(150);
    QVERIFY(next);
    QVERIFY(next->expanded);
    QCOMPARE(dsnAt(mapper, 150), qint64(0x1234500000000060ull + 49));
}

void TestDsnMapper::fallbackContinuesTheLastMapping_data()
{
    QTest::addColumn<quint32>("relativeSeq");
    QTest::addColumn<qint64>("dsn");
    QTest::addColumn<bool>("continued");
    // Mapped before the fallback: subflow bytes 1-1000 at DSN 10001, 1001-2000 at DSN 50001
    // (a jump, as after data sent on another subflow). After it the sender still mapped
    // 3001-3500 at DSN 90001 (sent before it learnt of the fallback); nothing else is mapped.
    QTest::addRow("mapped before") << 1500u << qint64(50500) << false;
    QTest::addRow("right after the last mapped byte") << 2001u << qint64(51001) << true;
    QTest::addRow("in the gap before the late mapping") << 2500u << qint64(51500) << true;
    QTest::addRow("late mapping") << 3001u << qint64(90001) << false;
    QTest::addRow("after the late mapping") << 3600u << qint64(90600) << true;
    QTest::addRow("a megabyte after the late mapping") << 1003001u << qint64(1090001) << true;
}

void TestDsnMapper::fallbackContinuesTheLastMapping()
{
    // RFC 8684 §3.7: after a fallback to TCP the subflow's bytes continue the data sequence
    // space contiguously: a byte no mapping covers takes the DSN after the last mapped byte
    // below it.
    QFETCH(quint32, relativeSeq);
    QFETCH(qint64, dsn);
    QFETCH(bool, continued);
    core::DsnMapper mapper;
    mapper.add(train(0));
    mapper.add({50001, 1001, 1000, true});
    QCOMPARE(dsnAt(mapper, 2001), unmapped);
    QVERIFY(!mapper.fellBack());
    mapper.fallBack();
    QVERIFY(mapper.fellBack());
    mapper.add({90001, 3001, 500, true});
    QCOMPARE(dsnAt(mapper, relativeSeq), dsn);
    QCOMPARE(mapper.find(relativeSeq)->continued, continued);
}

void TestDsnMapper::fallbackLeavesEarlierGapsUnmapped()
{
    // Bytes below what was mapped when the connection fell back were sent under MPTCP and had
    // mappings of their own, which the capture missed: no DSN is guessed for them. Without a
    // mapping below it, nothing can be continued either.
    core::DsnMapper mapper;
    mapper.add(train(0));
    mapper.add({20001, 5001, 1000, true});
    mapper.fallBack();
    QCOMPARE(dsnAt(mapper, 3000), unmapped);
    QCOMPARE(dsnAt(mapper, 6001), qint64(21001));
    core::DsnMapper empty;
    empty.fallBack();
    QCOMPARE(dsnAt(empty, 1), unmapped);
    core::DsnMapper late; // the first mapping starts above byte 1
    late.add({70001, 501, 100, true});
    late.fallBack();
    QCOMPARE(dsnAt(late, 100), unmapped);
    QCOMPARE(dsnAt(late, 700), qint64(70200));
}

QTEST_GUILESS_MAIN(TestDsnMapper)
#include "tst_dsn_mapper.moc"
