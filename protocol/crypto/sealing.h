#pragma once
// Sealing a record to the NGO's public key (libsodium sealed box: X25519 + XSalsa20-Poly1305
// with an ephemeral sender key). The kiosk holds only the public key, so once sealed, not
// even the kiosk can read a record again (docs/protocol.md, "Sealing").
//
// The plaintext is padded to a fixed size before sealing (ISO/IEC 7816-4: a 0x80 byte, then
// zeros), so a sealed record's length says nothing about its language or the path taken
// through the form: every record of a form version seals to the same length.
#include "protocol/crypto/crypto_error.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace selfcheck {

inline constexpr std::size_t kKeyBytes = 32;      // crypto_box_PUBLICKEYBYTES, _SECRETKEYBYTES
inline constexpr std::size_t kSealOverhead = 48;  // crypto_box_SEALBYTES

using PublicKey = std::array<unsigned char, kKeyBytes>;
using SecretKey = std::array<unsigned char, kKeyBytes>;

struct KeyPair {
    PublicKey public_key{};
    SecretKey secret_key{};
};

KeyPair generate_key_pair();
// The public half that belongs to a secret key.
PublicKey public_key_of(const SecretKey& secret);

// A key as kiosk.yaml and the key files write it: base64 of 32 bytes. Throws CryptoError
// naming `what` (the config key or file) and saying what is wrong.
PublicKey parse_public_key(const std::string& base64, const std::string& what = "ngo_public_key");
SecretKey parse_secret_key(const std::string& base64, const std::string& what);
std::string key_to_base64(const std::array<unsigned char, kKeyBytes>& key);

// `plaintext` padded to `padded_size` bytes and sealed: always padded_size + kSealOverhead
// bytes long. Throws CryptoError if the plaintext does not leave room for the padding byte.
std::string seal_padded(std::string_view plaintext, std::size_t padded_size, const PublicKey& key);

// Opens a sealed record and removes its padding. Throws CryptoError when the box was not
// sealed to this key pair, was altered, or its padding is broken. A record sealed without
// padding (kiosks before 0.2) is a JSON object, ending in '}', and is returned as it is.
std::string open_sealed(std::string_view sealed, const KeyPair& keys);

}  // namespace selfcheck
