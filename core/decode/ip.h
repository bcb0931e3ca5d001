#pragma once

#include "decode/link_layer.h"
#include "model/ip_address.h"

#include <cstdint>
#include <span>

namespace core {

enum class IpStatus : std::uint8_t { Ok, Malformed, Fragment, Truncated };

struct IpHeader {
    IpAddress source;
    IpAddress destination;
    std::uint8_t transportProtocol = 0; // after IPv6 extension headers
    std::uint32_t transportOffset = 0;  // from the start of the IP header
    std::uint32_t transportLength = 0;  // from the IP header's length fields, not the capture
};

// `wireLength` is the original length of the IP packet, used only when the header's own
// length is zero (TSO/BIG TCP super-segments, IPv6 jumbograms).
IpStatus decodeIp(NetworkProtocol protocol, std::span<const std::uint8_t> packet, std::uint32_t wireLength,
                  IpHeader& out);

} // namespace core
