#pragma once

#include "model/capture.h"

#include <cstdint>
#include <string>
#include <vector>

namespace core {

// One plotted line or point cloud at full resolution, x ascending. The per-point packet
// number and length let a hover find the real packet behind any drawn point.
struct ChartSeries {
    std::string name;
    std::uint32_t stream = 0; // tcp.stream, for colour and legend
    std::vector<double> x;    // seconds since the capture's first packet
    std::vector<double> y;
    std::vector<std::uint32_t> packet;
    std::vector<std::uint32_t> length;

    std::size_t size() const { return x.size(); }
    void sortByX(); // captures from several interfaces are not always in time order
};

struct SequenceChartData {
    std::vector<ChartSeries> subflows;  // data segments: (time, DSN − IDSN) per subflow
    ChartSeries reinjections;           // segments whose data another subflow carried first
    ChartSeries dataAcks;               // the peer's data acks for this direction
    double maxY = 0;
    double minX = 0;
    double maxX = 0;
};

struct GoodputChartData {
    std::vector<ChartSeries> subflows; // new data first carried by each subflow, bit/s
    ChartSeries aggregate;             // the connection, bit/s
    double windowSeconds = 1;
    double maxY = 0;
};

struct ShareChartData {
    std::vector<std::string> names;               // one per subflow
    std::vector<std::uint32_t> streams;
    std::vector<double> binStarts;                // seconds
    double binWidth = 0;
    std::vector<std::vector<std::uint64_t>> bytes; // [subflow][bin]: new data bytes
    std::vector<std::uint64_t> totals;            // per subflow, equals firstCarriedBytes
};

// MPTCP connection, one data direction.
SequenceChartData buildSequenceChart(const Capture& capture, const MptcpConnection& connection, Direction direction);
GoodputChartData buildGoodputChart(const Capture& capture, const MptcpConnection& connection, Direction direction,
                                   double windowSeconds);
ShareChartData buildShareChart(const Capture& capture, const MptcpConnection& connection, Direction direction,
                               int bins);

// Plain TCP connection (or one subflow on its own), one direction: relative sequence numbers.
SequenceChartData buildTcpSequenceChart(const Capture& capture, TcpStreamId stream, Direction direction);
GoodputChartData buildTcpGoodputChart(const Capture& capture, TcpStreamId stream, Direction direction,
                                      double windowSeconds);

std::string subflowLabel(const Capture& capture, TcpStreamId stream); // "tcp.stream 2 10.0.0.1:5 → …"

} // namespace core
