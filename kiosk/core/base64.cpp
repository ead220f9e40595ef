#include "base64.h"

#include <sodium.h>

namespace selfcheck {

namespace {
constexpr int kVariant = sodium_base64_VARIANT_ORIGINAL;
}

std::string to_base64(std::string_view bytes) {
    std::string text(sodium_base64_encoded_len(bytes.size(), kVariant), '\0');
    sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(),
                      kVariant);
    text.resize(text.size() - 1);  // the terminating NUL
    return text;
}

std::string from_base64(std::string_view text, const std::string& what) {
    std::string bytes(text.size() / 4 * 3 + 3, '\0');
    size_t length = 0;
    const char* end = nullptr;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(), text.size(),
                          nullptr, &length, &end, kVariant) != 0 ||
        end != text.data() + text.size())
        throw Base64Error(what + ": not valid base64 (standard alphabet, with padding)");
    bytes.resize(length);
    return bytes;
}

}  // namespace selfcheck
