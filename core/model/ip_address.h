#pragma once

#include <array>
#include <bit>
#include <compare>
#include <cstdint>
#include <cstring>
#include <functional>
#include <string>

namespace core {

// An IPv4 or IPv6 address by value (IPv4 in the first four bytes).
struct IpAddress {
    std::array<std::uint8_t, 16> bytes{};
    bool isV6 = false;

    static IpAddress v4(std::uint32_t hostOrder);
    // Inline, and built from two words: the decoder makes two per packet, and a copy made
    // of a zeroed array and a 4-byte store stalled on store forwarding.
    static IpAddress fromBytes(const std::uint8_t* data, bool isV6)
    {
        std::uint64_t low = 0;
        std::uint64_t high = 0;
        if (isV6) {
            std::memcpy(&low, data, 8);
            std::memcpy(&high, data + 8, 8);
        } else {
            std::memcpy(&low, data, 4);
        }
        IpAddress address;
        std::memcpy(address.bytes.data(), &low, 8);
        std::memcpy(address.bytes.data() + 8, &high, 8);
        address.isV6 = isV6;
        return address;
    }

    std::string toString() const;

    // The bytes as two big-endian words: comparing them orders addresses as their bytes do,
    // without the memcmp calls that comparing the arrays costs on every packet.
    std::uint64_t word(std::size_t index) const
    {
        const std::uint64_t value = nativeWord(index);
        if constexpr (std::endian::native == std::endian::little)
            return __builtin_bswap64(value);
        return value;
    }
    std::uint64_t nativeWord(std::size_t index) const
    {
        std::uint64_t value;
        std::memcpy(&value, bytes.data() + 8 * index, sizeof value);
        return value;
    }

    friend std::strong_ordering operator<=>(const IpAddress& a, const IpAddress& b)
    {
        if (const auto order = a.word(0) <=> b.word(0); order != 0)
            return order;
        if (const auto order = a.word(1) <=> b.word(1); order != 0)
            return order;
        return a.isV6 <=> b.isV6;
    }
    friend bool operator==(const IpAddress& a, const IpAddress& b)
    {
        return a.nativeWord(0) == b.nativeWord(0) && a.nativeWord(1) == b.nativeWord(1) && a.isV6 == b.isV6;
    }
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
