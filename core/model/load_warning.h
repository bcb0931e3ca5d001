#pragma once

#include <cstdint>
#include <string>

namespace core {

// One problem met while loading, at one packet or about the whole file.
struct LoadWarning {
    static constexpr std::uint64_t wholeFile = 0; // Wireshark numbers packets from 1

    std::uint64_t packet = wholeFile;
    std::string reason;

    friend bool operator==(const LoadWarning&, const LoadWarning&) = default;
};

} // namespace core
