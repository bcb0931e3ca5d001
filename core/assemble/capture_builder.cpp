#include "assemble/capture_builder.h"

#include "decode/packet_decoder.h"
#include "decode/tcp_options.h"
#include "metrics/mptcp_metrics.h"
#include "model/warning_log.h"

#include <algorithm>

namespace core {

CaptureBuilder::CaptureBuilder(std::string path, std::string linkTypeName, std::uint64_t maxTcpRows)
    : m_capture(std::make_shared<Capture>())
    , m_mptcp(std::in_place, m_tracker.connections())
    , m_rtt(m_capture->rttSamples)
{
    m_capture->path = std::move(path);
    m_capture->linkTypeName = std::move(linkTypeName);
    m_capture->table.reserve(maxTcpRows);
    m_capture->rttSamples.reserve(maxTcpRows); // at most one sample per row; untouched pages cost nothing
}

void CaptureBuilder::addFrame(std::int64_t timeNs)
{
    if (!m_sawFrame) {
        m_capture->firstNs = m_capture->lastNs = timeNs;
        m_sawFrame = true;
    }
    m_capture->lastNs = std::max(m_capture->lastNs, timeNs);
    ++m_capture->packets;
}

void CaptureBuilder::addTcp(PacketNumber number, std::int64_t timeNs, const DecodedPacket& packet,
                            const TcpTimingOptions& timing, WarningLog& warnings)
{
    ++m_capture->tcpPackets;
    const TrackedPacket tracked = m_tracker.track(number, timeNs, packet);
    const DataLevel data = m_mptcp->process(number, timeNs, packet, tracked, std::uint32_t(m_capture->table.size()),
                                            warnings);

    std::uint8_t marks = 0;
    if (tracked.direction == Direction::ServerToClient)
        marks |= PacketTable::ServerToClient;
    if (tracked.retransmittedBytes > 0)
        marks |= PacketTable::Retransmission;
    if (data.dataFin)
        marks |= PacketTable::DataFin;
    if (data.dsnUnexpanded)
        marks |= PacketTable::DsnUnexpanded;
    if (data.dataAckUnexpanded)
        marks |= PacketTable::DataAckUnexpanded;

    PacketTable& table = m_capture->table;
    const auto row = std::uint32_t(table.size());
    m_rtt.add(row, tracked.connection, tracked.direction, packet.tcp, timing);
    table.timeNs.push_back(timeNs);
    table.packet.push_back(number.value);
    table.stream.push_back(tracked.connection);
    table.tcpFlags.push_back(packet.tcp.flags);
    table.marks.push_back(marks);
    table.relativeSeq.push_back(tracked.relativeSeq);
    table.length.push_back(packet.tcp.payloadLength);
    table.dsn.push_back(data.dsn);
    table.dataAck.push_back(data.dataAck);
    table.relativeAck.push_back(tracked.relativeAck);
    table.window.push_back(packet.tcp.window);
}

void CaptureBuilder::addIcmpQuote(PacketNumber number, std::int64_t timeNs, const DecodedPacket& quoted)
{
    m_tracker.trackQuoted(number, timeNs, quoted);
}

std::shared_ptr<Capture> CaptureBuilder::finish(WarningLog& warnings)
{
    m_capture->mptcp = m_mptcp->finish(m_capture->table, warnings);
    // Neither is needed past this point: their memory goes before the metrics take more.
    m_mptcp.reset();
    m_tracker.releaseLookups();
    computeMptcpMetrics(m_capture->table, m_tracker.connections(), m_capture->mptcp);
    m_rtt.finish(m_capture->table, m_tracker.connections());
    m_capture->tcp = std::move(m_tracker.connections());
    m_capture->warnings = warnings.lines();
    return std::move(m_capture);
}

} // namespace core
