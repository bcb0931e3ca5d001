#include "load/warning_log.h"

namespace core {

void WarningLog::add(const std::string& kind, std::uint64_t packetNumber)
{
    Entry& entry = m_kinds[kind];
    if (entry.count++ == 0)
        entry.firstPacket = packetNumber;
}

std::vector<std::string> WarningLog::lines() const
{
    std::vector<std::string> result = m_lines;
    for (const auto& [kind, entry] : m_kinds) {
        std::string line = std::to_string(entry.count) + (entry.count == 1 ? " packet: " : " packets: ") +
                           kind + " (first: packet " + std::to_string(entry.firstPacket) + ")";
        result.push_back(std::move(line));
    }
    return result;
}

} // namespace core
