#include "protocol/crypto/base64.h"

#include <sodium.h>

namespace selfcheck {

namespace {

int sodium_variant(Base64Variant variant) {
    return variant == Base64Variant::Original ? sodium_base64_VARIANT_ORIGINAL
                                              : sodium_base64_VARIANT_URLSAFE_NO_PADDING;
}

const char* describe(Base64Variant variant) {
    return variant == Base64Variant::Original ? "standard alphabet, with padding" : "URL-safe alphabet, no padding";
}

}  // namespace

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;  // sodium_init itself is safe to race
    if (!ready) throw CryptoError("libsodium could not be initialised");
}

std::string to_base64(std::string_view bytes, Base64Variant variant) {
    ensure_sodium();
    const int v = sodium_variant(variant);
    std::string text(sodium_base64_encoded_len(bytes.size(), v), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), v);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::string from_base64(std::string_view text, const std::string& what, Base64Variant variant) {
    ensure_sodium();
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, sodium_variant(variant)) != 0 ||
        end != text.data() + text.size())
        throw CryptoError(what + ": not valid base64 (" + describe(variant) + ")");
    bytes.resize(length);
    return bytes;
}

}  // namespace selfcheck
