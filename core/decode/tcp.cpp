#include "decode/tcp.h"

#include "decode/byte_cursor.h"

#include <algorithm>

namespace core {

TcpStatus decodeTcp(std::span<const std::uint8_t> segment, std::uint32_t segmentLength, TcpHeader& out)
{
    ByteCursor cursor(segment);
    out.sourcePort = cursor.u16();
    out.destinationPort = cursor.u16();
    out.seq = cursor.u32();
    out.ack = cursor.u32();
    const std::uint8_t dataOffset = cursor.u8();
    out.flags = cursor.u8();
    out.window = cursor.u16();
    cursor.skip(4); // checksum, urgent pointer
    if (!cursor.ok())
        return TcpStatus::Truncated;

    const std::uint32_t headerLength = (dataOffset >> 4) * 4u;
    if (headerLength < 20 || headerLength > segmentLength)
        return TcpStatus::Malformed;
    out.payloadLength = segmentLength - headerLength;

    const std::size_t capturedOptions = std::min<std::size_t>(headerLength, segment.size()) - 20;
    out.options = segment.subspan(20, capturedOptions);
    out.optionsCut = capturedOptions < headerLength - 20;
    return TcpStatus::Ok;
}

} // namespace core
