#pragma once

#include "model/ids.h"

#include <cstdint>
#include <string>

namespace core {

enum class EventKind : std::uint8_t {
    MpCapable,
    MpJoin,
    AddAddr,
    RemoveAddr,
    MpPrio,
    MpFail,
    MpFastclose,
    MpTcpRst,
    DataFin,
    Fallback,
};

const char* eventKindName(EventKind kind); // "MP_JOIN", "ADD_ADDR"... as the JSON schema spells them

struct MptcpEvent {
    std::int64_t timeNs = 0;
    PacketNumber packet;
    TcpStreamId stream;
    Direction direction = Direction::ClientToServer;
    EventKind kind = EventKind::MpJoin;
    std::string detail;
};

} // namespace core
