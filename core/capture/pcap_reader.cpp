#include "capture/pcap_reader.h"

#include "log.h"

#include <pcap/pcap.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <system_error>
#include <vector>

#if __has_include(<stdio_ext.h>)
#include <stdio_ext.h>
#endif

namespace core {
namespace {

// libpcap's own fopen keeps stdio's default buffer (st_blksize, 4 KiB here): a read() every
// few packets. With 1 MiB, reading a capture costs about what `dd bs=1M` costs
// (bench/README.md has the measurements, 1 to 16 MiB).
constexpr std::size_t stdioBufferBytes = std::size_t(1) << 20;

struct FileCloser {
    void operator()(std::FILE* file) const { std::fclose(file); }
};

// pcapng timestamps are 64-bit at any resolution with a signed offset, so libpcap can hand
// over seconds whose nanosecond count overflows. Clamp to within ±2^62 ns (years 1824 to
// 2116, beyond the 32-bit seconds of classic pcap), so that the difference of any two
// timestamps fits in 64 bits too; a fraction past one second is garbage and clamped as well.
std::int64_t toNanoseconds(std::int64_t seconds, std::int64_t fraction)
{
    constexpr std::int64_t maxSeconds = 4'611'686'017; // floor(2^62 / 1e9) - 1
    return std::clamp(seconds, -maxSeconds, maxSeconds) * 1'000'000'000 +
           std::clamp<std::int64_t>(fraction, 0, 999'999'999);
}

} // namespace

struct PcapReader::Handle {
    std::vector<char> buffer; // the FILE's stdio buffer, freed after pcap_close has closed the FILE
    pcap_t* pcap = nullptr;   // owns the FILE
    ~Handle()
    {
        if (pcap)
            pcap_close(pcap);
    }
};

PcapReader::PcapReader(std::unique_ptr<Handle> handle, std::string path, std::uint64_t fileSize)
    : m_handle(std::move(handle))
    , m_path(std::move(path))
    , m_fileSize(fileSize)
{
}

PcapReader::PcapReader(PcapReader&&) noexcept = default;
PcapReader& PcapReader::operator=(PcapReader&&) noexcept = default;
PcapReader::~PcapReader() = default;

std::unique_ptr<PcapReader> PcapReader::open(const std::string& path, std::string& error)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        error = path + ": is a directory, not a capture file";
        return nullptr;
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = path + ": " + ec.message();
        return nullptr;
    }

    char errbuf[PCAP_ERRBUF_SIZE] = {};
    auto handle = std::make_unique<Handle>();
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        // As libpcap's own open words it.
        error = path + ": not a readable pcap/pcapng capture (" + path + ": " + std::strerror(errno) + ")";
        return nullptr;
    }
    handle->buffer.resize(stdioBufferBytes);
    std::setvbuf(file.get(), handle->buffer.data(), _IOFBF, handle->buffer.size());
    // One reader uses the FILE at a time (PcapReader is not shared between threads): stdio
    // need not lock it on each of libpcap's two freads per packet.
#if __has_include(<stdio_ext.h>)
    __fsetlocking(file.get(), FSETLOCKING_BYCALLER);
#endif
    handle->pcap = pcap_fopen_offline_with_tstamp_precision(file.get(), PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!handle->pcap) {
        error = path + ": not a readable pcap/pcapng capture (" + errbuf + ")";
        return nullptr;
    }
    file.release(); // pcap_close closes it from now on
    log::capture()->debug("{}: {} bytes, link type {}, snapshot length {}", path, size,
                          core::linkTypeName(pcap_datalink(handle->pcap)), pcap_snapshot(handle->pcap));
    return std::unique_ptr<PcapReader>(new PcapReader(std::move(handle), path, size));
}

PcapReader::Status PcapReader::next(RawPacket& out)
{
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    const int rc = pcap_next_ex(m_handle->pcap, &header, &data);
    if (rc == 1) {
        ++m_packets;
        out.bytes = {data, header->caplen};
        out.wireLength = header->len;
        out.timeNs = toNanoseconds(header->ts.tv_sec, header->ts.tv_usec);
        return Status::Packet;
    }
    if (rc == PCAP_ERROR_BREAK) {
        log::capture()->debug("{}: end of file after {} packets", m_path, m_packets);
        return Status::End;
    }

    const std::string message = pcap_geterr(m_handle->pcap);
    m_error = "after packet " + std::to_string(m_packets) + " (byte offset " + std::to_string(bytesRead()) +
              "): " + message;
    // libpcap reports a short last record as "truncated dump file" (pcap) or
    // "truncated pcapng dump file" (pcapng): the packets before it are good.
    return message.find("truncated") != std::string::npos ? Status::Truncated : Status::Error;
}

bool PcapReader::seek(std::uint64_t offset, std::uint64_t packetsBefore)
{
    FILE* file = pcap_file(m_handle->pcap);
    if (!file || std::fseek(file, long(offset), SEEK_SET) != 0)
        return false;
    m_packets = packetsBefore;
    return true;
}

int PcapReader::linkType() const { return pcap_datalink(m_handle->pcap); }

std::string PcapReader::linkTypeName() const { return core::linkTypeName(linkType()); }

std::uint64_t PcapReader::bytesRead() const
{
    FILE* file = pcap_file(m_handle->pcap);
    if (!file)
        return 0;
    const long position = std::ftell(file);
    return position < 0 ? 0 : std::uint64_t(position);
}

std::string linkTypeName(int linkType)
{
    if (const char* name = pcap_datalink_val_to_name(linkType))
        return name;
    return "DLT_" + std::to_string(linkType);
}

} // namespace core
