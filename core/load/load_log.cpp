#include "load/load_log.h"

#include "log.h"
#include "model/capture.h"

#include <spdlog/spdlog.h>

namespace core {

void DecodeTally::log(const std::string& path) const
{
    const auto logger = log::decode();
    if (!logger->should_log(spdlog::level::debug))
        return;
    std::string counts;
    for (std::size_t i = 0; i < m_counts.size(); ++i) {
        if (m_counts[i] == 0)
            continue;
        if (!counts.empty())
            counts += ", ";
        counts += std::to_string(m_counts[i]) + " " + describe(DecodeStatus(i));
    }
    logger->debug("{}: {}", path, counts.empty() ? std::string("no packet") : counts);
}

void logAssembly(const Capture& capture)
{
    const auto logger = log::assemble();
    if (!logger->should_log(spdlog::level::debug))
        return;
    std::size_t subflows = 0;
    std::size_t fellBack = 0;
    std::size_t attachedBySequence = 0;
    for (const TcpConnection& tcp : capture.tcp) {
        subflows += tcp.mptcp.has_value();
        fellBack += tcp.subflow.fellBack;
        attachedBySequence += tcp.subflow.wiresharkMptcp.has_value();
    }
    std::size_t unattached = 0;
    for (const MptcpConnection& mptcp : capture.mptcp)
        unattached += mptcp.unattached;
    logger->debug("{}: {} of {} TCP connections are subflows of {} MPTCP connections ({} unattached, {} attached "
                  "by their data sequence numbers); {} fell back to TCP",
                  capture.path, subflows, capture.tcp.size(), capture.mptcp.size(), unattached, attachedBySequence,
                  fellBack);
}

} // namespace core
