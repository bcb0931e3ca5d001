#include "synth/frame.h"

#include <pcap/pcap.h>

#include <memory>
#include <stdexcept>

namespace synth {

SampleCapture readCapture(const std::string& path)
{
    char errbuf[PCAP_ERRBUF_SIZE] = {};
    const std::unique_ptr<pcap_t, decltype(&pcap_close)> pcap(
        pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf), &pcap_close);
    if (!pcap)
        throw std::runtime_error(path + ": " + errbuf);
    SampleCapture capture;
    capture.linkType = pcap_datalink(pcap.get());
    capture.snapLength = std::uint32_t(pcap_snapshot(pcap.get()));
    pcap_pkthdr* header = nullptr;
    const u_char* data = nullptr;
    int rc = 0;
    while ((rc = pcap_next_ex(pcap.get(), &header, &data)) == 1) {
        Frame frame;
        frame.timeNs = std::int64_t(header->ts.tv_sec) * 1'000'000'000 + header->ts.tv_usec;
        frame.wireLength = header->len;
        frame.bytes.assign(data, data + header->caplen);
        capture.frames.push_back(std::move(frame));
    }
    if (rc != PCAP_ERROR_BREAK)
        throw std::runtime_error(path + ": " + pcap_geterr(pcap.get()));
    return capture;
}

std::uint16_t get16(const std::uint8_t* p) { return std::uint16_t((p[0] << 8) | p[1]); }

std::uint32_t get32(const std::uint8_t* p) { return (std::uint32_t(get16(p)) << 16) | get16(p + 2); }

std::uint64_t get64(const std::uint8_t* p) { return (std::uint64_t(get32(p)) << 32) | get32(p + 4); }

void put16(std::uint8_t* p, std::uint16_t v)
{
    p[0] = std::uint8_t(v >> 8);
    p[1] = std::uint8_t(v);
}

void put32(std::uint8_t* p, std::uint32_t v)
{
    put16(p, std::uint16_t(v >> 16));
    put16(p + 2, std::uint16_t(v));
}

void put64(std::uint8_t* p, std::uint64_t v)
{
    put32(p, std::uint32_t(v >> 32));
    put32(p + 4, std::uint32_t(v));
}

} // namespace synth
