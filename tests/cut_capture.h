#pragma once
#ifndef Q_MOC_RUN

// A capture that begins in the middle of its connections, made from a real one: its packets
// from one on, as tcpdump started late (or a ring buffer) would have kept them.
#include "packet_builder.h"

#include "capture/pcap_reader.h"

#include <QFileInfo>
#include <QTemporaryDir>

#include <string>
#include <vector>

namespace testpkt {

struct RawCapture {
    std::uint32_t linkType = 0;
    std::vector<Frame> frames;
};

inline RawCapture readFrames(const QString& path, std::string& error)
{
    RawCapture result;
    auto reader = core::PcapReader::open(path.toStdString(), error);
    if (!reader)
        return result;
    result.linkType = std::uint32_t(reader->linkType()); // the DLT values of the test captures equal their LINKTYPE
    core::RawPacket packet;
    while (reader->next(packet) == core::PcapReader::Status::Packet) {
        Frame frame;
        frame.bytes.assign(packet.bytes.begin(), packet.bytes.end());
        frame.timeNs = packet.timeNs;
        frame.wireLength = packet.wireLength;
        result.frames.push_back(std::move(frame));
    }
    return result;
}

// Writes the packets of `raw` from `firstPacket` (1-based) on to `dir` as a classic pcap;
// returns its path, or an empty string.
inline QString writeCut(const QTemporaryDir& dir, const QString& source, const RawCapture& raw,
                        std::uint32_t firstPacket)
{
    if (firstPacket < 1 || firstPacket > raw.frames.size())
        return {};
    const std::vector<Frame> kept(raw.frames.begin() + (firstPacket - 1), raw.frames.end());
    const QString name = QStringLiteral("%1-from-%2.pcap").arg(QFileInfo(source).completeBaseName()).arg(firstPacket);
    return writePcap(dir, name, raw.linkType, kept, TimePrecision::Nano);
}

} // namespace testpkt

#endif // Q_MOC_RUN
