#pragma once

#include <cstdint>

namespace core {

struct KeyHash {
    std::uint32_t token = 0; // most significant 32 bits of the digest
    std::uint64_t idsn = 0;  // least significant 64 bits of the digest
};

// RFC 6824 (version 0): SHA-1; RFC 8684 (version 1): SHA-256; of the key's 8 big-endian bytes.
// Other versions give zeros, as Wireshark does.
KeyHash hashKey(std::uint64_t key, std::uint8_t version);

} // namespace core
