#include "decode/packet_decoder.h"

#include "capture/pcap_reader.h"
#include "decode/link_layer.h"

namespace core {

DecodeStatus decodePacket(int linkType, const RawPacket& raw, DecodedPacket& out)
{
    const LinkDecodeResult link = decodeLinkLayer(linkType, raw.bytes);
    switch (link.protocol) {
    case NetworkProtocol::Malformed:
        return DecodeStatus::Truncated;
    case NetworkProtocol::Other:
        return isSupportedLinkType(linkType) ? DecodeStatus::NotIp : DecodeStatus::UnsupportedLink;
    case NetworkProtocol::IPv4:
    case NetworkProtocol::IPv6:
        break;
    }

    const auto network = raw.bytes.subspan(link.networkOffset);
    const std::uint32_t wireLength =
        raw.wireLength > link.networkOffset ? raw.wireLength - link.networkOffset : 0;
    switch (decodeIp(link.protocol, network, wireLength, out.ip)) {
    case IpStatus::Ok:
        break;
    case IpStatus::Fragment:
        return DecodeStatus::Fragment;
    case IpStatus::Truncated:
        return DecodeStatus::Truncated;
    case IpStatus::Malformed:
        return DecodeStatus::Malformed;
    }
    if (out.ip.transportProtocol != 6)
        return DecodeStatus::NotTcp;

    const auto segment = out.ip.transportOffset <= network.size()
                             ? network.subspan(out.ip.transportOffset)
                             : std::span<const std::uint8_t>{};
    switch (decodeTcp(segment, out.ip.transportLength, out.tcp)) {
    case TcpStatus::Ok:
        return DecodeStatus::Tcp;
    case TcpStatus::Truncated:
        return DecodeStatus::Truncated;
    case TcpStatus::Malformed:
        return DecodeStatus::Malformed;
    }
    return DecodeStatus::Malformed;
}

const char* describe(DecodeStatus status)
{
    switch (status) {
    case DecodeStatus::Tcp: return "TCP";
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
