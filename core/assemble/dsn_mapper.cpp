#include "assemble/dsn_mapper.h"

#include "assemble/seq.h"

#include <algorithm>

namespace core {

std::uint64_t DsnMapper::unwrap(std::uint32_t relativeSeq) const
{
    const std::uint64_t value = seq::unwrap32(m_reference, relativeSeq);
    // Subflow sequence space starts at 0: never unwrap below it.
    return value > (1ull << 63) ? relativeSeq : value;
}

void DsnMapper::add(const Mapping& mapping)
{
    const Entry entry{unwrap(mapping.subflowSeq), mapping.dsn, mapping.length, mapping.expanded};
    m_reference = std::max(m_reference, entry.subflowSeq);
    m_any = true;

    auto it = std::upper_bound(m_entries.begin(), m_entries.end(), entry.subflowSeq,
                               [](std::uint64_t s, const Entry& e) { return s < e.subflowSeq; });
    if (it != m_entries.begin()) {
        Entry& previous = *std::prev(it);
        const std::uint64_t offset = entry.subflowSeq - previous.subflowSeq;
        const bool sameSpace = previous.expanded == entry.expanded;
        // Already covered by the same mapping (repeated on each segment of a burst).
        if (sameSpace && (previous.length == 0 || offset + entry.length <= previous.length) &&
            entry.length != 0 && previous.dsn + offset == entry.dsn)
            return;
        // Continues the previous entry in both spaces: extend it.
        if (sameSpace && previous.length != 0 && entry.length != 0 && offset <= previous.length &&
            previous.dsn + offset == entry.dsn) {
            previous.length = std::max(previous.length, offset + entry.length);
            return;
        }
    }
    m_entries.insert(it, entry);
}

std::optional<DsnMapper::Mapping> DsnMapper::find(std::uint32_t relativeSeq) const
{
    if (!m_any)
        return std::nullopt;
    const std::uint64_t position = unwrap(relativeSeq);
    auto it = std::upper_bound(m_entries.begin(), m_entries.end(), position,
                               [](std::uint64_t s, const Entry& e) { return s < e.subflowSeq; });
    // Overlapping entries (a re-sent range mapped anew) are searched newest-position first.
    while (it != m_entries.begin()) {
        --it;
        const std::uint64_t offset = position - it->subflowSeq;
        if (it->length == 0 || offset < it->length)
            return Mapping{it->expanded ? it->dsn + offset : std::uint64_t(std::uint32_t(it->dsn + offset)),
                           relativeSeq, it->length == 0 ? 0u : std::uint32_t(std::min<std::uint64_t>(it->length - offset, 0xffffffffu)),
                           it->expanded};
        if (position - it->subflowSeq > (1ull << 32))
            break;
    }
    return std::nullopt;
}

} // namespace core
