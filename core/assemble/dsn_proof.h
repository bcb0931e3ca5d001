#pragma once

#include "model/ids.h"

#include <cstdint>
#include <vector>

namespace core {

// Whether connections whose keys are unknown are one MPTCP connection, from what their
// subflows carried in each data direction: where data segments start and end (DSN, DSN +
// length) and the data acks. A match is a value only the two together explain:
//   - a data ack on one acknowledges exactly up to the end of a segment the other carried,
//     where its own segments never end (the receiver got that data on the other subflow);
//   - one's data stops exactly where a segment of the other starts, where its own segments
//     never start (the sender went on with the next bytes on the other subflow).
// Values compared in 64 bits need one match; values known only by their low 32 bits need
// two. Either way the matches must be at least ten times what chance gives two unrelated
// connections whose values lie in the same range. A pair proven in both orientations proves
// nothing.
class DsnProof {
public:
    explicit DsnProof(std::size_t connections);

    // `side`: the data direction (by the connection's own client and server) the value counts in.
    void addSegment(std::uint32_t connection, Direction side, std::uint64_t dsn, std::uint32_t length, bool full64);
    void addAck(std::uint32_t connection, Direction side, std::uint64_t ack, bool full64);

    struct Link {
        std::uint32_t a = 0;
        std::uint32_t b = 0;
        bool flipped = false; // a's client is b's server
        std::uint64_t matches = 0;
    };
    // The pairs proven to be one connection, strongest first.
    std::vector<Link> links();

private:
    template <typename T> struct Values {
        std::vector<T> starts;
        std::vector<T> ends;
        std::vector<T> acks;
        void sortUnique();
    };
    struct Space {                  // one data direction of one connection
        Values<std::uint64_t> full; // the values known in 64 bits
        Values<std::uint32_t> low;  // the low 32 bits of every value
    };
    std::vector<Space> m_spaces; // connection × 2 + side
};

} // namespace core
