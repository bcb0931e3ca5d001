#pragma once

#include "decode/packet_decoder.h"

#include <array>
#include <cstdint>
#include <string>

namespace core {

struct Capture;

// How many packets of one file ended in each decoding outcome, for the `decode` logger.
class DecodeTally {
public:
    void count(DecodeStatus status) { ++m_counts[std::size_t(status)]; }
    void log(const std::string& path) const;

private:
    std::array<std::uint64_t, decodeStatusCount> m_counts{};
};

// What the assembler made of the TCP connections of a finished capture, for the `assemble` logger.
void logAssembly(const Capture& capture);

} // namespace core
