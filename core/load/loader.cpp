#include "load/loader.h"

#include "assemble/capture_builder.h"
#include "capture/pcap_reader.h"
#include "decode/link_layer.h"
#include "decode/packet_decoder.h"
#include "decode/tcp_options.h"
#include "load/frame_feed.h"
#include "load/load_log.h"
#include "log.h"
#include "model/warning_log.h"
#include "vector_state.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <new>

namespace core {
namespace {

// Packets between progress calls: one per batch of the reader thread, after its last frame.
constexpr std::uint64_t progressInterval = FrameFeed::batchFrames;

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

    const std::uint64_t fileSize = reader->fileSize();
    CaptureBuilder builder(path, reader->linkTypeName(), std::min(fileSize / minimumBytesPerTcpRow, maxReservedRows));
    std::uint64_t nonTcpPackets = 0;
    FrameFeed feed(std::move(reader), Capture::frameOffsetInterval);
    for (;;) {
        const FrameBatch& batch = feed.next();
        std::uint64_t number = batch.firstNumber;
        for (const FeedFrame& frame : batch.frames()) {
            const DecodeStatus decodeStatus = frame.status;
            builder.addFrame(frame.timeNs);
            if (decodeStatus == DecodeStatus::Tcp) {
                builder.addTcp(PacketNumber(std::uint32_t(number)), frame.timeNs, frame.decoded,
                               readTimingOptions(frame.decoded.tcp), warnings);
            } else if (decodeStatus == DecodeStatus::IcmpQuotedTcp) {
                builder.addIcmpQuote(PacketNumber(std::uint32_t(number)), frame.timeNs, frame.decoded);
            } else if (decodeStatus == DecodeStatus::NotTcp || decodeStatus == DecodeStatus::NotIp) {
                ++nonTcpPackets;
            } else if (decodeStatus != DecodeStatus::UnsupportedLink) {
                warnings.add(describe(decodeStatus), number);
            }
            ++number;
        }
        const std::uint64_t lastNumber = number - 1;
        if (progress && batch.count > 0 && lastNumber % progressInterval == 0 && !progress(batch.bytesRead, fileSize)) {
            result.cancelled = true;
            result.error = path + ": loading cancelled";
            return result;
        }
        if (batch.end == FrameBatch::End::Failed)
            std::rethrow_exception(batch.failure);
        if (batch.end == FrameBatch::End::Truncated)
            warnings.addLine(path + ": the last packet is cut short " + batch.error);
        if (batch.end == FrameBatch::End::Error) {
            result.error = path + ": " + batch.error;
            return result;
        }
        if (batch.end != FrameBatch::End::No)
            break;
    }
    if (progress)
        progress(fileSize, fileSize);

    feed.finishTally().log(path);
    std::vector<std::uint64_t> frameOffsets = feed.takeFrameOffsets();
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
    clearUpperVectorState();
    try {
        return loadUnguarded(path, progress);
    } catch (const std::bad_alloc&) {
        LoadResult result;
        result.error = path + ": not enough memory to load this capture";
        return result;
    }
}

} // namespace core
