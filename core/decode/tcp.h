#pragma once

#include <cstdint>
#include <span>

namespace core {

namespace TcpFlag {
constexpr std::uint8_t Fin = 0x01;
constexpr std::uint8_t Syn = 0x02;
constexpr std::uint8_t Rst = 0x04;
constexpr std::uint8_t Psh = 0x08;
constexpr std::uint8_t Ack = 0x10;
} // namespace TcpFlag

enum class TcpStatus : std::uint8_t { Ok, Truncated, Malformed };

struct TcpHeader {
    std::uint16_t sourcePort = 0;
    std::uint16_t destinationPort = 0;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = 0;
    std::uint16_t window = 0;
    std::uint32_t payloadLength = 0;       // from the IP length, not the capture
    std::span<const std::uint8_t> options; // the captured part of the option area
    bool optionsCut = false;               // the snapshot length cut the option area
};

// `segmentLength` is the TCP segment's length according to the IP header.
TcpStatus decodeTcp(std::span<const std::uint8_t> segment, std::uint32_t segmentLength, TcpHeader& out);

struct TcpOption {
    std::uint8_t kind = 0;
    std::span<const std::uint8_t> bytes; // the whole option, kind and length included
};

enum class OptionWalkStatus : std::uint8_t { Ok, Cut, Malformed };

// Walks an option area; `visit(const TcpOption&)` is called for every option except EOL/NOP.
// Stops at EOL, at a bad length (Malformed) or at an option running past the captured bytes
// (Cut when the capture was cut, Malformed when the header itself says it is longer); on Cut,
// `cutAt` (when given) receives the offset of the option that was cut.
template <typename Visitor>
OptionWalkStatus walkTcpOptions(std::span<const std::uint8_t> options, bool optionsCut, Visitor&& visit,
                                std::size_t* cutAt = nullptr)
{
    std::size_t offset = 0;
    while (offset < options.size()) {
        const std::uint8_t kind = options[offset];
        if (kind == 0)
            return OptionWalkStatus::Ok;
        if (kind == 1) {
            ++offset;
            continue;
        }
        if (offset + 1 >= options.size() || offset + options[offset + 1] > options.size()) {
            if (offset + 1 < options.size() && options[offset + 1] < 2)
                return OptionWalkStatus::Malformed;
            if (!optionsCut)
                return OptionWalkStatus::Malformed;
            if (cutAt)
                *cutAt = offset;
            return OptionWalkStatus::Cut;
        }
        const std::uint8_t length = options[offset + 1];
        if (length < 2)
            return OptionWalkStatus::Malformed;
        visit(TcpOption{kind, options.subspan(offset, length)});
        offset += length;
    }
    return optionsCut ? OptionWalkStatus::Cut : OptionWalkStatus::Ok;
}

} // namespace core
