#include "model/packed_columns.h"

#include <algorithm>

namespace core {
namespace {

template <typename Value>
Value valueAt(const std::vector<std::uint32_t>& rows, const std::vector<Value>& values, std::size_t row)
{
    const auto found = std::lower_bound(rows.begin(), rows.end(), std::uint32_t(row));
    return values[std::size_t(found - rows.begin())];
}

} // namespace

bool operator==(const TimeColumn& a, const TimeColumn& b) { return sameColumnValues(a, b); }

bool operator==(const LengthColumn& a, const LengthColumn& b) { return sameColumnValues(a, b); }

void TimeColumn::reserve(std::size_t rows)
{
    m_offsets.reserve(rows);
    m_bases.reserve(rows / blockRows + 1);
}

void TimeColumn::push_back(std::int64_t timeNs)
{
    const std::size_t row = m_offsets.size();
    if (row % blockRows == 0)
        m_bases.push_back(timeNs);
    const std::int64_t offset = timeNs - m_bases.back();
    if (offset > escaped && offset <= std::numeric_limits<std::int32_t>::max()) {
        m_offsets.push_back(std::int32_t(offset));
        return;
    }
    m_offsets.push_back(escaped);
    m_escapedRows.push_back(std::uint32_t(row));
    m_escapedValues.push_back(timeNs);
}

std::int64_t TimeColumn::escapedValue(std::size_t row) const { return valueAt(m_escapedRows, m_escapedValues, row); }

void LengthColumn::push_back(std::uint32_t length)
{
    if (length < escaped) {
        m_lengths.push_back(std::uint16_t(length));
        return;
    }
    m_escapedRows.push_back(std::uint32_t(m_lengths.size()));
    m_escapedValues.push_back(length);
    m_lengths.push_back(escaped);
}

std::uint32_t LengthColumn::escapedValue(std::size_t row) const { return valueAt(m_escapedRows, m_escapedValues, row); }

} // namespace core
