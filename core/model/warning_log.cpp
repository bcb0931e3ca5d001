#include "model/warning_log.h"

#include <algorithm>

namespace core {

void WarningLog::add(std::string_view kind, std::uint64_t packetNumber)
{
    auto it = m_kinds.find(kind);
    if (it == m_kinds.end())
        it = m_kinds.emplace(std::string(kind), Entry{}).first;
    Entry& entry = it->second;
    ++entry.count;
    if (entry.packets.size() < listedPerKind)
        entry.packets.push_back(packetNumber);
}

std::vector<std::string> WarningLog::lines() const
{
    std::vector<std::string> result = m_lines;
    for (const auto& [kind, entry] : m_kinds) {
        std::string line = std::to_string(entry.count) + (entry.count == 1 ? " packet: " : " packets: ") + kind +
                           " (first: packet " + std::to_string(entry.packets.front()) + ")";
        result.push_back(std::move(line));
    }
    return result;
}

std::vector<LoadWarning> WarningLog::listed() const
{
    std::vector<LoadWarning> result;
    for (const auto& line : m_lines)
        result.push_back({LoadWarning::wholeFile, line});
    const auto fileWide = std::ptrdiff_t(result.size());
    for (const auto& [kind, entry] : m_kinds)
        for (const auto packet : entry.packets)
            result.push_back({packet, kind});
    std::stable_sort(result.begin() + fileWide, result.end(),
                     [](const LoadWarning& a, const LoadWarning& b) { return a.packet < b.packet; });
    return result;
}

std::uint64_t WarningLog::unlisted() const
{
    std::uint64_t result = 0;
    for (const auto& [kind, entry] : m_kinds)
        result += entry.count - entry.packets.size();
    return result;
}

} // namespace core
