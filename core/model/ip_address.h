#pragma once

#include <array>
#include <compare>
#include <cstdint>
#include <functional>
#include <string>

namespace core {

// An IPv4 or IPv6 address by value (IPv4 in the first four bytes).
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool isV6 = false;

    static IpAddress v4(std::uint32_t hostOrder);
    static IpAddress fromBytes(const std::uint8_t* data, bool isV6);

    std::string toString() const;

    friend auto operator<=>(const IpAddress&, const IpAddress&) = default;
    friend bool operator==(const IpAddress&, const IpAddress&) = default;
};

struct Endpoint {
    IpAddress address;
    std::uint16_t port = 0;

    std::string toString() const; // "10.0.0.1:80", "[fd00::1]:80"

    friend auto operator<=>(const Endpoint&, const Endpoint&) = default;
    friend bool operator==(const Endpoint&, const Endpoint&) = default;
};

std::size_t hashValue(const IpAddress& address);

} // namespace core

template <> struct std::hash<core::IpAddress> {
    std::size_t operator()(const core::IpAddress& a) const noexcept { return core::hashValue(a); }
};
