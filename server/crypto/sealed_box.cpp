#include "server/crypto/sealed_box.h"

#include "server/crypto/sodium_init.h"

#include <sodium.h>

#include <stdexcept>

namespace collector {
namespace {

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

void require_key(const std::string& key, const char* which) {
    if (key.size() != kKeyBytes) throw std::invalid_argument(std::string(which) + " must be 32 bytes");
}

}  // namespace

KeyPair generate_key_pair() {
    ensure_sodium();
    KeyPair keys{std::string(crypto_box_PUBLICKEYBYTES, '\0'), std::string(crypto_box_SECRETKEYBYTES, '\0')};
    crypto_box_keypair(reinterpret_cast<unsigned char*>(keys.public_key.data()),
                       reinterpret_cast<unsigned char*>(keys.secret_key.data()));
    return keys;
}

std::string seal(std::string_view plaintext, const std::string& public_key) {
    ensure_sodium();
    require_key(public_key, "public key");
    std::string sealed(plaintext.size() + crypto_box_SEALBYTES, '\0');
    crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), bytes_of(plaintext), plaintext.size(),
                    bytes_of(public_key));
    return sealed;
}

std::optional<std::string> open_sealed(std::string_view sealed, const KeyPair& keys) {
    ensure_sodium();
    require_key(keys.public_key, "public key");
    require_key(keys.secret_key, "secret key");
    if (sealed.size() < crypto_box_SEALBYTES) return std::nullopt;
    std::string plaintext(sealed.size() - crypto_box_SEALBYTES, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plaintext.data()), bytes_of(sealed), sealed.size(),
                             bytes_of(keys.public_key), bytes_of(keys.secret_key)) != 0) {
        return std::nullopt;
    }
    return plaintext;
}

}  // namespace collector
