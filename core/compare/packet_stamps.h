#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace core::compare {

// What tells two copies of a TCP segment apart beyond sequence number and length, which the
// packet table does not keep: the acknowledgment number and the TCP timestamp value (a
// retransmission carries a new one).
struct PacketStamp {
    std::uint32_t ack = 0;
    std::uint32_t tsval = 0;
    bool hasTsval = false;
};

// One stamp per frame of the file, index = frame number − 1 (frames that are not TCP keep the
// default). Null, with `error` set, when the file cannot be read.
std::optional<std::vector<PacketStamp>> readPacketStamps(const std::string& path, std::string& error);

} // namespace core::compare
