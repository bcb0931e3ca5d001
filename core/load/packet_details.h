#pragma once

#include "decode/mptcp_option.h"
#include "decode/packet_decoder.h"
#include "decode/tcp_options.h"
#include "model/capture.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace core {

// Everything one TCP packet says, read again from its file: the load keeps per packet only
// what charts and tables need, and re-reading one packet on demand costs less than keeping
// every option of every packet.
struct PacketDetails {
    PacketNumber number;
    std::size_t row = 0; // in the capture's PacketTable
    std::int64_t timeNs = 0;
    DecodedPacket decoded;          // its spans point into `frame`
    std::vector<MptcpOption> mptcp; // in option order; RemoveAddr ids point into `frame`
    TcpTimingOptions timing;
    std::shared_ptr<const std::vector<std::uint8_t>> frame; // keeps the spans valid in copies
};

// Reads packet `number` of `capture` from its file (seeking near it with Capture::frameOffsets).
// Fails with one line in `error` when the packet is not TCP or the file is gone or changed.
std::optional<PacketDetails> readPacketDetails(const Capture& capture, PacketNumber number, std::string& error);

} // namespace core
