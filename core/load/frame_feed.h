#pragma once

#include "capture/pcap_reader.h"
#include "decode/packet_decoder.h"
#include "load/load_log.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <thread>
#include <vector>

namespace core {

// One frame read and decoded on the reader thread.
struct FeedFrame {
    DecodedPacket decoded; // Tcp and IcmpQuotedTcp; tcp.options point into the batch
    std::int64_t timeNs = 0;
    DecodeStatus status = DecodeStatus::NotIp;
};

// Consecutive frames of the file. Every batch but the last holds exactly batchFrames frames,
// so the packet number of each batch's last frame is a multiple of batchFrames.
struct FrameBatch {
    enum class End { No, File, Truncated, Error, Failed };
    // The frames read, in file order. Fields a frame's status leaves unused hold stale values.
    std::span<const FeedFrame> frames() const { return {storage.data(), count}; }

    std::vector<FeedFrame> storage; // batchFrames frames, made once and overwritten by each fill
    std::size_t count = 0;
    // Copies of the frames' TCP option areas (at most 40 bytes each), made once at full size
    // so that the frames' spans into it stay valid wherever the batch moves.
    std::vector<std::uint8_t> optionBytes;
    std::size_t optionBytesUsed = 0;
    std::uint64_t firstNumber = 0; // 1-based packet number of frames[0]
    std::uint64_t bytesRead = 0;   // file offset after the last frame
    End end = End::No;             // the file ended (or failed) after these frames
    std::string error;             // PcapReader::error() for Truncated and Error
    std::exception_ptr failure;    // what the reader thread threw, for Failed
};

// Reads and decodes a capture on a thread of its own, a few batches ahead of the consumer:
// the reader, libpcap's copies and the decoding run on one core while the caller assembles
// on another. At most batchCount batches exist, so memory stays bounded whatever the file.
class FrameFeed {
public:
    static constexpr std::size_t batchFrames = 4096;
    static constexpr std::size_t batchCount = 4;

    // frameOffsetInterval: every how many packets to note the file offset (Capture::frameOffsets).
    FrameFeed(std::unique_ptr<PcapReader> reader, std::uint64_t frameOffsetInterval);
    FrameFeed(const FrameFeed&) = delete;
    FrameFeed& operator=(const FrameFeed&) = delete;
    ~FrameFeed(); // stops the reader thread and waits for it

    // The next batch in file order; valid until the next call.
    // After a batch whose `end` is not No, do not call again.
    const FrameBatch& next();

    // Waits for the reader thread (the last batch has been taken), then hands over what it
    // counted: the decoding outcomes and the file offsets every frameOffsetInterval packets.
    DecodeTally finishTally();
    std::vector<std::uint64_t> takeFrameOffsets();

private:
    // What the reader thread reads and writes for each frame, on its own stack: the feed
    // itself lives on the consumer's, whose cache lines the consumer writes all the time.
    struct ReaderState {
        PcapReader& reader;
        const int linkType;
        const std::uint64_t frameOffsetInterval;
        std::uint64_t nextOffsetAt = 0; // packets read when the next offset is noted
        DecodeTally tally;
        std::vector<std::uint64_t> frameOffsets;
    };

    void read();
    static void fill(FrameBatch& batch, ReaderState& state);
    void stop();

    std::unique_ptr<PcapReader> m_reader; // the reader thread's alone while it runs
    const std::uint64_t m_frameOffsetInterval;
    const int m_linkType;
    DecodeTally m_tally;                       // set by the reader thread as it ends
    std::vector<std::uint64_t> m_frameOffsets; // set by the reader thread as it ends

    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<FrameBatch> m_filled; // guarded by m_mutex
    std::deque<FrameBatch> m_free;   // guarded by m_mutex
    bool m_stopping = false;         // guarded by m_mutex
    FrameBatch m_current;            // the consumer's, returned to m_free on the next call
    bool m_holdsCurrent = false;
    std::thread m_thread; // last: started once everything above exists
};

} // namespace core
