#pragma once
// The NGO key pair on disk (docs/protocol.md, "NGO key pair"): ngo_public.key and
// ngo_secret.key, each one line of base64 (original alphabet, padded) holding 32 bytes. And
// the content publisher's signing pair: publisher_public.key (32 bytes) and
// publisher_secret.key (64), the same way.

#include "protocol/crypto/sealing.h"
#include "protocol/crypto/signing.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace selfcheck::collector {

// A key file is missing, unreadable, malformed or too open; the message names the file.
class KeyFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr const char* kPublicKeyFile = "ngo_public.key";
inline constexpr const char* kSecretKeyFile = "ngo_secret.key";

// Writes a fresh pair into `dir` (created if missing); the secret key file gets mode 0600
// from the moment it exists. Refuses to overwrite either file: replacing a key pair would
// make every record sealed to the old one unreadable.
KeyPair write_new_key_pair(const std::filesystem::path& dir);

// The public key as its base64 text, checked to hold 32 bytes (for kiosk.yaml).
std::string read_public_key_text(const std::filesystem::path& file);

// The secret key, with its public half derived from it. Refuses a file that group or
// others may read.
KeyPair read_secret_key(const std::filesystem::path& file);

// One organisation's pair for call-back requests (docs/protocol.md, "Referrals"):
// ORG_referral_public.key and ORG_referral_secret.key, written as the NGO pair is.
std::string referral_public_key_file(const std::string& organisation);
std::string referral_secret_key_file(const std::string& organisation);
KeyPair write_new_referral_key_pair(const std::filesystem::path& dir, const std::string& organisation);

inline constexpr const char* kPublisherPublicKeyFile = "publisher_public.key";
inline constexpr const char* kPublisherSecretKeyFile = "publisher_secret.key";

// As write_new_key_pair, for the key that signs content bundles.
SigningKeyPair write_new_publisher_key_pair(const std::filesystem::path& dir);
// The publisher's secret key; refuses a file that group or others may read.
SigningSecretKey read_publisher_secret_key(const std::filesystem::path& file);

}  // namespace selfcheck::collector
