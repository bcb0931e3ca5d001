#include "packet_builder.h"

#include "decode/mptcp_option.h"
#include "decode/tcp.h"

#include <QTest>

#include <cstdint>
#include <variant>

// Every MPTCP option subtype of RFC 6824 (v0) and RFC 8684 (v1), as crafted bytes named after
// the scenario, and the TCP option walker that hands them over. Each row states the decoded
// fields; a bad length must give MptcpMalformed, never a misread.

Q_DECLARE_METATYPE(core::MpCapable)
Q_DECLARE_METATYPE(core::MpJoin)
Q_DECLARE_METATYPE(core::Dss)

class TestMptcpOption : public QObject {
    Q_OBJECT
private slots:
    void mpCapable_data();
    void mpCapable();
    void mpJoin_data();
    void mpJoin();
    void dssNamed_data();
    void dssNamed();
    void dssEveryFlagCombination_data();
    void dssEveryFlagCombination() { dssNamed(); }
    void dssWrongLength_data();
    void dssWrongLength();
    void addAddr_data();
    void addAddr();
    void removeAddr_data();
    void removeAddr();
    void mpPrio_data();
    void mpPrio();
    void mpFailAndFastclose_data();
    void mpFailAndFastclose();
    void mpTcpRst_data();
    void mpTcpRst();
    void malformed_data();
    void malformed();
    void optionWalker_data();
    void optionWalker();
    void cutOptionStreamNumber_data();
    void cutOptionStreamNumber();
};

namespace {

using testpkt::Bytes;
using testpkt::tcpflag::Ack;
using testpkt::tcpflag::Syn;

template <std::size_t N> QByteArray bytes(const std::uint8_t (&array)[N])
{
    return testpkt::toQByteArray(std::span<const std::uint8_t>(array, N));
}

core::MptcpOption decode(const QByteArray& option, std::uint8_t tcpFlags)
{
    return core::decodeMptcpOption(testpkt::asSpan(option), tcpFlags);
}

// Fails the test unless `option` holds a T; returns it (or a default T after a failure).
template <typename T> T expectKind(const core::MptcpOption& option)
{
    if (const auto* value = std::get_if<T>(&option))
        return *value;
    if (const auto* bad = std::get_if<core::MptcpMalformed>(&option))
        QTest::qFail(
            qPrintable(
                QStringLiteral("decoded as malformed (subtype %1, length %2)").arg(bad->subtype).arg(bad->length)),
            __FILE__, __LINE__);
    else
        QTest::qFail("decoded as another subtype", __FILE__, __LINE__);
    return T{};
}

// ---------------------------------------------------------------------------------------------
// MP_CAPABLE (RFC 6824 §3.1, RFC 8684 §3.1). Keys: A = 0x0123456789abcdef, B = 0xfedcba9876543210.

// clang-format off
// v1 SYN: no key. kind 30, length 4, subtype 0 | version 1, flags H (HMAC-SHA256).
constexpr std::uint8_t mpc_v1_syn_len_4[] = {0x1e, 0x04, 0x01, 0x01};
// v1 SYN/ACK: the server's key.
constexpr std::uint8_t mpc_v1_synack_len_12[] = {0x1e, 0x0c, 0x01, 0x01,
                                                 0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
// v0 SYN: the client's key; flags A (checksum required) and H (HMAC-SHA1).
constexpr std::uint8_t mpc_v0_syn_len_12[] = {0x1e, 0x0c, 0x00, 0x81,
                                              0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
// Third ACK: sender key then receiver key.
constexpr std::uint8_t mpc_v1_third_ack_len_20[] = {0x1e, 0x14, 0x01, 0x01,
                                                    0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                                    0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};
// v1 first data packet: both keys and the data-level length (1448), no checksum.
constexpr std::uint8_t mpc_v1_len_22[] = {0x1e, 0x16, 0x01, 0x01,
                                          0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                          0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
                                          0x05, 0xa8};
// Same with the checksum (flag A set, as when checksums were negotiated).
constexpr std::uint8_t mpc_v1_len_24[] = {0x1e, 0x18, 0x01, 0x81,
                                          0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                          0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
                                          0x00, 0x64, 0xbe, 0xef};
// Flags other than A and H are kept as sent (B: no more subflows to the SYN source; C).
constexpr std::uint8_t mpc_v1_flags_kept[] = {0x1e, 0x04, 0x01, 0x61};
constexpr std::uint8_t mpc_len_13[] = {0x1e, 0x0d, 0x00, 0x81,
                                       0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef, 0x00};
constexpr std::uint8_t mpc_len_3[] = {0x1e, 0x03, 0x01};
// The length byte says 12 but 20 bytes were handed over.
constexpr std::uint8_t mpc_length_byte_mismatch[] = {0x1e, 0x0c, 0x00, 0x81,
                                                     0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
                                                     0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};

constexpr std::uint64_t keyA = 0x0123456789abcdefull;
constexpr std::uint64_t keyB = 0xfedcba9876543210ull;

// clang-format on
} // namespace

// clang-format off
void TestMptcpOption::mpCapable_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<uchar>("tcpFlags");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<core::MpCapable>("expected");

    QTest::addRow("mpc_v1_syn_len_4") << bytes(mpc_v1_syn_len_4) << uchar(Syn) << false
                                      << core::MpCapable{.version = 1, .flags = 0x01};
    QTest::addRow("mpc_v1_synack_len_12")
        << bytes(mpc_v1_synack_len_12) << uchar(Syn | Ack) << false
        << core::MpCapable{.version = 1, .flags = 0x01, .hasSenderKey = true, .senderKey = keyB};
    QTest::addRow("mpc_v0_syn_len_12")
        << bytes(mpc_v0_syn_len_12) << uchar(Syn) << false
        << core::MpCapable{.version = 0, .flags = 0x81, .hasSenderKey = true, .senderKey = keyA};
    QTest::addRow("mpc_v1_third_ack_len_20")
        << bytes(mpc_v1_third_ack_len_20) << uchar(Ack) << false
        << core::MpCapable{.version = 1, .flags = 0x01, .hasSenderKey = true, .hasReceiverKey = true,
                           .senderKey = keyA, .receiverKey = keyB};
    QTest::addRow("mpc_v1_len_22")
        << bytes(mpc_v1_len_22) << uchar(Ack) << false
        << core::MpCapable{.version = 1, .flags = 0x01, .hasSenderKey = true, .hasReceiverKey = true,
                           .hasDataLength = true, .senderKey = keyA, .receiverKey = keyB, .dataLength = 1448};
    QTest::addRow("mpc_v1_len_24")
        << bytes(mpc_v1_len_24) << uchar(Ack) << false
        << core::MpCapable{.version = 1, .flags = 0x81, .hasSenderKey = true, .hasReceiverKey = true,
                           .hasDataLength = true, .hasChecksum = true, .senderKey = keyA, .receiverKey = keyB,
                           .dataLength = 100, .checksum = 0xbeef};
    QTest::addRow("mpc_v1_flags_kept") << bytes(mpc_v1_flags_kept) << uchar(Syn) << false
                                       << core::MpCapable{.version = 1, .flags = 0x61};
    QTest::addRow("mpc_len_13") << bytes(mpc_len_13) << uchar(Syn) << true << core::MpCapable{};
    QTest::addRow("mpc_len_3") << bytes(mpc_len_3) << uchar(Syn) << true << core::MpCapable{};
    QTest::addRow("mpc_length_byte_mismatch") << bytes(mpc_length_byte_mismatch) << uchar(Ack) << true
                                              << core::MpCapable{};
}
// clang-format on

void TestMptcpOption::mpCapable()
{
    QFETCH(QByteArray, option);
    QFETCH(uchar, tcpFlags);
    QFETCH(bool, malformed);
    QFETCH(core::MpCapable, expected);
    const auto decoded = decode(option, tcpFlags);
    if (malformed) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        return;
    }
    const auto actual = expectKind<core::MpCapable>(decoded);
    QCOMPARE(actual.version, expected.version);
    QCOMPARE(actual.flags, expected.flags);
    QCOMPARE(actual.checksumRequired(), bool(expected.flags & 0x80));
    QCOMPARE(actual.hasSenderKey, expected.hasSenderKey);
    QCOMPARE(actual.senderKey, expected.senderKey);
    QCOMPARE(actual.hasReceiverKey, expected.hasReceiverKey);
    QCOMPARE(actual.receiverKey, expected.receiverKey);
    QCOMPARE(actual.hasDataLength, expected.hasDataLength);
    QCOMPARE(actual.dataLength, expected.dataLength);
    QCOMPARE(actual.hasChecksum, expected.hasChecksum);
    QCOMPARE(actual.checksum, expected.checksum);
}

// ---------------------------------------------------------------------------------------------
// MP_JOIN (RFC 8684 §3.2): the TCP flags tell the phase.

namespace {
// clang-format off
// SYN: subtype 1 | B, address id 2, receiver's token 0x8799fa14, nonce 0x01020304.
constexpr std::uint8_t mpj_syn_backup[] = {0x1e, 0x0c, 0x11, 0x02,
                                           0x87, 0x99, 0xfa, 0x14, 0x01, 0x02, 0x03, 0x04};
constexpr std::uint8_t mpj_syn[] = {0x1e, 0x0c, 0x10, 0x00,
                                    0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xba, 0xbe};
// SYN/ACK: address id 5, truncated HMAC (64 bits), nonce.
constexpr std::uint8_t mpj_synack[] = {0x1e, 0x10, 0x10, 0x05,
                                       0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
                                       0x0a, 0x0b, 0x0c, 0x0d};
// Third ACK: reserved, 160-bit HMAC.
constexpr std::uint8_t mpj_ack[] = {0x1e, 0x18, 0x10, 0x00,
                                    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9,
                                    0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf, 0xb0, 0xb1, 0xb2, 0xb3};
constexpr std::uint8_t mpj_len_13[] = {0x1e, 0x0d, 0x10, 0x00,
                                       0xde, 0xad, 0xbe, 0xef, 0xca, 0xfe, 0xba, 0xbe, 0x00};
// clang-format on
} // namespace

// clang-format off
void TestMptcpOption::mpJoin_data()
{
    using Phase = core::MpJoin::Phase;
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<uchar>("tcpFlags");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<core::MpJoin>("expected");

    QTest::addRow("mpj_syn_backup") << bytes(mpj_syn_backup) << uchar(Syn) << false
                                    << core::MpJoin{.phase = Phase::Syn, .backup = true, .addressId = 2,
                                                    .token = 0x8799fa14, .nonce = 0x01020304};
    QTest::addRow("mpj_syn") << bytes(mpj_syn) << uchar(Syn) << false
                             << core::MpJoin{.phase = Phase::Syn, .backup = false, .addressId = 0,
                                             .token = 0xdeadbeef, .nonce = 0xcafebabe};
    QTest::addRow("mpj_synack") << bytes(mpj_synack) << uchar(Syn | Ack) << false
                                << core::MpJoin{.phase = Phase::SynAck, .addressId = 5, .nonce = 0x0a0b0c0d,
                                                .truncatedHmac = 0x1122334455667788};
    QTest::addRow("mpj_ack") << bytes(mpj_ack) << uchar(Ack) << false << core::MpJoin{.phase = Phase::Ack};
    QTest::addRow("mpj_syn length on a SYN/ACK") << bytes(mpj_syn) << uchar(Syn | Ack) << true << core::MpJoin{};
    QTest::addRow("mpj_synack length on a SYN") << bytes(mpj_synack) << uchar(Syn) << true << core::MpJoin{};
    QTest::addRow("mpj_ack length on a SYN") << bytes(mpj_ack) << uchar(Syn) << true << core::MpJoin{};
    QTest::addRow("mpj_syn length on an ACK") << bytes(mpj_syn) << uchar(Ack) << true << core::MpJoin{};
    QTest::addRow("mpj_len_13") << bytes(mpj_len_13) << uchar(Syn) << true << core::MpJoin{};
}
// clang-format on

void TestMptcpOption::mpJoin()
{
    QFETCH(QByteArray, option);
    QFETCH(uchar, tcpFlags);
    QFETCH(bool, malformed);
    QFETCH(core::MpJoin, expected);
    const auto decoded = decode(option, tcpFlags);
    if (malformed) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        QCOMPARE(std::get<core::MptcpMalformed>(decoded).subtype, std::uint8_t(1));
        return;
    }
    const auto actual = expectKind<core::MpJoin>(decoded);
    QCOMPARE(int(actual.phase), int(expected.phase));
    if (actual.phase == core::MpJoin::Phase::Ack)
        return; // the ACK carries only the full HMAC, which the model does not keep
    QCOMPARE(actual.backup, expected.backup);
    QCOMPARE(actual.addressId, expected.addressId);
    QCOMPARE(actual.token, expected.token);
    QCOMPARE(actual.nonce, expected.nonce);
    QCOMPARE(actual.truncatedHmac, expected.truncatedHmac);
}

// ---------------------------------------------------------------------------------------------
// DSS (RFC 8684 §3.3): flags F m M a A; the DSN and data ack each 4 or 8 octets.

namespace {

// clang-format off
// 4-octet DSN with an 8-octet Data ACK. tshark 4.0 expands this DSN by the 'a' bit instead
// of 'm' and prints garbage; the DSN here is the 32-bit value on the wire.
constexpr std::uint8_t dss_flags_0x07[] = {0x1e, 0x16, 0x20, 0x07,
                                           0x00, 0x00, 0x00, 0x01, 0x23, 0x45, 0x67, 0x89, // data ack
                                           0x40, 0x58, 0x11, 0xe0,                         // DSN 1079513568
                                           0x00, 0x00, 0x00, 0x01,                         // subflow seq
                                           0x05, 0xa8};                                    // length 1448
// Linux data: 4-octet Data ACK, 8-octet DSN, mapping, no checksum.
constexpr std::uint8_t dss_flags_0x0d[] = {0x1e, 0x16, 0x20, 0x0d,
                                           0x9a, 0x3c, 0x11, 0x02,                         // data ack
                                           0x57, 0x07, 0x62, 0xcd, 0x38, 0xbe, 0x98, 0x19, // DSN
                                           0x00, 0x00, 0x05, 0xa9,                         // subflow seq
                                           0x05, 0xa8};
// Linux pure ACK: 8-octet Data ACK only.
constexpr std::uint8_t dss_flags_0x03[] = {0x1e, 0x0c, 0x20, 0x03,
                                           0x28, 0x08, 0x18, 0xbf, 0x0f, 0xa7, 0xe2, 0x8f};
// v0 DATA_FIN without data: 4-octet ack and DSN, subflow seq 0, length 1, checksum.
constexpr std::uint8_t dss_flags_0x15[] = {0x1e, 0x14, 0x20, 0x15,
                                           0x7a, 0x20, 0x00, 0x11,
                                           0xff, 0xff, 0xf0, 0x4e,
                                           0x00, 0x00, 0x00, 0x00,
                                           0x00, 0x01,
                                           0x6e, 0x21};
// v0 data with the checksum: 4-octet ack and DSN.
constexpr std::uint8_t dss_flags_0x05_checksum[] = {0x1e, 0x14, 0x20, 0x05,
                                                    0x7a, 0x20, 0x00, 0x11,
                                                    0xff, 0xff, 0xf0, 0x4e,
                                                    0x00, 0x00, 0x00, 0x01,
                                                    0x03, 0xe8,
                                                    0x12, 0x34};
// Infinite mapping (fallback, RFC 8684 §3.7): data-level length 0.
constexpr std::uint8_t dss_infinite_mapping[] = {0x1e, 0x12, 0x20, 0x0c,
                                                 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x00,
                                                 0x00, 0x00, 0x00, 0x64,
                                                 0x00, 0x00};

// A DSS option for any flags byte, fields present as the flags say, with fixed values.
constexpr std::uint64_t sampleAck = 0x1122334455667788ull;
constexpr std::uint64_t sampleDsn = 0x99aabbccddeeff00ull;
constexpr std::uint32_t sampleSubflowSeq = 0x01020304;
constexpr std::uint16_t sampleLength = 0x0506;
constexpr std::uint16_t sampleChecksum = 0xbeef;

Bytes dssForFlags(std::uint8_t flags, bool withChecksum, int lengthAdjust = 0)
{
    Bytes rest{flags};
    if (flags & 0x01) {
        if (flags & 0x02)
            testpkt::put64(rest, sampleAck);
        else
            testpkt::put32(rest, std::uint32_t(sampleAck));
    }
    if (flags & 0x04) {
        if (flags & 0x08)
            testpkt::put64(rest, sampleDsn);
        else
            testpkt::put32(rest, std::uint32_t(sampleDsn));
        testpkt::put32(rest, sampleSubflowSeq);
        testpkt::put16(rest, sampleLength);
    }
    if (withChecksum)
        testpkt::put16(rest, sampleChecksum);
    if (lengthAdjust > 0)
        rest.insert(rest.end(), std::size_t(lengthAdjust), 0);
    else if (lengthAdjust < 0)
        rest.erase(rest.end() - std::min<std::ptrdiff_t>(-lengthAdjust, std::ptrdiff_t(rest.size())), rest.end());
    return testpkt::mptcpopt::withHeader(0x20, rest);
}

core::Dss expectedDss(std::uint8_t flags, bool withChecksum)
{
    core::Dss dss;
    dss.flags = flags;
    dss.hasDataAck = flags & 0x01;
    dss.dataAck64 = flags & 0x02;
    dss.hasMapping = flags & 0x04;
    dss.dsn64 = flags & 0x08;
    dss.dataFin = flags & 0x10;
    dss.hasChecksum = withChecksum;
    if (dss.hasDataAck)
        dss.dataAck = dss.dataAck64 ? sampleAck : std::uint32_t(sampleAck);
    if (dss.hasMapping) {
        dss.dsn = dss.dsn64 ? sampleDsn : std::uint32_t(sampleDsn);
        dss.subflowSeq = sampleSubflowSeq;
        dss.dataLength = sampleLength;
        dss.checksum = withChecksum ? sampleChecksum : 0;
    }
    return dss;
}

// clang-format on
} // namespace

// clang-format off
void TestMptcpOption::dssNamed_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<core::Dss>("expected");

    QTest::addRow("dss_flags_0x07")
        << bytes(dss_flags_0x07) << false
        << core::Dss{.flags = 0x07, .hasDataAck = true, .dataAck64 = true, .hasMapping = true, .dsn64 = false,
                     .dataAck = 0x0000000123456789ull, .dsn = 1079513568, .subflowSeq = 1, .dataLength = 1448};
    QTest::addRow("dss_flags_0x0d")
        << bytes(dss_flags_0x0d) << false
        << core::Dss{.flags = 0x0d, .hasDataAck = true, .dataAck64 = false, .hasMapping = true, .dsn64 = true,
                     .dataAck = 0x9a3c1102, .dsn = 0x570762cd38be9819ull, .subflowSeq = 1449, .dataLength = 1448};
    QTest::addRow("dss_flags_0x03")
        << bytes(dss_flags_0x03) << false
        << core::Dss{.flags = 0x03, .hasDataAck = true, .dataAck64 = true, .dataAck = 0x280818bf0fa7e28full};
    QTest::addRow("dss_flags_0x15")
        << bytes(dss_flags_0x15) << false
        << core::Dss{.flags = 0x15, .hasDataAck = true, .hasMapping = true, .dataFin = true, .hasChecksum = true,
                     .dataAck = 0x7a200011, .dsn = 0xfffff04e, .subflowSeq = 0, .dataLength = 1,
                     .checksum = 0x6e21};
    QTest::addRow("dss_flags_0x05_checksum")
        << bytes(dss_flags_0x05_checksum) << false
        << core::Dss{.flags = 0x05, .hasDataAck = true, .hasMapping = true, .hasChecksum = true,
                     .dataAck = 0x7a200011, .dsn = 0xfffff04e, .subflowSeq = 1, .dataLength = 1000,
                     .checksum = 0x1234};
    QTest::addRow("dss_infinite_mapping")
        << bytes(dss_infinite_mapping) << false
        << core::Dss{.flags = 0x0c, .hasMapping = true, .dsn64 = true, .dsn = 0x1000, .subflowSeq = 100,
                     .dataLength = 0};
}
// clang-format on

void TestMptcpOption::dssNamed()
{
    QFETCH(QByteArray, option);
    QFETCH(bool, malformed);
    QFETCH(core::Dss, expected);
    const auto decoded = decode(option, Ack);
    if (malformed) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        QCOMPARE(std::get<core::MptcpMalformed>(decoded).subtype, std::uint8_t(2));
        return;
    }
    const auto actual = expectKind<core::Dss>(decoded);
    QCOMPARE(actual.flags, expected.flags);
    QCOMPARE(actual.hasDataAck, expected.hasDataAck);
    if (expected.hasDataAck) { // 'a' means nothing without 'A', nor 'm' without 'M'
        QCOMPARE(actual.dataAck64, expected.dataAck64);
        QCOMPARE(actual.dataAck, expected.dataAck);
    }
    QCOMPARE(actual.hasMapping, expected.hasMapping);
    if (expected.hasMapping) {
        QCOMPARE(actual.dsn64, expected.dsn64);
        QCOMPARE(actual.dsn, expected.dsn);
        QCOMPARE(actual.subflowSeq, expected.subflowSeq);
        QCOMPARE(actual.dataLength, expected.dataLength);
    }
    QCOMPARE(actual.dataFin, expected.dataFin);
    QCOMPARE(actual.hasChecksum, expected.hasChecksum);
    if (expected.hasChecksum)
        QCOMPARE(actual.checksum, expected.checksum);
}

void TestMptcpOption::dssEveryFlagCombination_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<core::Dss>("expected");
    for (int flags = 0; flags <= 0x1f; ++flags) {
        const auto f = std::uint8_t(flags);
        QTest::addRow("dss_flags_0x%02x", flags)
            << testpkt::toQByteArray(dssForFlags(f, false)) << false << expectedDss(f, false);
        // The checksum follows a mapping only; after anything else it is 2 bytes too many.
        const bool mapping = f & 0x04;
        QTest::addRow("dss_flags_0x%02x_checksum", flags)
            << testpkt::toQByteArray(dssForFlags(f, true)) << !mapping << expectedDss(f, true);
    }
}

void TestMptcpOption::dssWrongLength_data()
{
    QTest::addColumn<QByteArray>("option");
    for (int flags = 0; flags <= 0x1f; ++flags) {
        const auto f = std::uint8_t(flags);
        QTest::addRow("dss_flags_0x%02x_one_byte_long", flags) << testpkt::toQByteArray(dssForFlags(f, false, 1));
        QTest::addRow("dss_flags_0x%02x_three_bytes_long", flags) << testpkt::toQByteArray(dssForFlags(f, false, 3));
        if (f & 0x05) // something to shorten
            QTest::addRow("dss_flags_0x%02x_one_byte_short", flags) << testpkt::toQByteArray(dssForFlags(f, false, -1));
    }
}

void TestMptcpOption::dssWrongLength()
{
    QFETCH(QByteArray, option);
    const auto decoded = decode(option, Ack);
    QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
    QCOMPARE(std::get<core::MptcpMalformed>(decoded).subtype, std::uint8_t(2));
    QCOMPARE(std::get<core::MptcpMalformed>(decoded).length, std::uint8_t(option.size()));
}

// ---------------------------------------------------------------------------------------------
// ADD_ADDR: RFC 6824 puts the IP version in the low nibble (4 or 6); RFC 8684 puts flag E
// there and adds a truncated HMAC unless echoing.

namespace {
// clang-format off
constexpr std::uint8_t add_v0_ipv4_len_8[] = {0x1e, 0x08, 0x34, 0x03, 10, 0, 0, 3};
constexpr std::uint8_t add_v0_ipv4_port_len_10[] = {0x1e, 0x0a, 0x34, 0x03, 10, 0, 0, 3, 0x1f, 0x90};
constexpr std::uint8_t add_v0_ipv6_len_20[] = {0x1e, 0x14, 0x36, 0x04,
                                               0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09};
constexpr std::uint8_t add_v0_ipv6_port_len_22[] = {0x1e, 0x16, 0x36, 0x04,
                                                    0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x09,
                                                    0x14, 0x51};
constexpr std::uint8_t add_v1_ipv4_hmac_len_16[] = {0x1e, 0x10, 0x30, 0x02, 10, 0, 2, 2,
                                                    0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_ipv4_port_hmac_len_18[] = {0x1e, 0x12, 0x30, 0x02, 10, 0, 2, 2, 0x14, 0x51,
                                                         0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_ipv6_hmac_len_28[] = {0x1e, 0x1c, 0x30, 0x07,
                                                    0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02,
                                                    0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_ipv6_port_hmac_len_30[] = {0x1e, 0x1e, 0x30, 0x07,
                                                         0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02,
                                                         0x00, 0x50,
                                                         0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_echo_ipv4_len_8[] = {0x1e, 0x08, 0x31, 0x02, 10, 0, 2, 2};
constexpr std::uint8_t add_v1_echo_ipv4_port_len_10[] = {0x1e, 0x0a, 0x31, 0x02, 10, 0, 2, 2, 0x14, 0x51};
constexpr std::uint8_t add_v1_echo_ipv6_len_20[] = {0x1e, 0x14, 0x31, 0x07,
                                                    0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02};
constexpr std::uint8_t add_v1_echo_ipv6_port_len_22[] = {0x1e, 0x16, 0x31, 0x07,
                                                         0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02,
                                                         0x00, 0x50};
// Invalid: an echo carrying an HMAC, a non-echo without one, lengths no layout has.
constexpr std::uint8_t add_v1_echo_with_hmac_len_16[] = {0x1e, 0x10, 0x31, 0x02, 10, 0, 2, 2,
                                                         0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_echo_ipv6_with_hmac_len_28[] = {
    0x1e, 0x1c, 0x31, 0x07, 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02,
    0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88};
constexpr std::uint8_t add_v1_no_echo_no_hmac_len_8[] = {0x1e, 0x08, 0x30, 0x02, 10, 0, 2, 2};
constexpr std::uint8_t add_v1_len_12[] = {0x1e, 0x0c, 0x30, 0x02, 10, 0, 2, 2, 0, 0, 0, 0};
constexpr std::uint8_t add_v0_ipv4_len_12[] = {0x1e, 0x0c, 0x34, 0x03, 10, 0, 0, 3, 0, 0, 0, 0};
constexpr std::uint8_t add_v0_ipv6_len_8[] = {0x1e, 0x08, 0x36, 0x03, 0xfd, 0, 0, 0};
// clang-format on
} // namespace

// clang-format off
void TestMptcpOption::addAddr_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<int>("optionVersion");
    QTest::addColumn<bool>("echo");
    QTest::addColumn<int>("addressId");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port"); // -1: none
    QTest::addColumn<bool>("hasHmac");

    QTest::addRow("add_v0_ipv4_len_8") << bytes(add_v0_ipv4_len_8) << false << 0 << false << 3
                                       << "10.0.0.3" << -1 << false;
    QTest::addRow("add_v0_ipv4_port_len_10") << bytes(add_v0_ipv4_port_len_10) << false << 0 << false << 3
                                             << "10.0.0.3" << 8080 << false;
    QTest::addRow("add_v0_ipv6_len_20") << bytes(add_v0_ipv6_len_20) << false << 0 << false << 4 << "fd00::9"
                                        << -1 << false;
    QTest::addRow("add_v0_ipv6_port_len_22") << bytes(add_v0_ipv6_port_len_22) << false << 0 << false << 4
                                             << "fd00::9" << 5201 << false;
    QTest::addRow("add_v1_ipv4_hmac_len_16") << bytes(add_v1_ipv4_hmac_len_16) << false << 1 << false << 2
                                             << "10.0.2.2" << -1 << true;
    QTest::addRow("add_v1_ipv4_port_hmac_len_18") << bytes(add_v1_ipv4_port_hmac_len_18) << false << 1 << false
                                                  << 2 << "10.0.2.2" << 5201 << true;
    QTest::addRow("add_v1_ipv6_hmac_len_28") << bytes(add_v1_ipv6_hmac_len_28) << false << 1 << false << 7
                                             << "fd00::2" << -1 << true;
    QTest::addRow("add_v1_ipv6_port_hmac_len_30") << bytes(add_v1_ipv6_port_hmac_len_30) << false << 1 << false
                                                  << 7 << "fd00::2" << 80 << true;
    QTest::addRow("add_v1_echo_ipv4_len_8") << bytes(add_v1_echo_ipv4_len_8) << false << 1 << true << 2
                                            << "10.0.2.2" << -1 << false;
    QTest::addRow("add_v1_echo_ipv4_port_len_10") << bytes(add_v1_echo_ipv4_port_len_10) << false << 1 << true
                                                  << 2 << "10.0.2.2" << 5201 << false;
    QTest::addRow("add_v1_echo_ipv6_len_20") << bytes(add_v1_echo_ipv6_len_20) << false << 1 << true << 7
                                             << "fd00::2" << -1 << false;
    QTest::addRow("add_v1_echo_ipv6_port_len_22") << bytes(add_v1_echo_ipv6_port_len_22) << false << 1 << true
                                                  << 7 << "fd00::2" << 80 << false;

    const auto invalid = [](const char* name, const QByteArray& option) {
        QTest::addRow("%s", name) << option << true << 0 << false << 0 << QString() << -1 << false;
    };
    invalid("add_v1_echo_with_hmac_len_16", bytes(add_v1_echo_with_hmac_len_16));
    invalid("add_v1_echo_ipv6_with_hmac_len_28", bytes(add_v1_echo_ipv6_with_hmac_len_28));
    invalid("add_v1_no_echo_no_hmac_len_8", bytes(add_v1_no_echo_no_hmac_len_8));
    invalid("add_v1_len_12", bytes(add_v1_len_12));
    invalid("add_v0_ipv4_len_12", bytes(add_v0_ipv4_len_12));
    invalid("add_v0_ipv6_len_8", bytes(add_v0_ipv6_len_8));
}
// clang-format on

void TestMptcpOption::addAddr()
{
    QFETCH(QByteArray, option);
    QFETCH(bool, malformed);
    QFETCH(int, optionVersion);
    QFETCH(bool, echo);
    QFETCH(int, addressId);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(bool, hasHmac);
    const auto decoded = decode(option, Ack);
    if (malformed) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        QCOMPARE(std::get<core::MptcpMalformed>(decoded).subtype, std::uint8_t(3));
        return;
    }
    const auto actual = expectKind<core::AddAddr>(decoded);
    QCOMPARE(int(actual.optionVersion), optionVersion);
    QCOMPARE(actual.echo, echo);
    QCOMPARE(int(actual.addressId), addressId);
    QCOMPARE(QString::fromStdString(actual.address.toString()), address);
    QCOMPARE(actual.hasPort, port >= 0);
    if (port >= 0)
        QCOMPARE(int(actual.port), port);
    QCOMPARE(actual.hasHmac, hasHmac);
    if (hasHmac)
        QCOMPARE(actual.hmac, std::uint64_t(0x1122334455667788ull));
}

// ---------------------------------------------------------------------------------------------
// REMOVE_ADDR, MP_PRIO, MP_FAIL, MP_FASTCLOSE, MP_TCPRST

namespace {
// clang-format off
constexpr std::uint8_t rm_one_id[] = {0x1e, 0x04, 0x40, 0x05};
constexpr std::uint8_t rm_three_ids[] = {0x1e, 0x06, 0x40, 0x01, 0x02, 0x08};
constexpr std::uint8_t rm_no_id[] = {0x1e, 0x03, 0x40};

constexpr std::uint8_t prio_backup_len_3[] = {0x1e, 0x03, 0x51};
constexpr std::uint8_t prio_regular_len_3[] = {0x1e, 0x03, 0x50};
constexpr std::uint8_t prio_backup_address_len_4[] = {0x1e, 0x04, 0x51, 0x07}; // RFC 6824 only
constexpr std::uint8_t prio_len_5[] = {0x1e, 0x05, 0x51, 0x07, 0x00};

constexpr std::uint8_t fail_len_12[] = {0x1e, 0x0c, 0x60, 0x00,
                                        0x57, 0x07, 0x62, 0xcd, 0x38, 0xbe, 0x98, 0x19};
constexpr std::uint8_t fastclose_len_12[] = {0x1e, 0x0c, 0x70, 0x00,
                                             0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10};

// MP_TCPRST (RFC 8684 §3.6): flags U V W T in the low nibble, then the reason.
constexpr std::uint8_t tcprst_transient_middlebox[] = {0x1e, 0x04, 0x81, 0x06};
constexpr std::uint8_t tcprst_resources[] = {0x1e, 0x04, 0x80, 0x02};
// clang-format on
} // namespace

void TestMptcpOption::removeAddr_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<QByteArray>("addressIds"); // empty: malformed
    QTest::addRow("rm_one_id") << bytes(rm_one_id) << QByteArray("\x05", 1);
    QTest::addRow("rm_three_ids") << bytes(rm_three_ids) << QByteArray("\x01\x02\x08", 3);
    QTest::addRow("rm_no_id") << bytes(rm_no_id) << QByteArray();
}

void TestMptcpOption::removeAddr()
{
    QFETCH(QByteArray, option);
    QFETCH(QByteArray, addressIds);
    const auto decoded = decode(option, Ack);
    if (addressIds.isEmpty()) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        return;
    }
    const auto actual = expectKind<core::RemoveAddr>(decoded);
    QCOMPARE(testpkt::toQByteArray(actual.addressIds), addressIds);
}

void TestMptcpOption::mpPrio_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<bool>("malformed");
    QTest::addColumn<bool>("backup");
    QTest::addColumn<int>("addressId"); // -1: none
    QTest::addRow("prio_backup_len_3") << bytes(prio_backup_len_3) << false << true << -1;
    QTest::addRow("prio_regular_len_3") << bytes(prio_regular_len_3) << false << false << -1;
    QTest::addRow("prio_backup_address_len_4") << bytes(prio_backup_address_len_4) << false << true << 7;
    QTest::addRow("prio_len_5") << bytes(prio_len_5) << true << false << -1;
}

void TestMptcpOption::mpPrio()
{
    QFETCH(QByteArray, option);
    QFETCH(bool, malformed);
    QFETCH(bool, backup);
    QFETCH(int, addressId);
    const auto decoded = decode(option, Ack);
    if (malformed) {
        QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
        return;
    }
    const auto actual = expectKind<core::MpPrio>(decoded);
    QCOMPARE(actual.backup, backup);
    QCOMPARE(actual.hasAddressId, addressId >= 0);
    if (addressId >= 0)
        QCOMPARE(int(actual.addressId), addressId);
}

void TestMptcpOption::mpFailAndFastclose_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<int>("subtype");
    QTest::addColumn<quint64>("value"); // MP_FAIL: DSN; MP_FASTCLOSE: the receiver's key
    QTest::addRow("fail_len_12") << bytes(fail_len_12) << 6 << 0x570762cd38be9819ull;
    QTest::addRow("fastclose_len_12") << bytes(fastclose_len_12) << 7 << 0xfedcba9876543210ull;
}

void TestMptcpOption::mpFailAndFastclose()
{
    QFETCH(QByteArray, option);
    QFETCH(int, subtype);
    QFETCH(quint64, value);
    const auto decoded = decode(option, Ack);
    if (subtype == 6)
        QCOMPARE(quint64(expectKind<core::MpFail>(decoded).dsn), value);
    else
        QCOMPARE(quint64(expectKind<core::MpFastclose>(decoded).receiverKey), value);

    // One byte more or less is malformed.
    QByteArray longer = option + QByteArray(1, '\0');
    longer[1] = char(longer.size());
    QVERIFY(std::holds_alternative<core::MptcpMalformed>(decode(longer, Ack)));
    QByteArray shorter = option.left(option.size() - 1);
    shorter[1] = char(shorter.size());
    QVERIFY(std::holds_alternative<core::MptcpMalformed>(decode(shorter, Ack)));
}

void TestMptcpOption::mpTcpRst_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<bool>("transient");
    QTest::addColumn<int>("reason");
    QTest::addRow("tcprst_transient_middlebox") << bytes(tcprst_transient_middlebox) << true << 6;
    QTest::addRow("tcprst_resources") << bytes(tcprst_resources) << false << 2;
}

void TestMptcpOption::mpTcpRst()
{
    QFETCH(QByteArray, option);
    QFETCH(bool, transient);
    QFETCH(int, reason);
    const auto actual = expectKind<core::MpTcpRst>(decode(option, Ack | testpkt::tcpflag::Rst));
    QCOMPARE(actual.transient(), transient);
    QCOMPARE(int(actual.reason), reason);

    QByteArray longer = option + QByteArray(1, '\0');
    longer[1] = char(longer.size());
    QVERIFY(std::holds_alternative<core::MptcpMalformed>(decode(longer, Ack)));
}

// ---------------------------------------------------------------------------------------------

namespace {
// clang-format off
constexpr std::uint8_t unknown_subtype_0xe[] = {0x1e, 0x04, 0xe0, 0x00};
constexpr std::uint8_t experimental_subtype_0xf[] = {0x1e, 0x06, 0xf0, 0x00, 0x12, 0x34};
constexpr std::uint8_t kind_and_length_only[] = {0x1e, 0x02};
constexpr std::uint8_t length_byte_beyond_bytes[] = {0x1e, 0x10, 0x20, 0x01, 0, 0, 0, 1};
// clang-format on
} // namespace

void TestMptcpOption::malformed_data()
{
    QTest::addColumn<QByteArray>("option");
    QTest::addColumn<int>("subtype"); // as MptcpMalformed reports it; 0xff: no usable header
    QTest::addRow("unknown_subtype_0xe") << bytes(unknown_subtype_0xe) << 0xe;
    QTest::addRow("experimental_subtype_0xf") << bytes(experimental_subtype_0xf) << 0xf;
    QTest::addRow("kind_and_length_only") << bytes(kind_and_length_only) << 0xff;
    QTest::addRow("length_byte_beyond_bytes") << bytes(length_byte_beyond_bytes) << 0xff;
    QTest::addRow("empty") << QByteArray() << 0xff;
}

void TestMptcpOption::malformed()
{
    QFETCH(QByteArray, option);
    QFETCH(int, subtype);
    const auto decoded = decode(option, Ack);
    QVERIFY(std::holds_alternative<core::MptcpMalformed>(decoded));
    QCOMPARE(int(std::get<core::MptcpMalformed>(decoded).subtype), subtype);
}

// ---------------------------------------------------------------------------------------------
// walkTcpOptions: EOL ends the list, NOPs are skipped, a bad length stops the walk.

namespace {
// clang-format off
constexpr std::uint8_t walk_mss_sackperm[] = {0x02, 0x04, 0x05, 0xb4, 0x01, 0x01, 0x04, 0x02};
constexpr std::uint8_t walk_nops_only[] = {0x01, 0x01, 0x01, 0x01};
// Garbage after EOL (libtins' malformed_option_after_eol_packet) is padding, not an error.
constexpr std::uint8_t walk_eol_then_garbage[] = {0x02, 0x04, 0x05, 0xb4, 0x00, 0x1e, 0x00, 0x99};
constexpr std::uint8_t walk_timestamps_and_dss[] = {0x01, 0x01, 0x08, 0x0a, 0, 0, 0, 1, 0, 0, 0, 2,
                                                    0x1e, 0x08, 0x20, 0x01, 0x12, 0x34, 0x56, 0x78};
constexpr std::uint8_t walk_zero_length[] = {0x1e, 0x00, 0x20, 0x01};
constexpr std::uint8_t walk_length_one[] = {0x08, 0x01, 0x00, 0x00};
constexpr std::uint8_t walk_good_then_zero_length[] = {0x02, 0x04, 0x05, 0xb4, 0x05, 0x00, 0x01, 0x01};
constexpr std::uint8_t walk_past_the_end[] = {0x01, 0x01, 0x08, 0x0a, 0x00, 0x00, 0x00, 0x01};
constexpr std::uint8_t walk_kind_without_length[] = {0x01, 0x01, 0x01, 0x1e};
// clang-format on
} // namespace

// clang-format off
void TestMptcpOption::optionWalker_data()
{
    QTest::addColumn<QByteArray>("options");
    QTest::addColumn<bool>("optionsCut");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("visited"); // "kind:length" of every option handed to the visitor

    using core::OptionWalkStatus;
    QTest::addRow("empty") << QByteArray() << false << int(OptionWalkStatus::Ok) << "";
    QTest::addRow("walk_nops_only") << bytes(walk_nops_only) << false << int(OptionWalkStatus::Ok) << "";
    QTest::addRow("walk_mss_sackperm") << bytes(walk_mss_sackperm) << false << int(OptionWalkStatus::Ok)
                                       << "2:4 4:2";
    QTest::addRow("walk_eol_then_garbage") << bytes(walk_eol_then_garbage) << false
                                           << int(OptionWalkStatus::Ok) << "2:4";
    QTest::addRow("walk_timestamps_and_dss") << bytes(walk_timestamps_and_dss) << false
                                             << int(OptionWalkStatus::Ok) << "8:10 30:8";
    QTest::addRow("walk_zero_length") << bytes(walk_zero_length) << false << int(OptionWalkStatus::Malformed)
                                      << "";
    QTest::addRow("walk_zero_length, cut") << bytes(walk_zero_length) << true
                                           << int(OptionWalkStatus::Malformed) << "";
    QTest::addRow("walk_length_one") << bytes(walk_length_one) << false << int(OptionWalkStatus::Malformed)
                                     << "";
    QTest::addRow("walk_good_then_zero_length") << bytes(walk_good_then_zero_length) << false
                                                << int(OptionWalkStatus::Malformed) << "2:4";
    QTest::addRow("walk_past_the_end") << bytes(walk_past_the_end) << false << int(OptionWalkStatus::Malformed)
                                       << "";
    QTest::addRow("walk_past_the_end, cut") << bytes(walk_past_the_end) << true << int(OptionWalkStatus::Cut)
                                            << "";
    QTest::addRow("walk_kind_without_length") << bytes(walk_kind_without_length) << false
                                              << int(OptionWalkStatus::Malformed) << "";
    QTest::addRow("walk_kind_without_length, cut") << bytes(walk_kind_without_length) << true
                                                   << int(OptionWalkStatus::Cut) << "";
    QTest::addRow("complete options, cut after them") << bytes(walk_mss_sackperm) << true
                                                      << int(OptionWalkStatus::Cut) << "2:4 4:2";
    QTest::addRow("EOL before the cut") << bytes(walk_eol_then_garbage) << true << int(OptionWalkStatus::Ok)
                                        << "2:4";
}
// clang-format on

void TestMptcpOption::optionWalker()
{
    QFETCH(QByteArray, options);
    QFETCH(bool, optionsCut);
    QFETCH(int, status);
    QFETCH(QString, visited);
    QStringList seen;
    const auto result = core::walkTcpOptions(testpkt::asSpan(options), optionsCut, [&](const core::TcpOption& o) {
        QCOMPARE_GE(o.bytes.size(), std::size_t(2));
        QCOMPARE(o.bytes[0], o.kind);
        seen << QStringLiteral("%1:%2").arg(o.kind).arg(o.bytes.size());
    });
    QCOMPARE(seen.join(QLatin1Char(' ')), visited);
    QCOMPARE(int(result), status);
}

// ---------------------------------------------------------------------------------------------
// An option area cut inside an MPTCP option: Wireshark 4.0 numbers the connection from the
// subtype and length bytes alone, except for MP_CAPABLE and the MP_JOIN of a SYN (length 12).

constexpr std::uint8_t cut_mpc_v0_syn_in_key[] = {0x1e, 0x0c, 0x00, 0x81, 0x01, 0x23};
constexpr std::uint8_t cut_mpc_third_ack_after_subtype[] = {0x1e, 0x14, 0x01};
constexpr std::uint8_t cut_join_syn_in_token[] = {0x1e, 0x0c, 0x10, 0x02, 0x9d, 0xb6};
constexpr std::uint8_t cut_join_synack_after_subtype[] = {0x1e, 0x10, 0x10};
constexpr std::uint8_t cut_join_ack_in_hmac[] = {0x1e, 0x18, 0x10, 0x00, 0xab};
constexpr std::uint8_t cut_dss_length_12_after_flags[] = {0x1e, 0x0c, 0x20, 0x05};
constexpr std::uint8_t cut_add_addr_in_address[] = {0x1e, 0x10, 0x30, 0x02, 0x0a};
constexpr std::uint8_t cut_unknown_subtype_15[] = {0x1e, 0x08, 0xf0};
constexpr std::uint8_t cut_before_subtype[] = {0x1e, 0x14};
constexpr std::uint8_t cut_timestamps_option[] = {0x08, 0x0a, 0x20, 0x05};

void TestMptcpOption::cutOptionStreamNumber_data()
{
    QTest::addColumn<QByteArray>("captured");
    QTest::addColumn<bool>("takesNumber");
    QTest::addRow("cut_mpc_v0_syn_in_key") << bytes(cut_mpc_v0_syn_in_key) << false;
    QTest::addRow("cut_mpc_third_ack_after_subtype") << bytes(cut_mpc_third_ack_after_subtype) << false;
    QTest::addRow("cut_join_syn_in_token") << bytes(cut_join_syn_in_token) << false;
    QTest::addRow("cut_join_synack_after_subtype") << bytes(cut_join_synack_after_subtype) << true;
    QTest::addRow("cut_join_ack_in_hmac") << bytes(cut_join_ack_in_hmac) << true;
    QTest::addRow("cut_dss_length_12_after_flags") << bytes(cut_dss_length_12_after_flags) << true;
    QTest::addRow("cut_add_addr_in_address") << bytes(cut_add_addr_in_address) << true;
    QTest::addRow("cut_unknown_subtype_15") << bytes(cut_unknown_subtype_15) << true;
    QTest::addRow("cut_before_subtype") << bytes(cut_before_subtype) << false;
    QTest::addRow("only the kind byte") << QByteArray(1, char(0x1e)) << false;
    QTest::addRow("nothing captured") << QByteArray() << false;
    QTest::addRow("cut_timestamps_option") << bytes(cut_timestamps_option) << false;
}

void TestMptcpOption::cutOptionStreamNumber()
{
    QFETCH(QByteArray, captured);
    QFETCH(bool, takesNumber);
    QCOMPARE(core::cutMptcpOptionTakesStreamNumber(testpkt::asSpan(captured)), takesNumber);
}

QTEST_GUILESS_MAIN(TestMptcpOption)
#include "tst_mptcp_option.moc"
