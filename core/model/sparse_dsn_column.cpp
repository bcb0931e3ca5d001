#include "model/sparse_dsn_column.h"

#include <algorithm>

namespace core {

bool operator==(const SparseDsnColumn& a, const SparseDsnColumn& b) { return sameColumnValues(a, b); }

void SparseDsnColumn::reserve(std::size_t rows)
{
    m_present.reserve(rows / blockRows + 1);
    m_valuesBefore.reserve(rows / blockRows + 1);
    m_values.reserve(rows); // pages no value reaches are never touched
}

std::size_t SparseDsnColumn::valuesBefore(std::size_t row) const
{
    const std::size_t block = row / blockRows;
    const std::uint64_t below = (std::uint64_t(1) << (row % blockRows)) - 1;
    return m_valuesBefore[block] + ones(m_present[block] & below);
}

std::uint64_t SparseDsnColumn::lateValue(std::size_t row) const
{
    const auto found = std::lower_bound(m_lateRows.begin(), m_lateRows.end(), std::uint32_t(row));
    if (found == m_lateRows.end() || *found != row)
        return absent;
    return m_lateValues[std::size_t(found - m_lateRows.begin())];
}

void SparseDsnColumn::set(std::size_t row, std::uint64_t value)
{
    if (!present(row))
        queueLateWrite(row, value);
    else if (value != absent)
        m_values[valuesBefore(row)] = value;
    else
        erase(row);
}

void SparseDsnColumn::queueLateWrite(std::size_t row, std::uint64_t value)
{
    if (!m_lateRows.empty() && row < m_lateRows.back()) {
        applyLateWrites(); // keeps the queue in row order; the row may have a value now
        set(row, value);
        return;
    }
    if (!m_lateRows.empty() && row == m_lateRows.back()) {
        if (value != absent) {
            m_lateValues.back() = value;
        } else {
            m_lateRows.pop_back();
            m_lateValues.pop_back();
        }
        return;
    }
    if (value == absent)
        return;
    m_lateRows.push_back(std::uint32_t(row));
    m_lateValues.push_back(value);
    // Bounded queue; each merge moves at most every stored value once, so at most 8 moves per write.
    if (m_lateRows.size() >= std::max(minLateBatch, m_size / 8))
        applyLateWrites();
}

void SparseDsnColumn::applyLateWrites()
{
    if (m_lateRows.empty())
        return;
    // Merged from the back: a stored value moves up by the number of late rows before it,
    // into room already emptied, so nothing is overwritten before it has moved.
    std::size_t stored = m_values.size(); // stored values not moved yet: [0, stored)
    m_values.resize(stored + m_lateRows.size());
    std::size_t free = m_values.size(); // [free, end) is final
    for (std::size_t late = m_lateRows.size(); late-- > 0;) {
        const std::size_t row = m_lateRows[late];
        const std::size_t before = valuesBefore(row); // the directory still describes the old layout
        std::move_backward(m_values.begin() + std::ptrdiff_t(before), m_values.begin() + std::ptrdiff_t(stored),
                           m_values.begin() + std::ptrdiff_t(free));
        free -= stored - before;
        stored = before;
        m_values[--free] = m_lateValues[late];
    }
    for (const std::uint32_t row : m_lateRows)
        m_present[row / blockRows] |= std::uint64_t(1) << (row % blockRows);
    std::uint32_t running = 0;
    for (std::size_t block = 0; block < m_present.size(); ++block) {
        m_valuesBefore[block] = running;
        running += std::uint32_t(ones(m_present[block]));
    }
    m_lateRows = {};
    m_lateValues = {};
}

void SparseDsnColumn::erase(std::size_t row)
{
    // Only a value equal to `absent` written over a stored one: never in a real capture.
    m_values.erase(m_values.begin() + std::ptrdiff_t(valuesBefore(row)));
    m_present[row / blockRows] &= ~(std::uint64_t(1) << (row % blockRows));
    for (std::size_t block = row / blockRows + 1; block < m_valuesBefore.size(); ++block)
        --m_valuesBefore[block];
}

} // namespace core
