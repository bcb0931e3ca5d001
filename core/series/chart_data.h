#pragma once

#include "model/capture.h"

#include <algorithm>
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

// A packet of an original and a packet of its reinjection, by their points on the DSN chart.
struct ReinjectionLink {
    double originalX = 0;
    double originalY = 0;
    double reinjectionX = 0;
    double reinjectionY = 0;
    std::uint32_t originalPacket = 0;
    std::uint32_t reinjectionPacket = 0;
    std::uint32_t originalStream = 0;
    std::uint32_t reinjectionStream = 0;
};

struct SequenceChartData {
    std::vector<ChartSeries> subflows;             // data segments: (time, DSN − IDSN) per subflow
    ChartSeries reinjections;                      // segments carrying data another subflow's copy was the original of
    std::vector<ReinjectionLink> reinjectionLinks; // ordered by reinjectionX
    ChartSeries dataAcks;                          // the peer's data acks for this direction
    double maxY = 0;
    double minX = 0;
    double maxX = 0;
    bool fromIdsn = true; // false: the key is unknown, y counts from the lowest DSN seen − 1
};

// Goodput at time t: the new data of (t − window, t] in bits, divided by the time that
// window covers since the first data (shorter than the window near the start). Points run
// from half a window (or half the transfer) after the first data to the last data.
struct GoodputChartData {
    std::vector<ChartSeries> subflows; // new data first carried by each subflow, bit/s
    ChartSeries aggregate;             // the connection, bit/s
    double windowSeconds = 1;
    double maxY = 0;
    double firstDataX = 0; // the data's time span, seconds since the capture's first packet
    double lastDataX = 0;

    double coveredSeconds(double x) const { return std::min(windowSeconds, x - firstDataX); }
};

// New data per subflow in bins of a round width (1, 2 or 5 × 10ⁿ s) whose edges are
// multiples of that width.
struct ShareChartData {
    std::vector<std::string> names; // one per subflow
    std::vector<std::uint32_t> streams;
    std::vector<double> binStarts; // seconds
    double binWidth = 0;
    double firstDataX = 0; // the data's time span, seconds since the capture's first packet
    double lastDataX = 0;
    std::vector<std::vector<std::uint64_t>> bytes; // [subflow][bin]: new data bytes
    std::vector<std::uint64_t> totals;             // per subflow, equals firstCarriedBytes
};

// The data sequence number that counts as 0 on the chart: the IDSN when the key is known,
// else the one before the lowest DSN seen (unattached subflows).
std::uint64_t dsnBase(const Capture& capture, const MptcpConnection& connection, Direction direction);

// The (original packet, reinjection packet) pairs of `direction` whose data overlap, y = DSN − `base`;
// of the original, its first transmission, or its TCP retransmissions when the capture missed that.
std::vector<ReinjectionLink> reinjectionLinks(const Capture& capture, const MptcpConnection& connection,
                                              Direction direction, std::uint64_t base);

// MPTCP connection, one data direction.
SequenceChartData buildSequenceChart(const Capture& capture, const MptcpConnection& connection, Direction direction);
// A window of 0 (or less) follows the transfer: autoGoodputWindow of its duration.
GoodputChartData buildGoodputChart(const Capture& capture, const MptcpConnection& connection, Direction direction,
                                   double windowSeconds);
// About `bins` bins (at most that many, and more than `bins` / 2.5, plus one for alignment).
ShareChartData buildShareChart(const Capture& capture, const MptcpConnection& connection, Direction direction,
                               int bins);
double autoGoodputWindow(double durationSeconds); // round, tens of windows in the duration

// Plain TCP connection (or one subflow on its own), one direction: relative sequence numbers.
SequenceChartData buildTcpSequenceChart(const Capture& capture, TcpStreamId stream, Direction direction);
GoodputChartData buildTcpGoodputChart(const Capture& capture, TcpStreamId stream, Direction direction,
                                      double windowSeconds);

std::string subflowLabel(const Capture& capture, TcpStreamId stream); // "tcp.stream 2 10.0.0.1:5 → …"

} // namespace core
