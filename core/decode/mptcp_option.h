#pragma once

#include "model/ip_address.h"

#include <cstdint>
#include <span>
#include <variant>

namespace core {

enum class MptcpSubtype : std::uint8_t {
    MpCapable = 0,
    MpJoin = 1,
    Dss = 2,
    AddAddr = 3,
    RemoveAddr = 4,
    MpPrio = 5,
    MpFail = 6,
    MpFastclose = 7,
    MpTcpRst = 8,
};

constexpr std::uint8_t tcpOptionMptcp = 30;
constexpr std::uint8_t mpJoinSynLength = 12; // RFC 8684 §3.2: the MP_JOIN of a SYN

struct MpCapable {
    std::uint8_t version = 0;
    std::uint8_t flags = 0;
    bool hasSenderKey = false;
    bool hasReceiverKey = false;
    bool hasDataLength = false;
    bool hasChecksum = false;
    std::uint64_t senderKey = 0;
    std::uint64_t receiverKey = 0;
    std::uint16_t dataLength = 0;
    std::uint16_t checksum = 0;

    bool checksumRequired() const { return flags & 0x80; } // flag A
};

struct MpJoin {
    enum class Phase : std::uint8_t { Syn, SynAck, Ack };
    Phase phase = Phase::Syn;
    bool backup = false;
    std::uint8_t addressId = 0;
    std::uint32_t token = 0;         // Syn: the receiver's token
    std::uint32_t nonce = 0;         // Syn, SynAck: the sender's random number
    std::uint64_t truncatedHmac = 0; // SynAck
};

struct Dss {
    std::uint8_t flags = 0;
    bool hasDataAck = false;
    bool dataAck64 = false;
    bool hasMapping = false;
    bool dsn64 = false;
    bool dataFin = false;
    bool hasChecksum = false;
    std::uint64_t dataAck = 0;
    std::uint64_t dsn = 0;
    std::uint32_t subflowSeq = 0; // relative to the subflow's initial sequence number
    std::uint16_t dataLength = 0;
    std::uint16_t checksum = 0;
};

struct AddAddr {
    std::uint8_t optionVersion = 1; // 0: RFC 6824 layout (IP version nibble), 1: RFC 8684
    bool echo = false;
    std::uint8_t addressId = 0;
    IpAddress address;
    bool hasPort = false;
    std::uint16_t port = 0;
    bool hasHmac = false;
    std::uint64_t hmac = 0;
};

struct RemoveAddr {
    std::span<const std::uint8_t> addressIds; // points into the packet
};

struct MpPrio {
    bool backup = false;
    bool hasAddressId = false;
    std::uint8_t addressId = 0;
};

struct MpFail {
    std::uint64_t dsn = 0;
};

struct MpFastclose {
    std::uint64_t receiverKey = 0;
};

struct MpTcpRst {
    std::uint8_t flags = 0;
    std::uint8_t reason = 0;
    bool transient() const { return flags & 0x01; } // flag T
};

struct MptcpMalformed {
    // No usable option header: too short to hold a subtype, or a length byte that disagrees.
    static constexpr std::uint8_t subtypeUnread = 0xff;
    std::uint8_t subtype = 0;
    std::uint8_t length = 0;
};

using MptcpOption =
    std::variant<MptcpMalformed, MpCapable, MpJoin, Dss, AddAddr, RemoveAddr, MpPrio, MpFail, MpFastclose, MpTcpRst>;

// `option` is a whole TCP option of kind 30 (kind and length bytes included);
// `tcpFlags` tells MP_JOIN's phase. Unknown subtypes and bad lengths give MptcpMalformed.
MptcpOption decodeMptcpOption(std::span<const std::uint8_t> option, std::uint8_t tcpFlags);

// A snapshot length can cut the option area inside an MPTCP option. `cutOption` starts at the
// cut option's kind byte and holds what was captured of it. Wireshark 4.0 gives a connection
// its mptcp.stream number from the subtype and length bytes alone: true when these say the
// option is neither an MP_CAPABLE nor the MP_JOIN of a SYN, so it numbers the connection as
// a whole option would; false when those bytes were not captured.
bool cutMptcpOptionTakesStreamNumber(std::span<const std::uint8_t> cutOption);

const char* subtypeName(MptcpSubtype subtype);

} // namespace core
