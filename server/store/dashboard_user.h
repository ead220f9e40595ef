#pragma once
// Dashboard logins (NGO analysts), kept apart from device tokens: a user name with an
// Argon2id password hash, and sessions whose cookie value is kept only as a hash.

#include <string>

namespace selfcheck::collector {

inline constexpr const char* kAnalystRole = "analyst";
inline constexpr const char* kCaseworkerRole = "caseworker";

struct DashboardUser {
    std::string name;           // 1-64 characters from a-z 0-9 . _ -
    std::string password_hash;  // crypto_pwhash_str output
    std::string created_at;     // UTC, "YYYY-MM-DDTHH:MM:SSZ"
    // What the login may see: an analyst the reports; a caseworker only the call-back
    // requests of `organisation` (docs/protocol.md, "Referrals"), never a report.
    std::string role = kAnalystRole;
    std::string organisation;  // the directory id a caseworker works for; empty for an analyst
};

struct DashboardSession {
    std::string token_hash;  // BLAKE2b of the cookie value; the value itself is never stored
    std::string user_name;
    std::string csrf_token;  // the synchronizer token every POST of this session must carry
    std::string expires_at;  // UTC, "YYYY-MM-DDTHH:MM:SSZ"
};

}  // namespace selfcheck::collector
