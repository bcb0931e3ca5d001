#pragma once

#include "model/event.h"
#include "model/ids.h"
#include "model/reinjection.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace core {

struct MptcpKeyInfo {
    std::optional<std::uint64_t> key;
    std::uint32_t token = 0;
    std::uint64_t idsn = 0;
    bool tokenKnown = false; // from the key, or from an MP_JOIN when the key was not seen
};

struct MptcpDirectionStats {
    std::uint64_t dataBytes = 0;       // distinct data-sequence bytes, DATA_FIN excluded
    std::uint64_t reinjectedBytes = 0; // distinct data bytes carried by more than one subflow
    std::int64_t firstDataNs = 0;
    std::int64_t lastDataNs = 0;
    bool sawData = false;
    bool sawDataFin = false;

    double goodputBps() const
    {
        const double seconds = double(lastDataNs - firstDataNs) / 1e9;
        return seconds > 0 ? 8.0 * double(dataBytes) / seconds : 0.0;
    }
};

struct SubflowStats {
    TcpStreamId stream;
    bool reversed = false; // the subflow's TCP client is the MPTCP server (server-initiated join)
    std::array<std::uint64_t, directionCount> payloadBytes{};      // TCP payload, by MPTCP direction
    std::array<std::uint64_t, directionCount> firstCarriedBytes{}; // data whose original was sent here
};

struct MptcpConnection {
    MptcpId id;
    std::optional<std::uint8_t> version; // unknown when no MP_CAPABLE was seen
    bool unattached = false;             // a subflow whose connection could not be found
    // No MP_CAPABLE key of the connection is in the capture: its subflows were grouped by
    // their data sequence numbers, or named by an MP_JOIN (see README: differences).
    bool handshakeCaptured = true;
    std::optional<std::uint32_t> joinToken; // an unattached MP_JOIN: the token it asked for
    // By MPTCP direction: only 32-bit DSNs were seen and the IDSN is unknown, so the upper 32
    // bits of the data sequence numbers are made up (consistent within the connection).
    std::array<bool, directionCount> dsnUpperBitsUnknown{};
    MptcpKeyInfo client;
    MptcpKeyInfo server;
    std::vector<TcpStreamId> subflows;      // increasing
    std::vector<SubflowStats> subflowStats; // same order as `subflows`
    std::array<MptcpDirectionStats, directionCount> directions{};
    std::vector<MptcpEvent> events;            // in packet order
    std::vector<Reinjection> reinjections;     // by direction, then data sequence number
    std::vector<ShareTransfer> shareTransfers; // by row
    std::int64_t firstNs = 0;
    std::int64_t lastNs = 0;

    const MptcpDirectionStats& stats(Direction d) const { return directions[index(d)]; }
    double dataShare(std::size_t subflowIndex, Direction d) const
    {
        const auto total = directions[index(d)].dataBytes;
        return total ? double(subflowStats[subflowIndex].firstCarriedBytes[index(d)]) / double(total) : 0.0;
    }
};

} // namespace core
