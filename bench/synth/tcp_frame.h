#pragma once

#include "synth/frame.h"

#include "decode/mptcp_option.h"
#include "model/ip_address.h"

#include <cstdint>
#include <optional>
#include <vector>

// Where the fields of a TCP frame are, so that they can be rewritten in place. A rewritten
// copy keeps the layout of its original, so one parse serves every copy.
namespace synth {

struct MptcpOptionRef {
    std::uint32_t offset = 0; // of the option's kind byte, from the start of the frame
    std::uint8_t length = 0;
    core::MptcpSubtype subtype = core::MptcpSubtype::Dss;
};

struct TcpFrame {
    bool ipv6 = false;
    std::uint32_t ipOffset = 0;
    std::uint32_t tcpOffset = 0;
    std::uint32_t tcpHeaderLength = 0;
    std::uint32_t segmentLength = 0; // TCP header and payload, from the IP header
    core::Endpoint source;
    core::Endpoint destination;
    std::uint8_t flags = 0;
    std::uint32_t timestampOffset = 0;      // of TSval; 0 without a timestamp option
    std::vector<std::uint32_t> sackOptions; // offsets of SACK options' kind bytes
    std::vector<MptcpOptionRef> mptcp;

    std::uint32_t payloadLength() const { return segmentLength - tcpHeaderLength; }
    std::uint32_t sourceAddressOffset() const { return ipOffset + (ipv6 ? 8 : 12); }
    std::uint32_t destinationAddressOffset() const { return ipOffset + (ipv6 ? 24 : 16); }
    std::uint32_t addressLength() const { return ipv6 ? 16 : 4; }
    std::uint32_t seqOffset() const { return tcpOffset + 4; }
    std::uint32_t ackOffset() const { return tcpOffset + 8; }
    std::uint32_t checksumOffset() const { return tcpOffset + 16; }
    // Whether the capture holds the whole segment (then its checksum can be computed afresh).
    bool wholeSegment(const Frame& frame) const { return frame.bytes.size() >= tcpOffset + segmentLength; }
};

// Null for frames that are not complete-header, unfragmented TCP over IPv4/IPv6.
std::optional<TcpFrame> parseTcpFrame(int linkType, const Frame& frame);

// One's complement sum of the pseudo-header's addresses and the TCP header (checksum field
// counted as zero): what a rewrite of headers changes in the checksum.
std::uint32_t headerSum(const Frame& frame, const TcpFrame& tcp);
// Brings the TCP checksum up to date after a rewrite of headers only, from the sum before it.
void updateTcpChecksum(Frame& frame, const TcpFrame& tcp, std::uint32_t headerSumBefore);
// Computes the TCP checksum afresh; the frame must hold the whole segment.
void computeTcpChecksum(Frame& frame, const TcpFrame& tcp);
void computeIpv4HeaderChecksum(Frame& frame, const TcpFrame& tcp);
// Both checksums after a rewrite: computed afresh when the frame holds the whole segment,
// else updated from the header sum before the rewrite.
void updateChecksums(Frame& frame, const TcpFrame& tcp, std::uint32_t headerSumBefore);

} // namespace synth
