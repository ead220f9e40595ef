#include "server/keys/key_files.h"

#include "protocol/crypto/base64.h"
#include "protocol/crypto/crypto_error.h"
#include "protocol/crypto/key_text.h"
#include "protocol/crypto/sealing.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace selfcheck::collector {
namespace {

namespace fs = std::filesystem;

[[noreturn]] void fail(const fs::path& file, const std::string& problem) {
    throw KeyFileError("key file '" + file.string() + "': " + problem);
}

// Creates `file` with `mode` (O_EXCL: never over an existing file) and writes `text`.
void write_new_file(const fs::path& file, const std::string& text, mode_t mode) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        fail(file, errno == EEXIST ? "already exists; refusing to replace a key pair" : std::strerror(errno));
    }
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            fail(file, "cannot write: " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced) fail(file, "cannot sync to disk");
}

// Reads the one line of base64 in `file` and decodes it to exactly 32 bytes.
std::string read_key_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) fail(file, "cannot be read");
    std::stringstream content;
    content << in.rdbuf();
    std::string text = content.str();
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' ')) text.pop_back();
    return text;
}

template <typename Parse>
auto read_key(const fs::path& file, Parse parse) {
    try {
        return parse(read_key_text(file), "key file '" + file.string() + "'");
    } catch (const CryptoError& e) {
        throw KeyFileError(std::string(e.what()) +
                           " (expected one line as written by 'collector keygen' or 'collector content keygen')");
    }
}

// Creates `dir` if missing and writes a secret and a public key file into it.
void write_pair(const fs::path& dir, const char* secret_file, const std::string& secret, const char* public_file,
                const std::string& public_text) {
    std::error_code error;
    fs::create_directories(dir, error);
    if (error) throw KeyFileError("directory '" + dir.string() + "': " + error.message());
    // The secret first: if it cannot be written, no orphan public key is left to hand out.
    write_new_file(dir / secret_file, secret + "\n", 0600);
    write_new_file(dir / public_file, public_text + "\n", 0644);
}

// A secret key file must be readable by its owner only.
void check_private(const fs::path& file) {
    struct stat info {};
    if (::stat(file.c_str(), &info) != 0) fail(file, std::strerror(errno));
    if ((info.st_mode & 077) != 0) {
        fail(file, "group or others may read it; run 'chmod 600 " + file.string() + "'");
    }
}

}  // namespace

KeyPair write_new_key_pair(const fs::path& dir) {
    const KeyPair keys = generate_key_pair();
    write_pair(dir, kSecretKeyFile, key_to_base64(keys.secret_key), kPublicKeyFile, key_to_base64(keys.public_key));
    return keys;
}

std::string read_public_key_text(const fs::path& file) {
    return key_to_base64(
        read_key(file, [](const std::string& text, const std::string& what) { return parse_public_key(text, what); }));
}

KeyPair read_secret_key(const fs::path& file) {
    check_private(file);
    KeyPair keys;
    keys.secret_key = read_key(file, parse_secret_key);
    keys.public_key = public_key_of(keys.secret_key);
    return keys;
}

std::string referral_public_key_file(const std::string& organisation) { return organisation + "_referral_public.key"; }
std::string referral_secret_key_file(const std::string& organisation) { return organisation + "_referral_secret.key"; }

KeyPair write_new_referral_key_pair(const fs::path& dir, const std::string& organisation) {
    const KeyPair keys = generate_key_pair();
    write_pair(dir, referral_secret_key_file(organisation).c_str(), key_to_base64(keys.secret_key),
               referral_public_key_file(organisation).c_str(), key_to_base64(keys.public_key));
    return keys;
}

SigningKeyPair write_new_publisher_key_pair(const fs::path& dir) {
    const SigningKeyPair keys = generate_signing_key_pair();
    write_pair(dir, kPublisherSecretKeyFile, key_to_text(keys.secret_key), kPublisherPublicKeyFile,
               key_to_text(keys.public_key));
    return keys;
}

SigningSecretKey read_publisher_secret_key(const fs::path& file) {
    check_private(file);
    return read_key(file, parse_signing_secret_key);
}

}  // namespace selfcheck::collector
