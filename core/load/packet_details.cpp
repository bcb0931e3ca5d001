#include "load/packet_details.h"

#include "capture/pcap_reader.h"

namespace core {
namespace {

// Reads until packet `number`; from a recorded offset when `seekNear`, else from the start.
std::optional<PacketDetails> readFrame(const Capture& capture, PacketNumber number, std::size_t row, bool seekNear,
                                       std::string& error)
{
    auto reader = PcapReader::open(capture.path, error);
    if (!reader)
        return std::nullopt;
    const std::size_t checkpoint = (number.value - 1) / Capture::frameOffsetInterval;
    if (seekNear && checkpoint > 0 && checkpoint < capture.frameOffsets.size() &&
        !reader->seek(capture.frameOffsets[checkpoint], std::uint64_t(checkpoint) * Capture::frameOffsetInterval))
        return std::nullopt;
    RawPacket raw;
    while (reader->packetsRead() < number.value)
        if (reader->next(raw) != PcapReader::Status::Packet) {
            error = capture.path + ": packet " + std::to_string(number.value) + " is no longer in the file";
            return std::nullopt;
        }

    PacketDetails details;
    details.number = number;
    details.row = row;
    details.timeNs = raw.timeNs;
    auto frame = std::make_shared<std::vector<std::uint8_t>>(raw.bytes.begin(), raw.bytes.end());
    const RawPacket copy{*frame, raw.wireLength, raw.timeNs};
    const bool same = decodePacket(reader->linkType(), copy, details.decoded) == DecodeStatus::Tcp &&
                      raw.timeNs == capture.table.timeNs[row] &&
                      details.decoded.tcp.payloadLength == capture.table.length[row] &&
                      details.decoded.tcp.flags == capture.table.tcpFlags[row];
    if (!same) {
        error = capture.path + ": the file changed since it was loaded (packet " + std::to_string(number.value) +
                " differs)";
        return std::nullopt;
    }
    details.frame = std::move(frame);
    const TcpHeader& tcp = details.decoded.tcp;
    walkTcpOptions(tcp.options, tcp.optionsCut, [&details, &tcp](const TcpOption& option) {
        if (option.kind == tcpOptionMptcp)
            details.mptcp.push_back(decodeMptcpOption(option.bytes, tcp.flags));
    });
    details.timing = readTimingOptions(tcp);
    return details;
}

} // namespace

std::optional<PacketDetails> readPacketDetails(const Capture& capture, PacketNumber number, std::string& error)
{
    const auto row = capture.rowOf(number);
    if (!row) {
        error = "packet " + std::to_string(number.value) + " is not a TCP packet of this capture";
        return std::nullopt;
    }
    // A seek lands after blocks a fresh reader has not seen (a pcapng interface described
    // later in the file): then read from the start.
    if (auto details = readFrame(capture, number, *row, true, error))
        return details;
    return readFrame(capture, number, *row, false, error);
}

} // namespace core
