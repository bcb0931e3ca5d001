#include "compare/packet_stamps.h"

#include "capture/pcap_reader.h"
#include "decode/packet_decoder.h"

namespace core::compare {
namespace {

constexpr std::uint8_t timestampOption = 8;
constexpr std::size_t timestampOptionLength = 10;

PacketStamp stampOf(const TcpHeader& tcp)
{
    PacketStamp stamp;
    stamp.ack = tcp.ack;
    walkTcpOptions(tcp.options, tcp.optionsCut, [&](const TcpOption& option) {
        if (option.kind == timestampOption && option.bytes.size() == timestampOptionLength) {
            stamp.tsval = std::uint32_t(option.bytes[2]) << 24 | std::uint32_t(option.bytes[3]) << 16 |
                          std::uint32_t(option.bytes[4]) << 8 | std::uint32_t(option.bytes[5]);
            stamp.hasTsval = true;
        }
    });
    return stamp;
}

} // namespace

std::optional<std::vector<PacketStamp>> readPacketStamps(const std::string& path, std::string& error)
{
    const auto reader = PcapReader::open(path, error);
    if (!reader)
        return std::nullopt;
    std::vector<PacketStamp> stamps;
    RawPacket raw;
    DecodedPacket decoded;
    for (;;) {
        const auto status = reader->next(raw);
        if (status == PcapReader::Status::Error) {
            error = reader->error();
            return std::nullopt;
        }
        if (status != PcapReader::Status::Packet)
            break;
        stamps.push_back(decodePacket(reader->linkType(), raw, decoded) == DecodeStatus::Tcp ? stampOf(decoded.tcp)
                                                                                             : PacketStamp{});
    }
    return stamps;
}

} // namespace core::compare
