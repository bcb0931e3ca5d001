#include "decode/mptcp_option.h"

#include "decode/byte_cursor.h"
#include "decode/tcp.h"

namespace core {
namespace {

MptcpOption malformed(std::uint8_t subtype, std::size_t length)
{
    return MptcpMalformed{subtype, std::uint8_t(length)};
}

// Each decoder fills `out` in place (a variant returned by value went through the stack
// field by field, then was copied in wide loads that could not take those stores: slow) and
// returns false when the length does not fit the subtype.

// RFC 6824 §3.1 / RFC 8684 §3.1: 4 (v1 SYN), 12, 20, 22 (v1 with data length), 24 (+checksum).
bool mpCapable(ByteCursor& cursor, std::uint8_t versionNibble, std::size_t length, MptcpOption& out)
{
    MpCapable& result = out.emplace<MpCapable>();
    result.version = versionNibble;
    result.flags = cursor.u8();
    switch (length) {
    case 4: break;
    case 12:
        result.hasSenderKey = true;
        result.senderKey = cursor.u64();
        break;
    case 20:
    case 22:
    case 24:
        result.hasSenderKey = result.hasReceiverKey = true;
        result.senderKey = cursor.u64();
        result.receiverKey = cursor.u64();
        if (length >= 22) {
            result.hasDataLength = true;
            result.dataLength = cursor.u16();
        }
        if (length == 24) {
            result.hasChecksum = true;
            result.checksum = cursor.u16();
        }
        break;
    default: return false;
    }
    return true;
}

bool mpJoin(ByteCursor& cursor, std::uint8_t nibble, std::size_t length, std::uint8_t tcpFlags, MptcpOption& out)
{
    MpJoin& result = out.emplace<MpJoin>();
    const bool syn = tcpFlags & TcpFlag::Syn;
    const bool ack = tcpFlags & TcpFlag::Ack;
    if (length == mpJoinSynLength && syn && !ack) {
        result.phase = MpJoin::Phase::Syn;
        result.backup = nibble & 0x01;
        result.addressId = cursor.u8();
        result.token = cursor.u32();
        result.nonce = cursor.u32();
    } else if (length == 16 && syn && ack) {
        result.phase = MpJoin::Phase::SynAck;
        result.backup = nibble & 0x01;
        result.addressId = cursor.u8();
        result.truncatedHmac = cursor.u64();
        result.nonce = cursor.u32();
    } else if (length == 24 && !syn) {
        result.phase = MpJoin::Phase::Ack;
        cursor.skip(1 + 20);
    } else {
        return false;
    }
    return true;
}

bool dss(ByteCursor& cursor, std::size_t length, MptcpOption& out)
{
    Dss& result = out.emplace<Dss>();
    result.flags = cursor.u8();
    result.hasDataAck = result.flags & 0x01;
    result.dataAck64 = result.flags & 0x02;
    result.hasMapping = result.flags & 0x04;
    result.dsn64 = result.flags & 0x08;
    result.dataFin = result.flags & 0x10;

    std::size_t expected = 4;
    if (result.hasDataAck)
        expected += result.dataAck64 ? 8 : 4;
    if (result.hasMapping)
        expected += (result.dsn64 ? 8 : 4) + 4 + 2;
    if (length == expected + 2 && result.hasMapping)
        result.hasChecksum = true;
    else if (length != expected)
        return false;

    if (result.hasDataAck)
        result.dataAck = result.dataAck64 ? cursor.u64() : cursor.u32();
    if (result.hasMapping) {
        result.dsn = result.dsn64 ? cursor.u64() : cursor.u32();
        result.subflowSeq = cursor.u32();
        result.dataLength = cursor.u16();
        if (result.hasChecksum)
            result.checksum = cursor.u16();
    }
    return true;
}

bool addAddr(ByteCursor& cursor, std::uint8_t nibble, std::size_t length, MptcpOption& out)
{
    AddAddr& result = out.emplace<AddAddr>();
    result.addressId = cursor.u8();
    bool v6 = false;
    if (nibble == 4 || nibble == 6) {
        // RFC 6824: the low nibble is the IP version, no echo; the out-of-tree Linux
        // kernel's rfc6824bis mode adds an HMAC with the same layout.
        result.optionVersion = 0;
        v6 = nibble == 6;
        const std::size_t base = v6 ? 20 : 8;
        const std::size_t rest = length < base ? 1 : length - base;
        if (rest != 0 && rest != 2 && rest != 8 && rest != 10)
            return false;
        result.hasHmac = rest >= 8;
        result.hasPort = rest % 8 == 2;
    } else {
        // RFC 8684: flag E in the low bit; an HMAC unless echoing.
        result.echo = nibble & 0x01;
        switch (length) {
        case 8:
        case 10:
        case 16:
        case 18: break;
        case 20:
        case 22:
        case 28:
        case 30: v6 = true; break;
        default: return false;
        }
        const std::size_t base = v6 ? 20 : 8;
        const std::size_t rest = length - base;
        result.hasHmac = rest >= 8;
        result.hasPort = rest % 8 == 2;
        if (result.hasHmac == result.echo)
            return false;
    }
    const auto address = cursor.take(v6 ? 16 : 4);
    if (!cursor.ok())
        return false;
    result.address = IpAddress::fromBytes(address.data(), v6);
    if (result.hasPort)
        result.port = cursor.u16();
    if (result.hasHmac)
        result.hmac = cursor.u64();
    return true;
}

} // namespace

MptcpOption decodeMptcpOption(std::span<const std::uint8_t> option, std::uint8_t tcpFlags)
{
    MptcpOption result; // the only object returned, built in the caller's
    ByteCursor cursor(option);
    cursor.skip(1);
    const std::size_t length = cursor.u8();
    const std::uint8_t subtypeAndNibble = cursor.u8();
    if (!cursor.ok() || length != option.size()) {
        result = malformed(MptcpMalformed::subtypeUnread, option.size());
        return result;
    }
    const std::uint8_t subtype = subtypeAndNibble >> 4;
    const std::uint8_t nibble = subtypeAndNibble & 0x0f;

    bool fits = true;
    switch (MptcpSubtype(subtype)) {
    case MptcpSubtype::MpCapable: fits = mpCapable(cursor, nibble, length, result); break;
    case MptcpSubtype::MpJoin: fits = mpJoin(cursor, nibble, length, tcpFlags, result); break;
    case MptcpSubtype::Dss: fits = dss(cursor, length, result); break;
    case MptcpSubtype::AddAddr: fits = addAddr(cursor, nibble, length, result); break;
    case MptcpSubtype::RemoveAddr:
        fits = length >= 4;
        if (fits) {
            result = RemoveAddr{option.subspan(3)};
            cursor.skip(length - 3);
        }
        break;
    case MptcpSubtype::MpPrio:
        fits = length == 3 || length == 4;
        if (fits)
            result = MpPrio{bool(nibble & 0x01), length == 4, length == 4 ? cursor.u8() : std::uint8_t(0)};
        break;
    case MptcpSubtype::MpFail:
        fits = length == 12;
        if (fits) {
            cursor.skip(1);
            result = MpFail{cursor.u64()};
        }
        break;
    case MptcpSubtype::MpFastclose:
        fits = length == 12;
        if (fits) {
            cursor.skip(1);
            result = MpFastclose{cursor.u64()};
        }
        break;
    case MptcpSubtype::MpTcpRst:
        fits = length == 4;
        if (fits)
            result = MpTcpRst{nibble, cursor.u8()};
        break;
    default: fits = false;
    }
    if (!fits || !cursor.ok() || cursor.remaining() != 0)
        result = malformed(subtype, length);
    return result;
}

bool cutMptcpOptionTakesStreamNumber(std::span<const std::uint8_t> cutOption)
{
    if (cutOption.size() < 3 || cutOption[0] != tcpOptionMptcp)
        return false;
    const std::uint8_t length = cutOption[1];
    switch (MptcpSubtype(cutOption[2] >> 4)) {
    case MptcpSubtype::MpCapable: return false;
    case MptcpSubtype::MpJoin: return length != mpJoinSynLength;
    default: return true;
    }
}

const char* subtypeName(MptcpSubtype subtype)
{
    switch (subtype) {
    case MptcpSubtype::MpCapable: return "MP_CAPABLE";
    case MptcpSubtype::MpJoin: return "MP_JOIN";
    case MptcpSubtype::Dss: return "DSS";
    case MptcpSubtype::AddAddr: return "ADD_ADDR";
    case MptcpSubtype::RemoveAddr: return "REMOVE_ADDR";
    case MptcpSubtype::MpPrio: return "MP_PRIO";
    case MptcpSubtype::MpFail: return "MP_FAIL";
    case MptcpSubtype::MpFastclose: return "MP_FASTCLOSE";
    case MptcpSubtype::MpTcpRst: return "MP_TCPRST";
    }
    return "unknown";
}

} // namespace core
