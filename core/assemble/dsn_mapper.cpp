#include "assemble/dsn_mapper.h"

#include "model/seq.h"

#include <algorithm>

namespace core {

std::uint64_t DsnMapper::unwrap(std::uint32_t relativeSeq) const
{
    const std::uint64_t value = seq::unwrap32(m_reference, relativeSeq);
    // Subflow sequence space starts at 0: never unwrap below it.
    return value > (1ull << 63) ? relativeSeq : value;
}

namespace {
constexpr std::uint64_t endless = ~std::uint64_t(0);
}

void DsnMapper::updateReach(std::size_t from)
{
    m_reach.resize(m_entries.size());
    for (std::size_t i = from; i < m_entries.size(); ++i) {
        const Entry& e = m_entries[i];
        const std::uint64_t end = e.length == 0 ? endless : e.subflowSeq + e.length;
        m_reach[i] = i == 0 ? end : std::max(m_reach[i - 1], end);
    }
}

void DsnMapper::add(const Mapping& mapping)
{
    const Entry entry{unwrap(mapping.subflowSeq), mapping.dsn, mapping.length, mapping.expanded};
    m_reference = std::max(m_reference, entry.subflowSeq);
    m_any = true;

    // Mappings mostly arrive in subflow order: past the last entry, no search.
    auto it = !m_entries.empty() && entry.subflowSeq >= m_entries.back().subflowSeq
                  ? m_entries.end()
                  : std::upper_bound(m_entries.begin(), m_entries.end(), entry.subflowSeq,
                                     [](std::uint64_t s, const Entry& e) { return s < e.subflowSeq; });
    if (it != m_entries.begin()) {
        Entry& previous = *std::prev(it);
        const std::uint64_t offset = entry.subflowSeq - previous.subflowSeq;
        const bool sameSpace = previous.expanded == entry.expanded;
        // Already covered by the same mapping (repeated on each segment of a burst).
        if (sameSpace && (previous.length == 0 || offset + entry.length <= previous.length) && entry.length != 0 &&
            previous.dsn + offset == entry.dsn)
            return;
        // Continues the previous entry in both spaces: extend it.
        if (sameSpace && previous.length != 0 && entry.length != 0 && offset <= previous.length &&
            previous.dsn + offset == entry.dsn) {
            previous.length = std::max(previous.length, offset + entry.length);
            updateReach(std::size_t(std::prev(it) - m_entries.begin()));
            return;
        }
    }
    const auto position = std::size_t(it - m_entries.begin());
    m_entries.insert(it, entry);
    updateReach(position); // appends, the usual case, cost one step
}

void DsnMapper::fallBack()
{
    if (!m_fallbackFrom)
        m_fallbackFrom = m_reach.empty() ? 0 : m_reach.back();
}

std::optional<DsnMapper::Mapping> DsnMapper::find(std::uint32_t relativeSeq) const
{
    if (!m_any)
        return std::nullopt;
    const std::uint64_t position = unwrap(relativeSeq);
    const auto at = [&](const Entry& e, bool continued) {
        const std::uint64_t offset = position - e.subflowSeq;
        const auto left = e.length == 0 || continued
                              ? 0u
                              : std::uint32_t(std::min<std::uint64_t>(e.length - offset, 0xffffffffu));
        return Mapping{e.expanded ? e.dsn + offset : std::uint64_t(std::uint32_t(e.dsn + offset)), relativeSeq, left,
                       e.expanded, continued};
    };
    // Most packets fall in the highest mapping: the search's first step, without the search.
    if (const Entry& last = m_entries.back();
        position >= last.subflowSeq && (last.length == 0 || position - last.subflowSeq < last.length))
        return at(last, false);
    const auto after = std::upper_bound(m_entries.begin(), m_entries.end(), position,
                                        [](std::uint64_t s, const Entry& e) { return s < e.subflowSeq; });
    // Overlapping entries (a re-sent range mapped anew) are searched newest-position first;
    // the scan ends as soon as no earlier entry reaches this far.
    for (auto it = after; it != m_entries.begin();) {
        --it;
        if (m_reach[std::size_t(it - m_entries.begin())] <= position)
            break;
        if (it->length == 0 || position - it->subflowSeq < it->length)
            return at(*it, false);
    }
    if (!m_fallbackFrom || position < *m_fallbackFrom || after == m_entries.begin())
        return std::nullopt;
    // Nothing covers it and every entry below ends at or before it: the last mapped byte is
    // the end of the entry that reaches furthest.
    auto last = std::prev(after);
    const std::uint64_t end = m_reach[std::size_t(last - m_entries.begin())];
    while (last->subflowSeq + last->length != end)
        --last;
    return at(*last, true);
}

} // namespace core
