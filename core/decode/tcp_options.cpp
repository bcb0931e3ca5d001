#include "decode/tcp_options.h"

#include "decode/byte_cursor.h"

#include <algorithm>

namespace core {

TcpTimingOptions readTimingOptions(const TcpHeader& tcp)
{
    TcpTimingOptions result;
    if (tcp.options.empty())
        return result;
    walkTcpOptions(tcp.options, tcp.optionsCut, [&result](const TcpOption& option) {
        ByteCursor cursor(option.bytes.subspan(2));
        switch (option.kind) {
        case TcpOptionKind::Timestamp:
            if (option.bytes.size() == 10) {
                result.tsval = cursor.u32();
                result.tsecr = cursor.u32();
                result.hasTimestamp = true;
            }
            break;
        case TcpOptionKind::Sack:
            if (option.bytes.size() >= 10 && (option.bytes.size() - 2) % 8 == 0) {
                while (cursor.remaining() >= 8 && result.sackCount < result.sack.size()) {
                    SackBlock& block = result.sack[result.sackCount++];
                    block.left = cursor.u32();
                    block.right = cursor.u32();
                }
            }
            break;
        case TcpOptionKind::WindowScale:
            if (option.bytes.size() == 3)
                result.windowScale = std::int8_t(std::min(cursor.u8(), maxWindowScale));
            break;
        default: break;
        }
    });
    return result;
}

} // namespace core
