#pragma once
#ifndef Q_MOC_RUN // nothing here for moc, which would otherwise wander into the standard headers

// Crafted MPTCP captures for the assembler tests: known keys, the Linux data DSS, and a
// scenario that collects frames, writes them as one pcap and loads it with core::load.
#include "load/loader.h"
#include "packet_builder.h"

#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>

#include <vector>

namespace testpkt {

// A key with its token and IDSN, computed independently of the core:
//   python3 -c "import hashlib; k=0x0123456789abcdef; d=hashlib.sha256(k.to_bytes(8,'big')).digest(); print(int.from_bytes(d[:4],'big'), int.from_bytes(d[-8:],'big'))"
// (hashlib.sha1 for the v0 keys). tst_key_hash checks the same values against core::hashKey.
struct Key {
    std::uint64_t key;
    std::uint32_t token;
    std::uint64_t idsn;
};
constexpr Key v1ClientKey{0x0123456789abcdefull, 1438990173u, 6271089639696537624ull};
constexpr Key v1ServerKey{0xfedcba9876543210ull, 419002395u, 2884582770211283598ull};
constexpr Key v0ClientKey{0x0123456789abcdefull, 212003547u, 16419999864004347207ull};
constexpr Key v0ServerKey{0xfedcba9876543210ull, 2780719217u, 3697387350891206090ull};
// SHA-1 of this key ends in ...fffff04d: its data sequence numbers wrap 4019 bytes in.
constexpr Key v0WrapClientKey{0x5a5a0000001902b2ull, 175931297u, 0x602023ccfffff04dull};

// MP_CAPABLE flags of v1: H (HMAC-SHA256), no checksum, as Linux sends by default.
constexpr std::uint8_t mpcFlagsV1 = 0x01;

// Linux data segment: 4-octet Data ACK, 8-octet DSN (flags 0x0d).
inline Bytes linuxDataDss(std::uint64_t dsn, std::uint32_t subflowSeq, std::uint16_t length, std::uint64_t dataAck)
{
    mptcpopt::DssFields fields;
    fields.dataAck = dataAck;
    fields.mapping = mptcpopt::DssMapping{dsn, true, subflowSeq, length};
    return mptcpopt::dss(fields);
}

// Collects frames, writes them as one capture and loads it.
class Scenario {
public:
    Scenario()
    {
        if (qEnvironmentVariableIsSet("MPTCPSCOPE_KEEP_TEST_CAPTURES"))
            m_dir.setAutoRemove(false);
    }
    Scenario(const Scenario&) = delete;
    Scenario& operator=(const Scenario&) = delete;

    TcpFlow flow(Host from, Host to, std::uint32_t clientIsn, std::uint32_t serverIsn)
    {
        return TcpFlow(from, to, clientIsn, serverIsn, &m_clockNs);
    }
    // Returns the 1-based packet number, as Wireshark shows it.
    int add(Frame frame)
    {
        m_frames.push_back(std::move(frame));
        return int(m_frames.size());
    }
    // The same frame again, 1 ms later (a retransmission).
    int addAgain(int packet)
    {
        Frame copy = m_frames[std::size_t(packet - 1)];
        m_clockNs += 1'000'000;
        copy.timeNs = m_clockNs;
        return add(std::move(copy));
    }

    // A segment with explicit sequence numbers, 1 ms after the previous packet.
    Frame segment(Host from, Host to, std::uint32_t seq, std::uint32_t ack, std::uint8_t flags, Bytes options = {},
                  std::uint32_t payloadLength = 0)
    {
        TcpSegment tcpSegment;
        tcpSegment.sourcePort = from.port;
        tcpSegment.destinationPort = to.port;
        tcpSegment.seq = seq;
        tcpSegment.ack = ack;
        tcpSegment.flags = flags;
        tcpSegment.options = std::move(options);
        tcpSegment.payloadLength = payloadLength;
        Ipv4Header ip;
        ip.source = from.address;
        ip.destination = to.address;
        Frame frame;
        frame.bytes = ethernet(ethertype::IPv4, ipv4Packet(ip, tcp(tcpSegment)));
        m_clockNs += 1'000'000;
        frame.timeNs = m_clockNs;
        return frame;
    }

    core::LoadResult load(const QString& name, std::uint32_t snapLength = 262144)
    {
        const QString path = writePcap(m_dir, name, linktype::En10mb, m_frames, TimePrecision::Nano, snapLength);
        if (path.isEmpty())
            return core::LoadResult{nullptr, "could not write " + name.toStdString(), false};
        if (!m_dir.autoRemove())
            qInfo("kept %s", qPrintable(path));
        return core::load(path.toStdString());
    }

private:
    QTemporaryDir m_dir;
    std::int64_t m_clockNs = 1'700'000'000'000'000'000;
    std::vector<Frame> m_frames;
};

// The three MP_CAPABLE (v1) frames that open `flow`, with the v1 test keys.
inline void v1Handshake(Scenario& scenario, TcpFlow& flow)
{
    scenario.add(flow.syn(mptcpopt::mpCapable(1, mpcFlagsV1)));
    scenario.add(flow.synAck(mptcpopt::mpCapable(1, mpcFlagsV1, v1ServerKey.key)));
    scenario.add(flow.ack(true, mptcpopt::mpCapable(1, mpcFlagsV1, v1ClientKey.key, v1ServerKey.key)));
}

// The three MP_JOIN frames that open `flow` as a subflow of the connection of `token`.
inline void joinHandshake(Scenario& scenario, TcpFlow& flow, std::uint32_t token, std::uint8_t addressId)
{
    scenario.add(flow.syn(mptcpopt::mpJoinSyn(false, addressId, token, 0x01020304)));
    scenario.add(flow.synAck(mptcpopt::mpJoinSynAck(false, 0, 0x1122334455667788ull, 0x0a0b0c0d)));
    scenario.add(flow.ack(true, mptcpopt::mpJoinAck()));
}

inline bool anyWarningContains(const core::Capture& capture, const char* text)
{
    return std::any_of(capture.warnings.begin(), capture.warnings.end(),
                       [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

inline QString warningsText(const core::Capture& capture)
{
    QStringList lines;
    for (const auto& line : capture.warnings)
        lines << QString::fromStdString(line);
    return lines.join(QLatin1String(" | "));
}

} // namespace testpkt

#endif // Q_MOC_RUN
