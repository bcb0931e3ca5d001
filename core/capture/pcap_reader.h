#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>

namespace core {

// One captured frame as libpcap hands it over. The bytes stay valid until the next read.
struct RawPacket {
    std::span<const std::uint8_t> bytes;
    std::uint32_t wireLength = 0;
    std::int64_t timeNs = 0; // since the Unix epoch
};

// Streaming reader over pcap and pcapng files (libpcap), nanosecond timestamps for both.
class PcapReader {
public:
    enum class Status { Packet, End, Truncated, Error };

    PcapReader(const PcapReader&) = delete;
    PcapReader& operator=(const PcapReader&) = delete;
    PcapReader(PcapReader&&) noexcept;
    PcapReader& operator=(PcapReader&&) noexcept;
    ~PcapReader();

    // Returns nullptr and fills `error` with one readable line when the file cannot be opened.
    static std::unique_ptr<PcapReader> open(const std::string& path, std::string& error);

    // Packet: `out` is filled. Truncated: the file ends inside a packet (a warning, not a
    // failure). Error: unreadable data; error() says what and where.
    Status next(RawPacket& out);

    // Continues reading at `offset`, a value bytesRead() gave just before reading the packet
    // that follows `packetsBefore` packets. Returns false when the file cannot seek.
    bool seek(std::uint64_t offset, std::uint64_t packetsBefore);

    int linkType() const;
    std::string linkTypeName() const;
    std::uint64_t bytesRead() const;
    std::uint64_t fileSize() const { return m_fileSize; }
    std::uint64_t packetsRead() const { return m_packets; }
    const std::string& error() const { return m_error; }

private:
    struct Handle;
    PcapReader(std::unique_ptr<Handle> handle, std::string path, std::uint64_t fileSize);

    std::unique_ptr<Handle> m_handle;
    std::string m_path;
    std::uint64_t m_fileSize = 0;
    std::uint64_t m_packets = 0;
    std::string m_error;
};

// libpcap's DLT name for a link type ("EN10MB", "LINUX_SLL2"...), or "DLT_<n>" when unknown.
std::string linkTypeName(int linkType);

} // namespace core
