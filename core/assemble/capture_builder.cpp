#include "assemble/capture_builder.h"

#include "decode/packet_decoder.h"
#include "load/warning_log.h"

namespace core {

CaptureBuilder::CaptureBuilder(std::string path, std::string linkTypeName, std::uint64_t maxTcpRows)
    : m_capture(std::make_shared<Capture>())
{
    m_capture->path = std::move(path);
    m_capture->linkTypeName = std::move(linkTypeName);
    m_capture->table.reserve(maxTcpRows);
}

CaptureBuilder::~CaptureBuilder() = default;

void CaptureBuilder::addFrame(std::int64_t timeNs)
{
    if (!m_sawFrame) {
        m_capture->firstNs = m_capture->lastNs = timeNs;
        m_sawFrame = true;
    }
    m_capture->lastNs = std::max(m_capture->lastNs, timeNs);
    ++m_capture->packets;
}

void CaptureBuilder::addTcp(PacketNumber, std::int64_t, const DecodedPacket&, WarningLog&)
{
    ++m_capture->tcpPackets;
}

std::shared_ptr<Capture> CaptureBuilder::finish(const WarningLog& warnings)
{
    m_capture->warnings = warnings.lines();
    return std::move(m_capture);
}

} // namespace core
