#include "crypto/key_hash.h"

#include <openssl/sha.h>

#include <array>

namespace core {

KeyHash hashKey(std::uint64_t key, std::uint8_t version)
{
    std::array<unsigned char, 8> keyBytes{};
    for (int i = 0; i < 8; ++i)
        keyBytes[std::size_t(i)] = static_cast<unsigned char>(key >> (56 - 8 * i));

    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    std::size_t digestLength = 0;
    if (version == 0) {
        SHA1(keyBytes.data(), keyBytes.size(), digest.data());
        digestLength = SHA_DIGEST_LENGTH;
    } else if (version == 1) {
        SHA256(keyBytes.data(), keyBytes.size(), digest.data());
        digestLength = SHA256_DIGEST_LENGTH;
    } else {
        return {};
    }

    KeyHash result;
    for (std::size_t i = 0; i < 4; ++i)
        result.token = (result.token << 8) | digest[i];
    for (std::size_t i = digestLength - 8; i < digestLength; ++i)
        result.idsn = (result.idsn << 8) | digest[i];
    return result;
}

} // namespace core
