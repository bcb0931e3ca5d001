#include "load/frame_feed.h"

#include "vector_state.h"

#include <algorithm>
#include <utility>

namespace core {
namespace {

// A TCP header's data offset counts at most 15 words: 60 bytes, 20 of them fixed.
constexpr std::size_t maxTcpOptionBytes = 40;

} // namespace

FrameFeed::FrameFeed(std::unique_ptr<PcapReader> reader, std::uint64_t frameOffsetInterval)
    : m_reader(std::move(reader))
    , m_frameOffsetInterval(frameOffsetInterval)
    , m_linkType(m_reader->linkType())
{
    for (std::size_t i = 0; i < batchCount; ++i) {
        FrameBatch batch;
        batch.storage.resize(batchFrames);
        batch.optionBytes.resize(batchFrames * maxTcpOptionBytes);
        m_free.push_back(std::move(batch));
    }
    m_thread = std::thread([this] { read(); });
}

FrameFeed::~FrameFeed()
{
    stop();
    if (m_thread.joinable())
        m_thread.join();
}

void FrameFeed::stop()
{
    const std::lock_guard lock(m_mutex);
    m_stopping = true;
    m_changed.notify_all();
}

const FrameBatch& FrameFeed::next()
{
    std::unique_lock lock(m_mutex);
    if (m_holdsCurrent)
        m_free.push_back(std::move(m_current));
    m_changed.notify_all();
    m_changed.wait(lock, [this] { return !m_filled.empty(); });
    m_current = std::move(m_filled.front());
    m_filled.pop_front();
    m_holdsCurrent = true;
    lock.unlock();

    return m_current;
}

DecodeTally FrameFeed::finishTally()
{
    if (m_thread.joinable())
        m_thread.join();
    return m_tally;
}

std::vector<std::uint64_t> FrameFeed::takeFrameOffsets()
{
    if (m_thread.joinable())
        m_thread.join();
    return std::move(m_frameOffsets);
}

// The reader thread: fills free batches until the file ends or the consumer stops.
void FrameFeed::read()
{
    clearUpperVectorState();
    ReaderState state{*m_reader, m_linkType, m_frameOffsetInterval, 0, {}, {}};
    for (;;) {
        FrameBatch batch;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_free.empty(); });
            if (m_stopping)
                return;
            batch = std::move(m_free.front());
            m_free.pop_front();
        }
        try {
            fill(batch, state);
        } catch (...) {
            batch.end = FrameBatch::End::Failed;
            batch.failure = std::current_exception();
        }
        const bool last = batch.end != FrameBatch::End::No;
        if (last) {
            m_tally = state.tally;
            m_frameOffsets = std::move(state.frameOffsets);
        }
        {
            const std::lock_guard lock(m_mutex);
            m_filled.push_back(std::move(batch));
            m_changed.notify_all();
        }
        if (last)
            return;
    }
}

void FrameFeed::fill(FrameBatch& batch, ReaderState& state)
{
    batch.count = 0;
    batch.optionBytesUsed = 0;
    batch.end = FrameBatch::End::No;
    batch.error.clear();
    batch.failure = nullptr;
    batch.firstNumber = state.reader.packetsRead() + 1;
    RawPacket raw;
    while (batch.count < batchFrames) {
        if (state.reader.packetsRead() == state.nextOffsetAt) {
            state.frameOffsets.push_back(state.reader.bytesRead());
            state.nextOffsetAt += state.frameOffsetInterval;
        }
        const auto status = state.reader.next(raw);
        if (status != PcapReader::Status::Packet) {
            batch.end = status == PcapReader::Status::End         ? FrameBatch::End::File
                        : status == PcapReader::Status::Truncated ? FrameBatch::End::Truncated
                                                                  : FrameBatch::End::Error;
            batch.error = state.reader.error();
            break;
        }
        FeedFrame& frame = batch.storage[batch.count++];
        frame.timeNs = raw.timeNs;
        frame.status = decodePacket(state.linkType, raw, frame.decoded);
        state.tally.count(frame.status);
        if (frame.status != DecodeStatus::Tcp) {
            frame.decoded.tcp.options = {}; // a stale span from an earlier fill otherwise
            continue;
        }
        auto& options = frame.decoded.tcp.options;
        options = options.first(std::min(options.size(), maxTcpOptionBytes)); // decodeTcp's bound already
        std::uint8_t* copy = batch.optionBytes.data() + batch.optionBytesUsed;
        std::copy(options.begin(), options.end(), copy);
        options = {copy, options.size()};
        batch.optionBytesUsed += options.size();
    }
    batch.bytesRead = state.reader.bytesRead();
}

} // namespace core
