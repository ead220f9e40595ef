#pragma once
// libsodium sealed boxes (X25519 + XSalsa20-Poly1305 with an ephemeral sender key), as
// docs/protocol.md specifies for records. Keys are raw 32-byte strings here.

#include <optional>
#include <string>
#include <string_view>

namespace collector {

inline constexpr std::size_t kKeyBytes = 32;

struct KeyPair {
    std::string public_key;  // 32 bytes
    std::string secret_key;  // 32 bytes
};

KeyPair generate_key_pair();

// What a kiosk does; the collector only needs it in tests, the load test and the benchmark.
std::string seal(std::string_view plaintext, const std::string& public_key);

// Empty optional when the box was not sealed to this key pair or was altered.
std::optional<std::string> open_sealed(std::string_view sealed, const KeyPair& keys);

}  // namespace collector
