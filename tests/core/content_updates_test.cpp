// Content bundles on the kiosk (issue #13): a good bundle is unpacked whole under the data
// dir and found again at start; a bad one (a wrong signature, another publisher's key, a
// truncated download, a full disk, content that fails validation, an older version offered
// again) changes nothing on disk and says why.
#include "kiosk/core/content_updates.h"

#include "protocol/bundle/content_bundle.h"
#include "protocol/content/content.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <set>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

const std::filesystem::path kContent = std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content";
const std::filesystem::path kLocales = std::filesystem::path(SELFCHECK_BINARY_DIR) / "locales";
const std::string kPoliceLine = "phone: \"999\"";

// The shipped content and messages as `collector content publish` bundles them, with
// directory.yaml's text passed through `edit`.
ContentBundle shipped_bundle(std::int64_t version, const std::function<void(std::string&)>& edit = {}) {
    ContentBundle bundle{"hk-mdw-self-assessment", 1, "2026-12-02", {}, version};
    for (BundleFile& file : read_bundle_files(kContent)) {
        if (file.path.size() < 5 || file.path.compare(file.path.size() - 5, 5, ".yaml") != 0) continue;
        if (file.path == "directory.yaml" && edit) edit(file.bytes);
        bundle.files.push_back(std::move(file));
    }
    for (BundleFile& file : read_bundle_files(kLocales))
        if (file.path.find(".res") != std::string::npos && file.path.find('/') == std::string::npos)
            bundle.files.push_back({"locales/" + file.path, std::move(file.bytes)});
    return bundle;
}

void replace(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

// Every path under the data dir, to show a refused bundle changed nothing.
std::set<std::string> tree(const std::filesystem::path& dir) {
    std::set<std::string> paths;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir))
        paths.insert(std::filesystem::relative(entry.path(), dir).string());
    return paths;
}

struct Device {
    TempDir data;
    SigningKeyPair publisher = generate_signing_key_pair();
    Device() {
        const BundleOutcome first = install_bundle(sign_bundle(shipped_bundle(100), publisher.secret_key),
                                                   publisher.public_key, data.path(), 0, "first");
        REQUIRE(first.refusal.empty());
    }
    // What an offer does to a device that shows content version 100.
    std::string refusal_of(const std::string& signed_bytes) {
        const std::set<std::string> before = tree(data.path());
        const BundleOutcome outcome = install_bundle(signed_bytes, publisher.public_key, data.path(), 100, "offer");
        CHECK_FALSE(outcome.installed);
        CHECK(tree(data.path()) == before);  // nothing written, nothing lost
        REQUIRE(newest_valid_bundle(data.path()));
        CHECK(newest_valid_bundle(data.path())->content_version == 100);
        return outcome.refusal;
    }
};

}  // namespace

TEST_CASE("a newer bundle is unpacked whole and is what the kiosk finds at start") {
    Device device;
    const auto changed = shipped_bundle(200, [](std::string& text) { replace(text, kPoliceLine, "phone: \"998\""); });
    const BundleOutcome outcome = install_bundle(sign_bundle(changed, device.publisher.secret_key),
                                                 device.publisher.public_key, device.data.path(), 100, "offer");
    CHECK(outcome.refusal.empty());
    REQUIRE(outcome.installed);
    CHECK(outcome.installed->dir == bundles_dir(device.data.path()) / "200");
    const auto found = newest_valid_bundle(device.data.path());
    REQUIRE(found);
    CHECK(found->content_version == 200);
    const Content content = load_content(found->dir);
    CHECK(content.directory.front().phone == "998");
    CHECK(std::filesystem::exists(bundles_dir(device.data.path()) / "100"));  // kept for rollback
    CHECK_FALSE(std::filesystem::exists(bundles_dir(device.data.path()) / "incoming-200"));
}

TEST_CASE("a bundle with a wrong signature changes nothing", "[fault]") {
    Device device;
    std::string bytes = sign_bundle(shipped_bundle(200), device.publisher.secret_key);
    bytes[bytes.size() / 2] ^= 0x01;
    CHECK_THAT(device.refusal_of(bytes), Catch::Contains("not signed by the publisher key"));
}

TEST_CASE("a bundle signed by another publisher's key changes nothing", "[fault]") {
    Device device;
    const SigningKeyPair other = generate_signing_key_pair();
    CHECK_THAT(device.refusal_of(sign_bundle(shipped_bundle(200), other.secret_key)),
               Catch::Contains("not signed by the publisher key"));
}

TEST_CASE("a truncated download changes nothing", "[fault]") {
    Device device;
    const std::string bytes = sign_bundle(shipped_bundle(200), device.publisher.secret_key);
    CHECK_THAT(device.refusal_of(bytes.substr(0, bytes.size() - 1000)), Catch::Contains("offer"));
    CHECK_THAT(device.refusal_of(bytes.substr(0, 10)), Catch::Contains("offer"));
}

TEST_CASE("a disk that fills while the bundle is unpacked changes nothing", "[fault]") {
    Device device;
    ContentBundle bundle = shipped_bundle(200);
    bundle.files.push_back({"padding.txt", std::string(256 * 1024, 'x')});
    const std::string bytes = sign_bundle(bundle, device.publisher.secret_key);
    // The file size limit stands in for a full disk: writes past it fail with EFBIG.
    std::signal(SIGXFSZ, SIG_IGN);
    rlimit before{};
    getrlimit(RLIMIT_FSIZE, &before);
    rlimit small = before;
    small.rlim_cur = 128 * 1024;
    REQUIRE(setrlimit(RLIMIT_FSIZE, &small) == 0);
    const std::set<std::string> files_before = tree(device.data.path());
    const BundleOutcome outcome = install_bundle(bytes, device.publisher.public_key, device.data.path(), 100, "offer");
    setrlimit(RLIMIT_FSIZE, &before);
    CHECK_FALSE(outcome.installed);
    CHECK_THAT(outcome.refusal, Catch::Contains("cannot write"));
    CHECK(outcome.device_fault);  // fetched again once there is room
    CHECK(tree(device.data.path()) == files_before);
    REQUIRE(newest_valid_bundle(device.data.path()));
    CHECK(newest_valid_bundle(device.data.path())->content_version == 100);
}

TEST_CASE("a bundle the kiosk's validator refuses changes nothing", "[fault]") {
    Device device;
    const auto broken = shipped_bundle(200, [](std::string& text) {
        replace(text, "name: org.police_emergency.name", "name: org.police_emergency.no_such_message");
    });
    CHECK_THAT(device.refusal_of(sign_bundle(broken, device.publisher.secret_key)),
               Catch::Contains("not valid") && Catch::Contains("no_such_message"));
}

TEST_CASE("an older content version offered again changes nothing", "[fault]") {
    Device device;
    CHECK_THAT(device.refusal_of(sign_bundle(shipped_bundle(50), device.publisher.secret_key)),
               Catch::Contains("content version 50 is older than this kiosk's 100"));
    // The very bundle it shows, offered again (after a restart): nothing new, and no alarm.
    CHECK(device.refusal_of(sign_bundle(shipped_bundle(100), device.publisher.secret_key)).empty());
}

TEST_CASE("at start the newest bundle that checks out is chosen, and older ones beyond the rollback go") {
    TempDir data;
    const SigningKeyPair publisher = generate_signing_key_pair();
    for (std::int64_t version : {100, 200, 300})
        REQUIRE(install_bundle(sign_bundle(shipped_bundle(version), publisher.secret_key), publisher.public_key,
                               data.path(), version - 1, "offer")
                    .refusal.empty());
    // A bundle damaged on disk since, and what a power cut left mid-install.
    std::filesystem::remove(bundles_dir(data.path()) / "300" / "form.yaml");
    std::filesystem::create_directories(bundles_dir(data.path()) / "incoming-400.partial");
    const auto chosen = newest_valid_bundle(data.path());
    REQUIRE(chosen);
    CHECK(chosen->content_version == 200);
    CHECK_FALSE(std::filesystem::exists(bundles_dir(data.path()) / "incoming-400.partial"));
    prune_bundles(data.path(), 300);
    CHECK(std::filesystem::exists(bundles_dir(data.path()) / "300"));
    CHECK(std::filesystem::exists(bundles_dir(data.path()) / "200"));  // the rollback
    CHECK_FALSE(std::filesystem::exists(bundles_dir(data.path()) / "100"));
    TempDir empty;
    CHECK_FALSE(newest_valid_bundle(empty.path()));  // no bundles yet: the installed content
}
