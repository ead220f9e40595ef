#include "server/devices/device_token.h"

#include "protocol/crypto/base64.h"
#include "protocol/crypto/crypto_error.h"

#include <sodium.h>

namespace selfcheck::collector {
namespace {

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    std::string hex(size * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), bytes, size);
    hex.pop_back();
    return hex;
}

}  // namespace

std::string new_device_token() {
    ensure_sodium();
    std::string bytes(32, '\0');
    randombytes_buf(bytes.data(), bytes.size());
    return to_base64(bytes, Base64Variant::UrlNoPadding);
}

std::string hash_device_token(std::string_view token) {
    ensure_sodium();
    unsigned char digest[32];
    crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(),
                       nullptr, 0);
    return to_hex(digest, sizeof digest);
}

std::string new_device_id() {
    ensure_sodium();
    unsigned char bytes[6];
    randombytes_buf(bytes, sizeof bytes);
    return "d" + to_hex(bytes, sizeof bytes).substr(0, 11);
}

}  // namespace selfcheck::collector
