#pragma once

#include "model/ids.h"
#include "model/rtt.h"
#include "model/tcp_connection.h"

#include <array>
#include <cstdint>
#include <vector>

namespace core {

struct PacketTable;
struct TcpHeader;
struct TcpTimingOptions;

// Round-trip times as each data sender sees them, measured in the loading pass: every segment
// that takes sequence space (data, SYN, FIN) is timed to the first acknowledgement, cumulative
// or SACK, of any of its bytes. A segment sent again gives no sample (Karn), unless TCP
// timestamps tell which transmission the acknowledgement answers (RFC 7323 §4.1).
// Only segments still unacknowledged are kept: memory follows the bytes in flight.
class RttTracker {
public:
    explicit RttTracker(std::vector<RttSample>& samples);

    // In file order; `row` is the packet's PacketTable row, `direction` its TCP direction.
    void add(std::uint32_t row, std::uint32_t connection, Direction direction, const TcpHeader& tcp,
             const TcpTimingOptions& options);

    // Orders the samples by connection and direction and fills each TcpDirectionStats::rtt.
    void finish(const PacketTable& table, std::vector<TcpConnection>& connections);

private:
    static constexpr std::uint32_t noRow = 0xffffffff;
    enum Flag : std::uint8_t {
        Timestamped = 0x01,       // the first transmission carried a timestamp
        ResentTimestamped = 0x02, // so did the latest retransmission
        ResentTwice = 0x04,
        Acknowledged = 0x08, // sampled (or found ambiguous) already
    };
    struct Segment {
        std::uint32_t start;
        std::uint32_t end;
        std::uint32_t row;
        std::uint32_t resentRow;
        std::uint32_t tsval;
        std::uint32_t resentTsval;
        std::uint8_t flags;
    };
    // One side of a connection as a sender: its unacknowledged segments in sequence order.
    struct Sender {
        std::vector<Segment> segments; // live from `head` on
        std::size_t head = 0;
        std::uint32_t highestEnd = 0;
        bool started = false;
        bool sentFin = false;
        std::uint32_t samples = 0;
    };

    void send(Sender& sender, std::uint32_t row, std::uint32_t seq, std::uint32_t length,
              const TcpTimingOptions& options);
    void markResent(Sender& sender, std::uint32_t from, std::uint32_t to, std::uint32_t row,
                    const TcpTimingOptions& options);
    void acknowledge(Sender& sender, std::uint32_t row, std::uint32_t ack, const TcpTimingOptions& options);
    void sample(Sender& sender, Segment& segment, std::uint32_t ackRow, const TcpTimingOptions& options);
    static std::size_t firstEndingAfter(const Sender& sender, std::uint32_t seq);
    static void dropAcknowledged(Sender& sender);

    std::vector<RttSample>& m_samples;
    std::vector<std::array<Sender, directionCount>> m_senders; // by tcp.stream
};

} // namespace core
