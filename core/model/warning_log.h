#pragma once

#include "model/load_warning.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace core {

// Collects per-packet problems without flooding: each kind keeps a count and the numbers of
// its first `listedPerKind` packets, and becomes one readable line at the end.
class WarningLog {
public:
    static constexpr std::size_t listedPerKind = 1000;

    // `kind` is compared without copying: no allocation once a kind has been seen, beyond
    // its list of packet numbers.
    void add(std::string_view kind, std::uint64_t packetNumber);
    // A problem of the whole file, not of one packet.
    void addLine(std::string line) { m_lines.push_back(std::move(line)); }

    // One line per problem of the file, then one per kind: its count and first packet.
    std::vector<std::string> lines() const;
    // The problems one by one: those of the whole file first, then by packet number.
    std::vector<LoadWarning> listed() const;
    // How many packet warnings `listed` leaves out, past `listedPerKind` of a kind.
    std::uint64_t unlisted() const;

private:
    struct Entry {
        std::uint64_t count = 0;
        std::vector<std::uint64_t> packets; // the first ones, in the order they were added
    };
    std::map<std::string, Entry, std::less<>> m_kinds;
    std::vector<std::string> m_lines;
};

} // namespace core
