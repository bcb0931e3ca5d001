#include "synth/identity.h"

#include "crypto/key_hash.h"
#include "decode/tcp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>
#include <stdexcept>

namespace synth {
namespace {

constexpr std::uint8_t nop = 1;
constexpr std::uint64_t maxClients = std::uint64_t(1) << 22; // 100.64.0.0/10

std::uint64_t splitmix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

core::IpAddress clientAddress(bool v6, std::uint64_t index)
{
    core::IpAddress address;
    address.isV6 = v6;
    if (v6) {
        address.bytes[0] = 0xfd;
        address.bytes[2] = 0xff;
        address.bytes[3] = 0xff;
        put32(address.bytes.data() + 12, std::uint32_t(index));
    } else {
        put32(address.bytes.data(), 0x64400000u | std::uint32_t(index)); // 100.64.0.0 + index
    }
    return address;
}

// RFC 8684 §3.2 (version 1: HMAC-SHA256; RFC 6824, version 0: HMAC-SHA1): the HMAC of
// R_x||R_y keyed with Key_x||Key_y, for the sender x.
std::array<std::uint8_t, 32> joinHmac(std::uint8_t version, std::uint64_t keyX, std::uint64_t keyY,
                                      std::uint32_t nonceX, std::uint32_t nonceY)
{
    std::uint8_t key[16];
    put64(key, keyX);
    put64(key + 8, keyY);
    std::uint8_t message[8];
    put32(message, nonceX);
    put32(message + 4, nonceY);
    std::array<std::uint8_t, 32> digest{};
    unsigned int length = 0;
    HMAC(version == 0 ? EVP_sha1() : EVP_sha256(), key, sizeof key, message, sizeof message, digest.data(), &length);
    return digest;
}

} // namespace

ConnectionIdentity::ConnectionIdentity(const SampleModel& model, std::uint64_t copy, bool plainTcp,
                                       std::unordered_set<std::uint32_t>& tokensInUse)
    : m_model(model)
    , m_plainTcp(plainTcp)
    , m_dsnShift(Shift::none(model.subflows.size()))
{
    const auto& subflows = model.subflows;
    for (std::size_t f = 0; f < subflows.size(); ++f) {
        const std::uint64_t index = copy * subflows.size() + f + 1;
        if (index >= maxClients)
            throw std::runtime_error("too many copies for the client address range");
        const auto& original = subflows[f].endpoint[clientSide];
        m_clients.push_back({clientAddress(original.address.isV6, index), original.port});
    }
    if (plainTcp)
        return;
    if (model.hasAddAddr)
        throw std::runtime_error("the sample has ADD_ADDR options: copies with other keys are not supported");
    for (std::size_t side = 0; side < 2; ++side) {
        for (std::uint64_t attempt = 0;; ++attempt) {
            m_key[side] = model.key[side] ^ splitmix64(2 * copy + side + (attempt << 40));
            if (tokensInUse.insert(core::hashKey(m_key[side], model.version).token).second)
                break;
        }
        const auto hash = core::hashKey(m_key[side], model.version);
        m_token[side] = hash.token;
        m_dsnShift.dsn[side] = hash.idsn - model.idsn[side];
    }
    m_synAckHmac.resize(subflows.size());
    m_ackHmac.resize(subflows.size());
    for (std::size_t f = 0; f < subflows.size(); ++f) {
        if (!subflows[f].join)
            continue;
        const auto initiator = std::size_t(subflows[f].connectionSide(clientSide));
        const auto responder = 1 - initiator;
        const auto& nonce = subflows[f].nonce;
        const auto synAck = joinHmac(model.version, m_key[responder], m_key[initiator], nonce[serverSide],
                                     nonce[clientSide]);
        m_synAckHmac[f] = get64(synAck.data());
        const auto ack = joinHmac(model.version, m_key[initiator], m_key[responder], nonce[clientSide],
                                  nonce[serverSide]);
        std::copy_n(ack.begin(), 20, m_ackHmac[f].begin());
    }
}

void ConnectionIdentity::apply(Frame& frame, const PacketInfo& info) const
{
    if (info.subflow < 0)
        return;
    const TcpFrame& tcp = *info.tcp;
    std::uint8_t* bytes = frame.bytes.data();
    const auto& client = m_clients[std::size_t(info.subflow)];
    const bool fromClient = info.side == clientSide;
    std::copy_n(client.address.bytes.data(), tcp.addressLength(),
                bytes + (fromClient ? tcp.sourceAddressOffset() : tcp.destinationAddressOffset()));

    if (m_plainTcp) {
        for (const auto& ref : tcp.mptcp)
            std::fill_n(bytes + ref.offset, ref.length, nop);
        return;
    }
    rewriteMptcp(frame, info);
    applyShift(frame, info, m_model, m_dsnShift);
}

void ConnectionIdentity::rewriteMptcp(Frame& frame, const PacketInfo& info) const
{
    const auto mapKey = [this](std::uint8_t* p) {
        const std::uint64_t key = get64(p);
        for (std::size_t side = 0; side < 2; ++side)
            if (key == m_model.key[side])
                put64(p, m_key[side]);
    };
    const auto subflow = std::size_t(info.subflow);
    std::uint8_t* bytes = frame.bytes.data();
    for (const auto& ref : info.tcp->mptcp) {
        std::uint8_t* option = bytes + ref.offset;
        switch (ref.subtype) {
        case core::MptcpSubtype::MpCapable:
            if (ref.length >= 12)
                mapKey(option + 4);
            if (ref.length >= 20)
                mapKey(option + 12);
            break;
        case core::MptcpSubtype::MpFastclose:
            if (ref.length >= 12)
                mapKey(option + 4);
            break;
        case core::MptcpSubtype::MpJoin:
            if (ref.length == core::mpJoinSynLength) {
                const auto receiver = std::size_t(1 - m_model.subflows[subflow].connectionSide(info.side));
                put32(option + 4, m_token[receiver]);
            } else if (ref.length == 16) {
                put64(option + 4, m_synAckHmac[subflow]);
            } else if (ref.length == 24) {
                std::copy(m_ackHmac[subflow].begin(), m_ackHmac[subflow].end(), option + 4);
            }
            break;
        default: break;
        }
    }
}

} // namespace synth
