// Compares core::load with a bare libpcap pcap_next_ex loop over the same file, side by side.
#include "load/loader.h"

#include <pcap/pcap.h>

#include <chrono>
#include <cstdio>

namespace {

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

long bareLoop(const char* path)
{
    char errbuf[PCAP_ERRBUF_SIZE];
    pcap_t* pcap = pcap_open_offline_with_tstamp_precision(path, PCAP_TSTAMP_PRECISION_NANO, errbuf);
    if (!pcap)
        return -1;
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

} // namespace

int main(int argc, char* argv[])
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CAPTURE [repetitions]\n", argv[0]);
        return 2;
    }
    const int repetitions = argc > 2 ? std::atoi(argv[2]) : 3;
    double bestBare = 1e9;
    double bestLoad = 1e9;
    long packets = 0;
    for (int i = 0; i < repetitions; ++i) {
        auto start = std::chrono::steady_clock::now();
        packets = bareLoop(argv[1]);
        bestBare = std::min(bestBare, secondsSince(start));
        start = std::chrono::steady_clock::now();
        const auto result = core::load(argv[1]);
        bestLoad = std::min(bestLoad, secondsSince(start));
        if (!result.ok()) {
            std::fprintf(stderr, "%s\n", result.error.c_str());
            return 2;
        }
    }
    std::printf("%s: %ld packets\n  bare pcap_next_ex loop: %.3f ms\n  core::load:             %.3f ms\n"
                "  ratio: %.2f\n",
                argv[1], packets, bestBare * 1e3, bestLoad * 1e3, bestLoad / bestBare);
    return 0;
}
