#pragma once

#include <cstdint>
#include <string>
#include <vector>

// Captures as the generator handles them: every frame in memory (samples are small), written
// back out as nanosecond pcap.
namespace synth {

struct Frame {
    std::int64_t timeNs = 0;
    std::uint32_t wireLength = 0;
    std::vector<std::uint8_t> bytes; // what was captured
};

struct SampleCapture {
    int linkType = 0;
    std::uint32_t snapLength = 0;
    std::vector<Frame> frames;
};

// Throws std::runtime_error naming the file when it cannot be read.
SampleCapture readCapture(const std::string& path);

// Big-endian fields inside a frame.
std::uint16_t get16(const std::uint8_t* p);
std::uint32_t get32(const std::uint8_t* p);
std::uint64_t get64(const std::uint8_t* p);
void put16(std::uint8_t* p, std::uint16_t v);
void put32(std::uint8_t* p, std::uint32_t v);
void put64(std::uint8_t* p, std::uint64_t v);

} // namespace synth
