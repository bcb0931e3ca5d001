#pragma once

#include "capture/pcap_reader.h"

#include <cstddef>
#include <cstdint>
#include <memory>

namespace core {

// The records of a classic pcap file read straight from a read-only mapping of it: no read()
// copying the page cache into stdio's buffer and no fread() copying that into libpcap's.
// Only records libpcap itself would hand over unchanged are read here (native byte order,
// version 2.4, a link type without pseudo-header fix-ups, the captured length within the
// snapshot length, a plain timestamp, the whole record inside the mapping); at any other
// record next() says so and the caller lets libpcap read it from offset().
class MappedRecords {
public:
    MappedRecords(const MappedRecords&) = delete;
    MappedRecords& operator=(const MappedRecords&) = delete;
    ~MappedRecords();

    // Null when the file is not a classic pcap file this can read, or cannot be mapped.
    // linkType, snapshot and swapped are libpcap's (pcap_datalink, pcap_snapshot, pcap_is_swapped).
    static std::unique_ptr<MappedRecords> map(int fd, std::uint64_t fileSize, int linkType, int snapshot, bool swapped);

    // True with `out` filled and offset() past the record; false when libpcap must read the
    // record at offset() (which is then unchanged).
    bool next(RawPacket& out);

    std::uint64_t offset() const { return m_offset; }
    void setOffset(std::uint64_t offset) { m_offset = offset; }

private:
    MappedRecords(const std::uint8_t* data, std::size_t size, bool nanoseconds, std::uint32_t snapshot);
    void releaseBehind(std::uint64_t recordStart);

    const std::uint8_t* m_data;
    std::size_t m_size;
    bool m_nanoseconds;
    std::uint32_t m_snapshot;
    std::uint64_t m_offset = 24;  // the first record follows the file header
    std::uint64_t m_released = 0; // pages below this were given back (madvise)
};

} // namespace core
