#include "decode/packet_decoder.h"

#include "capture/pcap_reader.h"
#include "decode/byte_cursor.h"
#include "decode/link_layer.h"

#include <algorithm>

namespace core {
namespace {

// ICMP errors (destination unreachable, time exceeded, parameter problem, …) quote the
// packet that caused them. Wireshark dissects a quoted TCP header of 16 bytes or more as
// part of its conversation, creating one if needed, so such an error can take a tcp.stream
// number of its own.
DecodeStatus decodeIcmpQuote(NetworkProtocol outer, std::span<const std::uint8_t> icmp, DecodedPacket& out)
{
    if (icmp.size() < 8)
        return DecodeStatus::NotTcp;
    const std::uint8_t type = icmp[0];
    const bool error = outer == NetworkProtocol::IPv4
                           ? (type == 3 || type == 4 || type == 5 || type == 11 || type == 12)
                           : (type >= 1 && type <= 4);
    if (!error)
        return DecodeStatus::NotTcp;
    const auto quoted = icmp.subspan(8);
    if (quoted.empty())
        return DecodeStatus::NotTcp;
    const NetworkProtocol inner = (quoted[0] >> 4) == 4   ? NetworkProtocol::IPv4
                                  : (quoted[0] >> 4) == 6 ? NetworkProtocol::IPv6
                                                          : NetworkProtocol::Other;
    IpHeader ip;
    const IpStatus status = decodeIp(inner, quoted, 0, ip);
    if (status != IpStatus::Ok || ip.transportProtocol != 6 || ip.transportOffset + 16 > quoted.size())
        return DecodeStatus::NotTcp;
    ByteCursor cursor(quoted.subspan(ip.transportOffset));
    out.ip = ip;
    out.tcp = TcpHeader{};
    out.tcp.sourcePort = cursor.u16();
    out.tcp.destinationPort = cursor.u16();
    out.tcp.seq = cursor.u32();
    out.tcp.ack = cursor.u32();
    cursor.skip(1);
    out.tcp.flags = cursor.u8();
    return DecodeStatus::IcmpQuotedTcp;
}

} // namespace

DecodeStatus decodePacket(int linkType, const RawPacket& raw, DecodedPacket& out)
{
    // Headers that run past the captured bytes were cut by the snapshot length only when the
    // capture holds less than the wire did; in a whole frame they claim bytes it does not have.
    const DecodeStatus shortHeaders = raw.bytes.size() < raw.wireLength ? DecodeStatus::Truncated
                                                                        : DecodeStatus::Malformed;
    const LinkDecodeResult link = decodeLinkLayer(linkType, raw.bytes);
    switch (link.protocol) {
    case NetworkProtocol::Malformed: return shortHeaders;
    case NetworkProtocol::Other:
        return isSupportedLinkType(linkType) ? DecodeStatus::NotIp : DecodeStatus::UnsupportedLink;
    case NetworkProtocol::IPv4:
    case NetworkProtocol::IPv6: break;
    }

    const auto network = raw.bytes.subspan(link.networkOffset);
    const std::uint32_t wireLength = raw.wireLength > link.networkOffset ? raw.wireLength - link.networkOffset : 0;
    switch (decodeIp(link.protocol, network, wireLength, out.ip)) {
    case IpStatus::Ok: break;
    case IpStatus::Fragment: return DecodeStatus::Fragment;
    case IpStatus::Truncated: return shortHeaders;
    case IpStatus::Malformed: return DecodeStatus::Malformed;
    }
    if (out.ip.transportProtocol == 1 || out.ip.transportProtocol == 58)
        return decodeIcmpQuote(link.protocol,
                               network.subspan(std::min<std::size_t>(out.ip.transportOffset, network.size())), out);
    if (out.ip.transportProtocol != 6)
        return DecodeStatus::NotTcp;

    const auto segment = out.ip.transportOffset <= network.size() ? network.subspan(out.ip.transportOffset)
                                                                  : std::span<const std::uint8_t>{};
    switch (decodeTcp(segment, out.ip.transportLength, out.tcp)) {
    case TcpStatus::Ok: return DecodeStatus::Tcp;
    case TcpStatus::Truncated: return shortHeaders;
    case TcpStatus::Malformed: return DecodeStatus::Malformed;
    }
    return DecodeStatus::Malformed;
}

const char* describe(DecodeStatus status)
{
    switch (status) {
    case DecodeStatus::Tcp: return "TCP";
    case DecodeStatus::IcmpQuotedTcp: return "ICMP error quoting TCP";
    case DecodeStatus::NotIp: return "not IP";
    case DecodeStatus::NotTcp: return "not TCP";
    case DecodeStatus::Fragment: return "IP fragment";
    case DecodeStatus::UnsupportedLink: return "unsupported link type";
    case DecodeStatus::Malformed: return "malformed header";
    case DecodeStatus::Truncated: return "headers cut by the snapshot length";
    }
    return "unknown";
}

} // namespace core
