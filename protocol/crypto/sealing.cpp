#include "protocol/crypto/sealing.h"

#include "protocol/crypto/key_text.h"

#include <sodium.h>

#include <algorithm>

namespace selfcheck {

static_assert(kKeyBytes == crypto_box_PUBLICKEYBYTES && kKeyBytes == crypto_box_SECRETKEYBYTES);
static_assert(kSealOverhead == crypto_box_SEALBYTES);

namespace {

constexpr unsigned char kPaddingMark = 0x80;

const unsigned char* bytes_of(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

}  // namespace

KeyPair generate_key_pair() {
    ensure_sodium();
    KeyPair keys;
    crypto_box_keypair(keys.public_key.data(), keys.secret_key.data());
    return keys;
}

PublicKey public_key_of(const SecretKey& secret) {
    ensure_sodium();
    PublicKey key;
    crypto_scalarmult_base(key.data(), secret.data());
    return key;
}

PublicKey parse_public_key(const std::string& base64, const std::string& what) {
    return key_from_base64<kKeyBytes>(base64, what, "the NGO public key from `collector keygen`");
}

SecretKey parse_secret_key(const std::string& base64, const std::string& what) {
    return key_from_base64<kKeyBytes>(base64, what, "the NGO secret key from `collector keygen`");
}

std::string key_to_base64(const std::array<unsigned char, kKeyBytes>& key) { return key_to_text(key); }

std::string seal_padded(std::string_view plaintext, std::size_t padded_size, const PublicKey& key) {
    ensure_sodium();
    if (plaintext.size() >= padded_size)
        throw CryptoError("sealing: a record of " + std::to_string(plaintext.size()) +
                          " bytes does not fit the padded size of " + std::to_string(padded_size));
    std::string padded(plaintext);
    padded.push_back(char(kPaddingMark));
    padded.resize(padded_size, '\0');
    std::string sealed(padded_size + kSealOverhead, '\0');
    if (crypto_box_seal(reinterpret_cast<unsigned char*>(sealed.data()), bytes_of(padded), padded.size(), key.data()) !=
        0)
        throw CryptoError("sealing the record failed (crypto_box_seal)");
    sodium_memzero(padded.data(), padded.size());
    return sealed;
}

std::string open_sealed(std::string_view sealed, const KeyPair& keys) {
    ensure_sodium();
    if (sealed.size() <= kSealOverhead)
        throw CryptoError("sealed: " + std::to_string(sealed.size()) + " bytes is too short for a sealed box");
    std::string plaintext(sealed.size() - kSealOverhead, '\0');
    if (crypto_box_seal_open(reinterpret_cast<unsigned char*>(plaintext.data()), bytes_of(sealed), sealed.size(),
                             keys.public_key.data(), keys.secret_key.data()) != 0)
        throw CryptoError("sealed: cannot be opened with this collector's key (sealed to another key, or altered)");
    if (plaintext.back() == '}') return plaintext;  // sealed before records were padded
    const size_t mark = plaintext.find_last_not_of('\0');
    if (mark == std::string::npos || static_cast<unsigned char>(plaintext[mark]) != kPaddingMark)
        throw CryptoError("sealed: the padding after the record is broken");
    plaintext.resize(mark);
    return plaintext;
}

}  // namespace selfcheck
