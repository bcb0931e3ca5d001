#pragma once

#include "model/packed_columns.h"

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace core {

// A column of 64-bit data sequence numbers (or data acks) that most rows do not have: plain
// TCP rows have neither, and in a one-way transfer a row mostly has one of the two. Only the
// rows that have a value store it (8 bytes); every row costs a presence bit, and each block of
// 64 rows the count of values before it, so a read is a popcount away.
//
// Values written after the push to rows pushed without one (mappings that arrive late, DSNs
// inferred at the end) are queued in row order and merged in one linear pass, in place, when
// the queue grows large, when a write comes out of row order, and on applyLateWrites(). Reads
// see them meanwhile.
class SparseDsnColumn {
public:
    static constexpr std::uint64_t absent = std::numeric_limits<std::uint64_t>::max();

    std::uint64_t operator[](std::size_t row) const
    {
        const std::size_t block = row / blockRows;
        const std::uint64_t bits = m_present[block];
        const std::uint64_t bit = std::uint64_t(1) << (row % blockRows);
        if (bits & bit)
            return m_values[m_valuesBefore[block] + ones(bits & (bit - 1))];
        return m_lateRows.empty() ? absent : lateValue(row);
    }
    std::size_t size() const { return m_size; }
    ColumnIterator<SparseDsnColumn, std::uint64_t> begin() const { return {this, 0}; }
    ColumnIterator<SparseDsnColumn, std::uint64_t> end() const { return {this, size()}; }
    bool empty() const { return size() == 0; }
    std::uint64_t front() const { return (*this)[0]; }
    std::uint64_t back() const { return (*this)[size() - 1]; }
    // Rows holding a value (late writes not merged yet excluded).
    std::size_t storedValues() const { return m_values.size(); }

    void reserve(std::size_t rows);
    void push_back(std::uint64_t value)
    {
        const std::size_t row = m_size++;
        if (row % blockRows == 0) {
            m_present.push_back(0);
            m_valuesBefore.push_back(std::uint32_t(m_values.size()));
        }
        if (value == absent)
            return;
        m_present.back() |= std::uint64_t(1) << (row % blockRows);
        m_values.push_back(value);
    }
    // Constant time for a row that has a value; queued for a row that has none.
    void set(std::size_t row, std::uint64_t value);
    void applyLateWrites();
    friend bool operator==(const SparseDsnColumn& a, const SparseDsnColumn& b); // the same values

private:
    static constexpr std::size_t blockRows = 64;
    static constexpr std::size_t minLateBatch = std::size_t(1) << 16;

    // std::popcount without the POPCNT instruction (the x86-64 baseline) calls libgcc's
    // table-driven __popcountdi2; this is a dozen inline instructions.
    static std::size_t ones(std::uint64_t bits)
    {
        bits -= (bits >> 1) & 0x5555555555555555u;
        bits = (bits & 0x3333333333333333u) + ((bits >> 2) & 0x3333333333333333u);
        bits = (bits + (bits >> 4)) & 0x0f0f0f0f0f0f0f0fu;
        return std::size_t((bits * 0x0101010101010101u) >> 56);
    }
    bool present(std::size_t row) const { return (m_present[row / blockRows] >> (row % blockRows)) & 1; }
    std::size_t valuesBefore(std::size_t row) const; // stored values of the rows before `row`
    std::uint64_t lateValue(std::size_t row) const;
    void queueLateWrite(std::size_t row, std::uint64_t value);
    void erase(std::size_t row);

    std::vector<std::uint64_t> m_present;      // bit r % 64 of word r / 64: row r has a value
    std::vector<std::uint32_t> m_valuesBefore; // per block: values of the blocks before it
    std::vector<std::uint64_t> m_values;       // of the rows that have one, in row order
    std::size_t m_size = 0;
    std::vector<std::uint32_t> m_lateRows; // strictly increasing, rows without a stored value
    std::vector<std::uint64_t> m_lateValues;
};

} // namespace core
