#include "server/dashboard/password.h"

#include "protocol/crypto/crypto_error.h"

#include <sodium.h>

#include <stdexcept>

namespace selfcheck::collector {

std::string hash_password(const std::string& password) {
    ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw std::runtime_error("could not hash the password (out of memory?)");
    }
    return out;
}

bool verify_password(const std::string& hash, const std::string& password) {
    ensure_sodium();
    if (hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void verify_nothing(const std::string& password) {
    static const std::string dummy = hash_password("not a real password, only spends time");
    verify_password(dummy, password);
}

}  // namespace selfcheck::collector
