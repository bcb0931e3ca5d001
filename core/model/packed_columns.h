#pragma once

#include <algorithm>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <limits>
#include <vector>

namespace core {

// Whether two columns hold the same values row by row, whatever each stores.
template <typename Column> bool sameColumnValues(const Column& a, const Column& b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// PacketTable columns kept narrower than their values, read by value: column[row], and
// iterated (range-for, algorithms) by this iterator, which also hands out values.
template <typename Column, typename Value> class ColumnIterator {
public:
    using iterator_category = std::random_access_iterator_tag;
    using value_type = Value;
    using difference_type = std::ptrdiff_t;
    using pointer = void;
    using reference = Value;

    ColumnIterator() = default;
    ColumnIterator(const Column* column, std::size_t row)
        : m_column(column)
        , m_row(row)
    {
    }
    Value operator*() const { return (*m_column)[m_row]; }
    Value operator[](difference_type n) const { return (*m_column)[std::size_t(difference_type(m_row) + n)]; }
    ColumnIterator& operator++() { return ++m_row, *this; }
    ColumnIterator operator++(int) { return {m_column, m_row++}; }
    ColumnIterator& operator--() { return --m_row, *this; }
    ColumnIterator operator--(int) { return {m_column, m_row--}; }
    ColumnIterator& operator+=(difference_type n) { return m_row = std::size_t(difference_type(m_row) + n), *this; }
    ColumnIterator& operator-=(difference_type n) { return *this += -n; }
    friend ColumnIterator operator+(ColumnIterator it, difference_type n) { return it += n; }
    friend ColumnIterator operator+(difference_type n, ColumnIterator it) { return it += n; }
    friend ColumnIterator operator-(ColumnIterator it, difference_type n) { return it -= n; }
    friend difference_type operator-(const ColumnIterator& a, const ColumnIterator& b)
    {
        return difference_type(a.m_row) - difference_type(b.m_row);
    }
    friend bool operator==(const ColumnIterator& a, const ColumnIterator& b) { return a.m_row == b.m_row; }
    friend auto operator<=>(const ColumnIterator& a, const ColumnIterator& b) { return a.m_row <=> b.m_row; }

private:
    const Column* m_column = nullptr;
    std::size_t m_row = 0;
};

// Capture times: a 32-bit offset per row from its block's first time, and the full value of
// the rare rows more than ±2.1 s away from it (an idle gap inside a block, timestamps out of
// order), found by binary search.
class TimeColumn {
public:
    std::int64_t operator[](std::size_t row) const
    {
        const std::int32_t offset = m_offsets[row];
        return offset != escaped ? m_bases[row / blockRows] + offset : escapedValue(row);
    }
    std::size_t size() const { return m_offsets.size(); }
    ColumnIterator<TimeColumn, std::int64_t> begin() const { return {this, 0}; }
    ColumnIterator<TimeColumn, std::int64_t> end() const { return {this, size()}; }
    bool empty() const { return size() == 0; }
    std::int64_t front() const { return (*this)[0]; }
    std::int64_t back() const { return (*this)[size() - 1]; }
    void reserve(std::size_t rows);
    void push_back(std::int64_t timeNs);
    friend bool operator==(const TimeColumn& a, const TimeColumn& b); // the same values

private:
    static constexpr std::size_t blockRows = 256;
    static constexpr std::int32_t escaped = std::numeric_limits<std::int32_t>::min();
    std::int64_t escapedValue(std::size_t row) const;

    std::vector<std::int32_t> m_offsets;
    std::vector<std::int64_t> m_bases; // per block of blockRows rows
    std::vector<std::uint32_t> m_escapedRows;
    std::vector<std::int64_t> m_escapedValues;
};

// TCP payload lengths: 16 bits per row, and the lengths of 65,535 bytes and more (TSO and
// GRO super-segments, jumbograms) beside, found by binary search.
class LengthColumn {
public:
    std::uint32_t operator[](std::size_t row) const
    {
        const std::uint16_t length = m_lengths[row];
        return length != escaped ? length : escapedValue(row);
    }
    std::size_t size() const { return m_lengths.size(); }
    ColumnIterator<LengthColumn, std::uint32_t> begin() const { return {this, 0}; }
    ColumnIterator<LengthColumn, std::uint32_t> end() const { return {this, size()}; }
    bool empty() const { return size() == 0; }
    std::uint32_t front() const { return (*this)[0]; }
    std::uint32_t back() const { return (*this)[size() - 1]; }
    void reserve(std::size_t rows) { m_lengths.reserve(rows); }
    void push_back(std::uint32_t length);
    friend bool operator==(const LengthColumn& a, const LengthColumn& b); // the same values

private:
    static constexpr std::uint16_t escaped = std::numeric_limits<std::uint16_t>::max();
    std::uint32_t escapedValue(std::size_t row) const;

    std::vector<std::uint16_t> m_lengths;
    std::vector<std::uint32_t> m_escapedRows;
    std::vector<std::uint32_t> m_escapedValues;
};

} // namespace core
