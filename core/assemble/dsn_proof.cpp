#include "assemble/dsn_proof.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <map>
#include <set>
#include <tuple>
#include <utility>

namespace core {
namespace {

template <typename T> void sortUnique(std::vector<T>& values)
{
    std::ranges::sort(values);
    values.erase(std::unique(values.begin(), values.end()), values.end());
}

template <typename T> bool contains(const std::vector<T>& sorted, T value)
{
    return std::ranges::binary_search(sorted, value);
}

// The length of the shortest arc of the ring of T values that holds every value of `sorted`.
template <typename T> T arcLength(const std::vector<T>& sorted)
{
    T widestGap = T(sorted.front() - sorted.back()); // the gap across the wrap
    for (std::size_t i = 1; i < sorted.size(); ++i)
        widestGap = std::max(widestGap, T(sorted[i] - sorted[i - 1]));
    return T(T(0) - widestGap);
}

struct Count {
    std::uint64_t found = 0;
    double chance = 0; // what two unrelated connections with values in the same range would give
};

// Values of `probes` (one connection's) that are in `targets` (the other's) but not in `own`
// (the probing connection's own values of the targets' kind), and how many two unrelated
// connections whose values lie in the same `window` of the ring would give by chance.
template <typename T>
Count matches(const std::vector<T>& probes, const std::vector<T>& own, const std::vector<T>& targets, double window)
{
    Count count;
    for (const T probe : probes)
        count.found += contains(targets, probe) && !contains(own, probe);
    count.chance = double(probes.size()) * double(targets.size()) / window;
    return count;
}

// What x's values say about y: its acks that end y's segments, its data that stops where
// y's starts. The window is the stretch of the ring both connections' values cover.
template <typename Values> Count evidence(const Values& x, const Values& y)
{
    using T = typename decltype(x.ends)::value_type;
    std::vector<T> all;
    for (const auto* values : {&x.starts, &x.ends, &x.acks, &y.starts, &y.ends, &y.acks})
        all.insert(all.end(), values->begin(), values->end());
    if (all.empty())
        return {};
    sortUnique(all);
    const double window = double(arcLength(all)) + 1.0;
    const Count acks = matches(x.acks, x.ends, y.ends, window);
    const Count seams = matches(x.ends, x.starts, y.starts, window);
    return {acks.found + seams.found, acks.chance + seams.chance};
}

} // namespace

template <typename T> void DsnProof::Values<T>::sortUnique()
{
    core::sortUnique(starts);
    core::sortUnique(ends);
    core::sortUnique(acks);
}

DsnProof::DsnProof(std::size_t connections)
    : m_spaces(connections * directionCount)
{
}

void DsnProof::addSegment(std::uint32_t connection, Direction side, std::uint64_t dsn, std::uint32_t length,
                          bool full64)
{
    Space& space = m_spaces[std::size_t(connection) * directionCount + std::size_t(index(side))];
    if (full64) {
        space.full.starts.push_back(dsn);
        space.full.ends.push_back(dsn + length);
    }
    space.low.starts.push_back(std::uint32_t(dsn));
    space.low.ends.push_back(std::uint32_t(dsn + length));
}

void DsnProof::addAck(std::uint32_t connection, Direction side, std::uint64_t ack, bool full64)
{
    Space& space = m_spaces[std::size_t(connection) * directionCount + std::size_t(index(side))];
    if (full64)
        space.full.acks.push_back(ack);
    space.low.acks.push_back(std::uint32_t(ack));
}

std::vector<DsnProof::Link> DsnProof::links()
{
    constexpr double chanceFactor = 10.0;
    constexpr std::uint64_t needed64 = 1;
    constexpr std::uint64_t needed32 = 2;

    // Where each value (low 32 bits) starts or ends a segment: candidate pairs come from there.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;   // (value, space)
    std::vector<std::pair<std::uint32_t, std::uint32_t>> starts; // (value, space)
    for (std::uint32_t s = 0; s < m_spaces.size(); ++s) {
        Space& space = m_spaces[s];
        space.full.sortUnique();
        space.low.sortUnique();
        for (const std::uint32_t end : space.low.ends)
            ends.emplace_back(end, s);
        for (const std::uint32_t start : space.low.starts)
            starts.emplace_back(start, s);
    }
    std::ranges::sort(ends);
    std::ranges::sort(starts);

    std::set<std::pair<std::uint32_t, std::uint32_t>> candidates; // (probing space, other space)
    const auto collect = [&](std::uint32_t x, const std::vector<std::uint32_t>& probes,
                             const std::vector<std::pair<std::uint32_t, std::uint32_t>>& index) {
        for (const std::uint32_t value : probes)
            for (auto it = std::ranges::lower_bound(index, std::pair(value, std::uint32_t(0)));
                 it != index.end() && it->first == value; ++it)
                if (it->second / directionCount != x / directionCount)
                    candidates.emplace(x, it->second);
    };
    for (std::uint32_t x = 0; x < m_spaces.size(); ++x) {
        collect(x, m_spaces[x].low.acks, ends);
        collect(x, m_spaces[x].low.ends, starts);
    }

    // Evidence adds up over both data directions for one connection probing the other, per
    // orientation. The two ways of probing are not added: one segment that fills a gap in the
    // other's data would count once each way.
    struct Evidence {
        Count full;
        Count low;
        bool proves() const
        {
            return (full.found >= needed64 && double(full.found) >= chanceFactor * full.chance) ||
                   (low.found >= needed32 && double(low.found) >= chanceFactor * low.chance);
        }
    };
    std::map<std::tuple<std::uint32_t, std::uint32_t, bool>, Evidence> probed; // (prober, other, flipped)
    for (const auto& [xi, yi] : candidates) {
        const bool flipped = xi % directionCount != yi % directionCount;
        Evidence& e = probed[{xi / directionCount, yi / directionCount, flipped}];
        const Count full = evidence(m_spaces[xi].full, m_spaces[yi].full);
        const Count low = evidence(m_spaces[xi].low, m_spaces[yi].low);
        e.full = {e.full.found + full.found, e.full.chance + full.chance};
        e.low = {e.low.found + low.found, e.low.chance + low.chance};
    }
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::array<std::uint64_t, 2>> proven; // [flipped]
    for (const auto& [key, e] : probed) {
        const auto [a, b, flipped] = key;
        if (!e.proves())
            continue;
        auto& strength = proven[{std::min(a, b), std::max(a, b)}][flipped];
        strength = std::max({strength, e.full.found, e.low.found});
    }

    std::vector<Link> result;
    for (const auto& [pair, counts] : proven) {
        if (counts[0] && counts[1])
            continue; // both orientations: no proof either way
        result.push_back({pair.first, pair.second, counts[1] > 0, counts[0] + counts[1]});
    }
    std::ranges::stable_sort(result, [](const Link& l, const Link& r) { return l.matches > r.matches; });
    return result;
}

} // namespace core
