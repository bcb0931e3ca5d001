#include "model/warning_log.h"

namespace core {

void WarningLog::add(std::string_view kind, std::uint64_t packetNumber)
{
    auto it = m_kinds.find(kind);
    if (it == m_kinds.end())
        it = m_kinds.emplace(std::string(kind), Entry{0, packetNumber}).first;
    ++it->second.count;
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
