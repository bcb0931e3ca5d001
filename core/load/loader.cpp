#include "load/loader.h"

#include "assemble/capture_builder.h"
#include "capture/pcap_reader.h"
#include "decode/link_layer.h"
#include "decode/packet_decoder.h"
#include "load/load_log.h"
#include "log.h"
#include "model/warning_log.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <new>

namespace core {
namespace {

constexpr std::uint64_t progressInterval = 4096; // packets between progress calls

// No TCP row can take fewer file bytes than a record header plus IPv4 and TCP headers.
constexpr std::uint64_t minimumBytesPerTcpRow = 16 + 40;
// Past this the columns grow as needed: reserving address space for more rows than this
// could be refused outright on a small machine.
constexpr std::uint64_t maxReservedRows = std::uint64_t(1) << 27;

LoadResult loadUnguarded(const std::string& path, const ProgressSink& progress)
{
    const auto started = std::chrono::steady_clock::now();
    LoadResult result;
    std::string error;
    auto reader = PcapReader::open(path, error);
    if (!reader) {
        result.error = error;
        return result;
    }

    const int linkType = reader->linkType();
    WarningLog warnings;
    if (!isSupportedLinkType(linkType))
        warnings.addLine("link type " + reader->linkTypeName() + " is not supported: no packet decoded");

    CaptureBuilder builder(path, reader->linkTypeName(),
                           std::min(reader->fileSize() / minimumBytesPerTcpRow, maxReservedRows));
    RawPacket raw;
    DecodedPacket decoded;
    std::uint64_t nonTcpPackets = 0;
    std::vector<std::uint64_t> frameOffsets;
    DecodeTally tally;
    for (;;) {
        if (reader->packetsRead() % Capture::frameOffsetInterval == 0)
            frameOffsets.push_back(reader->bytesRead());
        const auto status = reader->next(raw);
        if (status == PcapReader::Status::End)
            break;
        if (status == PcapReader::Status::Truncated) {
            warnings.addLine(path + ": the last packet is cut short " + reader->error());
            break;
        }
        if (status == PcapReader::Status::Error) {
            result.error = path + ": " + reader->error();
            return result;
        }

        const std::uint64_t number = reader->packetsRead();
        const auto decodeStatus = decodePacket(linkType, raw, decoded);
        tally.count(decodeStatus);
        builder.addFrame(raw.timeNs);
        if (decodeStatus == DecodeStatus::Tcp) {
            builder.addTcp(PacketNumber(std::uint32_t(number)), raw.timeNs, decoded, warnings);
        } else if (decodeStatus == DecodeStatus::IcmpQuotedTcp) {
            builder.addIcmpQuote(PacketNumber(std::uint32_t(number)), raw.timeNs, decoded);
        } else if (decodeStatus == DecodeStatus::NotTcp || decodeStatus == DecodeStatus::NotIp) {
            ++nonTcpPackets;
        } else if (decodeStatus != DecodeStatus::UnsupportedLink) {
            warnings.add(describe(decodeStatus), number);
        }

        if (progress && number % progressInterval == 0 && !progress(reader->bytesRead(), reader->fileSize())) {
            result.cancelled = true;
            result.error = path + ": loading cancelled";
            return result;
        }
    }
    if (progress)
        progress(reader->fileSize(), reader->fileSize());

    tally.log(path);
    auto capture = builder.finish(warnings);
    capture->nonTcpPackets = nonTcpPackets;
    capture->frameOffsets = std::move(frameOffsets);
    capture->listedWarnings = warnings.listed();
    capture->unlistedWarnings = warnings.unlisted();
    logAssembly(*capture);
    const auto elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
    log::load()->debug("{}: {} packets ({} not TCP), {} TCP connections, {} MPTCP connections in {:.3f} s", path,
                       capture->packets, capture->nonTcpPackets, capture->tcp.size(), capture->mptcp.size(),
                       elapsed.count());
    result.capture = std::move(capture);
    return result;
}

} // namespace

LoadResult load(const std::string& path, const ProgressSink& progress)
{
    try {
        return loadUnguarded(path, progress);
    } catch (const std::bad_alloc&) {
        LoadResult result;
        result.error = path + ": not enough memory to load this capture";
        return result;
    }
}

} // namespace core
