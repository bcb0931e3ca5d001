#include "synth/tcp_frame.h"

#include "capture/pcap_reader.h"
#include "decode/packet_decoder.h"

namespace synth {
namespace {

constexpr std::uint8_t optionTimestamp = 8;
constexpr std::uint8_t optionSack = 5;
constexpr std::uint32_t tcpProtocol = 6;

std::uint32_t onesSum(const std::uint8_t* p, std::size_t n, std::uint32_t sum = 0)
{
    for (std::size_t i = 0; i + 1 < n; i += 2)
        sum += get16(p + i);
    if (n % 2)
        sum += std::uint32_t(p[n - 1]) << 8;
    return sum;
}

std::uint16_t fold(std::uint32_t sum)
{
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return std::uint16_t(sum);
}

} // namespace

std::optional<TcpFrame> parseTcpFrame(int linkType, const Frame& frame)
{
    core::RawPacket raw;
    raw.bytes = frame.bytes;
    raw.wireLength = frame.wireLength;
    core::DecodedPacket decoded;
    if (core::decodePacket(linkType, raw, decoded) != core::DecodeStatus::Tcp || decoded.tcp.optionsCut)
        return std::nullopt;

    TcpFrame tcp;
    const auto link = core::decodeLinkLayer(linkType, frame.bytes);
    tcp.ipv6 = decoded.ip.source.isV6;
    tcp.ipOffset = link.networkOffset;
    tcp.tcpOffset = link.networkOffset + decoded.ip.transportOffset;
    tcp.segmentLength = decoded.ip.transportLength;
    tcp.tcpHeaderLength = std::uint32_t(decoded.tcp.options.size()) + 20;
    tcp.source = {decoded.ip.source, decoded.tcp.sourcePort};
    tcp.destination = {decoded.ip.destination, decoded.tcp.destinationPort};
    tcp.flags = decoded.tcp.flags;
    core::walkTcpOptions(decoded.tcp.options, false, [&](const core::TcpOption& option) {
        const auto offset = std::uint32_t(option.bytes.data() - frame.bytes.data());
        if (option.kind == optionTimestamp && option.bytes.size() == 10)
            tcp.timestampOffset = offset + 2;
        else if (option.kind == optionSack)
            tcp.sackOptions.push_back(offset);
        else if (option.kind == core::tcpOptionMptcp && option.bytes.size() >= 3)
            tcp.mptcp.push_back({offset, std::uint8_t(option.bytes.size()), core::MptcpSubtype(option.bytes[2] >> 4)});
    });
    return tcp;
}

std::uint32_t headerSum(const Frame& frame, const TcpFrame& tcp)
{
    const std::uint8_t* bytes = frame.bytes.data();
    std::uint32_t sum = onesSum(bytes + tcp.sourceAddressOffset(), 2 * tcp.addressLength());
    sum = onesSum(bytes + tcp.tcpOffset, 16, sum); // up to the checksum field
    return onesSum(bytes + tcp.tcpOffset + 18, tcp.tcpHeaderLength - 18, sum);
}

void updateTcpChecksum(Frame& frame, const TcpFrame& tcp, std::uint32_t headerSumBefore)
{
    // RFC 1624: the payload's share of the sum is what the old checksum leaves once the old
    // headers are taken out; the new headers go in.
    std::uint8_t* field = frame.bytes.data() + tcp.checksumOffset();
    const std::uint32_t sum = std::uint32_t(std::uint16_t(~get16(field))) + std::uint16_t(~fold(headerSumBefore)) +
                              fold(headerSum(frame, tcp));
    put16(field, std::uint16_t(~fold(sum)));
}

void computeTcpChecksum(Frame& frame, const TcpFrame& tcp)
{
    std::uint8_t* bytes = frame.bytes.data();
    put16(bytes + tcp.checksumOffset(), 0);
    std::uint32_t sum = onesSum(bytes + tcp.sourceAddressOffset(), 2 * tcp.addressLength());
    sum += tcpProtocol;
    sum += tcp.segmentLength & 0xffff;
    sum += tcp.segmentLength >> 16;
    sum = onesSum(bytes + tcp.tcpOffset, tcp.segmentLength, sum);
    put16(bytes + tcp.checksumOffset(), std::uint16_t(~fold(sum)));
}

void computeIpv4HeaderChecksum(Frame& frame, const TcpFrame& tcp)
{
    if (tcp.ipv6)
        return;
    std::uint8_t* ip = frame.bytes.data() + tcp.ipOffset;
    const std::uint32_t headerLength = (ip[0] & 0x0f) * 4u;
    put16(ip + 10, 0);
    put16(ip + 10, std::uint16_t(~fold(onesSum(ip, headerLength))));
}

void updateChecksums(Frame& frame, const TcpFrame& tcp, std::uint32_t headerSumBefore)
{
    computeIpv4HeaderChecksum(frame, tcp);
    if (tcp.wholeSegment(frame))
        computeTcpChecksum(frame, tcp);
    else
        updateTcpChecksum(frame, tcp, headerSumBefore);
}

} // namespace synth
