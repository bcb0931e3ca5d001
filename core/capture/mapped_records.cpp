#include "capture/mapped_records.h"

#include <pcap/pcap.h>

#include <cstring>
#include <sys/mman.h>
#include <unistd.h>

namespace core {
namespace {

constexpr std::uint32_t microsecondMagic = 0xa1b2c3d4;
constexpr std::uint32_t nanosecondMagic = 0xa1b23c4d;
constexpr std::size_t recordHeaderBytes = 16;
// libpcap's largest snapshot length for the link types below (MAXIMUM_SNAPLEN).
constexpr std::uint32_t maximumSnapshot = 262144;
// Mapped pages already read are given back in steps of this, so that the file does not count
// towards the process's resident memory as it is read.
constexpr std::uint64_t releaseStep = std::uint64_t(4) << 20;

// Link types whose records libpcap hands over as they are in a file of native byte order.
bool plainLinkType(int linkType)
{
    switch (linkType) {
    case DLT_EN10MB:
    case DLT_LINUX_SLL:
    case DLT_LINUX_SLL2:
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
    case DLT_NULL:
    case DLT_LOOP:
    case DLT_PPP:
    case DLT_PPP_SERIAL: return true;
    default: return false;
    }
}

template <typename T> T read(const std::uint8_t* at)
{
    T value;
    std::memcpy(&value, at, sizeof value);
    return value;
}

} // namespace

MappedRecords::MappedRecords(const std::uint8_t* data, std::size_t size, bool nanoseconds, std::uint32_t snapshot)
    : m_data(data)
    , m_size(size)
    , m_nanoseconds(nanoseconds)
    , m_snapshot(snapshot)
{
}

MappedRecords::~MappedRecords() { munmap(const_cast<std::uint8_t*>(m_data), m_size); }

std::unique_ptr<MappedRecords> MappedRecords::map(int fd, std::uint64_t fileSize, int linkType, int snapshot,
                                                  bool swapped)
{
    if (swapped || !plainLinkType(linkType) || snapshot <= 0 || fileSize < 24 || fd < 0)
        return nullptr;
    void* address = mmap(nullptr, std::size_t(fileSize), PROT_READ, MAP_PRIVATE, fd, 0);
    if (address == MAP_FAILED)
        return nullptr;
    const auto* data = static_cast<const std::uint8_t*>(address);
    const auto magic = read<std::uint32_t>(data);
    const bool version24 = read<std::uint16_t>(data + 4) == 2 && read<std::uint16_t>(data + 6) == 4;
    if ((magic != microsecondMagic && magic != nanosecondMagic) || !version24) {
        munmap(address, std::size_t(fileSize));
        return nullptr;
    }
    madvise(address, std::size_t(fileSize), MADV_SEQUENTIAL);
    return std::unique_ptr<MappedRecords>(
        new MappedRecords(data, std::size_t(fileSize), magic == nanosecondMagic, std::uint32_t(snapshot)));
}

bool MappedRecords::next(RawPacket& out)
{
    if (m_offset > m_size || m_size - m_offset < recordHeaderBytes)
        return false;
    const std::uint8_t* header = m_data + m_offset;
    const auto seconds = read<std::int32_t>(header);
    const auto fraction = read<std::int32_t>(header + 4);
    const auto captured = read<std::uint32_t>(header + 8);
    const auto wire = read<std::uint32_t>(header + 12);
    const std::int32_t fractionLimit = m_nanoseconds ? 1'000'000'000 : 1'000'000;
    if (seconds < 0 || fraction < 0 || fraction >= fractionLimit || captured > m_snapshot ||
        captured > maximumSnapshot || m_size - m_offset - recordHeaderBytes < captured)
        return false;
    out.bytes = {header + recordHeaderBytes, captured};
    out.wireLength = wire;
    out.timeNs = std::int64_t(seconds) * 1'000'000'000 + std::int64_t(fraction) * (m_nanoseconds ? 1 : 1000);
    releaseBehind(m_offset);
    m_offset += recordHeaderBytes + captured;
    return true;
}

// Gives back the mapped pages before the record starting at `recordStart` (whose bytes the
// caller holds until the next read).
void MappedRecords::releaseBehind(std::uint64_t recordStart)
{
    static const std::uint64_t page = std::uint64_t(sysconf(_SC_PAGESIZE));
    const std::uint64_t keepFrom = recordStart / page * page;
    if (keepFrom <= m_released || keepFrom - m_released < releaseStep)
        return;
    madvise(const_cast<std::uint8_t*>(m_data) + m_released, std::size_t(keepFrom - m_released), MADV_DONTNEED);
    m_released = keepFrom;
}

} // namespace core
