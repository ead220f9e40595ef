#pragma once
// A key of N bytes as the config and key files write it: base64. One parser for every kind
// of key (sealing, signing), so each names the value at fault the same way.
#include "protocol/crypto/base64.h"
#include "protocol/crypto/crypto_error.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>

namespace selfcheck {

// Throws CryptoError "<what>: ..." saying what is wrong and, as `expected`, what it should be.
template <std::size_t N>
std::array<unsigned char, N> key_from_base64(const std::string& base64, const std::string& what, const char* expected) {
    std::string bytes;
    try {
        bytes = from_base64(base64, what);
    } catch (const CryptoError& e) {
        throw CryptoError(std::string(e.what()) + "; expected " + expected);
    }
    if (bytes.size() != N)
        throw CryptoError(what + ": expected " + std::to_string(N) + " bytes, got " + std::to_string(bytes.size()));
    std::array<unsigned char, N> key;
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

template <std::size_t N>
std::string key_to_text(const std::array<unsigned char, N>& key) {
    return to_base64({reinterpret_cast<const char*>(key.data()), key.size()});
}

}  // namespace selfcheck
