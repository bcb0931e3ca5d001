#include "decode/link_layer.h"

#include "decode/byte_cursor.h"

#include <pcap/dlt.h>

namespace core {
namespace {

constexpr std::uint16_t etherTypeIPv4 = 0x0800;
constexpr std::uint16_t etherTypeIPv6 = 0x86dd;
constexpr std::uint16_t etherTypeVlan = 0x8100;
constexpr std::uint16_t etherTypeQinQ = 0x88a8;
constexpr std::uint16_t etherTypeQinQOld = 0x9100;

LinkDecodeResult fromEtherType(std::uint16_t etherType, std::size_t offset)
{
    LinkDecodeResult result;
    result.etherType = etherType;
    result.networkOffset = std::uint32_t(offset);
    if (etherType == etherTypeIPv4)
        result.protocol = NetworkProtocol::IPv4;
    else if (etherType == etherTypeIPv6)
        result.protocol = NetworkProtocol::IPv6;
    return result;
}

LinkDecodeResult malformed() { return {NetworkProtocol::Malformed, 0, 0}; }

LinkDecodeResult fromIpVersionNibble(std::span<const std::uint8_t> frame, std::size_t offset)
{
    if (frame.size() <= offset)
        return malformed();
    switch (frame[offset] >> 4) {
    case 4: return {NetworkProtocol::IPv4, etherTypeIPv4, std::uint32_t(offset)};
    case 6: return {NetworkProtocol::IPv6, etherTypeIPv6, std::uint32_t(offset)};
    default: return {NetworkProtocol::Other, 0, std::uint32_t(offset)};
    }
}

LinkDecodeResult ethernet(std::span<const std::uint8_t> frame)
{
    ByteCursor cursor(frame);
    cursor.skip(12);
    std::uint16_t etherType = cursor.u16();
    // Any depth of stacked tags; each is 4 bytes with the inner type at the end.
    while (cursor.ok() && (etherType == etherTypeVlan || etherType == etherTypeQinQ || etherType == etherTypeQinQOld)) {
        cursor.skip(2);
        etherType = cursor.u16();
    }
    if (!cursor.ok())
        return malformed();
    return fromEtherType(etherType, cursor.offset());
}

LinkDecodeResult linuxCooked(std::span<const std::uint8_t> frame)
{
    // SLL: packet type(2) ARPHRD(2) addr len(2) addr(8) protocol(2)
    ByteCursor cursor(frame);
    cursor.skip(14);
    const std::uint16_t protocol = cursor.u16();
    if (!cursor.ok())
        return malformed();
    return fromEtherType(protocol, cursor.offset());
}

LinkDecodeResult linuxCookedV2(std::span<const std::uint8_t> frame)
{
    // SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) addr len(1) addr(8)
    ByteCursor cursor(frame);
    const std::uint16_t protocol = cursor.u16();
    cursor.skip(18);
    if (!cursor.ok())
        return malformed();
    return fromEtherType(protocol, cursor.offset());
}

LinkDecodeResult bsdLoopback(std::span<const std::uint8_t> frame)
{
    if (frame.size() < 4)
        return malformed();
    // NULL stores the address family in the capturing host's byte order and LOOP in network
    // order, and the AF_INET6 value differs between systems: the IP version nibble is the
    // unambiguous answer.
    return fromIpVersionNibble(frame, 4);
}

LinkDecodeResult ppp(std::span<const std::uint8_t> frame)
{
    ByteCursor cursor(frame);
    std::size_t offset = 0;
    // HDLC-like framing: address 0xff, control 0x03 (omitted when compressed).
    if (frame.size() >= 2 && frame[0] == 0xff && frame[1] == 0x03)
        offset = 2;
    cursor.skip(offset);
    if (cursor.remaining() == 0 || (frame.size() == 1 && frame[0] == 0xff))
        return malformed(); // only the start of the HDLC framing
    std::uint16_t protocol = cursor.u8();
    if (!(protocol & 0x01)) // protocol field compression: an odd first byte is a 1-byte field
        protocol = std::uint16_t((protocol << 8) | cursor.u8());
    if (!cursor.ok())
        return malformed();
    LinkDecodeResult result;
    result.etherType = protocol;
    result.networkOffset = std::uint32_t(cursor.offset());
    if (protocol == 0x0021)
        result.protocol = NetworkProtocol::IPv4;
    else if (protocol == 0x0057)
        result.protocol = NetworkProtocol::IPv6;
    return result;
}

} // namespace

bool isSupportedLinkType(int linkType)
{
    switch (linkType) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_NULL:
    case DLT_LOOP:
    case DLT_PPP:
    case DLT_PPP_SERIAL: return true;
    default: return linkType == 12 || linkType == 14; // DLT_RAW differs between platforms
    }
}

LinkDecodeResult decodeLinkLayer(int linkType, std::span<const std::uint8_t> frame)
{
    switch (linkType) {
    case DLT_EN10MB: return ethernet(frame);
    case DLT_LINUX_SLL: return linuxCooked(frame);
    case DLT_LINUX_SLL2: return linuxCookedV2(frame);
    case DLT_IPV4:
    case DLT_IPV6: return fromIpVersionNibble(frame, 0);
    case DLT_NULL:
    case DLT_LOOP: return bsdLoopback(frame);
    case DLT_PPP:
    case DLT_PPP_SERIAL: return ppp(frame);
    default:
        if (linkType == 12 || linkType == 14) // DLT_RAW
            return fromIpVersionNibble(frame, 0);
        return {NetworkProtocol::Other, 0, 0};
    }
}

} // namespace core
