#pragma once

#include "model/ids.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace core {

// One row per TCP packet in file order, one vector per column, for charts and tables.
// Columns are reserved to an upper bound of the row count from the file size up front:
// untouched reserved pages never become resident, and no column is ever reallocated.
struct PacketTable {
    static constexpr std::uint64_t noDsn = std::numeric_limits<std::uint64_t>::max();

    enum Mark : std::uint8_t {
        ServerToClient = 0x01,
        Retransmission = 0x02, // TCP-level: payload below the highest sequence already sent
        Reinjection = 0x04,    // MPTCP-level: data already sent on another subflow
        DataFin = 0x08,
        DsnUnexpanded = 0x10,     // a 32-bit DSN whose connection's IDSN is unknown: raw value
        DataAckUnexpanded = 0x20, // a 32-bit data ack whose IDSN is unknown: raw value
    };

    std::vector<std::int64_t> timeNs;  // since the Unix epoch
    std::vector<std::uint32_t> packet; // 1-based frame number
    std::vector<std::uint32_t> stream; // tcp.stream
    std::vector<std::uint8_t> tcpFlags;
    std::vector<std::uint8_t> marks;        // Mark bits
    std::vector<std::uint32_t> relativeSeq; // TCP sequence number minus the direction's ISN
    std::vector<std::uint32_t> length;      // TCP payload length
    std::vector<std::uint64_t> dsn;         // 64-bit data sequence number of the payload, or noDsn
    std::vector<std::uint64_t> dataAck;     // 64-bit data ack (raw if DataAckUnexpanded), or noDsn
    std::vector<std::uint32_t> relativeAck; // TCP ack minus the peer's ISN (when the Ack flag is set)
    std::vector<std::uint16_t> window;      // advertised window as sent, before scaling

    std::size_t size() const { return timeNs.size(); }
    // The TCP direction of a row (client → server is the side that sent the first SYN).
    Direction tcpDirection(std::size_t row) const
    {
        return (marks[row] & ServerToClient) ? Direction::ServerToClient : Direction::ClientToServer;
    }
    void reserve(std::size_t rows);
};

} // namespace core
