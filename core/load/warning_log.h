#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace core {

// Collects per-packet problems without flooding: each kind keeps a count and its first
// packet number, and becomes one readable line at the end.
class WarningLog {
public:
    void add(const std::string& kind, std::uint64_t packetNumber);
    void addLine(std::string line) { m_lines.push_back(std::move(line)); }
    std::vector<std::string> lines() const;

private:
    struct Entry {
        std::uint64_t count = 0;
        std::uint64_t firstPacket = 0;
    };
    std::map<std::string, Entry> m_kinds;
    std::vector<std::string> m_lines;
};

} // namespace core
