#pragma once

#include <cstdint>

namespace core::seq {

// Modular sequence arithmetic (RFC 1982 style), the one place that knows about wrap-around.

// Signed distance from `b` to `a` in 32-bit sequence space: positive when `a` is after `b`.
constexpr std::int32_t distance(std::uint32_t a, std::uint32_t b) { return std::int32_t(a - b); }

constexpr bool after(std::uint32_t a, std::uint32_t b) { return distance(a, b) > 0; }

// The 64-bit value whose low 32 bits are `low` and which lies nearest to `reference`:
// expands 32-bit DSNs and TCP sequence numbers across any number of wraps.
constexpr std::uint64_t unwrap32(std::uint64_t reference, std::uint32_t low)
{
    const auto delta = distance(low, std::uint32_t(reference));
    return reference + std::uint64_t(std::int64_t(delta));
}

} // namespace core::seq
