#pragma once
// An NGO key pair made inside a test: the kiosk side only ever sees the public half; the test
// plays the collector and opens what was sealed.
#include "base64.h"
#include "seal.h"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <string>

namespace selfcheck::testing {

struct TestKeyPair {
    PublicKey public_key{};
    std::array<unsigned char, crypto_box_SECRETKEYBYTES> secret_key{};

    TestKeyPair() {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
        crypto_box_keypair(public_key.data(), secret_key.data());
    }
    std::string public_base64() const {
        return to_base64({reinterpret_cast<const char*>(public_key.data()), public_key.size()});
    }
    // The plaintext, or throws when the box was not sealed to this key or was altered.
    std::string open(const std::string& sealed) const {
        if (sealed.size() < crypto_box_SEALBYTES) throw std::runtime_error("sealed box too short");
        std::string plain(sealed.size() - crypto_box_SEALBYTES, '\0');
        if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plain.data()),
                                 reinterpret_cast<const unsigned char*>(sealed.data()), sealed.size(),
                                 public_key.data(), secret_key.data()) != 0)
            throw std::runtime_error("sealed box does not open with this key");
        return plain;
    }
};

}  // namespace selfcheck::testing
