#pragma once
// A key, a base64 text or a sealed box that is not what the protocol says it must be. The
// message names the value at fault (a config key, a file, a batch field) and what is wrong.
#include <stdexcept>

namespace selfcheck {

class CryptoError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// libsodium is initialised once (thread-safe); throws CryptoError if it cannot be.
void ensure_sodium();

}  // namespace selfcheck
