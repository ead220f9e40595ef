#include "server/api/device_auth.h"

#include "server/devices/device_token.h"

#include <algorithm>
#include <cctype>

namespace selfcheck::collector {
namespace {

constexpr std::size_t kTokenLength = 43;  // 32 bytes in base64url without padding

bool is_base64url(const std::string& text) {
    return std::all_of(text.begin(), text.end(),
                       [](unsigned char c) { return std::isalnum(c) != 0 || c == '-' || c == '_'; });
}

bool starts_with_bearer(const std::string& header) {
    static const std::string kScheme = "bearer ";
    if (header.size() < kScheme.size()) return false;
    return std::equal(kScheme.begin(), kScheme.end(), header.begin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
}

AuthResult refuse(const std::string& why) { return AuthResult{std::nullopt, "Authorization: " + why}; }

}  // namespace

AuthResult authenticate(const RecordStore& store, const std::string& authorization_header) {
    if (authorization_header.empty()) return refuse("missing; expected 'Bearer <device token>'");
    if (!starts_with_bearer(authorization_header)) return refuse("expected 'Bearer <device token>'");
    const std::string token = authorization_header.substr(7);
    if (token.size() != kTokenLength || !is_base64url(token)) {
        return refuse("the device token is not 43 characters of base64url");
    }
    std::optional<Device> device = store.find_device_by_token(hash_device_token(token));
    if (!device) return refuse("unknown device token");
    if (device->revoked()) return refuse("this device token was revoked on " + device->revoked_at);
    return AuthResult{std::move(device), ""};
}

}  // namespace selfcheck::collector
