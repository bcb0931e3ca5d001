#include "model/packet_table.h"

#include <algorithm>

namespace core {

void FrameNumberColumn::push_back(std::uint32_t number)
{
    if (m_stored.empty() && number == m_size + 1) {
        ++m_size;
        return;
    }
    if (m_stored.empty()) {
        m_stored.reserve(std::max(m_reservedRows, m_size + 1));
        for (std::size_t row = 0; row < m_size; ++row)
            m_stored.push_back(std::uint32_t(row + 1));
    }
    m_stored.push_back(number);
    ++m_size;
}

bool operator==(const FrameNumberColumn& a, const FrameNumberColumn& b) { return sameColumnValues(a, b); }

std::size_t FrameNumberColumn::lowerBound(std::uint32_t number) const
{
    if (m_stored.empty())
        return number == 0 ? 0 : std::min<std::size_t>(number - 1, m_size);
    return std::size_t(std::lower_bound(m_stored.begin(), m_stored.end(), number) - m_stored.begin());
}

void PacketTable::reserve(std::size_t rows)
{
    timeNs.reserve(rows);
    packet.reserve(rows);
    stream.reserve(rows);
    tcpFlags.reserve(rows);
    marks.reserve(rows);
    relativeSeq.reserve(rows);
    length.reserve(rows);
    dsn.reserve(rows);
    dataAck.reserve(rows);
    relativeAck.reserve(rows);
    window.reserve(rows);
}

} // namespace core
