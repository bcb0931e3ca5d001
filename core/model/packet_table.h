#pragma once

#include "model/ids.h"
#include "model/packed_columns.h"
#include "model/sparse_dsn_column.h"

#include <cstdint>
#include <vector>

namespace core {

// The frame number of each row. While every frame so far is a TCP row (the usual capture),
// a row's number is row + 1 and nothing is stored; the first frame that is not (ARP, UDP, an
// ICMP error...) turns it into a stored column.
class FrameNumberColumn {
public:
    std::uint32_t operator[](std::size_t row) const
    {
        return m_stored.empty() ? std::uint32_t(row + 1) : m_stored[row];
    }
    std::size_t size() const { return m_size; }
    ColumnIterator<FrameNumberColumn, std::uint32_t> begin() const { return {this, 0}; }
    ColumnIterator<FrameNumberColumn, std::uint32_t> end() const { return {this, size()}; }
    bool empty() const { return size() == 0; }
    std::uint32_t front() const { return (*this)[0]; }
    std::uint32_t back() const { return (*this)[size() - 1]; }
    bool stored() const { return !m_stored.empty(); }
    void reserve(std::size_t rows) { m_reservedRows = rows; }
    void push_back(std::uint32_t number);
    // The first row whose frame number is not below `number` (size() when none).
    std::size_t lowerBound(std::uint32_t number) const;
    friend bool operator==(const FrameNumberColumn& a, const FrameNumberColumn& b); // the same values

private:
    std::vector<std::uint32_t> m_stored;
    std::size_t m_size = 0;
    std::size_t m_reservedRows = 0;
};

// One row per TCP packet in file order, one vector per column, for charts and tables.
// Columns are reserved to an upper bound of the row count from the file size up front:
// untouched reserved pages never become resident, and no column is ever reallocated.
struct PacketTable {
    static constexpr std::uint64_t noDsn = SparseDsnColumn::absent;

    enum Mark : std::uint8_t {
        ServerToClient = 0x01,
        Retransmission = 0x02, // TCP-level: payload below the highest sequence already sent
        Reinjection = 0x04,    // MPTCP-level: data already sent on another subflow
        DataFin = 0x08,
        DsnUnexpanded = 0x10,     // a 32-bit DSN whose connection's IDSN is unknown: raw value
        DataAckUnexpanded = 0x20, // a 32-bit data ack whose IDSN is unknown: raw value
    };

    TimeColumn timeNs;                 // since the Unix epoch
    FrameNumberColumn packet;          // 1-based frame number
    std::vector<std::uint32_t> stream; // tcp.stream
    std::vector<std::uint8_t> tcpFlags;
    std::vector<std::uint8_t> marks;        // Mark bits
    std::vector<std::uint32_t> relativeSeq; // TCP sequence number minus the direction's ISN
    LengthColumn length;                    // TCP payload length
    SparseDsnColumn dsn;                    // 64-bit data sequence number of the payload, or noDsn
    SparseDsnColumn dataAck;                // 64-bit data ack (raw if DataAckUnexpanded), or noDsn
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
