#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Collects per-packet problems without flooding: each kind keeps a count and its first
// packet number, and becomes one readable line at the end.
class WarningLog {
public:
    // `kind` is compared without copying: no allocation once a kind has been seen.
    void add(std::string_view kind, std::uint64_t packetNumber);
    void addLine(std::string line) { m_lines.push_back(std::move(line)); }
    std::vector<std::string> lines() const;

private:
    struct Entry {
        std::uint64_t count = 0;
        std::uint64_t firstPacket = 0;
    };
    std::map<std::string, Entry, std::less<>> m_kinds;
    std::vector<std::string> m_lines;
};

} // namespace core
