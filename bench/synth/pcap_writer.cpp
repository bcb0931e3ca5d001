#include "synth/pcap_writer.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace synth {
namespace {

constexpr std::uint32_t nanosecondMagic = 0xa1b23c4d;
constexpr std::size_t bufferBytes = std::size_t(4) << 20;

void putLittle32(std::uint8_t* p, std::uint32_t v)
{
    for (int i = 0; i < 4; ++i)
        p[i] = std::uint8_t(v >> (8 * i));
}

} // namespace

PcapWriter::PcapWriter(const std::string& path, int linkType, std::uint32_t snapLength)
    : m_path(path)
    , m_buffer(bufferBytes)
    , m_file(std::fopen(path.c_str(), "wb"))
{
    if (!m_file)
        throw std::runtime_error(path + ": " + std::strerror(errno));
    std::setvbuf(m_file.get(), m_buffer.data(), _IOFBF, m_buffer.size());
    std::uint8_t header[24] = {};
    putLittle32(header, nanosecondMagic);
    header[4] = 2; // version 2.4, little-endian like the magic
    header[6] = 4;
    putLittle32(header + 16, snapLength);
    putLittle32(header + 20, std::uint32_t(linkType));
    std::fwrite(header, 1, sizeof header, m_file.get());
    m_bytes = sizeof header;
}

void PcapWriter::write(const Frame& frame)
{
    std::uint8_t record[16];
    const std::int64_t seconds = frame.timeNs / 1'000'000'000;
    putLittle32(record, std::uint32_t(seconds));
    putLittle32(record + 4, std::uint32_t(frame.timeNs - seconds * 1'000'000'000));
    putLittle32(record + 8, std::uint32_t(frame.bytes.size()));
    putLittle32(record + 12, frame.wireLength);
    std::fwrite(record, 1, sizeof record, m_file.get());
    std::fwrite(frame.bytes.data(), 1, frame.bytes.size(), m_file.get());
    m_bytes += sizeof record + frame.bytes.size();
    ++m_frames;
}

void PcapWriter::close()
{
    if (!m_file)
        return;
    const bool failed = std::ferror(m_file.get()) != 0;
    const int closed = std::fclose(m_file.release());
    if (failed || closed != 0)
        throw std::runtime_error(m_path + ": write failed: " + std::strerror(errno));
}

} // namespace synth
