#include "protocol/crypto/signing.h"

#include "protocol/crypto/key_text.h"

#include <sodium.h>

namespace selfcheck {

static_assert(kSigningPublicKeyBytes == crypto_sign_PUBLICKEYBYTES);
static_assert(kSigningSecretKeyBytes == crypto_sign_SECRETKEYBYTES);
static_assert(kSignatureBytes == crypto_sign_BYTES);

SigningKeyPair generate_signing_key_pair() {
    ensure_sodium();
    SigningKeyPair keys;
    crypto_sign_keypair(keys.public_key.data(), keys.secret_key.data());
    return keys;
}

std::string sign_message(std::string_view message, const SigningSecretKey& secret) {
    ensure_sodium();
    std::string signed_message(kSignatureBytes + message.size(), '\0');
    crypto_sign(reinterpret_cast<unsigned char*>(signed_message.data()), nullptr,
                reinterpret_cast<const unsigned char*>(message.data()), message.size(), secret.data());
    return signed_message;
}

std::string open_signed_message(std::string_view signed_message, const SigningPublicKey& key, const std::string& what) {
    ensure_sodium();
    if (signed_message.size() < kSignatureBytes)
        throw CryptoError(what + ": " + std::to_string(signed_message.size()) + " bytes, shorter than a signature (" +
                          std::to_string(kSignatureBytes) + ")");
    std::string message(signed_message.size() - kSignatureBytes, '\0');
    unsigned long long length = 0;
    if (crypto_sign_open(reinterpret_cast<unsigned char*>(message.data()), &length,
                         reinterpret_cast<const unsigned char*>(signed_message.data()), signed_message.size(),
                         key.data()) != 0)
        throw CryptoError(what + ": not signed by the publisher key (altered, cut short, or signed by another key)");
    message.resize(length);
    return message;
}

SigningPublicKey parse_signing_public_key(const std::string& base64, const std::string& what) {
    return key_from_base64<kSigningPublicKeyBytes>(base64, what,
                                                   "the publisher public key from `collector content keygen`");
}

SigningSecretKey parse_signing_secret_key(const std::string& base64, const std::string& what) {
    return key_from_base64<kSigningSecretKeyBytes>(base64, what,
                                                   "the publisher secret key from `collector content keygen`");
}

}  // namespace selfcheck
