#pragma once
// Dashboard passwords: Argon2id via libsodium's crypto_pwhash_str (salt and parameters in
// the string), verified in constant time.

#include <string>

namespace selfcheck::collector {

inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;

// Throws std::runtime_error if libsodium cannot (out of memory).
std::string hash_password(const std::string& password);

bool verify_password(const std::string& hash, const std::string& password);

// Spends the time a verification takes, so an unknown user name answers as slowly as a
// wrong password and names cannot be told apart by timing.
void verify_nothing(const std::string& password);

}  // namespace selfcheck::collector
