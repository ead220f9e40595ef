#pragma once
// A content bundle: the files of one content version (content/*.yaml, the compiled
// locales/*.res), as the NGO publishes them to its kiosks, signed with the publisher key
// (protocol/crypto/signing.h). Layout, inside the signature:
//
//   {"bundle":1,"form_id":"...","form_version":2,"content_version":1764662400,
//    "published_on":"YYYY-MM-DD",
//    "files":[{"path":"form.yaml","size":1234,"sha256":"<hex>"},...]}\n
//   <the files' bytes, one after another, in the manifest's order>
//
// Opening checks the signature first, then the manifest strictly (unknown keys, repeated
// keys, paths that could leave the bundle's folder, sizes that do not add up, a hash that
// does not match), so a kiosk never looks at bytes the publisher did not sign. What the
// files say is checked by the content validator, on both sides, after unpacking.
#include "protocol/crypto/signing.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck {

class BundleError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr int kBundleFormat = 1;
inline constexpr std::size_t kMaxBundleBytes = 32u << 20;  // content and locales are about 1 MB
inline constexpr std::size_t kMaxBundleFiles = 256;

struct BundleFile {
    std::string path;  // relative, '/'-separated: "form.yaml", "locales/en.res"
    std::string bytes;
};

struct ContentBundle {
    std::string form_id;
    int form_version = 0;
    std::string published_on;  // YYYY-MM-DD
    std::vector<BundleFile> files;
    // Grows with every publication, even when the form version does not (a changed phone
    // number): a kiosk takes only a bundle newer than the one it shows. At least 1.
    std::int64_t content_version = 0;
};

// Throws BundleError naming the file when a path is not a plain relative path of ASCII
// letters, digits, '_', '-' and '.' segments (no "..", no leading '/'), or names a file twice.
void check_bundle_paths(const std::vector<BundleFile>& files);

// The signed bundle's bytes.
std::string sign_bundle(const ContentBundle& bundle, const SigningSecretKey& publisher);

// Throws BundleError saying what is wrong: not signed by `publisher` (altered, truncated,
// another key's), or a manifest that breaks the rules above. `what` names the source (a file,
// a URL) for the message.
ContentBundle open_bundle(const std::string& signed_bytes, const SigningPublicKey& publisher, const std::string& what);

// Every file of the bundle from `dir` (which holds the unpacked bundle), e.g. for publishing:
// every regular file below it, sorted by path.
std::vector<BundleFile> read_bundle_files(const std::filesystem::path& dir);

// Writes the bundle's files into `dir`, which must not exist yet: first into a sibling
// "<dir>.partial" (each file flushed), then renamed into place, so a power cut leaves either
// no `dir` or a whole one. Throws BundleError naming the file on any failure (a full disk),
// leaving no `dir`.
void write_bundle_files(const ContentBundle& bundle, const std::filesystem::path& dir);

}  // namespace selfcheck
