#pragma once

#include <cstdint>
#include <span>

namespace core {

enum class NetworkProtocol : std::uint8_t { IPv4, IPv6, Other, Malformed };

struct LinkDecodeResult {
    // 8 bytes, returned in one register: a 12-byte result went through the stack on every
    // frame and stalled the reader thread on store forwarding.
    NetworkProtocol protocol = NetworkProtocol::Other;
    std::uint16_t etherType = 0;     // or the protocol field of the link, for "other" reports
    std::uint32_t networkOffset = 0; // where the IP header starts in the frame
};

// Supported: EN10MB (+802.1Q/802.1ad/QinQ), LINUX_SLL, LINUX_SLL2, RAW, IPV4, IPV6,
// NULL/LOOP, PPP (+HDLC framing). Anything else reports Other.
bool isSupportedLinkType(int linkType);
LinkDecodeResult decodeLinkLayer(int linkType, std::span<const std::uint8_t> frame);

} // namespace core
