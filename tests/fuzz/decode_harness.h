#pragma once

// The body of fuzz_decode, shared with tst_fuzz_regressions so that a saved input replays
// exactly. Input layout: one selector byte, then the frame. The selector's low 6 bits pick the
// link type (modulo linkTypes.size()), its top 2 bits how the wire length relates to the
// captured length.

#include "capture/pcap_reader.h"
#include "decode/mptcp_option.h"
#include "decode/packet_decoder.h"
#include "decode/tcp.h"

#include <pcap/dlt.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>

namespace fuzzharness {

inline constexpr std::array<int, 10> linkTypes = {
    DLT_EN10MB,     DLT_LINUX_SLL, DLT_LINUX_SLL2, DLT_RAW, DLT_IPV4, DLT_IPV6, DLT_NULL, DLT_LOOP, DLT_PPP,
    DLT_IEEE802_11, // not supported: must report UnsupportedLink
};

struct DecodeInput {
    int linkType = DLT_EN10MB;
    core::RawPacket raw;
};

inline bool splitDecodeInput(std::span<const std::uint8_t> input, DecodeInput& out)
{
    if (input.empty())
        return false;
    const std::uint8_t selector = input[0];
    out.raw.bytes = input.subspan(1);
    const auto captured = std::uint32_t(out.raw.bytes.size());
    switch (selector >> 6) {
    case 0: out.raw.wireLength = captured; break;
    case 1: out.raw.wireLength = 0; break;                // nonsense record header
    case 2: out.raw.wireLength = captured + 65536; break; // cut by the snapshot length
    default: out.raw.wireLength = 0xffffffffu; break;     // absurd original length
    }
    out.linkType = linkTypes[(selector & 0x3f) % linkTypes.size()];
    return true;
}

// Reads every byte of a span, so AddressSanitizer notices a span pointing outside the input.
inline std::uint8_t touch(std::span<const std::uint8_t> bytes)
{
    std::uint8_t sum = 0;
    for (const auto byte : bytes)
        sum = std::uint8_t(sum + byte);
    return sum;
}

struct DecodeSummary {
    core::DecodeStatus status = core::DecodeStatus::Malformed;
    core::OptionWalkStatus walk = core::OptionWalkStatus::Ok;
    int tcpOptions = 0;
    int mptcpOptions = 0;
    std::uint8_t checksum = 0;
};

// Decodes the frame, walks its TCP options and decodes every MPTCP option (with the packet's
// own flags and as a SYN and a SYN/ACK, for the flag-dependent MP_JOIN layouts).
inline DecodeSummary runDecode(const DecodeInput& input)
{
    DecodeSummary summary;
    core::DecodedPacket decoded;
    summary.status = core::decodePacket(input.linkType, input.raw, decoded);
    (void)core::describe(summary.status);
    if (summary.status != core::DecodeStatus::Tcp)
        return summary;

    std::uint8_t sum = touch(decoded.tcp.options);
    const std::uint8_t flags = decoded.tcp.flags;
    summary.walk = core::walkTcpOptions(decoded.tcp.options, decoded.tcp.optionsCut,
                                        [&](const core::TcpOption& option) {
        ++summary.tcpOptions;
        sum = std::uint8_t(sum + touch(option.bytes));
        if (option.kind != core::tcpOptionMptcp)
            return;
        ++summary.mptcpOptions;
        for (const std::uint8_t tcpFlags :
             {flags, std::uint8_t(core::TcpFlag::Syn), std::uint8_t(core::TcpFlag::Syn | core::TcpFlag::Ack)}) {
            const core::MptcpOption mptcp = core::decodeMptcpOption(option.bytes, tcpFlags);
            if (const auto* remove = std::get_if<core::RemoveAddr>(&mptcp))
                sum = std::uint8_t(sum + touch(remove->addressIds));
            if (const auto* add = std::get_if<core::AddAddr>(&mptcp))
                sum = std::uint8_t(sum + std::uint8_t(add->address.toString().size()));
        }
    });
    summary.checksum = sum;
    return summary;
}

} // namespace fuzzharness
