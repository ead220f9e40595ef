// Signed content bundles (issue #13): what a kiosk fetches must be what the NGO's publisher
// key signed, whole, and nothing else; a bad bundle is refused with a reason and leaves
// nothing behind on disk.
#include "protocol/bundle/content_bundle.h"

#include "protocol/content/content.h"
#include "protocol/crypto/signing.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>

using namespace selfcheck;

namespace {

ContentBundle small_bundle() {
    return ContentBundle{
        "hk-mdw-self-assessment",
        2,
        "2026-12-02",
        {{"form.yaml", "id: hk-mdw-self-assessment\n"}, {"locales/en.res", std::string("\0\x01\x02", 3)}},
        7};
}

std::string what_is_wrong(const std::string& bytes, const SigningPublicKey& key) {
    try {
        open_bundle(bytes, key, "bundle.sig");
    } catch (const BundleError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a signed bundle opens with the publisher key into the same files") {
    const SigningKeyPair publisher = generate_signing_key_pair();
    const ContentBundle bundle = small_bundle();
    const ContentBundle opened = open_bundle(sign_bundle(bundle, publisher.secret_key), publisher.public_key, "b");
    CHECK(opened.form_id == bundle.form_id);
    CHECK(opened.form_version == 2);
    CHECK(opened.content_version == 7);
    CHECK(opened.published_on == "2026-12-02");
    REQUIRE(opened.files.size() == 2);
    CHECK(opened.files[1].path == "locales/en.res");
    CHECK(opened.files[1].bytes == bundle.files[1].bytes);  // binary bytes kept as they are
}

TEST_CASE("an altered, cut short or foreign bundle is refused, saying why") {
    const SigningKeyPair publisher = generate_signing_key_pair();
    const std::string good = sign_bundle(small_bundle(), publisher.secret_key);
    REQUIRE(what_is_wrong(good, publisher.public_key).empty());

    std::string altered = good;
    altered[altered.size() - 1] ^= 0x01;  // one bit of one file
    CHECK_THAT(what_is_wrong(altered, publisher.public_key), Catch::Contains("not signed by the publisher key"));
    CHECK_THAT(what_is_wrong(good.substr(0, good.size() - 10), publisher.public_key),
               Catch::Contains("not signed by the publisher key"));
    CHECK_THAT(what_is_wrong(good.substr(0, 20), publisher.public_key), Catch::Contains("shorter than a signature"));
    const SigningKeyPair other = generate_signing_key_pair();
    CHECK_THAT(what_is_wrong(good, other.public_key), Catch::Contains("not signed by the publisher key"));
    CHECK_THAT(what_is_wrong(sign_bundle(small_bundle(), other.secret_key), publisher.public_key),
               Catch::Contains("bundle.sig"));
}

TEST_CASE("a manifest the publisher signed is still checked: paths, sizes, hashes, keys") {
    const SigningKeyPair publisher = generate_signing_key_pair();
    auto signed_as = [&](const std::string& manifest, const std::string& body) {
        return what_is_wrong(sign_message(manifest + "\n" + body, publisher.secret_key), publisher.public_key);
    };
    const std::string hash_of_abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    const std::string head =
        R"({"bundle":1,"form_id":"f","form_version":1,"content_version":3,"published_on":"2026-12-02","files":[)";
    CHECK(signed_as(head + R"({"path":"form.yaml","size":3,"sha256":")" + hash_of_abc + R"("}]})", "abc").empty());
    CHECK_THAT(signed_as(head + R"({"path":"../etc/passwd","size":3,"sha256":")" + hash_of_abc + R"("}]})", "abc"),
               Catch::Contains("not a plain relative path"));
    CHECK_THAT(signed_as(head + R"({"path":"/form.yaml","size":3,"sha256":")" + hash_of_abc + R"("}]})", "abc"),
               Catch::Contains("not a plain relative path"));
    CHECK_THAT(signed_as(head + R"({"path":"form.yaml","size":4,"sha256":")" + hash_of_abc + R"("}]})", "abc"),
               Catch::Contains("4 bytes listed, 3 left"));
    CHECK_THAT(signed_as(head + R"({"path":"form.yaml","size":3,"sha256":")" + hash_of_abc + R"("}]})", "abd"),
               Catch::Contains("do not match the manifest's sha256"));
    CHECK_THAT(signed_as(head + R"({"path":"form.yaml","size":3,"sha256":")" + hash_of_abc + R"("}]})", "abcd"),
               Catch::Contains("1 bytes after the last file"));
    CHECK_THAT(signed_as(head + R"({"path":"form.yaml","size":3,"sha256":")" + hash_of_abc + R"(","mode":7}]})", "abc"),
               Catch::Contains("unknown key \"mode\""));
    CHECK_THAT(
        signed_as(
            R"({"bundle":2,"form_id":"f","form_version":1,"content_version":3,"published_on":"2026-12-02","files":[]})",
            ""),
        Catch::Contains("bundle format 2"));
    CHECK_THAT(
        signed_as(
            R"({"bundle":1,"form_id":"f","form_version":1,"content_version":0,"published_on":"2026-12-02","files":[]})",
            ""),
        Catch::Contains("content_version 0 is not at least 1"));
    CHECK_THAT(signed_as(R"({"bundle":1,"bundle":1,"form_id":"f"})", ""), Catch::Contains("manifest"));
    CHECK_THAT(signed_as("no manifest here", ""), Catch::Contains("manifest"));
}

TEST_CASE("the shipped content goes through a bundle and loads the same") {
    const SigningKeyPair publisher = generate_signing_key_pair();
    const std::filesystem::path content_dir = std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content";
    const Content original = load_content(content_dir);
    ContentBundle bundle{original.form.id, original.form.version, "2026-12-02", read_bundle_files(content_dir), 1};
    REQUIRE(bundle.files.size() >= 5);
    const ContentBundle opened = open_bundle(sign_bundle(bundle, publisher.secret_key), publisher.public_key, "b");
    testing::TempDir dir;
    write_bundle_files(opened, dir.path() / "v2");
    CHECK_FALSE(std::filesystem::exists(dir.path() / "v2.partial"));
    const Content loaded = load_content(dir.path() / "v2");
    CHECK(loaded.form.id == original.form.id);
    CHECK(loaded.form.version == original.form.version);
    CHECK(loaded.form.questions.size() == original.form.questions.size());
    CHECK_THROWS_AS(write_bundle_files(opened, dir.path() / "v2"), BundleError);  // never over a bundle in use
}

TEST_CASE("a disk that fills while a bundle is written leaves no bundle and no partial files") {
    testing::TempDir dir;
    ContentBundle bundle = small_bundle();
    bundle.files.push_back({"big.yaml", std::string(256 * 1024, 'x')});
    // The file size limit stands in for a full disk: writes past it fail with EFBIG.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    rlimit small = before;
    small.rlim_cur = 64 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    std::string error;
    try {
        write_bundle_files(bundle, dir.path() / "v2");
    } catch (const BundleError& e) {
        error = e.what();
    }
    setrlimit(RLIMIT_FSIZE, &before);
    CHECK_THAT(error, Catch::Contains("big.yaml") && Catch::Contains("cannot write"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "v2"));
    CHECK_FALSE(std::filesystem::exists(dir.path() / "v2.partial"));
}
