#pragma once

#include "synth/frame.h"
#include "synth/tcp_frame.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

// What the generator knows about a sample: one MPTCP connection with every subflow's
// handshake in the capture, and for each frame the subflow and side that sent it.
namespace synth {

// 0: the side that sent the SYN (of a subflow) or the MP_CAPABLE SYN (of the connection).
constexpr int clientSide = 0;
constexpr int serverSide = 1;

struct Subflow {
    core::Endpoint endpoint[2];  // by subflow side
    std::uint32_t isn[2] = {};   // by subflow side
    bool join = false;           // opened by MP_JOIN (else: MP_CAPABLE)
    bool openedByServer = false; // a join sent by the connection's server
    std::uint32_t nonce[2] = {}; // MP_JOIN random numbers, by subflow side

    // The connection side that sends on this subflow side.
    int connectionSide(int side) const { return openedByServer ? 1 - side : side; }
};

struct PacketInfo {
    std::optional<TcpFrame> tcp;
    int subflow = -1; // -1: not a TCP frame of the connection
    int side = clientSide;
    bool opening = false; // SYN, MP_CAPABLE, MP_JOIN, ADD_ADDR, REMOVE_ADDR, MP_PRIO
    bool closing = false; // FIN, RST, MP_FAIL, MP_FASTCLOSE, MP_TCPRST
    bool dataFin = false;
};

struct SampleModel {
    int linkType = 0;
    std::uint32_t snapLength = 0;
    std::vector<Frame> frames;
    std::vector<PacketInfo> packets; // one per frame
    std::vector<Subflow> subflows;
    std::uint8_t version = 1;
    std::array<std::uint64_t, 2> key{}; // by connection side
    std::array<std::uint64_t, 2> idsn{};
    bool hasAddAddr = false;
};

// Throws std::runtime_error, saying why, for a sample the generator cannot extend: not
// exactly one MPTCP connection, a subflow without its SYN, keys not seen, DSS checksums.
SampleModel analyseSample(SampleCapture capture);

// The part of a frame's payload that the capture cut off, filled with zeros, so that the
// frame is whole as on the wire; its checksum is then computed afresh by the rewrite.
void completePayload(Frame& frame, const TcpFrame& tcp);

} // namespace synth
