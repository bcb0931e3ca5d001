#include "compare/one_way_delay.h"

#include "decode/tcp.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace core::compare {
namespace {

using Key = std::tuple<std::uint32_t, std::uint32_t, std::uint8_t, std::uint32_t, std::uint32_t, bool>;

struct Side {
    const Capture& capture;
    const std::vector<PacketStamp>& stamps;
};

Key keyOf(const Side& side, const TcpConnection& connection, std::uint32_t row)
{
    const auto& table = side.capture.table;
    const auto frame = table.packet[row];
    const PacketStamp stamp = frame >= 1 && frame <= side.stamps.size() ? side.stamps[frame - 1] : PacketStamp{};
    const auto flags = std::uint8_t(table.tcpFlags[row] & (TcpFlag::Syn | TcpFlag::Fin | TcpFlag::Rst));
    const auto& other = connection.stats(opposite(table.tcpDirection(row)));
    const std::uint32_t relativeAck = (table.tcpFlags[row] & TcpFlag::Ack) ? stamp.ack - other.initialSeq : 0;
    return {table.relativeSeq[row], table.length[row], flags, relativeAck, stamp.tsval, stamp.hasTsval};
}

using Buckets = std::map<Key, std::vector<std::uint32_t>>; // rows in file order

Buckets bucketsOf(const Side& side, TcpStreamId stream, Direction direction)
{
    Buckets buckets;
    const auto& table = side.capture.table;
    const auto& connection = side.capture.tcp[stream.value];
    for (std::uint32_t row = 0; row < table.size(); ++row)
        if (table.stream[row] == stream.value && table.tcpDirection(row) == direction)
            buckets[keyOf(side, connection, row)].push_back(row);
    return buckets;
}

// Raw delays (second's time − first's) of one TCP direction, before any sender is chosen.
struct Pairing {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> rows; // (first row, second row)
    std::vector<std::uint32_t> onlyFirst;
    std::vector<std::uint32_t> onlySecond;
};

Pairing pairCopies(const Buckets& firstBuckets, const Buckets& secondBuckets)
{
    Pairing pairing;
    for (const auto& [key, firstRows] : firstBuckets) {
        const auto found = secondBuckets.find(key);
        if (found == secondBuckets.end()) {
            pairing.onlyFirst.insert(pairing.onlyFirst.end(), firstRows.begin(), firstRows.end());
            continue;
        }
        const auto& secondRows = found->second;
        const std::size_t common = std::min(firstRows.size(), secondRows.size());
        // the last copies are those that arrived: earlier ones were sent again because they were lost
        const std::size_t firstSkip = firstRows.size() - common;
        const std::size_t secondSkip = secondRows.size() - common;
        pairing.onlyFirst.insert(pairing.onlyFirst.end(), firstRows.begin(),
                                 firstRows.begin() + std::ptrdiff_t(firstSkip));
        pairing.onlySecond.insert(pairing.onlySecond.end(), secondRows.begin(),
                                  secondRows.begin() + std::ptrdiff_t(secondSkip));
        for (std::size_t i = 0; i < common; ++i)
            pairing.rows.emplace_back(firstRows[firstSkip + i], secondRows[secondSkip + i]);
    }
    for (const auto& [key, secondRows] : secondBuckets)
        if (!firstBuckets.contains(key))
            pairing.onlySecond.insert(pairing.onlySecond.end(), secondRows.begin(), secondRows.end());
    return pairing;
}

double rawDelay(const Capture& first, const Capture& second, std::pair<std::uint32_t, std::uint32_t> rows)
{
    return double(second.table.timeNs[rows.second] - first.table.timeNs[rows.first]) / 1e9;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::ranges::sort(values);
    return values[values.size() / 2];
}

} // namespace

DelayFigures delayFigures(std::vector<double> seconds)
{
    DelayFigures f;
    f.count = seconds.size();
    if (seconds.empty())
        return f;
    std::ranges::sort(seconds);
    const auto rank = [&](double q) {
        const auto n = std::size_t(std::ceil(q * double(seconds.size())));
        return seconds[std::clamp<std::size_t>(n, 1, seconds.size()) - 1];
    };
    f.min = seconds.front();
    f.median = rank(0.5);
    f.p95 = rank(0.95);
    f.max = seconds.back();
    return f;
}

std::vector<TcpMatch> matchedSubflows(const Capture& first, const CaptureMap& map, MptcpId firstId)
{
    std::vector<TcpMatch> result;
    const auto* connection = first.findMptcp(firstId);
    if (!connection)
        return result;
    for (const auto stream : connection->subflows)
        if (const auto* match = map.tcpOfFirst(stream))
            result.push_back(*match);
    return result;
}

ConnectionDelays oneWayDelays(const Capture& first, const Capture& second, const std::vector<PacketStamp>& firstStamps,
                              const std::vector<PacketStamp>& secondStamps, const std::vector<TcpMatch>& subflows)
{
    ConnectionDelays result;
    const Side firstSide{first, firstStamps};
    const Side secondSide{second, secondStamps};
    struct Pending {
        SubflowDelays delays;
        Pairing pairing;
    };
    std::vector<Pending> pending;
    double fromFirst = std::numeric_limits<double>::infinity();  // min raw delay of what the first's side sent
    double fromSecond = std::numeric_limits<double>::infinity(); // min −raw delay of what the second's side sent
    for (const auto& match : subflows) {
        std::array<Pairing, directionCount> pairings;
        std::array<double, directionCount> medians{};
        for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
            const Direction secondDirection = match.reversed ? opposite(d) : d;
            pairings[std::size_t(index(d))] = pairCopies(bucketsOf(firstSide, match.first, d),
                                                         bucketsOf(secondSide, match.second, secondDirection));
            std::vector<double> raw;
            for (const auto& rows : pairings[std::size_t(index(d))].rows)
                raw.push_back(rawDelay(first, second, rows));
            medians[std::size_t(index(d))] = median(std::move(raw));
        }
        // Whatever the clocks, what travels from the first's side arrives later (in raw delay)
        // than what travels towards it.
        const bool firstSendsClientToServer = medians[0] >= medians[1];
        for (const auto d : {Direction::ClientToServer, Direction::ServerToClient}) {
            Pending p;
            p.delays.firstStream = match.first;
            p.delays.secondStream = match.second;
            p.delays.direction = d;
            p.delays.senderIsFirst = (d == Direction::ClientToServer) == firstSendsClientToServer;
            p.pairing = std::move(pairings[std::size_t(index(d))]);
            for (const auto& rows : p.pairing.rows) {
                const double raw = rawDelay(first, second, rows);
                if (p.delays.senderIsFirst)
                    fromFirst = std::min(fromFirst, raw);
                else
                    fromSecond = std::min(fromSecond, -raw);
            }
            pending.push_back(std::move(p));
        }
    }
    result.offsetEstimated = std::isfinite(fromFirst) && std::isfinite(fromSecond);
    if (result.offsetEstimated) {
        result.estimatedOffsetSeconds = (fromFirst - fromSecond) / 2;
        result.offsetApplied = fromFirst < 0 || fromSecond < 0;
    }
    const double offset = result.offsetApplied ? result.estimatedOffsetSeconds : 0.0;
    for (auto& p : pending) {
        auto& delays = p.delays;
        std::vector<double> values;
        for (const auto& rows : p.pairing.rows) {
            const double raw = rawDelay(first, second, rows);
            DelaySample sample;
            sample.senderRow = delays.senderIsFirst ? rows.first : rows.second;
            sample.receiverRow = delays.senderIsFirst ? rows.second : rows.first;
            sample.seconds = delays.senderIsFirst ? raw - offset : -raw + offset;
            delays.samples.push_back(sample);
            values.push_back(sample.seconds);
        }
        std::ranges::sort(delays.samples, {}, &DelaySample::senderRow);
        delays.lostRows = delays.senderIsFirst ? p.pairing.onlyFirst : p.pairing.onlySecond;
        std::ranges::sort(delays.lostRows);
        delays.receivedWithoutSent = delays.senderIsFirst ? p.pairing.onlySecond.size() : p.pairing.onlyFirst.size();
        delays.figures = delayFigures(std::move(values));
        result.subflows.push_back(std::move(delays));
    }
    return result;
}

} // namespace core::compare
