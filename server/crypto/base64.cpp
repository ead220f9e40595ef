#include "server/crypto/base64.h"

#include "server/crypto/sodium_init.h"

#include <sodium.h>

namespace collector {
namespace {

int sodium_variant(Base64Variant variant) {
    return variant == Base64Variant::original ? sodium_base64_VARIANT_ORIGINAL
                                              : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}

}  // namespace

std::string to_base64(std::string_view bytes, Base64Variant variant) {
    ensure_sodium();
    const int v = sodium_variant(variant);
    std::string text(sodium_base64_ENCODED_LEN(bytes.size(), v), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), v);
    text.resize(text.size() - 1);  // sodium writes a terminating NUL
    return text;
}

std::optional<std::string> from_base64(std::string_view text, Base64Variant variant) {
    ensure_sodium();
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    std::size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, sodium_variant(variant)) != 0 ||
        end != text.data() + text.size()) {
        return std::nullopt;
    }
    bytes.resize(length);
    return bytes;
}

}  // namespace collector
