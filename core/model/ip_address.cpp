#include "model/ip_address.h"

#include <arpa/inet.h>

#include <cstring>

namespace core {

IpAddress IpAddress::v4(std::uint32_t hostOrder)
{
    IpAddress address;
    address.bytes[0] = std::uint8_t(hostOrder >> 24);
    address.bytes[1] = std::uint8_t(hostOrder >> 16);
    address.bytes[2] = std::uint8_t(hostOrder >> 8);
    address.bytes[3] = std::uint8_t(hostOrder);
    return address;
}

std::string IpAddress::toString() const
{
    char text[INET6_ADDRSTRLEN] = {};
    inet_ntop(isV6 ? AF_INET6 : AF_INET, bytes.data(), text, sizeof text);
    return text;
}

std::string Endpoint::toString() const
{
    const std::string host = address.toString();
    return (address.isV6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

std::size_t hashValue(const IpAddress& address)
{
    // A multiply-xorshift mix of the two words: as good a spread as hashing the bytes, cheaper.
    std::uint64_t hash = address.nativeWord(0) * 0x9e3779b97f4a7c15ULL;
    hash = (hash ^ (hash >> 32) ^ address.nativeWord(1)) * 0x9e3779b97f4a7c15ULL;
    return std::size_t(hash ^ (hash >> 29) ^ std::uint64_t(address.isV6));
}

} // namespace core
