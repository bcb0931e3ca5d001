#include "packet_builder.h"

#include "capture/pcap_reader.h"
#include "decode/link_layer.h"
#include "decode/packet_decoder.h"

#include <QTest>

#include <cstdint>

// Every link type DESIGN.md lists, the IP header cases that bite (options, fragments, TSO
// lengths, IPv6 extension headers) and the TCP header checks. Frames are built field by field
// by packet_builder.h; each row states what the decoder must find in them.
class TestLinkLayer : public QObject {
    Q_OBJECT
private slots:
    void linkLayer_data();
    void linkLayer();
    void decodePacket_data();
    void decodePacket();
    void ethernetPaddingIsNotPayload();
    void everyPrefixOfAFrameIsSafe_data();
    void everyPrefixOfAFrameIsSafe();
};

namespace {

using namespace testpkt;

// DLT_ values as libpcap's pcap_datalink() reports them (pcap/dlt.h).
constexpr int dltNull = 0;
constexpr int dltEn10mb = 1;
constexpr int dltPpp = 9;
constexpr int dltRaw = 12;    // DLT_RAW on most systems
constexpr int dltRawBsd = 14; // DLT_RAW on OpenBSD
constexpr int dltPppSerial = 50;
constexpr int dltLoop = 108;
constexpr int dltLinuxSll = 113;
constexpr int dltUser0 = 147; // a link type we do not decode
constexpr int dltIpv4 = 228;
constexpr int dltIpv6 = 229;
constexpr int dltLinuxSll2 = 276;

constexpr std::uint32_t afInet = 2;
constexpr std::uint32_t afInet6Darwin = 30;

constexpr std::uint32_t payload = 100;

// MSS 1460, NOP, NOP, SACK permitted: 8 option bytes on every standard segment.
const Bytes standardOptions = {0x02, 0x04, 0x05, 0xb4, 0x01, 0x01, 0x04, 0x02};

TcpSegment standardSegment()
{
    TcpSegment segment;
    segment.sourcePort = 40000;
    segment.destinationPort = 80;
    segment.seq = 0x01020304;
    segment.ack = 0x0a0b0c0d;
    segment.flags = tcpflag::Ack | tcpflag::Psh;
    segment.options = standardOptions;
    segment.payloadLength = payload;
    return segment;
}

Bytes standardTcp() { return tcp(standardSegment()); }
Bytes tcp4() { return ipv4Packet({}, standardTcp()); }
Bytes tcp6() { return ipv6Packet({}, standardTcp()); }

constexpr std::size_t ethernetHeader = 14;
constexpr std::size_t ipv4Header = 20;
constexpr std::size_t ipv6Header = 40;
constexpr std::size_t tcpHeader = 28; // with the standard options

Bytes firstBytes(Bytes bytes, std::size_t count)
{
    bytes.resize(std::min(bytes.size(), count));
    return bytes;
}

int statusCode(core::DecodeStatus status) { return int(status); }

void addLinkRow(const char* name, int linkType, const Bytes& frame, core::NetworkProtocol protocol,
                quint32 networkOffset, quint32 etherType)
{
    QTest::addRow("%s", name) << linkType << toQByteArray(frame) << int(protocol) << networkOffset << etherType;
}

// A row that must decode as TCP with the standard segment's fields.
void addTcpRow(const char* name, int linkType, const Bytes& frame, bool v6, quint32 wireLength = 0,
               quint32 payloadLength = payload, quint32 optionsSize = 8, bool optionsCut = false)
{
    QTest::addRow("%s", name) << linkType << toQByteArray(frame) << wireLength << statusCode(core::DecodeStatus::Tcp)
                              << QString(v6 ? "fd00::1" : "10.0.0.1") << QString(v6 ? "fd00::2" : "10.0.0.2")
                              << payloadLength << optionsSize << optionsCut;
}

// A row that must stop with `status`; the TCP columns are not checked.
// A Truncated row is a frame the snapshot length cut: unless it says otherwise, the wire had
// more bytes than the capture kept. The same bytes as a whole frame are malformed instead.
void addStatusRow(const char* name, int linkType, const Bytes& frame, core::DecodeStatus status, quint32 wireLength = 0)
{
    if (status == core::DecodeStatus::Truncated && wireLength == 0) {
        wireLength = quint32(frame.size()) + 1500;
        QTest::addRow("%s, whole frame", name)
            << linkType << toQByteArray(frame) << quint32(frame.size()) << statusCode(core::DecodeStatus::Malformed)
            << QString() << QString() << 0u << 0u << false;
    }
    QTest::addRow("%s", name) << linkType << toQByteArray(frame) << wireLength << statusCode(status) << QString()
                              << QString() << 0u << 0u << false;
}

} // namespace

void TestLinkLayer::linkLayer_data()
{
    using core::NetworkProtocol;
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<quint32>("networkOffset");
    QTest::addColumn<quint32>("etherType");

    addLinkRow("EN10MB", dltEn10mb, ethernet(ethertype::IPv4, tcp4()), NetworkProtocol::IPv4, 14, 0x0800);
    addLinkRow("EN10MB 802.1Q", dltEn10mb, ethernet(ethertype::IPv6, tcp6(), {{ethertype::Vlan, 7}}),
               NetworkProtocol::IPv6, 18, 0x86dd);
    addLinkRow("EN10MB QinQ 88a8+8100", dltEn10mb,
               ethernet(ethertype::IPv4, tcp4(), {{ethertype::QinQ, 10}, {ethertype::Vlan, 20}}), NetworkProtocol::IPv4,
               22, 0x0800);
    addLinkRow("EN10MB old QinQ 9100+8100+8100", dltEn10mb,
               ethernet(ethertype::IPv4, tcp4(), {{0x9100, 1}, {ethertype::Vlan, 2}, {ethertype::Vlan, 3}}),
               NetworkProtocol::IPv4, 26, 0x0800);
    addLinkRow("EN10MB ARP", dltEn10mb, ethernet(ethertype::Arp, Bytes(28)), NetworkProtocol::Other, 14, 0x0806);
    addLinkRow("EN10MB cut in the VLAN tag", dltEn10mb,
               firstBytes(ethernet(ethertype::IPv4, tcp4(), {{ethertype::Vlan, 7}}), 15), NetworkProtocol::Malformed, 0,
               0);
    addLinkRow("LINUX_SLL", dltLinuxSll, linuxSll(ethertype::IPv4, tcp4()), NetworkProtocol::IPv4, 16, 0x0800);
    addLinkRow("LINUX_SLL2", dltLinuxSll2, linuxSll2(ethertype::IPv6, tcp6()), NetworkProtocol::IPv6, 20, 0x86dd);
    addLinkRow("RAW 12", dltRaw, tcp4(), NetworkProtocol::IPv4, 0, 0x0800);
    addLinkRow("RAW 14", dltRawBsd, tcp6(), NetworkProtocol::IPv6, 0, 0x86dd);
    addLinkRow("IPV4", dltIpv4, tcp4(), NetworkProtocol::IPv4, 0, 0x0800);
    addLinkRow("IPV6", dltIpv6, tcp6(), NetworkProtocol::IPv6, 0, 0x86dd);
    addLinkRow("NULL AF_INET", dltNull, bsdNull(afInet, tcp4()), NetworkProtocol::IPv4, 4, 0x0800);
    addLinkRow("LOOP AF_INET", dltLoop, bsdLoop(afInet, tcp4()), NetworkProtocol::IPv4, 4, 0x0800);
    addLinkRow("PPP ff03", dltPpp, ppp(pppproto::IPv4, tcp4(), true, false), NetworkProtocol::IPv4, 4, 0x0021);
    addLinkRow("PPP no ff03", dltPpp, ppp(pppproto::IPv4, tcp4(), false, false), NetworkProtocol::IPv4, 2, 0x0021);
    addLinkRow("PPP compressed protocol", dltPpp, ppp(pppproto::IPv4, tcp4(), false, true), NetworkProtocol::IPv4, 1,
               0x0021);
    addLinkRow("PPP ff03 compressed protocol", dltPpp, ppp(pppproto::IPv6, tcp6(), true, true), NetworkProtocol::IPv6,
               3, 0x0057);
    addLinkRow("PPP LCP", dltPpp, ppp(pppproto::Lcp, Bytes(8), true, false), NetworkProtocol::Other, 4, 0xc021);
    addLinkRow("unsupported DLT 147", dltUser0, tcp4(), NetworkProtocol::Other, 0, 0);
}

void TestLinkLayer::linkLayer()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(int, protocol);
    QFETCH(quint32, networkOffset);
    QFETCH(quint32, etherType);

    const auto result = core::decodeLinkLayer(linkType, asSpan(frame));
    QCOMPARE(int(result.protocol), protocol);
    if (result.protocol != core::NetworkProtocol::Malformed) {
        QCOMPARE(result.networkOffset, networkOffset);
        QCOMPARE(quint32(result.etherType), etherType);
    }
}

void TestLinkLayer::decodePacket_data()
{
    using core::DecodeStatus;
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<quint32>("wireLength"); // 0: the frame's size
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("destination");
    QTest::addColumn<quint32>("payloadLength");
    QTest::addColumn<quint32>("optionsSize");
    QTest::addColumn<bool>("optionsCut");

    // Every supported link type, IPv4 and IPv6.
    addTcpRow("EN10MB IPv4", dltEn10mb, ethernet(ethertype::IPv4, tcp4()), false);
    addTcpRow("EN10MB IPv6", dltEn10mb, ethernet(ethertype::IPv6, tcp6()), true);
    addTcpRow("EN10MB 802.1Q", dltEn10mb, ethernet(ethertype::IPv4, tcp4(), {{ethertype::Vlan, 100}}), false);
    addTcpRow("EN10MB QinQ 88a8+8100", dltEn10mb,
              ethernet(ethertype::IPv6, tcp6(), {{ethertype::QinQ, 10}, {ethertype::Vlan, 20}}), true);
    addTcpRow("LINUX_SLL IPv4", dltLinuxSll, linuxSll(ethertype::IPv4, tcp4()), false);
    addTcpRow("LINUX_SLL IPv6", dltLinuxSll, linuxSll(ethertype::IPv6, tcp6()), true);
    addTcpRow("LINUX_SLL2 IPv4", dltLinuxSll2, linuxSll2(ethertype::IPv4, tcp4()), false);
    addTcpRow("LINUX_SLL2 IPv6", dltLinuxSll2, linuxSll2(ethertype::IPv6, tcp6()), true);
    addTcpRow("RAW (DLT 12) IPv4", dltRaw, tcp4(), false);
    addTcpRow("RAW (DLT 12) IPv6", dltRaw, tcp6(), true);
    addTcpRow("RAW (DLT 14) IPv4", dltRawBsd, tcp4(), false);
    addTcpRow("IPV4 (DLT 228)", dltIpv4, tcp4(), false);
    addTcpRow("IPV6 (DLT 229)", dltIpv6, tcp6(), true);
    addTcpRow("NULL AF_INET host order", dltNull, bsdNull(afInet, tcp4()), false);
    addTcpRow("NULL AF_INET6 (Darwin value)", dltNull, bsdNull(afInet6Darwin, tcp6()), true);
    addTcpRow("LOOP AF_INET", dltLoop, bsdLoop(afInet, tcp4()), false);
    addTcpRow("PPP with ff03", dltPpp, ppp(pppproto::IPv4, tcp4(), true, false), false);
    addTcpRow("PPP without ff03", dltPpp, ppp(pppproto::IPv4, tcp4(), false, false), false);
    addTcpRow("PPP compressed 1-byte protocol", dltPpp, ppp(pppproto::IPv4, tcp4(), false, true), false);
    addTcpRow("PPP ff03 and compressed protocol", dltPpp, ppp(pppproto::IPv4, tcp4(), true, true), false);
    addTcpRow("PPP IPv6", dltPpp, ppp(pppproto::IPv6, tcp6(), true, false), true);
    addTcpRow("PPP_SERIAL", dltPppSerial, ppp(pppproto::IPv4, tcp4(), true, false), false);

    // Not TCP, not IP, not decodable.
    addStatusRow("EN10MB ARP", dltEn10mb, ethernet(ethertype::Arp, Bytes(28)), DecodeStatus::NotIp);
    addStatusRow("PPP LCP", dltPpp, ppp(pppproto::Lcp, Bytes(8), true, false), DecodeStatus::NotIp);
    addStatusRow("RAW with IP version 5", dltRaw, Bytes{0x50, 0, 0, 0}, DecodeStatus::NotIp);
    {
        Ipv4Header udp;
        udp.protocol = ipProtoUdp;
        addStatusRow("IPv4 UDP", dltRaw, ipv4Packet(udp, Bytes(16)), DecodeStatus::NotTcp);
        Ipv6Header udp6;
        udp6.protocol = ipProtoUdp;
        addStatusRow("IPv6 UDP", dltRaw, ipv6Packet(udp6, Bytes(16)), DecodeStatus::NotTcp);
    }
    addStatusRow("unsupported DLT 147", dltUser0, ethernet(ethertype::IPv4, tcp4()), DecodeStatus::UnsupportedLink);

    // Frames cut before the TCP fixed header ends.
    addStatusRow("EN10MB empty", dltEn10mb, Bytes{}, DecodeStatus::Truncated);
    addStatusRow("EN10MB 10 bytes", dltEn10mb, firstBytes(ethernet(ethertype::IPv4, tcp4()), 10),
                 DecodeStatus::Truncated);
    addStatusRow("EN10MB cut in the 802.1Q tag", dltEn10mb,
                 firstBytes(ethernet(ethertype::IPv4, tcp4(), {{ethertype::Vlan, 1}}), 16), DecodeStatus::Truncated);
    addStatusRow("LINUX_SLL 15 bytes", dltLinuxSll, firstBytes(linuxSll(ethertype::IPv4, tcp4()), 15),
                 DecodeStatus::Truncated);
    addStatusRow("LINUX_SLL2 19 bytes", dltLinuxSll2, firstBytes(linuxSll2(ethertype::IPv4, tcp4()), 19),
                 DecodeStatus::Truncated);
    addStatusRow("NULL 3 bytes", dltNull, Bytes{2, 0, 0}, DecodeStatus::Truncated);
    addStatusRow("NULL header only", dltNull, bsdNull(afInet, Bytes{}), DecodeStatus::Truncated);
    addStatusRow("PPP ff03 only", dltPpp, Bytes{0xff, 0x03}, DecodeStatus::Truncated);
    addStatusRow("RAW empty", dltRaw, Bytes{}, DecodeStatus::Truncated);
    addStatusRow("IPv4 header cut at 19 bytes", dltRaw, firstBytes(tcp4(), 19), DecodeStatus::Truncated);
    addStatusRow("IPv6 header cut at 39 bytes", dltRaw, firstBytes(tcp6(), 39), DecodeStatus::Truncated);
    addStatusRow("TCP header cut at 19 bytes", dltEn10mb,
                 firstBytes(ethernet(ethertype::IPv4, tcp4()), ethernetHeader + ipv4Header + 19),
                 DecodeStatus::Truncated);
    {
        Ipv4Header withOptions;
        withOptions.options = Bytes(20, 0x01);
        addStatusRow("IPv4 options cut", dltRaw, firstBytes(ipv4Packet(withOptions, standardTcp()), 30),
                     DecodeStatus::Truncated);
        Ipv6Header withExtension;
        withExtension.extensions = {{ipv6ext::HopByHop, Bytes(14)}};
        addStatusRow("IPv6 extension header cut", dltRaw,
                     firstBytes(ipv6Packet(withExtension, standardTcp()), ipv6Header + 10), DecodeStatus::Truncated);
    }

    // IPv4 header cases.
    {
        Ipv4Header header;
        header.options = {0x94, 0x04, 0x00, 0x00, 0x01, 0x01, 0x01, 0x00}; // router alert, NOPs, EOL
        addTcpRow("IPv4 with options", dltEn10mb, ethernet(ethertype::IPv4, ipv4Packet(header, standardTcp())), false);
    }
    {
        Ipv4Header header;
        header.flagsAndFragment = 0x2000; // MF, offset 0
        addStatusRow("IPv4 first fragment (MF)", dltRaw, ipv4Packet(header, standardTcp()), DecodeStatus::Fragment);
        header.flagsAndFragment = 185; // offset 1480 bytes, last fragment
        addStatusRow("IPv4 last fragment (offset)", dltRaw, ipv4Packet(header, Bytes(40)), DecodeStatus::Fragment);
        header.flagsAndFragment = 0x0000; // neither DF nor MF: a whole packet
        addTcpRow("IPv4 without DF", dltRaw, ipv4Packet(header, standardTcp()), false);
    }
    {
        Ipv4Header header;
        header.headerWords = 4;
        addStatusRow("IPv4 IHL 4", dltRaw, ipv4Packet(header, standardTcp()), DecodeStatus::Malformed);
        header.headerWords = 0;
        addStatusRow("IPv4 IHL 0", dltRaw, ipv4Packet(header, standardTcp()), DecodeStatus::Malformed);
    }
    {
        Ipv4Header header;
        header.headerWords = 15; // 60 bytes of header in a 40-byte packet
        header.totalLength = 40;
        addStatusRow("IPv4 IHL beyond total length", dltRaw, ipv4Packet(header, standardTcp()),
                     DecodeStatus::Malformed);
    }
    {
        Ipv4Header header;
        header.totalLength = 10;
        addStatusRow("IPv4 total length below the header", dltRaw, ipv4Packet(header, standardTcp()),
                     DecodeStatus::Malformed);
        header.version = 6;
        header.totalLength.reset();
        addStatusRow("IPv4 ethertype, version 6 inside", dltEn10mb,
                     ethernet(ethertype::IPv4, ipv4Packet(header, standardTcp())), DecodeStatus::Malformed);
    }
    {
        // A TSO super-segment: total length 0, 60000 payload bytes on the wire, 200 captured.
        Ipv4Header header;
        header.totalLength = 0;
        TcpSegment segment = standardSegment();
        segment.payloadLength = 60000;
        const Bytes frame = ethernet(ethertype::IPv4, ipv4Packet(header, tcp(segment)));
        addTcpRow("IPv4 total length 0 (TSO) uses the wire length", dltEn10mb, firstBytes(frame, 200), false,
                  quint32(frame.size()), 60000);
    }
    {
        // Snapshot length cut the payload: its length still comes from the IP header.
        const Bytes frame = ethernet(ethertype::IPv4, tcp4());
        addTcpRow("IPv4 payload cut by the snapshot length", dltEn10mb,
                  firstBytes(frame, ethernetHeader + ipv4Header + tcpHeader + 5), false, quint32(frame.size()));
    }

    // IPv6 extension headers.
    {
        Ipv6Header header;
        header.extensions = {
            {ipv6ext::HopByHop, {0x05, 0x02, 0x00, 0x00, 0x01, 0x00}},           // router alert, PadN
            {ipv6ext::DestinationOptions, {0x01, 0x04, 0x00, 0x00, 0x00, 0x00}}, // PadN
            {ipv6ext::Routing, {0x04, 0x00, 0x00, 0x00, 0x00, 0x00}},            // type 4 (SRH), 0 segments left
        };
        addTcpRow("IPv6 hop-by-hop + destination + routing", dltEn10mb,
                  ethernet(ethertype::IPv6, ipv6Packet(header, standardTcp())), true);
        Ipv6Header longer;
        longer.extensions = {{ipv6ext::DestinationOptions, Bytes(22, 0)}}; // 24 bytes of Pad1
        addTcpRow("IPv6 24-byte destination options", dltRaw, ipv6Packet(longer, standardTcp()), true);
        header.payloadLength = 8; // the extension headers alone are 24 bytes
        addStatusRow("IPv6 extension headers beyond the payload length", dltRaw, ipv6Packet(header, standardTcp()),
                     DecodeStatus::Malformed);
    }
    {
        Ipv6Header header;
        header.extensions = {{ipv6ext::Fragment, ipv6FragmentBody(0, true)}};
        addStatusRow("IPv6 fragment header, first fragment", dltRaw, ipv6Packet(header, standardTcp()),
                     DecodeStatus::Fragment);
        header.extensions = {{ipv6ext::Fragment, ipv6FragmentBody(185, false)}};
        addStatusRow("IPv6 fragment header, last fragment", dltRaw, ipv6Packet(header, Bytes(40)),
                     DecodeStatus::Fragment);
        header.extensions = {{ipv6ext::HopByHop, {}}, {ipv6ext::Fragment, ipv6FragmentBody(0, false)}};
        addTcpRow("IPv6 atomic fragment is whole", dltRaw, ipv6Packet(header, standardTcp()), true);
    }
    {
        Ipv6Header header;
        header.payloadLength = 0; // BIG TCP / jumbogram: the length comes from the wire
        header.extensions = {{ipv6ext::HopByHop, {0xc2, 0x04, 0x00, 0x01, 0x2c, 0x00}}}; // jumbo payload
        TcpSegment segment = standardSegment();
        segment.payloadLength = 70000;
        const Bytes frame = ipv6Packet(header, tcp(segment));
        addTcpRow("IPv6 payload length 0 uses the wire length", dltRaw, firstBytes(frame, 150), true,
                  quint32(frame.size()), 70000);
    }

    // TCP header cases.
    {
        TcpSegment segment = standardSegment();
        segment.dataOffsetWords = 4;
        addStatusRow("TCP data offset 4", dltRaw, ipv4Packet({}, tcp(segment)), DecodeStatus::Malformed);
        segment.dataOffsetWords = 0;
        addStatusRow("TCP data offset 0", dltRaw, ipv4Packet({}, tcp(segment)), DecodeStatus::Malformed);
        segment.dataOffsetWords = 15; // 60-byte header in a 28-byte segment
        segment.payloadLength = 0;
        addStatusRow("TCP header longer than the segment", dltRaw, ipv4Packet({}, tcp(segment)),
                     DecodeStatus::Malformed);
    }
    {
        // 20 option bytes (timestamps, window scale, MPTCP-ish padding); the capture kept 6.
        TcpSegment segment = standardSegment();
        segment.options = {0x02, 0x04, 0x05, 0xb4, 0x04, 0x02, 0x08, 0x0a, 0,    0,
                           0,    1,    0,    0,    0,    0,    0x01, 0x03, 0x03, 0x07};
        const Bytes frame = ethernet(ethertype::IPv4, ipv4Packet({}, tcp(segment)));
        addTcpRow("TCP options cut by the snapshot length", dltEn10mb,
                  firstBytes(frame, ethernetHeader + ipv4Header + 20 + 6), false, quint32(frame.size()), payload, 6,
                  true);
        addTcpRow("TCP options cut right after the fixed header", dltEn10mb,
                  firstBytes(frame, ethernetHeader + ipv4Header + 20), false, quint32(frame.size()), payload, 0, true);
        addTcpRow("TCP options complete, payload cut", dltEn10mb,
                  firstBytes(frame, ethernetHeader + ipv4Header + 40 + 1), false, quint32(frame.size()), payload, 20,
                  false);
    }
}

void TestLinkLayer::decodePacket()
{
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    QFETCH(quint32, wireLength);
    QFETCH(int, status);
    QFETCH(QString, source);
    QFETCH(QString, destination);
    QFETCH(quint32, payloadLength);
    QFETCH(quint32, optionsSize);
    QFETCH(bool, optionsCut);

    core::RawPacket raw;
    raw.bytes = asSpan(frame);
    raw.wireLength = wireLength ? wireLength : quint32(frame.size());
    core::DecodedPacket decoded;
    const auto actual = core::decodePacket(linkType, raw, decoded);
    QCOMPARE(QString(core::describe(actual)), QString(core::describe(core::DecodeStatus(status))));
    if (actual != core::DecodeStatus::Tcp)
        return;

    QCOMPARE(QString::fromStdString(decoded.ip.source.toString()), source);
    QCOMPARE(QString::fromStdString(decoded.ip.destination.toString()), destination);
    QCOMPARE(decoded.ip.transportProtocol, std::uint8_t(ipProtoTcp));
    QCOMPARE(decoded.tcp.sourcePort, std::uint16_t(40000));
    QCOMPARE(decoded.tcp.destinationPort, std::uint16_t(80));
    QCOMPARE(decoded.tcp.seq, std::uint32_t(0x01020304));
    QCOMPARE(decoded.tcp.ack, std::uint32_t(0x0a0b0c0d));
    QCOMPARE(decoded.tcp.flags, std::uint8_t(tcpflag::Ack | tcpflag::Psh));
    QCOMPARE(decoded.tcp.payloadLength, payloadLength);
    QCOMPARE(quint32(decoded.tcp.options.size()), optionsSize);
    QCOMPARE(decoded.tcp.optionsCut, optionsCut);
    if (optionsSize >= 4) // the options span points at the MSS option, wherever the header starts
        QCOMPARE(decoded.tcp.options[0], std::uint8_t(0x02));
}

void TestLinkLayer::ethernetPaddingIsNotPayload()
{
    // A pure ACK is 54 bytes; Ethernet pads it to the 60-byte minimum. The 6 trailer bytes
    // are not TCP payload: the length comes from the IP header.
    TcpSegment ack = standardSegment();
    ack.options.clear();
    ack.payloadLength = 0;
    Bytes frame = ethernet(ethertype::IPv4, ipv4Packet({}, tcp(ack)));
    QCOMPARE(frame.size(), std::size_t(54));
    frame.resize(60, 0);
    core::RawPacket raw;
    raw.bytes = frame;
    raw.wireLength = 60;
    core::DecodedPacket decoded;
    QCOMPARE(QString(core::describe(core::decodePacket(dltEn10mb, raw, decoded))),
             QString(core::describe(core::DecodeStatus::Tcp)));
    QCOMPARE(decoded.tcp.payloadLength, 0u);
    QVERIFY(decoded.tcp.options.empty());
    QVERIFY(!decoded.tcp.optionsCut);
}

void TestLinkLayer::everyPrefixOfAFrameIsSafe_data()
{
    QTest::addColumn<int>("linkType");
    QTest::addColumn<QByteArray>("frame");
    Ipv6Header extended;
    extended.extensions = {{ipv6ext::HopByHop, Bytes(6)}, {ipv6ext::Routing, Bytes(14)}};
    QTest::addRow("EN10MB QinQ IPv4") << dltEn10mb
                                      << toQByteArray(ethernet(ethertype::IPv4, tcp4(),
                                                               {{ethertype::QinQ, 1}, {ethertype::Vlan, 2}}));
    QTest::addRow("LINUX_SLL2 IPv6 with extensions")
        << dltLinuxSll2 << toQByteArray(linuxSll2(ethertype::IPv6, ipv6Packet(extended, standardTcp())));
    QTest::addRow("PPP compressed, no ff03") << dltPpp << toQByteArray(ppp(pppproto::IPv4, tcp4(), false, true));
    QTest::addRow("NULL IPv6") << dltNull << toQByteArray(bsdNull(afInet6Darwin, tcp6()));
}

void TestLinkLayer::everyPrefixOfAFrameIsSafe()
{
    // Every cut a snapshot length can make: never a crash (ASan/UBSan builds check the reads),
    // Truncated while the TCP fixed header is incomplete, TCP from then on.
    QFETCH(int, linkType);
    QFETCH(QByteArray, frame);
    const auto full = asSpan(frame);
    int firstTcp = -1;
    for (std::size_t size = 0; size <= full.size(); ++size) {
        core::RawPacket raw;
        raw.bytes = full.first(size);
        raw.wireLength = quint32(full.size());
        core::DecodedPacket decoded;
        const auto status = core::decodePacket(linkType, raw, decoded);
        if (status == core::DecodeStatus::Tcp) {
            if (firstTcp < 0)
                firstTcp = int(size);
            QCOMPARE(decoded.tcp.payloadLength, payload);
            QCOMPARE(decoded.tcp.optionsCut, size < full.size() - payload);
        } else {
            QVERIFY2(
                firstTcp < 0,
                qPrintable(QStringLiteral("%1 bytes: %2 after TCP was decoded").arg(size).arg(core::describe(status))));
            QCOMPARE(QString(core::describe(status)), QString(core::describe(core::DecodeStatus::Truncated)));
        }
    }
    // TCP exactly from the end of the fixed TCP header on.
    QCOMPARE(firstTcp, int(full.size() - payload - 8));
}

QTEST_GUILESS_MAIN(TestLinkLayer)
#include "tst_link_layer.moc"
