#include "crypto/key_hash.h"

#include <QTest>

#include <cstdint>

// Token = most significant 32 bits, IDSN = least significant 64 bits of SHA-1 (v0) or
// SHA-256 (v1) of the key's 8 big-endian bytes. Expected values are independent of the core:
//   python3 -c "import hashlib; d=hashlib.sha1((14568871653868829995).to_bytes(8,'big')).digest(); print(int.from_bytes(d[:4],'big'), int.from_bytes(d[-8:],'big'))"
//   python3 -c "import hashlib; d=hashlib.sha256((0x0123456789abcdef).to_bytes(8,'big')).digest(); print(int.from_bytes(d[:4],'big'), int.from_bytes(d[-8:],'big'))"
// (sha1 for version 0 rows, sha256 for version 1 rows, with the row's key).
class TestKeyHash : public QObject {
    Q_OBJECT
private slots:
    void hashKey_data();
    void hashKey();
};

void TestKeyHash::hashKey_data()
{
    QTest::addColumn<quint64>("key");
    QTest::addColumn<uchar>("version");
    QTest::addColumn<quint32>("token");
    QTest::addColumn<quint64>("idsn");

    // client_2.pcap's first key: the expected_token / expected_idsn tshark 4.0 prints.
    QTest::addRow("v0 client_2 sendkey") << 14568871653868829995ull << uchar(0) << 2280993044u
                                         << 5947950023132234492ull;
    QTest::addRow("v0 0xfedcba9876543210")
        << 0xfedcba9876543210ull << uchar(0) << 2780719217u << 3697387350891206090ull;
    // Used by tst_assembler's 32-bit DSN wrap: the IDSN's low half is 0xfffff04d.
    QTest::addRow("v0 IDSN near a 2^32 wrap")
        << 0x5a5a0000001902b2ull << uchar(0) << 175931297u << 0x602023ccfffff04dull;
    QTest::addRow("v0 zero key") << 0ull << uchar(0) << 100548695u << 12417979246923204585ull;
    QTest::addRow("v1 0x0123456789abcdef")
        << 0x0123456789abcdefull << uchar(1) << 1438990173u << 6271089639696537624ull;
    QTest::addRow("v1 0xfedcba9876543210") << 0xfedcba9876543210ull << uchar(1) << 419002395u << 2884582770211283598ull;
    QTest::addRow("v1 zero key") << 0ull << uchar(1) << 2941612277u << 16551347165485088252ull;
    QTest::addRow("v1 all ones") << 0xffffffffffffffffull << uchar(1) << 312716868u << 6339759150979674314ull;
    // Wireshark leaves token and IDSN at zero for any other version; so do we.
    QTest::addRow("version 2") << 14568871653868829995ull << uchar(2) << 0u << 0ull;
    QTest::addRow("version 15") << 0x0123456789abcdefull << uchar(15) << 0u << 0ull;
}

void TestKeyHash::hashKey()
{
    QFETCH(quint64, key);
    QFETCH(uchar, version);
    QFETCH(quint32, token);
    QFETCH(quint64, idsn);
    const core::KeyHash hash = core::hashKey(key, version);
    QCOMPARE(quint32(hash.token), token);
    QCOMPARE(quint64(hash.idsn), idsn);
}

QTEST_GUILESS_MAIN(TestKeyHash)
#include "tst_key_hash.moc"
