#include "model/packet_table.h"

namespace core {

void PacketTable::reserve(std::size_t rows)
{
    timeNs.reserve(rows);
    packet.reserve(rows);
    stream.reserve(rows);
    tcpFlags.reserve(rows);
    marks.reserve(rows);
    relativeSeq.reserve(rows);
    length.reserve(rows);
    dsn.reserve(rows);
    dataAck.reserve(rows);
    relativeAck.reserve(rows);
    window.reserve(rows);
}

} // namespace core
