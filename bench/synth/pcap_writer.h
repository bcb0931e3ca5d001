#pragma once

#include "synth/frame.h"

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace synth {

// Writes a nanosecond-resolution pcap file through a large stdio buffer.
class PcapWriter {
public:
    // Throws std::runtime_error when the file cannot be created.
    PcapWriter(const std::string& path, int linkType, std::uint32_t snapLength);

    void write(const Frame& frame);
    void close(); // throws when a write failed (disk full…)

    std::uint64_t bytesWritten() const { return m_bytes; }
    std::uint64_t framesWritten() const { return m_frames; }

private:
    struct FileCloser {
        void operator()(std::FILE* file) const { std::fclose(file); }
    };
    std::string m_path;
    std::vector<char> m_buffer;
    std::unique_ptr<std::FILE, FileCloser> m_file;
    std::uint64_t m_bytes = 0;
    std::uint64_t m_frames = 0;
};

} // namespace synth
