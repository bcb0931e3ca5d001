#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace core {

// Bounds-checked big-endian reader. A read past the end yields 0 and clears ok(), so a decoder
// reads a whole header and checks once, instead of testing every field.
class ByteCursor {
public:
    explicit ByteCursor(std::span<const std::uint8_t> bytes)
        : m_bytes(bytes)
    {
    }

    bool ok() const { return m_ok; }
    std::size_t offset() const { return m_offset; }
    std::size_t remaining() const { return m_bytes.size() - m_offset; }
    std::span<const std::uint8_t> rest() const { return m_bytes.subspan(m_offset); }

    std::uint8_t u8() { return std::uint8_t(read<1>()); }
    std::uint16_t u16() { return std::uint16_t(read<2>()); }
    std::uint32_t u32() { return std::uint32_t(read<4>()); }
    std::uint64_t u48() { return read<6>(); }
    std::uint64_t u64() { return read<8>(); }

    void skip(std::size_t count)
    {
        if (count > remaining()) {
            m_ok = false;
            m_offset = m_bytes.size();
            return;
        }
        m_offset += count;
    }

    std::span<const std::uint8_t> take(std::size_t count)
    {
        if (count > remaining()) {
            m_ok = false;
            m_offset = m_bytes.size();
            return {};
        }
        const auto result = m_bytes.subspan(m_offset, count);
        m_offset += count;
        return result;
    }

private:
    // The width is a constant so that the compiler unrolls the loop into one load and a swap.
    template <std::size_t Width> std::uint64_t read()
    {
        if (Width > remaining()) {
            m_ok = false;
            m_offset = m_bytes.size();
            return 0;
        }
        const std::uint8_t* bytes = m_bytes.data() + m_offset;
        std::uint64_t value = 0;
        for (std::size_t i = 0; i < Width; ++i)
            value = (value << 8) | bytes[i];
        m_offset += Width;
        return value;
    }

    std::span<const std::uint8_t> m_bytes;
    std::size_t m_offset = 0;
    bool m_ok = true;
};

} // namespace core
