#pragma once

#include <compare>
#include <cstdint>
#include <limits>

namespace core {

// Strong ids so a tcp.stream number is never passed where an mptcp.stream number is expected.
template <typename Tag> struct Id {
    std::uint32_t value = std::numeric_limits<std::uint32_t>::max();

    constexpr Id() = default;
    constexpr explicit Id(std::uint32_t v)
        : value(v)
    {
    }
    constexpr bool valid() const { return value != std::numeric_limits<std::uint32_t>::max(); }
    friend constexpr auto operator<=>(Id, Id) = default;
};

using TcpStreamId = Id<struct TcpStreamTag>; // Wireshark's tcp.stream
using MptcpId = Id<struct MptcpTag>;         // Wireshark's mptcp.stream
using PacketNumber = Id<struct PacketTag>;   // 1-based frame number, as Wireshark shows it

enum class Direction : std::uint8_t { ClientToServer = 0, ServerToClient = 1 };
constexpr int directionCount = 2;
constexpr int index(Direction d) { return int(d); }
constexpr Direction opposite(Direction d)
{
    return d == Direction::ClientToServer ? Direction::ServerToClient : Direction::ClientToServer;
}

} // namespace core
