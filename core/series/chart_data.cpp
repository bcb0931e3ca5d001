#include "series/chart_data.h"

#include "metrics/data_coverage.h"
#include "metrics/reinjections.h"
#include "model/seq.h"
#include "series/round_interval.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <tuple>
#include <utility>

namespace core {
namespace {

struct DataEvent {
    double time;
    std::uint64_t bytes;
};

bool hasDsn(const PacketTable& table, std::size_t row)
{
    return table.dsn[row] != PacketTable::noDsn && !(table.marks[row] & PacketTable::DsnUnexpanded);
}

void append(ChartSeries& series, double x, double y, std::uint32_t packet, std::uint32_t length)
{
    series.x.push_back(x);
    series.y.push_back(y);
    series.packet.push_back(packet);
    series.length.push_back(length);
}

// Where each tcp.stream sits in the connection: subflow index and whether it is reversed.
struct Slots {
    std::vector<int> subflow; // by tcp.stream, -1 when not part of the connection
    std::vector<bool> reversed;
};

Slots slotsOf(const Capture& capture, const MptcpConnection& connection)
{
    Slots slots{std::vector<int>(capture.tcp.size(), -1), std::vector<bool>(capture.tcp.size(), false)};
    for (std::size_t i = 0; i < connection.subflowStats.size(); ++i) {
        const auto stream = connection.subflowStats[i].stream.value;
        slots.subflow[stream] = int(i);
        slots.reversed[stream] = connection.subflowStats[i].reversed;
    }
    return slots;
}

// Calls `visit(row, subflowIndex, newBytes)` for each data packet of `direction` that carried
// data no packet before it had carried (retransmissions and reinjections add nothing). Bytes
// whose original another subflow sent (the capture saw a reinjection first) go to that
// subflow, as in the connection's firstCarriedBytes.
template <typename Visitor>
void forEachNewData(const Capture& capture, const MptcpConnection& connection, const Slots& slots, Direction direction,
                    Visitor&& visit)
{
    const PacketTable& table = capture.table;
    const std::vector<ShareTransfer>& transfers = connection.shareTransfers;
    std::size_t transfer = 0;
    DataCoverage coverage;
    for (std::size_t row = 0; row < table.size(); ++row) {
        const int s = slots.subflow[table.stream[row]];
        if (s < 0 || table.length[row] == 0 || !hasDsn(table, row))
            continue;
        const Direction tcpDirection = table.tcpDirection(row);
        const Direction side = slots.reversed[table.stream[row]] ? opposite(tcpDirection) : tcpDirection;
        if (side != direction)
            continue;
        const auto added = coverage.add(table.dsn[row], table.dsn[row] + table.length[row], std::uint32_t(s));
        std::uint64_t own = added.newBytes;
        while (transfer < transfers.size() && transfers[transfer].row < row)
            ++transfer;
        for (; transfer < transfers.size() && transfers[transfer].row == row; ++transfer) {
            const std::uint64_t moved = std::min(own, transfers[transfer].bytes);
            own -= moved;
            if (moved > 0)
                visit(row, std::size_t(transfers[transfer].subflowIndex), moved);
        }
        if (own > 0)
            visit(row, std::size_t(s), own);
    }
}

} // namespace

std::uint64_t dsnBase(const Capture& capture, const MptcpConnection& connection, Direction direction)
{
    const Slots slots = slotsOf(capture, connection);
    const MptcpKeyInfo& key = direction == Direction::ClientToServer ? connection.client : connection.server;
    if (key.key)
        return key.idsn;
    std::uint64_t lowest = PacketTable::noDsn;
    const PacketTable& table = capture.table;
    for (std::size_t row = 0; row < table.size(); ++row) {
        const int s = slots.subflow[table.stream[row]];
        if (s < 0 || !hasDsn(table, row))
            continue;
        const Direction tcpDirection = table.tcpDirection(row);
        const Direction side = slots.reversed[table.stream[row]] ? opposite(tcpDirection) : tcpDirection;
        if (side == direction)
            lowest = std::min(lowest, table.dsn[row]);
    }
    return lowest == PacketTable::noDsn ? 0 : lowest - 1;
}

namespace {

std::vector<ChartSeries> subflowSeries(const Capture& capture, const MptcpConnection& connection)
{
    std::vector<ChartSeries> result(connection.subflowStats.size());
    for (std::size_t i = 0; i < result.size(); ++i) {
        result[i].stream = connection.subflowStats[i].stream.value;
        result[i].name = subflowLabel(capture, connection.subflowStats[i].stream);
    }
    return result;
}

// Samples the new data of (t − window, t] × 8 / the time that window covers since `from`, on
// a regular grid from half a window (at most half the span) after `from` up to `to`: before
// that the covered time is too short for a rate (a first burst over microseconds).
void slidingRate(const std::vector<DataEvent>& events, double window, double from, double to, ChartSeries& out,
                 double& maxY)
{
    if (events.empty() || !(window > 0) || !std::isfinite(window) || !(to > from))
        return;
    const double span = to - from;
    const double step = std::max(std::min(window, span) / 10.0, span / 4000.0);
    std::size_t head = 0; // first event inside the window
    std::size_t tail = 0; // first event after t
    std::uint64_t sum = 0;
    const auto sample = [&](double t) {
        while (tail < events.size() && events[tail].time <= t)
            sum += events[tail++].bytes;
        while (head < tail && events[head].time <= t - window)
            sum -= events[head++].bytes;
        const double rate = double(sum) * 8.0 / std::min(window, t - from);
        append(out, t, rate, 0, 0);
        maxY = std::max(maxY, rate);
    };
    const double firstOffset = std::min(window, span) / 2;
    for (auto i = std::int64_t(std::ceil(firstOffset / step - 1e-9));; ++i) {
        const double t = from + double(i) * step;
        if (t >= to - step * 1e-6) {
            sample(to);
            break;
        }
        sample(t);
    }
}

} // namespace

void ChartSeries::sortByX()
{
    if (std::is_sorted(x.begin(), x.end()))
        return;
    std::vector<std::size_t> order(x.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    const auto permute = [&order](auto& column) {
        auto copy = column;
        for (std::size_t i = 0; i < order.size(); ++i)
            column[i] = copy[order[i]];
    };
    permute(x);
    permute(y);
    permute(packet);
    permute(length);
}

std::string subflowLabel(const Capture& capture, TcpStreamId stream)
{
    const auto& tcp = capture.tcp[stream.value];
    return "tcp.stream " + std::to_string(stream.value) + "  " + tcp.client.toString() + " → " + tcp.server.toString();
}

std::vector<ReinjectionLink> reinjectionLinks(const Capture& capture, const MptcpConnection& connection,
                                              Direction direction, std::uint64_t base)
{
    const PacketTable& table = capture.table;
    const auto pointOf = [&](std::uint32_t row) {
        return std::pair{capture.relativeSeconds(table.timeNs[row]), double(table.dsn[row] - base)};
    };
    const auto retransmitted = [&table](std::uint32_t row) {
        return bool(table.marks[row] & PacketTable::Retransmission);
    };
    std::vector<ReinjectionLink> result;
    for (const auto& reinjection : connection.reinjections) {
        if (reinjection.direction != direction)
            continue;
        auto pairs = reinjectionPairs(table, reinjection);
        // A reinjection links to the original's first transmission; to its TCP retransmissions
        // only when the capture missed the first one.
        std::vector<std::uint32_t> withFirstTransmission;
        for (const auto& pair : pairs)
            if (!retransmitted(pair.originalRow))
                withFirstTransmission.push_back(pair.reinjectionRow);
        std::sort(withFirstTransmission.begin(), withFirstTransmission.end());
        std::erase_if(pairs, [&](const ReinjectionPair& pair) {
            return retransmitted(pair.originalRow) &&
                   std::binary_search(withFirstTransmission.begin(), withFirstTransmission.end(), pair.reinjectionRow);
        });
        for (const auto& pair : pairs) {
            ReinjectionLink link;
            std::tie(link.originalX, link.originalY) = pointOf(pair.originalRow);
            std::tie(link.reinjectionX, link.reinjectionY) = pointOf(pair.reinjectionRow);
            link.originalPacket = table.packet[pair.originalRow];
            link.reinjectionPacket = table.packet[pair.reinjectionRow];
            link.originalStream = table.stream[pair.originalRow];
            link.reinjectionStream = table.stream[pair.reinjectionRow];
            result.push_back(link);
        }
    }
    std::stable_sort(result.begin(), result.end(), [](const ReinjectionLink& a, const ReinjectionLink& b) {
        return a.reinjectionX < b.reinjectionX;
    });
    return result;
}

SequenceChartData buildSequenceChart(const Capture& capture, const MptcpConnection& connection, Direction direction)
{
    SequenceChartData result;
    result.subflows = subflowSeries(capture, connection);
    const Slots slots = slotsOf(capture, connection);
    const std::uint64_t base = dsnBase(capture, connection, direction);
    result.fromIdsn = (direction == Direction::ClientToServer ? connection.client : connection.server).key.has_value();
    const PacketTable& table = capture.table;
    std::uint64_t highestAck = PacketTable::noDsn;

    for (std::size_t row = 0; row < table.size(); ++row) {
        const int s = slots.subflow[table.stream[row]];
        if (s < 0)
            continue;
        const Direction tcpDirection = table.tcpDirection(row);
        const Direction side = slots.reversed[table.stream[row]] ? opposite(tcpDirection) : tcpDirection;
        const double t = capture.relativeSeconds(table.timeNs[row]);
        if (side == direction && table.length[row] > 0 && hasDsn(table, row)) {
            const double y = double(table.dsn[row] - base);
            append(result.subflows[std::size_t(s)], t, y, table.packet[row], table.length[row]);
            if (table.marks[row] & PacketTable::Reinjection)
                append(result.reinjections, t, y, table.packet[row], table.length[row]);
            result.maxY = std::max(result.maxY, y + table.length[row]);
        } else if (side != direction && table.dataAck[row] != PacketTable::noDsn &&
                   !(table.marks[row] & PacketTable::DataAckUnexpanded)) {
            // The data ack line is the highest ack so far: acks on several subflows arrive
            // out of order, and a zigzag between them would hide the progress.
            const std::uint64_t ack = table.dataAck[row];
            if (ack > highestAck || highestAck == PacketTable::noDsn) {
                highestAck = ack;
                const double y = double(ack - base);
                if (y >= 0 && y < 1e15) // a guessed base (unattached subflow) can put acks outside
                    append(result.dataAcks, t, y, table.packet[row], 0);
            }
        }
    }
    result.reinjectionLinks = reinjectionLinks(capture, connection, direction, base);
    result.minX = 1e300;
    result.maxX = -1e300;
    for (auto* series : {&result.reinjections, &result.dataAcks})
        series->sortByX();
    for (auto& series : result.subflows) {
        series.sortByX();
        if (!series.x.empty()) {
            result.minX = std::min(result.minX, series.x.front());
            result.maxX = std::max(result.maxX, series.x.back());
        }
    }
    if (result.minX > result.maxX)
        result.minX = result.maxX = 0;
    return result;
}

double autoGoodputWindow(double durationSeconds) { return roundIntervalFor(durationSeconds, 25); }

GoodputChartData buildGoodputChart(const Capture& capture, const MptcpConnection& connection, Direction direction,
                                   double windowSeconds)
{
    GoodputChartData result;
    result.subflows = subflowSeries(capture, connection);
    std::vector<std::vector<DataEvent>> perSubflow(connection.subflowStats.size());
    std::vector<DataEvent> all;
    forEachNewData(capture, connection, slotsOf(capture, connection), direction,
                   [&](std::size_t row, std::size_t subflow, std::uint64_t bytes) {
        const DataEvent event{capture.relativeSeconds(capture.table.timeNs[row]), bytes};
        perSubflow[subflow].push_back(event);
        all.push_back(event);
    });
    const auto byTime = [](const DataEvent& a, const DataEvent& b) { return a.time < b.time; };
    std::stable_sort(all.begin(), all.end(), byTime);
    result.windowSeconds = windowSeconds > 0 ? windowSeconds : 1.0;
    if (all.empty())
        return result;
    // The span the summary's goodput divides by, so that a window as long as the transfer
    // ends on the summary's figure.
    const auto& d = connection.stats(direction);
    result.firstDataX = all.front().time;
    result.lastDataX = all.back().time;
    if (d.sawData) {
        result.firstDataX = std::min(capture.relativeSeconds(d.firstDataNs), result.firstDataX);
        result.lastDataX = std::max(capture.relativeSeconds(d.lastDataNs), result.lastDataX);
    }
    if (!(windowSeconds > 0))
        result.windowSeconds = autoGoodputWindow(result.lastDataX - result.firstDataX);
    for (std::size_t s = 0; s < perSubflow.size(); ++s) {
        std::stable_sort(perSubflow[s].begin(), perSubflow[s].end(), byTime);
        slidingRate(perSubflow[s], result.windowSeconds, result.firstDataX, result.lastDataX, result.subflows[s],
                    result.maxY);
    }
    slidingRate(all, result.windowSeconds, result.firstDataX, result.lastDataX, result.aggregate, result.maxY);
    return result;
}

ShareChartData buildShareChart(const Capture& capture, const MptcpConnection& connection, Direction direction, int bins)
{
    ShareChartData result;
    const Slots slots = slotsOf(capture, connection);
    for (const auto& stats : connection.subflowStats) {
        result.names.push_back(subflowLabel(capture, stats.stream));
        result.streams.push_back(stats.stream.value);
    }
    const auto& d = connection.directions[index(direction)];
    const double from = capture.relativeSeconds(d.firstDataNs);
    const double to = std::max(capture.relativeSeconds(d.lastDataNs), from);
    result.firstDataX = from;
    result.lastDataX = to;
    result.binWidth = to > from ? roundIntervalFor(to - from, std::max(bins, 1)) : 1e-3;
    const double firstStart = std::floor(from / result.binWidth + 1e-9) * result.binWidth;
    bins = int(std::floor((to - firstStart) / result.binWidth)) + 1;
    for (int b = 0; b < bins; ++b)
        result.binStarts.push_back(firstStart + b * result.binWidth);
    result.bytes.assign(connection.subflowStats.size(), std::vector<std::uint64_t>(std::size_t(bins), 0));
    result.totals.assign(connection.subflowStats.size(), 0);

    forEachNewData(capture, connection, slots, direction,
                   [&](std::size_t row, std::size_t subflow, std::uint64_t bytes) {
        const double t = capture.relativeSeconds(capture.table.timeNs[row]);
        const int bin = std::clamp(int((t - firstStart) / result.binWidth), 0, bins - 1);
        result.bytes[subflow][std::size_t(bin)] += bytes;
        result.totals[subflow] += bytes;
    });
    return result;
}

SequenceChartData buildTcpSequenceChart(const Capture& capture, TcpStreamId stream, Direction direction)
{
    SequenceChartData result;
    ChartSeries series;
    series.stream = stream.value;
    series.name = subflowLabel(capture, stream);
    const PacketTable& table = capture.table;
    std::uint64_t previous = 0;
    for (std::size_t row = 0; row < table.size(); ++row) {
        if (table.stream[row] != stream.value || table.tcpDirection(row) != direction || table.length[row] == 0)
            continue;
        previous = seq::unwrap32(previous, table.relativeSeq[row]);
        const double y = double(previous);
        append(series, capture.relativeSeconds(table.timeNs[row]), y, table.packet[row], table.length[row]);
        if (table.marks[row] & PacketTable::Retransmission)
            append(result.reinjections, series.x.back(), y, table.packet[row], table.length[row]);
        result.maxY = std::max(result.maxY, y + table.length[row]);
    }
    series.sortByX();
    result.reinjections.sortByX();
    if (!series.x.empty()) {
        result.minX = series.x.front();
        result.maxX = series.x.back();
    }
    result.subflows.push_back(std::move(series));
    return result;
}

GoodputChartData buildTcpGoodputChart(const Capture& capture, TcpStreamId stream, Direction direction,
                                      double windowSeconds)
{
    GoodputChartData result;
    result.aggregate.name = subflowLabel(capture, stream);
    result.aggregate.stream = stream.value;
    const PacketTable& table = capture.table;
    DataCoverage coverage;
    std::vector<DataEvent> events;
    std::uint64_t previous = 0;
    for (std::size_t row = 0; row < table.size(); ++row) {
        if (table.stream[row] != stream.value || table.tcpDirection(row) != direction || table.length[row] == 0)
            continue;
        previous = seq::unwrap32(previous, table.relativeSeq[row]);
        const auto added = coverage.add(previous, previous + table.length[row], 0);
        if (added.newBytes)
            events.push_back({capture.relativeSeconds(table.timeNs[row]), added.newBytes});
    }
    std::stable_sort(events.begin(), events.end(),
                     [](const DataEvent& a, const DataEvent& b) { return a.time < b.time; });
    result.windowSeconds = windowSeconds > 0 ? windowSeconds : 1.0;
    if (events.empty())
        return result;
    result.firstDataX = events.front().time;
    result.lastDataX = events.back().time;
    if (!(windowSeconds > 0))
        result.windowSeconds = autoGoodputWindow(result.lastDataX - result.firstDataX);
    slidingRate(events, result.windowSeconds, result.firstDataX, result.lastDataX, result.aggregate, result.maxY);
    return result;
}

} // namespace core
