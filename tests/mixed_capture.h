#pragma once
#ifndef Q_MOC_RUN // nothing here for moc

// A small Ethernet capture with what real captures carry besides TCP (ARP, ICMPv6 neighbour
// discovery, UDP) and packets the loader must warn about (headers cut short, an IP fragment).
#include "packet_builder.h"

#include <QTemporaryDir>

#include <vector>

namespace testpkt {

struct MixedCapture {
    QString path;                        // empty when it could not be written
    std::vector<std::uint64_t> nonTcp;   // packet numbers, 1-based as in Wireshark
    std::vector<std::uint64_t> cutShort; // TCP headers cut by the snapshot length
    std::vector<std::uint64_t> fragment; // an IPv4 fragment
};

inline MixedCapture writeMixedCapture(const QTemporaryDir& dir, const QString& name)
{
    MixedCapture result;
    std::vector<Frame> frames;
    std::int64_t clockNs = 1'700'000'000'000'000'000;
    const auto add = [&](Frame frame) {
        clockNs += 1'000'000;
        if (frame.timeNs == 0)
            frame.timeNs = clockNs;
        frames.push_back(std::move(frame));
        return std::uint64_t(frames.size());
    };
    TcpFlow flow({ipv4(10, 0, 0, 1), 40000}, {ipv4(10, 0, 0, 2), 80}, 1000, 5000, &clockNs);

    result.nonTcp.push_back(add({ethernet(ethertype::Arp, Bytes(28))}));
    add(flow.syn({}));
    {
        Ipv6Header header;
        header.protocol = 58;                         // ICMPv6
        Bytes solicitation{135, 0, 0, 0, 0, 0, 0, 0}; // neighbour solicitation
        append(solicitation, ipv6Ula(2));             // target address
        result.nonTcp.push_back(add({ethernet(ethertype::IPv6, ipv6Packet(header, solicitation))}));
    }
    result.cutShort.push_back(add(cutTo(flow.synAck({}), 40))); // 6 bytes of the TCP header
    {
        Ipv4Header header;
        header.protocol = ipProtoUdp;
        result.nonTcp.push_back(add({ethernet(ethertype::IPv4, ipv4Packet(header, Bytes(20)))}));
    }
    add(flow.ack(true));
    result.cutShort.push_back(add(cutTo(flow.ack(true, {}, 100), 50)));
    {
        Ipv4Header header;
        header.flagsAndFragment = 0x2000; // more fragments follow
        TcpSegment segment;
        result.fragment.push_back(add({ethernet(ethertype::IPv4, ipv4Packet(header, tcp(segment)))}));
    }
    add(flow.fin(true));

    result.path = writePcap(dir, name, linktype::En10mb, frames);
    return result;
}

} // namespace testpkt

#endif // Q_MOC_RUN
