#pragma once

#include "compare/connection_map.h"
#include "compare/packet_stamps.h"
#include "model/capture.h"

#include <vector>

namespace core::compare {

struct DelaySample {
    std::uint32_t senderRow = 0;   // row of the sender's capture's packet table
    std::uint32_t receiverRow = 0; // row of the receiver's capture's packet table
    double seconds = 0;            // receiver's capture time − sender's, clock offset removed when applied
};

struct DelayFigures {
    std::size_t count = 0;
    double min = 0;
    double median = 0;
    double p95 = 0; // nearest rank
    double max = 0;
};

// One direction of one matched subflow.
struct SubflowDelays {
    TcpStreamId firstStream;
    TcpStreamId secondStream;
    Direction direction = Direction::ClientToServer; // TCP direction in the first capture
    bool senderIsFirst = true;                       // the first capture is on the sending side
    std::vector<DelaySample> samples;                // by sender time
    std::vector<std::uint32_t> lostRows;             // sender's packets the receiver never captured
    std::uint64_t receivedWithoutSent = 0;           // receiver's packets with no sent copy
    DelayFigures figures;
};

// One-way delays of one MPTCP connection (or TCP connection) seen in both captures.
// Copies are matched by relative sequence number, length, SYN/FIN, relative ack and TCP
// timestamp value: a retransmission (new timestamp) is its own packet, matched to the copy
// that arrived; sent copies that never arrived are lost. Among copies that cannot be told
// apart (no timestamps), the last ones sent are taken as the ones that arrived.
// The two hosts' clocks may differ: the offset (second clock − first clock) is estimated
// from the smallest delay each way, assuming the smallest delays are equal each way. It is
// applied only when the captured times would give a negative delay; otherwise the captured
// times are trusted (same clock, or synchronised).
struct ConnectionDelays {
    std::vector<SubflowDelays> subflows; // by first stream, client → server first
    double estimatedOffsetSeconds = 0;
    bool offsetEstimated = false; // packets were matched both ways
    bool offsetApplied = false;
};

ConnectionDelays oneWayDelays(const Capture& first, const Capture& second, const std::vector<PacketStamp>& firstStamps,
                              const std::vector<PacketStamp>& secondStamps, const std::vector<TcpMatch>& subflows);

// The matched subflows of an MPTCP connection of the first capture (empty when unmatched).
std::vector<TcpMatch> matchedSubflows(const Capture& first, const CaptureMap& map, MptcpId firstId);

DelayFigures delayFigures(std::vector<double> seconds);

} // namespace core::compare
