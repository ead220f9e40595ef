#pragma once
// An NGO key pair made inside a test: the kiosk side only ever sees the public half; the test
// plays the collector and opens what was sealed, with the protocol's own open_sealed.
#include "protocol/crypto/base64.h"
#include "protocol/crypto/sealing.h"

#include <string>

namespace selfcheck::testing {

struct TestKeyPair : KeyPair {
    TestKeyPair() : KeyPair(generate_key_pair()) {}

    std::string public_base64() const { return key_to_base64(public_key); }
    // The record, padding removed; throws CryptoError when the box was not sealed to this key
    // or was altered.
    std::string open(const std::string& sealed) const { return open_sealed(sealed, *this); }
};

}  // namespace selfcheck::testing
