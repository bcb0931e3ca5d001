#pragma once

#include "decode/ip.h"
#include "decode/tcp.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace core {

struct RawPacket;

enum class DecodeStatus : std::uint8_t {
    Tcp,             // `ip` and `tcp` are filled
    IcmpQuotedTcp,   // an ICMP error quoting a TCP header: `ip` and the ports of `tcp` are the quoted packet's
    NotIp,           // a link-layer protocol other than IPv4/IPv6
    NotTcp,          // IP, but another transport
    Fragment,        // an IP fragment: no TCP header to read
    UnsupportedLink, // a link type we do not decode
    Malformed,       // headers contradict themselves
    Truncated,       // the snapshot length cut the headers before the TCP fixed header ended
};
inline constexpr std::size_t decodeStatusCount = std::size_t(DecodeStatus::Truncated) + 1; // keep last

struct DecodedPacket {
    IpHeader ip;
    TcpHeader tcp;
};

DecodeStatus decodePacket(int linkType, const RawPacket& raw, DecodedPacket& out);

const char* describe(DecodeStatus status);

} // namespace core
