#include "seal.h"

#include "base64.h"

#include <sodium.h>

#include <algorithm>

namespace selfcheck {

static_assert(std::tuple_size_v<PublicKey> == crypto_box_PUBLICKEYBYTES);

PublicKey parse_public_key(const std::string& base64, const std::string& what) {
    std::string bytes;
    try {
        bytes = from_base64(base64, what);
    } catch (const Base64Error& e) {
        throw KeyError(std::string(e.what()) + "; expected the NGO public key from `collector keygen`");
    }
    if (bytes.size() != crypto_box_PUBLICKEYBYTES)
        throw KeyError(what + ": expected " + std::to_string(crypto_box_PUBLICKEYBYTES) + " bytes, got " +
                       std::to_string(bytes.size()) + " (is this the public key, not the secret one?)");
    PublicKey key;
    std::copy(bytes.begin(), bytes.end(), key.begin());
    return key;
}

std::string seal_record(const std::string& record_json, const PublicKey& key) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
    std::string sealed(record_json.size() + crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()),
                        reinterpret_cast<const unsigned char*>(record_json.data()), record_json.size(),
                        key.data()) != 0)
        throw std::runtime_error("sealing the record failed (crypto_box_seal)");
    return sealed;
}

}  // namespace selfcheck
