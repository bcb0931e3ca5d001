#pragma once

#include "model/load_warning.h"
#include "model/mptcp_connection.h"
#include "model/packet_table.h"
#include "model/rtt.h"
#include "model/tcp_connection.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace core {

// Everything one load produced. Immutable once the loader hands it over.
struct Capture {
    std::string path;
    std::string linkTypeName;
    std::uint64_t packets = 0;    // every frame in the file
    std::uint64_t tcpPackets = 0; // frames decoded as TCP
    // Frames of other protocols (ARP, UDP, ICMPv6 neighbour discovery…): normal in any
    // capture, skipped without a warning.
    std::uint64_t nonTcpPackets = 0;
    std::int64_t firstNs = 0;
    std::int64_t lastNs = 0;
    std::vector<std::string> warnings;       // one line per kind of problem, with its count
    std::vector<LoadWarning> listedWarnings; // the same problems one by one (see WarningLog)
    std::uint64_t unlistedWarnings = 0;      // packet warnings left out of listedWarnings

    std::vector<TcpConnection> tcp;     // index == tcp.stream
    std::vector<MptcpConnection> mptcp; // ordered by id; ids may have gaps (see DESIGN.md)
    PacketTable table;
    // Grouped by connection and data direction (TcpDirectionStats::rtt), each group in the order
    // its segments were sent.
    std::vector<RttSample> rttSamples;
    // The file offset of frame 1 + k × frameOffsetInterval, to read a packet again on demand.
    static constexpr std::uint32_t frameOffsetInterval = 256;
    std::vector<std::uint64_t> frameOffsets;

    double durationSeconds() const { return double(lastNs - firstNs) / 1e9; }
    double relativeSeconds(std::int64_t ns) const { return double(ns - firstNs) / 1e9; }
    const MptcpConnection* findMptcp(MptcpId id) const;
    std::span<const RttSample> rttSamplesOf(TcpStreamId stream, Direction sender) const;
    std::optional<std::size_t> rowOf(PacketNumber packet) const; // its PacketTable row, if TCP
};

} // namespace core
