#pragma once
// Device tokens: 32 random bytes, base64url without padding (43 characters), shown once
// when a device is added. The collector keeps only a hash, so a copy of its database does
// not let anyone post as a kiosk.

#include <string>
#include <string_view>

namespace selfcheck::collector {

std::string new_device_token();

// BLAKE2b-256 of the token, as 64 lower-case hex characters. A fast hash is enough: the
// token has 256 random bits, so there is nothing to guess.
std::string hash_device_token(std::string_view token);

// A random device id: "d" and 11 lower-case hex characters.
std::string new_device_id();

}  // namespace selfcheck::collector
