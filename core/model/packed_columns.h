#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace core {

// PacketTable columns kept narrower than their values, read by value: column[row].

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
