#pragma once

// Builds crafted frames and classic pcap files in memory, for unit tests that need packets the
// recorded samples do not have (odd link types, bad headers, rare MPTCP options, wraps).
// Everything is written field by field in network order, independently of the core decoders,
// so a test compares the decoder with what the wire format says, not with itself.

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <array>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace testpkt {

using Bytes = std::vector<std::uint8_t>;

// ---------------------------------------------------------------------------------------------
// Byte writing

inline void put8(Bytes& out, std::uint8_t value) { out.push_back(value); }
inline void put16(Bytes& out, std::uint16_t value)
{
    out.push_back(std::uint8_t(value >> 8));
    out.push_back(std::uint8_t(value));
}
inline void put32(Bytes& out, std::uint32_t value)
{
    put16(out, std::uint16_t(value >> 16));
    put16(out, std::uint16_t(value));
}
inline void put64(Bytes& out, std::uint64_t value)
{
    put32(out, std::uint32_t(value >> 32));
    put32(out, std::uint32_t(value));
}
inline void put32le(Bytes& out, std::uint32_t value)
{
    for (int i = 0; i < 4; ++i)
        out.push_back(std::uint8_t(value >> (8 * i)));
}
inline void append(Bytes& out, std::span<const std::uint8_t> more) { out.insert(out.end(), more.begin(), more.end()); }
inline Bytes concat(std::initializer_list<std::span<const std::uint8_t>> parts)
{
    Bytes out;
    for (const auto part : parts)
        append(out, part);
    return out;
}
inline QByteArray toQByteArray(std::span<const std::uint8_t> bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}
inline std::span<const std::uint8_t> asSpan(const QByteArray& bytes)
{
    return {reinterpret_cast<const std::uint8_t*>(bytes.constData()), std::size_t(bytes.size())};
}

// ---------------------------------------------------------------------------------------------
// Addresses

constexpr std::uint32_t ipv4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d)
{
    return std::uint32_t(a) << 24 | std::uint32_t(b) << 16 | std::uint32_t(c) << 8 | d;
}

using Ipv6Address = std::array<std::uint8_t, 16>;

// fd00::<last>, enough to tell test hosts apart.
inline Ipv6Address ipv6Ula(std::uint16_t last)
{
    Ipv6Address address{};
    address[0] = 0xfd;
    address[14] = std::uint8_t(last >> 8);
    address[15] = std::uint8_t(last);
    return address;
}

// ---------------------------------------------------------------------------------------------
// TCP

namespace tcpflag {
constexpr std::uint8_t Fin = 0x01;
constexpr std::uint8_t Syn = 0x02;
constexpr std::uint8_t Rst = 0x04;
constexpr std::uint8_t Psh = 0x08;
constexpr std::uint8_t Ack = 0x10;
} // namespace tcpflag

struct TcpSegment {
    std::uint16_t sourcePort = 40000;
    std::uint16_t destinationPort = 80;
    std::uint32_t seq = 0;
    std::uint32_t ack = 0;
    std::uint8_t flags = tcpflag::Ack;
    std::uint16_t window = 65535;
    Bytes options;                               // raw option bytes, padded with EOL to a multiple of 4
    std::uint32_t payloadLength = 0;             // filled with a counting pattern
    std::optional<std::uint8_t> dataOffsetWords; // overrides the header length field
};

inline Bytes tcp(const TcpSegment& segment)
{
    Bytes options = segment.options;
    while (options.size() % 4)
        options.push_back(0); // EOL padding
    const std::uint8_t words = segment.dataOffsetWords.value_or(std::uint8_t(5 + options.size() / 4));
    Bytes out;
    put16(out, segment.sourcePort);
    put16(out, segment.destinationPort);
    put32(out, segment.seq);
    put32(out, segment.ack);
    put8(out, std::uint8_t(words << 4));
    put8(out, segment.flags);
    put16(out, segment.window);
    put16(out, 0); // checksum: not checked by anything under test
    put16(out, 0); // urgent pointer
    append(out, options);
    for (std::uint32_t i = 0; i < segment.payloadLength; ++i)
        out.push_back(std::uint8_t(i));
    return out;
}

// ---------------------------------------------------------------------------------------------
// IPv4 and IPv6

constexpr std::uint8_t ipProtoTcp = 6;
constexpr std::uint8_t ipProtoUdp = 17;

struct Ipv4Header {
    std::uint32_t source = ipv4(10, 0, 0, 1);
    std::uint32_t destination = ipv4(10, 0, 0, 2);
    std::uint8_t protocol = ipProtoTcp;
    Bytes options;                            // a multiple of 4 bytes
    std::uint16_t flagsAndFragment = 0x4000;  // DF, offset 0
    std::optional<std::uint16_t> totalLength; // overrides the computed total length
    std::optional<std::uint8_t> headerWords;  // overrides IHL
    std::uint8_t version = 4;
};

inline Bytes ipv4Packet(const Ipv4Header& header, std::span<const std::uint8_t> payload)
{
    const std::size_t headerLength = 20 + header.options.size();
    Bytes out;
    put8(out, std::uint8_t(header.version << 4 | header.headerWords.value_or(std::uint8_t(headerLength / 4))));
    put8(out, 0); // DSCP/ECN
    put16(out, header.totalLength.value_or(std::uint16_t(headerLength + payload.size())));
    put16(out, 0x1234); // identification
    put16(out, header.flagsAndFragment);
    put8(out, 64); // TTL
    put8(out, header.protocol);
    put16(out, 0); // checksum, filled below
    put32(out, header.source);
    put32(out, header.destination);
    append(out, header.options);
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < headerLength; i += 2)
        sum += std::uint32_t(out[i] << 8 | out[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    const auto checksum = std::uint16_t(~sum);
    out[10] = std::uint8_t(checksum >> 8);
    out[11] = std::uint8_t(checksum);
    append(out, payload);
    return out;
}

namespace ipv6ext {
constexpr std::uint8_t HopByHop = 0;
constexpr std::uint8_t Routing = 43;
constexpr std::uint8_t Fragment = 44;
constexpr std::uint8_t DestinationOptions = 60;
} // namespace ipv6ext

// An extension header without its next-header byte. For Fragment: `body` is the 6 bytes of
// offset/flags and identification; for the others, `body` is padded to a multiple of 8 - 2.
struct Ipv6Extension {
    std::uint8_t type = ipv6ext::HopByHop;
    Bytes body;
};

struct Ipv6Header {
    Ipv6Address source = ipv6Ula(1);
    Ipv6Address destination = ipv6Ula(2);
    std::uint8_t protocol = ipProtoTcp; // after the extension headers
    std::vector<Ipv6Extension> extensions;
    std::optional<std::uint16_t> payloadLength; // overrides the computed payload length
};

// An IPv6 fragment header body: offset in 8-byte units, M flag.
inline Bytes ipv6FragmentBody(std::uint16_t offsetUnits, bool moreFragments, std::uint32_t id = 7)
{
    Bytes body;
    put16(body, std::uint16_t(offsetUnits << 3 | (moreFragments ? 1 : 0)));
    put32(body, id);
    return body;
}

inline Bytes ipv6Packet(const Ipv6Header& header, std::span<const std::uint8_t> payload)
{
    Bytes extensions;
    for (std::size_t i = 0; i < header.extensions.size(); ++i) {
        const auto& extension = header.extensions[i];
        const std::uint8_t next = i + 1 < header.extensions.size() ? header.extensions[i + 1].type : header.protocol;
        Bytes body = extension.body;
        put8(extensions, next);
        if (extension.type == ipv6ext::Fragment) {
            body.resize(6, 0);
            put8(extensions, 0); // reserved
        } else {
            while ((body.size() + 2) % 8)
                body.push_back(0); // Pad1 options / zero routing data
            put8(extensions, std::uint8_t((body.size() + 2) / 8 - 1));
        }
        append(extensions, body);
    }
    Bytes out;
    put32(out, 0x60000000); // version 6, traffic class and flow label 0
    put16(out, header.payloadLength.value_or(std::uint16_t(extensions.size() + payload.size())));
    put8(out, header.extensions.empty() ? header.protocol : header.extensions.front().type);
    put8(out, 64); // hop limit
    append(out, header.source);
    append(out, header.destination);
    append(out, extensions);
    append(out, payload);
    return out;
}

// ---------------------------------------------------------------------------------------------
// Link-layer framing

namespace ethertype {
constexpr std::uint16_t IPv4 = 0x0800;
constexpr std::uint16_t Arp = 0x0806;
constexpr std::uint16_t Vlan = 0x8100;
constexpr std::uint16_t QinQ = 0x88a8;
constexpr std::uint16_t IPv6 = 0x86dd;
} // namespace ethertype

struct VlanTag {
    std::uint16_t tpid = ethertype::Vlan;
    std::uint16_t tci = 100;
};

inline Bytes ethernet(std::uint16_t etherType, std::span<const std::uint8_t> payload,
                      const std::vector<VlanTag>& tags = {})
{
    Bytes out = {0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01}; // destination, source MAC
    for (const auto& tag : tags) {
        put16(out, tag.tpid);
        put16(out, tag.tci);
    }
    put16(out, etherType);
    append(out, payload);
    return out;
}

// DLT_LINUX_SLL: packet type, ARPHRD, address length, 8 address bytes, protocol.
inline Bytes linuxSll(std::uint16_t protocol, std::span<const std::uint8_t> payload)
{
    Bytes out;
    put16(out, 0); // PACKET_HOST
    put16(out, 1); // ARPHRD_ETHER
    put16(out, 6); // address length
    append(out, Bytes{0x02, 0, 0, 0, 0, 0x01, 0, 0});
    put16(out, protocol);
    append(out, payload);
    return out;
}

// DLT_LINUX_SLL2: protocol, reserved, interface index, ARPHRD, packet type, address length, address.
inline Bytes linuxSll2(std::uint16_t protocol, std::span<const std::uint8_t> payload)
{
    Bytes out;
    put16(out, protocol);
    put16(out, 0);
    put32(out, 3); // interface index
    put16(out, 1); // ARPHRD_ETHER
    put8(out, 4);  // PACKET_OUTGOING
    put8(out, 6);
    append(out, Bytes{0x02, 0, 0, 0, 0, 0x01, 0, 0});
    append(out, payload);
    return out;
}

// DLT_NULL: the address family in the capturing host's byte order.
inline Bytes bsdNull(std::uint32_t family, std::span<const std::uint8_t> payload)
{
    Bytes out(4);
    std::memcpy(out.data(), &family, 4);
    append(out, payload);
    return out;
}

// DLT_LOOP: the address family in network byte order.
inline Bytes bsdLoop(std::uint32_t family, std::span<const std::uint8_t> payload)
{
    Bytes out;
    put32(out, family);
    append(out, payload);
    return out;
}

namespace pppproto {
constexpr std::uint16_t IPv4 = 0x0021;
constexpr std::uint16_t IPv6 = 0x0057;
constexpr std::uint16_t Lcp = 0xc021;
} // namespace pppproto

// DLT_PPP: optional HDLC address/control (0xff 0x03), then a 2-byte protocol or, with
// protocol-field compression, only its low byte.
inline Bytes ppp(std::uint16_t protocol, std::span<const std::uint8_t> payload, bool hdlcFraming,
                 bool compressedProtocol)
{
    Bytes out;
    if (hdlcFraming)
        append(out, Bytes{0xff, 0x03});
    if (compressedProtocol)
        put8(out, std::uint8_t(protocol));
    else
        put16(out, protocol);
    append(out, payload);
    return out;
}

// ---------------------------------------------------------------------------------------------
// MPTCP options (RFC 6824 / RFC 8684), written field by field

namespace mptcpopt {

constexpr std::uint8_t kind = 30;

inline Bytes withHeader(std::uint8_t subtypeByte, const Bytes& rest)
{
    Bytes out;
    out.reserve(3 + rest.size()); // also keeps GCC 12's -Warray-bounds false positive away
    out.push_back(kind);
    out.push_back(std::uint8_t(3 + rest.size()));
    out.push_back(subtypeByte);
    append(out, rest);
    return out;
}

// Lengths: 4 (no key), 12 (sender key), 20 (both keys), 22 (+ data length), 24 (+ checksum).
inline Bytes mpCapable(std::uint8_t version, std::uint8_t flags, std::optional<std::uint64_t> senderKey = {},
                       std::optional<std::uint64_t> receiverKey = {}, std::optional<std::uint16_t> dataLength = {},
                       std::optional<std::uint16_t> checksum = {})
{
    Bytes rest{flags};
    if (senderKey)
        put64(rest, *senderKey);
    if (receiverKey)
        put64(rest, *receiverKey);
    if (dataLength)
        put16(rest, *dataLength);
    if (checksum)
        put16(rest, *checksum);
    return withHeader(std::uint8_t(0x00 | (version & 0x0f)), rest);
}

inline Bytes mpJoinSyn(bool backup, std::uint8_t addressId, std::uint32_t token, std::uint32_t nonce)
{
    Bytes rest{addressId};
    put32(rest, token);
    put32(rest, nonce);
    return withHeader(std::uint8_t(0x10 | (backup ? 1 : 0)), rest);
}

inline Bytes mpJoinSynAck(bool backup, std::uint8_t addressId, std::uint64_t hmac, std::uint32_t nonce)
{
    Bytes rest{addressId};
    put64(rest, hmac);
    put32(rest, nonce);
    return withHeader(std::uint8_t(0x10 | (backup ? 1 : 0)), rest);
}

inline Bytes mpJoinAck()
{
    Bytes rest{0}; // reserved
    for (std::uint8_t i = 0; i < 20; ++i)
        rest.push_back(std::uint8_t(0xa0 + i)); // HMAC
    return withHeader(0x10, rest);
}

struct DssMapping {
    std::uint64_t dsn = 0;
    bool dsn64 = true;
    std::uint32_t subflowSeq = 0;
    std::uint16_t dataLength = 0;
};

struct DssFields {
    std::optional<std::uint64_t> dataAck;
    bool dataAck64 = false;
    std::optional<DssMapping> mapping;
    bool dataFin = false;
    std::optional<std::uint16_t> checksum; // written only after a mapping

    // The flags byte: F m M a A.
    std::uint8_t flags() const
    {
        std::uint8_t f = 0;
        if (dataAck)
            f |= 0x01 | (dataAck64 ? 0x02 : 0);
        if (mapping)
            f |= 0x04 | (mapping->dsn64 ? 0x08 : 0);
        if (dataFin)
            f |= 0x10;
        return f;
    }
};

inline Bytes dss(const DssFields& fields)
{
    Bytes rest{fields.flags()};
    if (fields.dataAck) {
        if (fields.dataAck64)
            put64(rest, *fields.dataAck);
        else
            put32(rest, std::uint32_t(*fields.dataAck));
    }
    if (fields.mapping) {
        if (fields.mapping->dsn64)
            put64(rest, fields.mapping->dsn);
        else
            put32(rest, std::uint32_t(fields.mapping->dsn));
        put32(rest, fields.mapping->subflowSeq);
        put16(rest, fields.mapping->dataLength);
        if (fields.checksum)
            put16(rest, *fields.checksum);
    }
    return withHeader(0x20, rest);
}

// RFC 8684 ADD_ADDR for an IPv4 address: E flag, optional port, HMAC unless echoing.
inline Bytes addAddrV1(bool echo, std::uint8_t addressId, std::uint32_t address, std::optional<std::uint16_t> port = {},
                       std::uint64_t hmac = 0x1122334455667788)
{
    Bytes rest{addressId};
    put32(rest, address);
    if (port)
        put16(rest, *port);
    if (!echo)
        put64(rest, hmac);
    return withHeader(std::uint8_t(0x30 | (echo ? 1 : 0)), rest);
}

inline Bytes removeAddr(const std::vector<std::uint8_t>& addressIds)
{
    return withHeader(0x40, Bytes(addressIds.begin(), addressIds.end()));
}

inline Bytes mpPrio(bool backup, std::optional<std::uint8_t> addressId = {})
{
    Bytes rest;
    if (addressId)
        rest.push_back(*addressId);
    return withHeader(std::uint8_t(0x50 | (backup ? 1 : 0)), rest);
}

// MP_FAIL (RFC 8684 §3.7): 12 bits reserved, then the 64-bit DSN.
inline Bytes mpFail(std::uint64_t dsn)
{
    Bytes rest{0};
    put64(rest, dsn);
    return withHeader(0x60, rest);
}

// MP_TCPRST (RFC 8684 §3.6): flags U V W T, then the reason code.
inline Bytes mpTcpRst(std::uint8_t flags, std::uint8_t reason)
{
    return withHeader(std::uint8_t(0x80 | (flags & 0x0f)), Bytes{reason});
}

} // namespace mptcpopt

// ---------------------------------------------------------------------------------------------
// Classic pcap files

// LINKTYPE_ values as written in file headers (libpcap maps LINKTYPE_RAW 101 to DLT_RAW).
namespace linktype {
constexpr std::uint32_t Null = 0;
constexpr std::uint32_t En10mb = 1;
constexpr std::uint32_t Ppp = 9;
constexpr std::uint32_t Raw = 101;
constexpr std::uint32_t Loop = 108;
constexpr std::uint32_t LinuxSll = 113;
constexpr std::uint32_t Ipv4 = 228;
constexpr std::uint32_t Ipv6 = 229;
constexpr std::uint32_t LinuxSll2 = 276;
} // namespace linktype

struct Frame {
    Bytes bytes;                  // what the capture kept
    std::int64_t timeNs = 0;      // since the Unix epoch
    std::uint32_t wireLength = 0; // 0: bytes.size()
};

// The frame as a capture with this snapshot length would have kept it.
inline Frame cutTo(Frame frame, std::size_t snapLength)
{
    const auto wire = std::uint32_t(frame.bytes.size());
    if (frame.bytes.size() > snapLength)
        frame.bytes.resize(snapLength);
    if (frame.wireLength == 0)
        frame.wireLength = wire;
    return frame;
}

enum class TimePrecision { Micro, Nano };

// Little-endian classic pcap (magic a1b2c3d4 for microseconds, a1b23c4d for nanoseconds).
inline QByteArray pcapFile(std::uint32_t linkType, const std::vector<Frame>& frames, TimePrecision precision,
                           std::uint32_t snapLength = 262144)
{
    Bytes out;
    put32le(out, precision == TimePrecision::Nano ? 0xa1b23c4d : 0xa1b2c3d4);
    put32le(out, 2 | (4u << 16)); // version 2.4
    put32le(out, 0);              // thiszone
    put32le(out, 0);              // sigfigs
    put32le(out, snapLength);
    put32le(out, linkType);
    for (const auto& frame : frames) {
        const std::int64_t seconds = frame.timeNs / 1'000'000'000;
        const std::int64_t fraction = frame.timeNs % 1'000'000'000;
        put32le(out, std::uint32_t(seconds));
        put32le(out, std::uint32_t(precision == TimePrecision::Nano ? fraction : fraction / 1000));
        put32le(out, std::uint32_t(frame.bytes.size()));
        put32le(out, frame.wireLength ? frame.wireLength : std::uint32_t(frame.bytes.size()));
        append(out, frame.bytes);
    }
    return toQByteArray(out);
}

// Writes `frames` to `dir/name`; returns the path, or an empty string when writing failed.
inline QString writePcap(const QTemporaryDir& dir, const QString& name, std::uint32_t linkType,
                         const std::vector<Frame>& frames, TimePrecision precision = TimePrecision::Nano,
                         std::uint32_t snapLength = 262144)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return {};
    const QByteArray content = pcapFile(linkType, frames, precision, snapLength);
    if (file.write(content) != content.size())
        return {};
    return path;
}

// ---------------------------------------------------------------------------------------------
// A TCP conversation over Ethernet/IPv4 that keeps sequence and acknowledgement numbers, so an
// end-to-end test reads as the packets it sends, not as arithmetic.

struct Host {
    std::uint32_t address = 0;
    std::uint16_t port = 0;
};

class TcpFlow {
public:
    TcpFlow(Host client, Host server, std::uint32_t clientIsn, std::uint32_t serverIsn, std::int64_t* clockNs)
        : m_client(client)
        , m_server(server)
        , m_clientNext(clientIsn)
        , m_serverNext(serverIsn)
        , m_clockNs(clockNs)
    {
    }

    Frame syn(Bytes options) { return send(true, tcpflag::Syn, std::move(options), 0, false); }
    Frame synAck(Bytes options) { return send(false, tcpflag::Syn | tcpflag::Ack, std::move(options), 0, true); }
    // An ACK or data segment from the client (true) or the server (false).
    Frame ack(bool fromClient, Bytes options = {}, std::uint32_t payloadLength = 0)
    {
        return send(fromClient, tcpflag::Ack | (payloadLength ? tcpflag::Psh : 0), std::move(options), payloadLength,
                    true);
    }
    Frame fin(bool fromClient, Bytes options = {})
    {
        return send(fromClient, tcpflag::Fin | tcpflag::Ack, std::move(options), 0, true);
    }

    std::uint32_t clientNext() const { return m_clientNext; }
    std::uint32_t serverNext() const { return m_serverNext; }

private:
    Frame send(bool fromClient, std::uint8_t flags, Bytes options, std::uint32_t payloadLength, bool withAck)
    {
        const Host& from = fromClient ? m_client : m_server;
        const Host& to = fromClient ? m_server : m_client;
        std::uint32_t& next = fromClient ? m_clientNext : m_serverNext;
        TcpSegment segment;
        segment.sourcePort = from.port;
        segment.destinationPort = to.port;
        segment.seq = next;
        segment.ack = withAck ? (fromClient ? m_serverNext : m_clientNext) : 0;
        segment.flags = flags;
        segment.options = std::move(options);
        segment.payloadLength = payloadLength;
        next += payloadLength + ((flags & (tcpflag::Syn | tcpflag::Fin)) ? 1 : 0);

        Ipv4Header ip;
        ip.source = from.address;
        ip.destination = to.address;
        Frame frame;
        frame.bytes = ethernet(ethertype::IPv4, ipv4Packet(ip, tcp(segment)));
        *m_clockNs += 1'000'000; // 1 ms between packets
        frame.timeNs = *m_clockNs;
        return frame;
    }

    Host m_client;
    Host m_server;
    std::uint32_t m_clientNext;
    std::uint32_t m_serverNext;
    std::int64_t* m_clockNs;
};

} // namespace testpkt
