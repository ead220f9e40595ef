#pragma once
// Base64 as docs/protocol.md uses it: keys and sealed bytes in the original alphabet with
// padding; device tokens in the URL-safe alphabet without padding. Thin libsodium wrappers.

#include <optional>
#include <string>
#include <string_view>

namespace collector {

enum class Base64Variant { original, url_no_padding };

std::string to_base64(std::string_view bytes, Base64Variant variant);

// Empty optional when `text` is not strictly base64 of that variant (bad characters,
// wrong padding, trailing garbage).
std::optional<std::string> from_base64(std::string_view text, Base64Variant variant);

}  // namespace collector
