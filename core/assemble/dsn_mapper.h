#pragma once

#include "assemble/seq.h"

#include <array>
#include <cstdint>
#include <optional>

namespace core {

// DSS mappings of one subflow direction: data sequence number ↔ relative subflow sequence.
// A mapping often covers a burst of segments and is repeated on each (Linux), so a short
// history of the latest distinct mappings resolves every segment, in order or not.
class DsnMapper {
public:
    struct Mapping {
        std::uint64_t dsn = 0;        // 64-bit, or the raw 32 bits when `expanded` is false
        std::uint32_t subflowSeq = 0; // relative to the subflow's initial sequence number
        std::uint32_t length = 0;     // 0: infinite mapping (fallback)
        bool expanded = true;
    };

    void add(const Mapping& mapping)
    {
        for (const auto& known : m_history)
            if (known && known->dsn == mapping.dsn && known->subflowSeq == mapping.subflowSeq &&
                known->length == mapping.length)
                return;
        m_history[m_next] = mapping;
        m_next = (m_next + 1) % m_history.size();
    }

    // The mapping covering the byte at `relativeSeq`, newest first.
    std::optional<Mapping> find(std::uint32_t relativeSeq) const
    {
        for (std::size_t i = 0; i < m_history.size(); ++i) {
            const auto& candidate = m_history[(m_next + m_history.size() - 1 - i) % m_history.size()];
            if (!candidate)
                continue;
            const std::int32_t offset = seq::distance(relativeSeq, candidate->subflowSeq);
            if (offset >= 0 && (candidate->length == 0 || std::uint32_t(offset) < candidate->length))
                return candidate;
        }
        return std::nullopt;
    }

private:
    std::array<std::optional<Mapping>, 8> m_history{};
    std::size_t m_next = 0;
};

} // namespace core
