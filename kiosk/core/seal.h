#pragma once
// Sealing a record to the NGO's public key (libsodium sealed box: X25519 + XSalsa20-Poly1305
// with an ephemeral sender key). The kiosk holds only the public key, so once sealed, not
// even the kiosk can read a record again.
#include <array>
#include <stdexcept>
#include <string>

namespace selfcheck {

class KeyError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// crypto_box_PUBLICKEYBYTES; the same type as DeviceConfig::ngo_public_key.
using PublicKey = std::array<unsigned char, 32>;

// The key as written in kiosk.yaml: base64 of 32 bytes. Throws KeyError saying what is wrong
// (not base64, wrong length), naming `what` (the config key) so staff can fix the file.
PublicKey parse_public_key(const std::string& base64, const std::string& what = "ngo_public_key");

// The sealed box, as raw bytes (48 bytes longer than the record).
std::string seal_record(const std::string& record_json, const PublicKey& key);

}  // namespace selfcheck
