#include "synth/shift.h"

#include "decode/tcp.h"

namespace synth {
namespace {

void add32(std::uint8_t* p, std::uint32_t delta) { put32(p, get32(p) + delta); }
void add64(std::uint8_t* p, std::uint64_t delta) { put64(p, get64(p) + delta); }

namespace DssFlag {
constexpr std::uint8_t dataAck = 0x01;
constexpr std::uint8_t dataAck8 = 0x02;
constexpr std::uint8_t mapping = 0x04;
constexpr std::uint8_t dsn8 = 0x08;
} // namespace DssFlag

// `own`: the sender's data sequence space; `peer`: the one its data acks refer to.
void shiftDss(std::uint8_t* option, std::uint64_t own, std::uint64_t peer, std::uint32_t subflowSeq)
{
    const std::uint8_t flags = option[3];
    std::uint8_t* p = option + 4;
    if (flags & DssFlag::dataAck) {
        if (flags & DssFlag::dataAck8) {
            add64(p, peer);
            p += 8;
        } else {
            add32(p, std::uint32_t(peer));
            p += 4;
        }
    }
    if (!(flags & DssFlag::mapping))
        return;
    if (flags & DssFlag::dsn8) {
        add64(p, own);
        p += 8;
    } else {
        add32(p, std::uint32_t(own));
        p += 4;
    }
    // A subflow sequence number of 0 is a DATA_FIN without data (RFC 8684 §3.3.3): no
    // subflow bytes to point at.
    if (get32(p) != 0)
        add32(p, subflowSeq);
}

} // namespace

Shift Shift::none(std::size_t subflows)
{
    Shift shift;
    shift.seq.assign(subflows, {0, 0});
    shift.tsval.assign(subflows, {0, 0});
    return shift;
}

Shift Shift::times(std::int64_t k) const
{
    const auto factor32 = std::uint32_t(k);
    const auto factor64 = std::uint64_t(k);
    Shift result = *this;
    result.timeNs = timeNs * k;
    for (auto& pair : result.seq)
        for (auto& value : pair)
            value *= factor32;
    for (auto& pair : result.tsval)
        for (auto& value : pair)
            value *= factor32;
    for (auto& value : result.dsn)
        value *= factor64;
    return result;
}

void applyShift(Frame& frame, const PacketInfo& info, const SampleModel& model, const Shift& shift)
{
    frame.timeNs += shift.timeNs;
    if (info.subflow < 0)
        return;
    const TcpFrame& tcp = *info.tcp;
    const auto subflow = std::size_t(info.subflow);
    const auto side = std::size_t(info.side);
    const auto peer = 1 - side;
    std::uint8_t* bytes = frame.bytes.data();

    add32(bytes + tcp.seqOffset(), shift.seq[subflow][side]);
    if (tcp.flags & core::TcpFlag::Ack)
        add32(bytes + tcp.ackOffset(), shift.seq[subflow][peer]);
    if (tcp.timestampOffset) {
        add32(bytes + tcp.timestampOffset, shift.tsval[subflow][side]);
        if (get32(bytes + tcp.timestampOffset + 4) != 0)
            add32(bytes + tcp.timestampOffset + 4, shift.tsval[subflow][peer]);
    }
    for (const std::uint32_t sack : tcp.sackOptions)
        for (std::uint32_t edge = sack + 2; edge + 4 <= sack + bytes[sack + 1]; edge += 4)
            add32(bytes + edge, shift.seq[subflow][peer]);

    const auto own = std::size_t(model.subflows[subflow].connectionSide(info.side));
    for (const auto& ref : tcp.mptcp) {
        std::uint8_t* option = bytes + ref.offset;
        if (ref.subtype == core::MptcpSubtype::Dss)
            shiftDss(option, shift.dsn[own], shift.dsn[1 - own], shift.seq[subflow][side]);
        else if (ref.subtype == core::MptcpSubtype::MpFail && ref.length >= 12)
            add64(option + 4, shift.dsn[1 - own]);
    }
}

} // namespace synth
