#pragma once
// Signing what the NGO publishes to its kiosks (content bundles): Ed25519 (libsodium
// crypto_sign). The publisher key is not the sealing key: the collector's sealing secret
// opens records, the publisher's secret only signs, and a kiosk pins the publisher's public
// key in kiosk.yaml (`content_publisher_key`).
#include "protocol/crypto/crypto_error.h"

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace selfcheck {

inline constexpr std::size_t kSigningPublicKeyBytes = 32;  // crypto_sign_PUBLICKEYBYTES
inline constexpr std::size_t kSigningSecretKeyBytes = 64;  // crypto_sign_SECRETKEYBYTES
inline constexpr std::size_t kSignatureBytes = 64;         // crypto_sign_BYTES

using SigningPublicKey = std::array<unsigned char, kSigningPublicKeyBytes>;
using SigningSecretKey = std::array<unsigned char, kSigningSecretKeyBytes>;

struct SigningKeyPair {
    SigningPublicKey public_key{};
    SigningSecretKey secret_key{};
};

SigningKeyPair generate_signing_key_pair();

// The signature (64 bytes) followed by `message`.
std::string sign_message(std::string_view message, const SigningSecretKey& secret);
// The message of `signed_message` when `key` signed it; throws CryptoError ("... is not
// signed by the publisher key") when it is shorter than a signature, altered, or signed by
// another key. `what` names the thing checked, for the message.
std::string open_signed_message(std::string_view signed_message, const SigningPublicKey& key, const std::string& what);

// Keys as kiosk.yaml and key files write them: base64. Throws CryptoError naming `what`.
SigningPublicKey parse_signing_public_key(const std::string& base64, const std::string& what);
SigningSecretKey parse_signing_secret_key(const std::string& base64, const std::string& what);

}  // namespace selfcheck
