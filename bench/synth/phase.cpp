#include "synth/phase.h"

#include "decode/tcp.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>

namespace synth {
namespace {

constexpr std::int64_t timestampTicksPerSecond = 1000; // Linux's TCP timestamp clock

// Byte ranges seen so far, merged.
class Ranges {
public:
    void add(std::uint64_t from, std::uint64_t to)
    {
        if (from >= to)
            return;
        auto it = m_ranges.upper_bound(from);
        if (it != m_ranges.begin() && std::prev(it)->second >= from)
            --it;
        while (it != m_ranges.end() && it->first <= to) {
            from = std::min(from, it->first);
            to = std::max(to, it->second);
            it = m_ranges.erase(it);
        }
        m_ranges.emplace(from, to);
    }
    // The gaps below `end`, as distances back from it: what is still to come in between.
    void appendGaps(std::uint64_t end, std::vector<std::int64_t>& out) const
    {
        for (auto it = m_ranges.begin(); it != m_ranges.end() && std::next(it) != m_ranges.end(); ++it) {
            out.push_back(std::int64_t(end - it->second));
            out.push_back(std::int64_t(end - std::next(it)->first));
        }
        out.push_back(-1);
    }

private:
    std::map<std::uint64_t, std::uint64_t> m_ranges;
};

struct Mapping {
    std::uint32_t subflowSeq = 0; // relative to the ISN, as in the DSS option
    std::uint64_t dsn = 0;        // relative to the IDSN
    std::uint32_t dataEnd = 0;    // subflow sequence number after the mapping's data
};

struct SubflowSide {
    std::uint32_t next = 0;  // relative sequence number after everything sent
    std::uint32_t acked = 0; // highest relative acknowledgement from the peer
    Ranges sent;
    std::optional<Mapping> mapping;
};

struct DataSide {
    std::uint64_t next = 1; // data sequence numbers relative to the IDSN start at 1
    std::uint64_t acked = 1;
    Ranges sent;
    DataSide() { sent.add(0, 1); }
};

// The connection's state at a boundary between frames. Two boundaries can be joined when their
// shapes are equal: the same gaps behind the highest byte sent, the same DSS mappings under
// way, at the same distances from it; then whatever comes after one fits after the other.
struct Snapshot {
    std::size_t boundary = 0;
    std::vector<std::uint32_t> next;    // by subflow side, flattened
    std::vector<std::int64_t> inFlight; // subflow sides, then the two data sides
    std::array<std::uint64_t, 2> dataNext{};
    std::vector<std::int64_t> shape;
};

class Tracker {
public:
    explicit Tracker(const SampleModel& model)
        : m_model(model)
        , m_subflows(model.subflows.size())
    {
    }

    void add(std::size_t index)
    {
        const PacketInfo& info = m_model.packets[index];
        if (info.subflow < 0)
            return;
        const TcpFrame& tcp = *info.tcp;
        const std::uint8_t* bytes = m_model.frames[index].bytes.data();
        const Subflow& subflow = m_model.subflows[std::size_t(info.subflow)];
        auto& own = m_subflows[std::size_t(info.subflow)][std::size_t(info.side)];
        auto& peer = m_subflows[std::size_t(info.subflow)][std::size_t(1 - info.side)];
        const int connectionSide = subflow.connectionSide(info.side);

        const std::uint32_t seq = get32(bytes + tcp.seqOffset()) - subflow.isn[info.side];
        const std::uint32_t flagBytes = (tcp.flags & core::TcpFlag::Syn ? 1 : 0) +
                                        (tcp.flags & core::TcpFlag::Fin ? 1 : 0);
        const std::uint32_t length = tcp.payloadLength();
        own.sent.add(seq, std::uint64_t(seq) + length + flagBytes);
        own.next = std::max(own.next, seq + length + flagBytes);
        if (tcp.flags & core::TcpFlag::Ack)
            peer.acked = std::max(peer.acked, get32(bytes + tcp.ackOffset()) - subflow.isn[1 - info.side]);

        for (const auto& ref : tcp.mptcp) {
            const auto option = core::decodeMptcpOption({bytes + ref.offset, ref.length}, tcp.flags);
            if (const auto* capable = std::get_if<core::MpCapable>(&option); capable && capable->hasDataLength)
                own.mapping = Mapping{1, 1, 1u + capable->dataLength};
            if (const auto* dss = std::get_if<core::Dss>(&option))
                addDss(*dss, own, connectionSide);
        }
        if (own.mapping && length > 0 && seq >= own.mapping->subflowSeq) {
            const std::uint64_t from = own.mapping->dsn + (seq - own.mapping->subflowSeq);
            auto& data = m_data[std::size_t(connectionSide)];
            data.sent.add(from, from + length);
            data.next = std::max(data.next, from + length);
        }
    }

    Snapshot snapshot(std::size_t boundary) const
    {
        Snapshot result;
        result.boundary = boundary;
        for (std::size_t f = 0; f < m_subflows.size(); ++f)
            for (std::size_t s = 0; s < 2; ++s) {
                const SubflowSide& side = m_subflows[f][s];
                result.next.push_back(side.next);
                result.inFlight.push_back(std::int64_t(side.next) - std::int64_t(side.acked));
                side.sent.appendGaps(side.next, result.shape);
                if (side.mapping && side.next < side.mapping->dataEnd) {
                    const auto& data = m_data[std::size_t(m_model.subflows[f].connectionSide(int(s)))];
                    result.shape.push_back(std::int64_t(side.next - side.mapping->subflowSeq));
                    result.shape.push_back(std::int64_t(data.next - side.mapping->dsn));
                    result.shape.push_back(std::int64_t(side.mapping->dataEnd - side.mapping->subflowSeq));
                }
                result.shape.push_back(-1);
            }
        for (std::size_t side = 0; side < 2; ++side) {
            result.inFlight.push_back(std::int64_t(m_data[side].next - m_data[side].acked));
            result.dataNext[side] = m_data[side].next;
            m_data[side].sent.appendGaps(m_data[side].next, result.shape);
        }
        return result;
    }

private:
    std::uint64_t relativeDsn(std::uint64_t value, bool wide, int connectionSide) const
    {
        const std::uint64_t idsn = m_model.idsn[std::size_t(connectionSide)];
        return wide ? value - idsn : std::uint32_t(value - idsn);
    }

    void addDss(const core::Dss& dss, SubflowSide& own, int connectionSide)
    {
        if (dss.hasDataAck) {
            auto& peerData = m_data[std::size_t(1 - connectionSide)];
            peerData.acked = std::max(peerData.acked, relativeDsn(dss.dataAck, dss.dataAck64, 1 - connectionSide));
        }
        if (!dss.hasMapping || dss.subflowSeq == 0) // no mapping, or a DATA_FIN without data
            return;
        const std::uint32_t dataLength = dss.dataLength - (dss.dataFin ? 1 : 0);
        own.mapping = Mapping{dss.subflowSeq, relativeDsn(dss.dsn, dss.dsn64, connectionSide),
                              dss.subflowSeq + dataLength};
    }

    const SampleModel& m_model;
    std::vector<std::array<SubflowSide, 2>> m_subflows;
    std::array<DataSide, 2> m_data;
};

// The range of frames a phase may take: after the last set-up frame, before the first closing
// one. A phase that is left out may hold a DATA_FIN when a later one remains.
std::pair<std::size_t, std::size_t> transferRange(const SampleModel& model, Junction junction)
{
    const auto& packets = model.packets;
    std::size_t lastDataFin = packets.size();
    for (std::size_t i = 0; i < packets.size(); ++i)
        if (packets[i].dataFin)
            lastDataFin = i;
    std::size_t last = packets.size();
    for (std::size_t i = 0; i < packets.size(); ++i)
        if (packets[i].closing || (packets[i].dataFin && (junction == Junction::Repeat || i == lastDataFin))) {
            last = i;
            break;
        }
    std::size_t first = 0;
    for (std::size_t i = 0; i < last; ++i)
        if (packets[i].opening)
            first = i + 1;
    return {first, last};
}

bool junctionHolds(const Snapshot& begin, const Snapshot& end, Junction junction)
{
    if (begin.shape != end.shape)
        return false;
    for (std::size_t i = 0; i < begin.inFlight.size(); ++i) {
        const bool holds = junction == Junction::Repeat ? end.inFlight[i] >= begin.inFlight[i]
                                                        : end.inFlight[i] <= begin.inFlight[i];
        if (!holds)
            return false;
    }
    return end.dataNext != begin.dataNext; // some data in between
}

// TSval of the first frame from each subflow side at or after `from`.
std::optional<std::uint32_t> firstTsval(const SampleModel& model, std::size_t from, int subflow, int side)
{
    for (std::size_t i = from; i < model.packets.size(); ++i) {
        const auto& info = model.packets[i];
        if (info.subflow == subflow && info.side == side && info.tcp->timestampOffset)
            return get32(model.frames[i].bytes.data() + info.tcp->timestampOffset);
    }
    return std::nullopt;
}

Shift shiftBetween(const SampleModel& model, const Snapshot& begin, const Snapshot& end)
{
    const auto& frames = model.frames;
    Shift shift = Shift::none(model.subflows.size());
    const std::int64_t endTime = end.boundary < frames.size() ? frames[end.boundary].timeNs
                                                              : frames.back().timeNs + 1000;
    shift.timeNs = endTime - frames[begin.boundary].timeNs;
    for (std::size_t f = 0; f < model.subflows.size(); ++f)
        for (std::size_t side = 0; side < 2; ++side) {
            shift.seq[f][side] = end.next[2 * f + side] - begin.next[2 * f + side];
            const auto from = firstTsval(model, begin.boundary, int(f), int(side));
            const auto to = firstTsval(model, end.boundary, int(f), int(side));
            shift.tsval[f][side] = from && to ? *to - *from
                                              : std::uint32_t(shift.timeNs * timestampTicksPerSecond / 1'000'000'000);
        }
    for (std::size_t side = 0; side < 2; ++side)
        shift.dsn[side] = end.dataNext[side] - begin.dataNext[side];
    return shift;
}

} // namespace

Phase findPhase(const SampleModel& model, Junction junction)
{
    const auto [first, last] = transferRange(model, junction);
    Tracker tracker(model);
    std::vector<Snapshot> boundaries;
    for (std::size_t i = 0; i <= last; ++i) {
        if (i >= first)
            boundaries.push_back(tracker.snapshot(i));
        if (i < last)
            tracker.add(i);
    }
    const Snapshot* bestBegin = nullptr;
    const Snapshot* bestEnd = nullptr;
    for (std::size_t b = 0; b < boundaries.size(); ++b)
        for (std::size_t e = boundaries.size(); e-- > b + 1;) {
            const std::size_t length = boundaries[e].boundary - boundaries[b].boundary;
            if (bestBegin && length <= bestEnd->boundary - bestBegin->boundary)
                break;
            if (junctionHolds(boundaries[b], boundaries[e], junction)) {
                bestBegin = &boundaries[b];
                bestEnd = &boundaries[e];
                break;
            }
        }
    if (!bestBegin)
        throw std::runtime_error("no part of the data transfer can be " +
                                 std::string(junction == Junction::Repeat ? "repeated" : "left out") +
                                 " consistently (frames " + std::to_string(first + 1) + " to " + std::to_string(last) +
                                 " examined)");
    return {bestBegin->boundary, bestEnd->boundary, shiftBetween(model, *bestBegin, *bestEnd)};
}

} // namespace synth
