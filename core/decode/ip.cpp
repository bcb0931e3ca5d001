#include "decode/ip.h"

#include "decode/byte_cursor.h"

namespace core {
namespace {

IpStatus decodeIPv4(std::span<const std::uint8_t> packet, std::uint32_t wireLength, IpHeader& out)
{
    ByteCursor cursor(packet);
    const std::uint8_t versionAndLength = cursor.u8();
    cursor.skip(1);
    std::uint32_t totalLength = cursor.u16();
    cursor.skip(2);
    const std::uint16_t fragment = cursor.u16();
    cursor.skip(1);
    out.transportProtocol = cursor.u8();
    cursor.skip(2);
    const auto addresses = cursor.take(8);
    if (!cursor.ok())
        return IpStatus::Truncated;

    const std::uint32_t headerLength = (versionAndLength & 0x0f) * 4u;
    if ((versionAndLength >> 4) != 4 || headerLength < 20)
        return IpStatus::Malformed;
    if (totalLength == 0)
        totalLength = wireLength;
    if (totalLength < headerLength)
        return IpStatus::Malformed;

    out.source = IpAddress::fromBytes(addresses.data(), false);
    out.destination = IpAddress::fromBytes(addresses.data() + 4, false);
    out.transportOffset = headerLength;
    out.transportLength = totalLength - headerLength;
    const bool moreFragments = fragment & 0x2000;
    const std::uint16_t fragmentOffset = fragment & 0x1fff;
    return (moreFragments || fragmentOffset) ? IpStatus::Fragment : IpStatus::Ok;
}

bool isIPv6ExtensionHeader(std::uint8_t next)
{
    switch (next) {
    case 0:   // hop-by-hop
    case 43:  // routing
    case 44:  // fragment
    case 51:  // authentication header
    case 60:  // destination options
    case 135: // mobility
    case 139: // HIP
    case 140: // shim6
        return true;
    default: return false;
    }
}

IpStatus decodeIPv6(std::span<const std::uint8_t> packet, std::uint32_t wireLength, IpHeader& out)
{
    ByteCursor cursor(packet);
    const std::uint8_t version = cursor.u8() >> 4;
    cursor.skip(3);
    std::uint32_t payloadLength = cursor.u16();
    std::uint8_t next = cursor.u8();
    cursor.skip(1);
    const auto addresses = cursor.take(32);
    if (!cursor.ok())
        return IpStatus::Truncated;
    if (version != 6)
        return IpStatus::Malformed;
    if (payloadLength == 0 && wireLength >= 40) // jumbogram or BIG TCP
        payloadLength = wireLength - 40;

    out.source = IpAddress::fromBytes(addresses.data(), true);
    out.destination = IpAddress::fromBytes(addresses.data() + 16, true);

    bool fragmented = false;
    std::uint32_t extensionBytes = 0;
    while (isIPv6ExtensionHeader(next)) {
        const std::uint8_t current = next;
        next = cursor.u8();
        const std::uint8_t lengthField = cursor.u8();
        if (!cursor.ok())
            return IpStatus::Truncated;
        std::uint32_t length = 0;
        if (current == 44) {
            length = 8;
            const std::uint16_t offsetAndFlags = cursor.u16();
            fragmented = (offsetAndFlags & 0xfff9) != 0; // offset or M flag
            cursor.skip(4);
        } else {
            length = current == 51 ? (lengthField + 2u) * 4u : (lengthField + 1u) * 8u;
            cursor.skip(length - 2);
        }
        if (!cursor.ok())
            return IpStatus::Truncated;
        extensionBytes += length;
        if (extensionBytes > payloadLength)
            return IpStatus::Malformed;
    }
    out.transportProtocol = next;
    out.transportOffset = std::uint32_t(cursor.offset());
    out.transportLength = payloadLength - extensionBytes;
    return fragmented ? IpStatus::Fragment : IpStatus::Ok;
}

} // namespace

IpStatus decodeIp(NetworkProtocol protocol, std::span<const std::uint8_t> packet, std::uint32_t wireLength,
                  IpHeader& out)
{
    switch (protocol) {
    case NetworkProtocol::IPv4: return decodeIPv4(packet, wireLength, out);
    case NetworkProtocol::IPv6: return decodeIPv6(packet, wireLength, out);
    default: return IpStatus::Malformed;
    }
}

} // namespace core
