#pragma once

#include "model/capture.h"
#include "series/chart_data.h"

#include <cstdint>

namespace core {

// What a TCP attribute chart can show of one connection and direction (Wireshark's tcptrace
// graph, mptcpanalyzer's tcp_attr): bits, any combination.
enum TcpAttribute : std::uint8_t {
    SequenceAttribute = 0x01,      // the sender's segments, relative sequence numbers
    AckAttribute = 0x02,           // the receiver's acknowledgements, same scale
    ReceiveWindowAttribute = 0x04, // the receiver's advertised window, bytes
    InFlightAttribute = 0x08,      // sent and not yet acknowledged, bytes
};
constexpr std::uint8_t allTcpAttributes = 0x0f;

// x: seconds since the capture's first packet. Sequence numbers are relative to the sender's
// initial sequence number and unwrapped past 2^32.
struct TcpAttributeChartData {
    ChartSeries sequence; // one point per segment that takes sequence space
    // Steps: one point per packet, and a corner before each change.
    ChartSeries acks;             // the receiver's ACKs
    ChartSeries receiveWindow;    // the receiver's packets
    ChartSeries inFlight;         // after each packet of either side, once something was sent
    bool windowScaleKnown = true; // else the windows are drawn as sent (the handshake was not seen)
    double maxSequence = 0;
    double maxBytes = 0; // of receiveWindow and inFlight
    double minX = 0;
    double maxX = 0;
};

TcpAttributeChartData buildTcpAttributeChart(const Capture& capture, TcpStreamId stream, Direction sender);

} // namespace core
