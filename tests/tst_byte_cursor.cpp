#include "decode/byte_cursor.h"

#include <QTest>

#include <array>
#include <cstdint>

// ByteCursor is the only thing between untrusted capture bytes and every decoder: a read past
// the end must give zero and clear ok(), never touch memory beyond the span.
class TestByteCursor : public QObject {
    Q_OBJECT
private slots:
    void readsBigEndianFields();
    void overRead_data();
    void overRead();
    void staysFailedAfterOverRead();
    void takeWithinBounds();
    void takeBeyondBounds();
    void skipBounds_data();
    void skipBounds();
    void emptySpan();
};

namespace {
// 01 02 03 04 05 06 07 08 09 0a 0b 0c 0d 0e 0f 10 11 12 13 14 15 16 17
constexpr std::array<std::uint8_t, 23> counting = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08,
                                                   0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x10,
                                                   0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17};

std::span<const std::uint8_t> firstBytes(int count) { return std::span(counting).first(std::size_t(count)); }

} // namespace

void TestByteCursor::readsBigEndianFields()
{
    core::ByteCursor cursor(counting);
    QCOMPARE(cursor.u8(), std::uint8_t(0x01));
    QCOMPARE(cursor.u16(), std::uint16_t(0x0203));
    QCOMPARE(cursor.u32(), std::uint32_t(0x04050607));
    QCOMPARE(cursor.u48(), std::uint64_t(0x08090a0b0c0d));
    QCOMPARE(cursor.u64(), std::uint64_t(0x0e0f101112131415));
    QCOMPARE(cursor.offset(), std::size_t(21));
    QCOMPARE(cursor.remaining(), std::size_t(2));
    QCOMPARE(cursor.rest().size(), std::size_t(2));
    QCOMPARE(cursor.rest()[0], std::uint8_t(0x16));
    QVERIFY(cursor.ok());
}

void TestByteCursor::overRead_data()
{
    QTest::addColumn<int>("available"); // bytes left in the span
    QTest::addColumn<int>("width");     // bytes the read wants
    QTest::addRow("u8 of 0") << 0 << 1;
    QTest::addRow("u16 of 1") << 1 << 2;
    QTest::addRow("u32 of 3") << 3 << 4;
    QTest::addRow("u48 of 5") << 5 << 6;
    QTest::addRow("u64 of 7") << 7 << 8;
    QTest::addRow("u64 of 0") << 0 << 8;
}

void TestByteCursor::overRead()
{
    QFETCH(int, available);
    QFETCH(int, width);
    core::ByteCursor cursor(firstBytes(available));
    std::uint64_t value = 0xdead;
    switch (width) {
    case 1: value = cursor.u8(); break;
    case 2: value = cursor.u16(); break;
    case 4: value = cursor.u32(); break;
    case 6: value = cursor.u48(); break;
    case 8: value = cursor.u64(); break;
    default: QFAIL("unexpected width");
    }
    QCOMPARE(value, std::uint64_t(0));
    QVERIFY(!cursor.ok());
    // A failed read consumes the rest, so a decoder cannot read on into garbage.
    QCOMPARE(cursor.remaining(), std::size_t(0));
    QCOMPARE(cursor.offset(), std::size_t(available));
}

void TestByteCursor::staysFailedAfterOverRead()
{
    core::ByteCursor cursor(firstBytes(3));
    QCOMPARE(cursor.u16(), std::uint16_t(0x0102));
    QCOMPARE(cursor.u16(), std::uint16_t(0)); // one byte left: fails
    QVERIFY(!cursor.ok());
    QCOMPARE(cursor.u8(), std::uint8_t(0)); // the byte that was left is not handed out later
    QVERIFY(!cursor.ok());
}

void TestByteCursor::takeWithinBounds()
{
    core::ByteCursor cursor(counting);
    cursor.skip(2);
    const auto taken = cursor.take(4);
    QCOMPARE(taken.size(), std::size_t(4));
    QCOMPARE(taken[0], std::uint8_t(0x03));
    QCOMPARE(taken[3], std::uint8_t(0x06));
    QCOMPARE(cursor.offset(), std::size_t(6));
    const auto all = cursor.take(cursor.remaining());
    QCOMPARE(all.size(), std::size_t(17));
    QCOMPARE(cursor.remaining(), std::size_t(0));
    QVERIFY(cursor.ok());
    QCOMPARE(cursor.take(0).size(), std::size_t(0)); // an empty take at the end is fine
    QVERIFY(cursor.ok());
}

void TestByteCursor::takeBeyondBounds()
{
    core::ByteCursor cursor(firstBytes(5));
    cursor.skip(1);
    const auto taken = cursor.take(5);
    QVERIFY(taken.empty());
    QVERIFY(!cursor.ok());
    QCOMPARE(cursor.remaining(), std::size_t(0));
}

void TestByteCursor::skipBounds_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("skip");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("offsetAfter");
    QTest::addRow("inside") << 10 << 4 << true << 4;
    QTest::addRow("to the end") << 10 << 10 << true << 10;
    QTest::addRow("one past") << 10 << 11 << false << 10;
    QTest::addRow("huge") << 10 << 0x7fffffff << false << 10;
    QTest::addRow("zero on empty") << 0 << 0 << true << 0;
}

void TestByteCursor::skipBounds()
{
    QFETCH(int, size);
    QFETCH(int, skip);
    QFETCH(bool, ok);
    QFETCH(int, offsetAfter);
    core::ByteCursor cursor(firstBytes(size));
    cursor.skip(std::size_t(skip));
    QCOMPARE(cursor.ok(), ok);
    QCOMPARE(cursor.offset(), std::size_t(offsetAfter));
}

void TestByteCursor::emptySpan()
{
    core::ByteCursor cursor(std::span<const std::uint8_t>{});
    QVERIFY(cursor.ok());
    QCOMPARE(cursor.remaining(), std::size_t(0));
    QCOMPARE(cursor.u32(), std::uint32_t(0));
    QVERIFY(!cursor.ok());
}

QTEST_GUILESS_MAIN(TestByteCursor)
#include "tst_byte_cursor.moc"
