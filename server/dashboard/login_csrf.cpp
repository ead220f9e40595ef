#include "server/dashboard/login_csrf.h"

#include "server/store/record_store.h"

#include <sodium.h>

#include <charconv>
#include <stdexcept>

namespace selfcheck::collector {
namespace {

constexpr const char* kSecretName = "login_csrf_hmac_key";

std::string to_base64url(const unsigned char* bytes, std::size_t size) {
    std::string text(sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
    sodium_bin2base64(text.data(), text.size(), bytes, size, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    text.resize(text.find('\0'));
    return text;
}

std::int64_t unix_seconds(std::chrono::system_clock::time_point when) {
    return std::chrono::duration_cast<std::chrono::seconds>(when.time_since_epoch()).count();
}

}  // namespace

const std::string& LoginCsrf::key() {
    std::lock_guard lock(key_mutex_);
    if (key_.empty()) {
        unsigned char fresh[crypto_auth_KEYBYTES];
        crypto_auth_keygen(fresh);
        const std::string stored = store_.get_or_create_secret(kSecretName, to_base64url(fresh, sizeof fresh));
        std::string raw(crypto_auth_KEYBYTES, '\0');
        std::size_t length = 0;
        if (sodium_base642bin(reinterpret_cast<unsigned char*>(raw.data()), raw.size(), stored.data(), stored.size(),
                              nullptr, &length, nullptr, sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0 ||
            length != crypto_auth_KEYBYTES) {
            throw std::runtime_error(std::string("store: secret '") + kSecretName +
                                     "' is not a key this collector made");
        }
        key_ = raw;
    }
    return key_;
}

std::string LoginCsrf::mac(const std::string& signed_part) {
    unsigned char tag[crypto_auth_BYTES];
    crypto_auth(tag, reinterpret_cast<const unsigned char*>(signed_part.data()), signed_part.size(),
                reinterpret_cast<const unsigned char*>(key().data()));
    return to_base64url(tag, sizeof tag);
}

std::string LoginCsrf::issue(std::chrono::system_clock::time_point now) {
    unsigned char nonce[16];
    randombytes_buf(nonce, sizeof nonce);
    const std::string signed_part =
        to_base64url(nonce, sizeof nonce) + "." + std::to_string(unix_seconds(now + kLifetime));
    return signed_part + "." + mac(signed_part);
}

bool LoginCsrf::verify(const std::string& token, std::chrono::system_clock::time_point now) {
    if (token.size() > 200) return false;
    const std::size_t last_dot = token.rfind('.');
    if (last_dot == std::string::npos) return false;
    const std::string signed_part = token.substr(0, last_dot);
    const std::size_t first_dot = signed_part.find('.');
    if (first_dot == std::string::npos) return false;
    std::int64_t expires = 0;
    const char* begin = signed_part.data() + first_dot + 1;
    const char* end = signed_part.data() + signed_part.size();
    const auto [stop, error] = std::from_chars(begin, end, expires);
    if (error != std::errc() || stop != end || expires < unix_seconds(now)) return false;
    const std::string expected = mac(signed_part);
    const std::string given = token.substr(last_dot + 1);
    return given.size() == expected.size() && sodium_memcmp(given.data(), expected.data(), given.size()) == 0;
}

}  // namespace selfcheck::collector
