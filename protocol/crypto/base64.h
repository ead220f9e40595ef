#pragma once
// Base64 as docs/protocol.md uses it: keys and sealed records in the original alphabet with
// padding; device tokens in the URL-safe alphabet without padding. Thin libsodium wrappers.
#include "protocol/crypto/crypto_error.h"

#include <string>
#include <string_view>

namespace selfcheck {

enum class Base64Variant { Original, UrlNoPadding };

std::string to_base64(std::string_view bytes, Base64Variant variant = Base64Variant::Original);

// Throws CryptoError "<what>: not valid base64 (...)" unless `text` is strictly base64 of that
// variant (no stray characters, the right padding, nothing after it).
std::string from_base64(std::string_view text, const std::string& what,
                        Base64Variant variant = Base64Variant::Original);

}  // namespace selfcheck
