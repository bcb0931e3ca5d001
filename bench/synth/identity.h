#pragma once

#include "synth/sample_model.h"
#include "synth/shift.h"

#include <array>
#include <cstdint>
#include <unordered_set>
#include <vector>

namespace synth {

// Makes a copy of the sample's connection into another connection: each subflow's client gets
// an address of its own (100.64.0.0/10, or fd00:ffff::/96; same port), and either both sides get other
// keys (so other tokens, IDSNs, data sequence numbers and MP_JOIN HMACs), or every MPTCP option
// becomes NOPs and the subflows are plain TCP connections.
class ConnectionIdentity {
public:
    // Throws std::runtime_error for samples whose copies it cannot make (ADD_ADDR, whose HMAC
    // would need the new keys too; more client addresses than the ranges hold). Keys are
    // drawn so that their tokens are not in `tokensInUse`, and added to it: a kernel keeps
    // tokens unique among live connections only, but one token for two connections of a
    // capture leaves analysers guessing which connection a join belongs to.
    ConnectionIdentity(const SampleModel& model, std::uint64_t copy, bool plainTcp,
                       std::unordered_set<std::uint32_t>& tokensInUse);

    // Rewrites one frame of the sample (its checksums are left to the caller).
    void apply(Frame& frame, const PacketInfo& info) const;

private:
    void rewriteMptcp(Frame& frame, const PacketInfo& info) const;

    const SampleModel& m_model;
    bool m_plainTcp = false;
    std::vector<core::Endpoint> m_clients; // by subflow
    std::array<std::uint64_t, 2> m_key{};  // by connection side
    std::array<std::uint32_t, 2> m_token{};
    std::vector<std::uint64_t> m_synAckHmac; // by subflow (joins only)
    std::vector<std::array<std::uint8_t, 20>> m_ackHmac;
    Shift m_dsnShift;
};

} // namespace synth
