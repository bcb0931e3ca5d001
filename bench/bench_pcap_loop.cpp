// Reading a capture with libpcap, with nothing else done, next to core::load.
//
//   bench_pcap_loop CAPTURE [repetitions]
//       best of the repetitions: the bare loop (pcap_open_offline) and core::load, and their
//       ratio (what `ctest --preset bench` runs);
//   bench_pcap_loop --mode open-offline|fopen|reader|decode|feed|load [--buffer BYTES] CAPTURE
//       one run of one reader, for bench/run.sh, which times the whole process:
//       open-offline  pcap_next_ex over a file opened by pcap_open_offline (libpcap's stdio
//                     buffer: st_blksize, 4 KiB on most file systems);
//       fopen         the same loop over fopen + setvbuf(BYTES, default 1 MiB) +
//                     pcap_fopen_offline;
//       reader        core::PcapReader::next alone, on this thread;
//       decode        core::PcapReader::next and core::decodePacket, on this thread;
//       feed          core::FrameFeed (reader and decoder on their thread), batches dropped;
//       load          core::load, what the CLI and the GUI's loader run.
//   Prints "packets N seconds S main-thread-cpu C" (S measured inside the process, C the CPU
//   time of the thread that ran the mode).
#include "capture/pcap_reader.h"
#include "decode/packet_decoder.h"
#include "load/frame_feed.h"
#include "load/loader.h"

#include <pcap/pcap.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <string>
#include <vector>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long countPackets(pcap_t* pcap)
{
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    long packets = 0;
    unsigned sum = 0;
    while (pcap_next_ex(pcap, &header, &data) == 1) {
        sum += header->caplen ? data[0] : 0; // touch the data like a decoder would
        ++packets;
    }
    pcap_close(pcap);
    return packets + long(sum & 0);
}

long openOfflineLoop(const char* path)
{
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t* pcap = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    return pcap ? countPackets(pcap) : -1;
}

long fopenLoop(const char* path, std::size_t bufferBytes)
{
    std::FILE* file = std::fopen(path, "rb");
    if (!file)
        return -1;
    // The buffer must outlive the FILE, which pcap_close closes.
    std::vector<char> buffer(bufferBytes);
    std::setvbuf(file, buffer.data(), _IOFBF, buffer.size());
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t* pcap = pcap_fopen_offline_with_tstamp_precision(file, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!pcap) {
        std::fclose(file);
        return -1;
    }
    return countPackets(pcap);
}

long readerLoop(const char* path, bool decode)
{
    std::string error;
    const auto reader = core::PcapReader::open(path, error);
    if (!reader)
        return -1;
    core::RawPacket raw;
    core::DecodedPacket decoded;
    long packets = 0;
    long tcp = 0;
    while (reader->next(raw) == core::PcapReader::Status::Packet) {
        ++packets;
        if (decode && core::decodePacket(reader->linkType(), raw, decoded) == core::DecodeStatus::Tcp)
            ++tcp;
    }
    return packets + (tcp & 0);
}

long feedLoop(const char* path)
{
    std::string error;
    auto reader = core::PcapReader::open(path, error);
    if (!reader)
        return -1;
    core::FrameFeed feed(std::move(reader), 1 << 16);
    long packets = 0;
    for (;;) {
        const core::FrameBatch& batch = feed.next();
        packets += long(batch.count);
        if (batch.end != core::FrameBatch::End::No)
            return packets;
    }
}

long loadPackets(const char* path)
{
    const auto result = core::load(path);
    if (!result.ok()) {
        std::fprintf(stderr, "%s\n", result.error.c_str());
        return -1;
    }
    return long(result.capture->packets);
}

int compare(const char* path, int repetitions)
{
    double bestBare = 1e9;
    double bestLoad = 1e9;
    long packets = 0;
    for (int i = 0; i < repetitions; ++i) {
        auto start = std::chrono::steady_clock::now();
        packets = openOfflineLoop(path);
        bestBare = std::min(bestBare, secondsSince(start));
        start = std::chrono::steady_clock::now();
        if (loadPackets(path) < 0)
            return 2;
        bestLoad = std::min(bestLoad, secondsSince(start));
    }
    std::printf("%s: %ld packets\n  bare pcap_next_ex loop: %.3f ms\n  core::load:             %.3f ms\n"
                "  ratio: %.2f\n",
                path, packets, bestBare * 1e3, bestLoad * 1e3, bestLoad / bestBare);
    return 0;
}

int usage(const char* program)
{
    std::fprintf(stderr,
                 "usage: %s CAPTURE [repetitions]\n"
                 "       %s --mode open-offline|fopen|reader|decode|feed|load [--buffer BYTES] CAPTURE\n",
                 program, program);
    return 2;
}

} // namespace

int main(int argc, char* argv[])
{
    std::string mode;
    std::size_t bufferBytes = std::size_t(1) << 20;
    int i = 1;
    for (; i + 1 < argc && std::strncmp(argv[i], "--", 2) == 0; i += 2) {
        if (std::strcmp(argv[i], "--mode") == 0)
            mode = argv[i + 1];
        else if (std::strcmp(argv[i], "--buffer") == 0)
            bufferBytes = std::size_t(std::strtoull(argv[i + 1], nullptr, 10));
        else
            return usage(argv[0]);
    }
    if (i >= argc || bufferBytes == 0)
        return usage(argv[0]);
    const char* path = argv[i];
    if (mode.empty())
        return compare(path, i + 1 < argc ? std::atoi(argv[i + 1]) : 3);

    const auto start = std::chrono::steady_clock::now();
    long packets = -1;
    if (mode == "open-offline")
        packets = openOfflineLoop(path);
    else if (mode == "fopen")
        packets = fopenLoop(path, bufferBytes);
    else if (mode == "reader" || mode == "decode")
        packets = readerLoop(path, mode == "decode");
    else if (mode == "feed")
        packets = feedLoop(path);
    else if (mode == "load")
        packets = loadPackets(path);
    else
        return usage(argv[0]);
    if (packets < 0) {
        std::fprintf(stderr, "%s: cannot read\n", path);
        return 1;
    }
    // The loading thread's own CPU time (the reader thread's is the rest of the process's).
    timespec threadCpu{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &threadCpu);
    std::printf("packets %ld seconds %.6f main-thread-cpu %.6f\n", packets, secondsSince(start),
                double(threadCpu.tv_sec) + double(threadCpu.tv_nsec) * 1e-9);
    return 0;
}
