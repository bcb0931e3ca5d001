#pragma once

#include "decode/tcp.h"

#include <array>
#include <cstdint>

namespace core {

namespace TcpOptionKind {
constexpr std::uint8_t WindowScale = 3;
constexpr std::uint8_t Sack = 5;
constexpr std::uint8_t Timestamp = 8;
} // namespace TcpOptionKind

struct SackBlock {
    std::uint32_t left = 0;  // first sequence number received
    std::uint32_t right = 0; // sequence number after the last one received
};

// The options that tell when and what a TCP peer received: timestamps (RFC 7323), SACK blocks
// (RFC 2018) and the window scale a SYN offers.
struct TcpTimingOptions {
    bool hasTimestamp = false;
    std::uint32_t tsval = 0;
    std::uint32_t tsecr = 0;
    std::uint8_t sackCount = 0;
    std::array<SackBlock, 4> sack{};
    std::int8_t windowScale = -1; // the shift a SYN offers, -1 without the option
};

// Reads the options of one segment; malformed or cut options are skipped, never trusted.
TcpTimingOptions readTimingOptions(const TcpHeader& tcp);

// RFC 7323 §2.3: a shift above 14 is used as 14.
constexpr std::uint8_t maxWindowScale = 14;

} // namespace core
