#pragma once
// The login form's CSRF token, which the collector can check without keeping it: a random
// nonce and an expiry, signed with HMAC-SHA-512/256 (libsodium crypto_auth) under a key
// made once and kept in the store (collector_secrets), so every collector sharing a store
// and every restart accepts it. The form carries the token and so does its login cookie; a
// pair someone made up carries no valid signature.
//   token = base64url(nonce) "." expiry (unix seconds) "." base64url(mac over the two)

#include <chrono>
#include <mutex>
#include <string>

namespace selfcheck::collector {

class RecordStore;

class LoginCsrf {
public:
    static constexpr std::chrono::seconds kLifetime{3600};

    // Reads (or makes) the key on first use. Throws StorageError.
    explicit LoginCsrf(RecordStore& store) : store_(store) {}

    std::string issue(std::chrono::system_clock::time_point now);
    // True for a token issue() made, not yet expired.
    bool verify(const std::string& token, std::chrono::system_clock::time_point now);

private:
    const std::string& key();
    std::string mac(const std::string& signed_part);

    RecordStore& store_;
    std::mutex key_mutex_;
    std::string key_;  // raw key bytes, once read
};

}  // namespace selfcheck::collector
