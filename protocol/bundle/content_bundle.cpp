#include "protocol/bundle/content_bundle.h"

#include "protocol/record/protocol_error.h"
#include "protocol/record/strict_json.h"

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <regex>
#include <set>
#include <system_error>

namespace selfcheck {

namespace {

std::string sha256_hex(const std::string& bytes) {
    ensure_sodium();
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char hex[2 * crypto_hash_sha256_BYTES + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return hex;
}

const std::regex& path_rule() {
    static const std::regex rule("[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*");
    return rule;
}

const std::regex& date_rule() {
    static const std::regex rule("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    return rule;
}

// The manifest's keys, exactly: a bundle says nothing the kiosk does not understand.
void expect_keys(const nlohmann::json& object, const std::set<std::string>& keys, const std::string& where) {
    if (!object.is_object()) throw BundleError(where + ": expected an object");
    for (const auto& [key, value] : object.items())
        if (!keys.count(key)) throw BundleError(where + ": unknown key \"" + key + "\"");
    for (const auto& key : keys)
        if (!object.contains(key)) throw BundleError(where + ": missing \"" + key + "\"");
}

// Writes `bytes` to `file` and flushes it to the disk; throws BundleError on any failure.
void write_durably(const std::filesystem::path& file, const std::string& bytes) {
    std::filesystem::create_directories(file.parent_path());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
    if (fd < 0) throw BundleError(file.string() + ": cannot create: " + std::strerror(errno));
    size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int error = errno;
            ::close(fd);
            throw BundleError(file.string() + ": cannot write: " + std::strerror(error));
        }
        written += size_t(n);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        throw BundleError(file.string() + ": cannot flush to disk: " + std::strerror(error));
    }
    ::close(fd);
}

void sync_directory(const std::filesystem::path& dir) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

void check_bundle_paths(const std::vector<BundleFile>& files) {
    if (files.empty()) throw BundleError("bundle: no files");
    if (files.size() > kMaxBundleFiles)
        throw BundleError("bundle: " + std::to_string(files.size()) + " files, at most " +
                          std::to_string(kMaxBundleFiles));
    std::set<std::string> seen;
    for (const BundleFile& file : files) {
        if (!std::regex_match(file.path, path_rule()) || file.path.find("..") != std::string::npos)
            throw BundleError("bundle: file \"" + file.path +
                              "\": not a plain relative path (letters, digits, _ - . and '/', no \"..\")");
        if (!seen.insert(file.path).second) throw BundleError("bundle: file \"" + file.path + "\" is listed twice");
    }
}

std::string sign_bundle(const ContentBundle& bundle, const SigningSecretKey& publisher) {
    check_bundle_paths(bundle.files);
    if (!std::regex_match(bundle.published_on, date_rule()))
        throw BundleError("bundle: published_on \"" + bundle.published_on + "\" is not YYYY-MM-DD");
    if (bundle.content_version < 1)
        throw BundleError("bundle: content_version " + std::to_string(bundle.content_version) + " is not at least 1");
    nlohmann::json files = nlohmann::json::array();
    std::string body;
    for (const BundleFile& file : bundle.files) {
        files.push_back({{"path", file.path}, {"size", file.bytes.size()}, {"sha256", sha256_hex(file.bytes)}});
        body += file.bytes;
    }
    const nlohmann::json manifest = {{"bundle", kBundleFormat},
                                     {"form_id", bundle.form_id},
                                     {"form_version", bundle.form_version},
                                     {"content_version", bundle.content_version},
                                     {"published_on", bundle.published_on},
                                     {"files", files}};
    const std::string message = manifest.dump() + "\n" + body;
    if (message.size() > kMaxBundleBytes)
        throw BundleError("bundle: " + std::to_string(message.size()) + " bytes, at most " +
                          std::to_string(kMaxBundleBytes));
    return sign_message(message, publisher);
}

ContentBundle open_bundle(const std::string& signed_bytes, const SigningPublicKey& publisher, const std::string& what) {
    if (signed_bytes.size() > kMaxBundleBytes + kSignatureBytes)
        throw BundleError(what + ": " + std::to_string(signed_bytes.size()) + " bytes, more than a bundle may be");
    std::string message;
    try {
        message = open_signed_message(signed_bytes, publisher, what);
    } catch (const CryptoError& e) {
        throw BundleError(e.what());
    }
    const size_t end_of_manifest = message.find('\n');
    if (end_of_manifest == std::string::npos) throw BundleError(what + ": no manifest line");
    nlohmann::json manifest;
    try {
        manifest = parse_strict_json(std::string_view(message).substr(0, end_of_manifest));
    } catch (const ProtocolError& e) {
        throw BundleError(what + ": manifest: " + e.what());
    }
    expect_keys(manifest, {"bundle", "form_id", "form_version", "content_version", "published_on", "files"},
                what + ": manifest");
    if (!manifest["bundle"].is_number_integer() || manifest["bundle"].get<int>() != kBundleFormat)
        throw BundleError(what + ": manifest: bundle format " + manifest["bundle"].dump() + ", this kiosk reads " +
                          std::to_string(kBundleFormat));
    if (!manifest["form_id"].is_string() || !manifest["form_version"].is_number_integer() ||
        !manifest["content_version"].is_number_integer() || !manifest["published_on"].is_string() ||
        !manifest["files"].is_array())
        throw BundleError(
            what +
            ": manifest: form_id, published_on (text), form_version, content_version (whole numbers) and files "
            "(a list) have the wrong types");
    ContentBundle bundle;
    bundle.form_id = manifest["form_id"].get<std::string>();
    bundle.form_version = manifest["form_version"].get<int>();
    bundle.content_version = manifest["content_version"].get<std::int64_t>();
    if (bundle.content_version < 1)
        throw BundleError(what + ": manifest: content_version " + std::to_string(bundle.content_version) +
                          " is not at least 1");
    bundle.published_on = manifest["published_on"].get<std::string>();
    if (!std::regex_match(bundle.published_on, date_rule()))
        throw BundleError(what + ": manifest: published_on \"" + bundle.published_on + "\" is not YYYY-MM-DD");
    size_t offset = end_of_manifest + 1;
    for (const auto& entry : manifest["files"]) {
        expect_keys(entry, {"path", "size", "sha256"}, what + ": manifest file");
        if (!entry["path"].is_string() || !entry["size"].is_number_unsigned() || !entry["sha256"].is_string())
            throw BundleError(what + ": manifest file: path, size or sha256 has the wrong type");
        const std::string path = entry["path"].get<std::string>();
        const size_t size = entry["size"].get<size_t>();
        if (size > message.size() - offset)
            throw BundleError(what + ": file \"" + path + "\": " + std::to_string(size) + " bytes listed, " +
                              std::to_string(message.size() - offset) + " left in the bundle");
        BundleFile file{path, message.substr(offset, size)};
        offset += size;
        if (sha256_hex(file.bytes) != entry["sha256"].get<std::string>())
            throw BundleError(what + ": file \"" + path + "\": its bytes do not match the manifest's sha256");
        bundle.files.push_back(std::move(file));
    }
    if (offset != message.size())
        throw BundleError(what + ": " + std::to_string(message.size() - offset) +
                          " bytes after the last file the manifest lists");
    try {
        check_bundle_paths(bundle.files);
    } catch (const BundleError& e) {
        throw BundleError(what + ": " + e.what());
    }
    return bundle;
}

std::vector<BundleFile> read_bundle_files(const std::filesystem::path& dir) {
    std::vector<BundleFile> files;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file()) continue;
        std::ifstream in(it->path(), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (!in.good() && !in.eof()) throw BundleError(it->path().string() + ": cannot read");
        files.push_back({std::filesystem::relative(it->path(), dir).generic_string(), std::move(bytes)});
    }
    if (error) throw BundleError(dir.string() + ": cannot list: " + error.message());
    std::sort(files.begin(), files.end(), [](const BundleFile& a, const BundleFile& b) { return a.path < b.path; });
    return files;
}

void write_bundle_files(const ContentBundle& bundle, const std::filesystem::path& dir) {
    check_bundle_paths(bundle.files);
    if (std::filesystem::exists(dir)) throw BundleError(dir.string() + ": already exists");
    const std::filesystem::path partial = dir.string() + ".partial";
    std::error_code ignored;
    std::filesystem::remove_all(partial, ignored);  // what a power cut left of an earlier try
    try {
        for (const BundleFile& file : bundle.files) write_durably(partial / file.path, file.bytes);
        sync_directory(partial);
        std::filesystem::rename(partial, dir);
        sync_directory(dir.parent_path().empty() ? std::filesystem::path(".") : dir.parent_path());
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove_all(partial, ignored);
        throw BundleError(dir.string() + ": " + e.what());
    } catch (const BundleError&) {
        std::filesystem::remove_all(partial, ignored);
        throw;
    }
}

}  // namespace selfcheck
