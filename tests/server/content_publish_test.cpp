// `collector content keygen` and `collector content publish`, run as the built binary: the
// signing pair is written once and kept private, invalid content is never signed, and what
// is signed opens with the public key into content the kiosk loads as it is.
#include "protocol/bundle/content_bundle.h"
#include "protocol/content/content.h"
#include "protocol/crypto/signing.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace selfcheck;
using namespace std::chrono_literals;
using selfcheck::testing::RunResult;
using selfcheck::testing::TempDir;

namespace {

RunResult run_collector(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1", COLLECTOR_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return selfcheck::testing::run_program(argv, 30s);
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

const std::string kContent = std::string(SELFCHECK_SOURCE_DIR) + "/content";
const std::string kLocales = std::string(SELFCHECK_BINARY_DIR) + "/locales";

std::vector<std::string> publish_args(const TempDir& dir, const std::string& content, const std::string& out) {
    return {"content",   "publish", "--content", content,
            "--locales", kLocales,  "--key",     (dir.path() / "keys/publisher_secret.key").string(),
            "--out",     out};
}

}  // namespace

TEST_CASE("content keygen writes the signing pair once, the secret for its owner only") {
    TempDir dir;
    const RunResult made = run_collector({"content", "keygen", "--out", (dir.path() / "keys").string()});
    CHECK(made.status == 0);
    CHECK_THAT(made.output,
               Catch::Contains("publisher_secret.key") && Catch::Contains("change what every kiosk tells"));
    struct stat info {};
    REQUIRE(::stat((dir.path() / "keys/publisher_secret.key").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0600);
    CHECK_NOTHROW(parse_signing_public_key(read_file(dir.path() / "keys/publisher_public.key").substr(0, 44), "pub"));
    const RunResult again = run_collector({"content", "keygen", "--out", (dir.path() / "keys").string()});
    CHECK(again.status == 1);
    CHECK_THAT(again.output, Catch::Contains("already exists"));
}

TEST_CASE("content publish signs the shipped content, which opens and loads as it was") {
    TempDir dir;
    REQUIRE(run_collector({"content", "keygen", "--out", (dir.path() / "keys").string()}).status == 0);
    const std::string bundle_file = (dir.path() / "content.bundle").string();
    const RunResult published = run_collector(publish_args(dir, kContent, bundle_file));
    INFO(published.output);
    REQUIRE(published.status == 0);
    CHECK_THAT(published.output, Catch::Contains("Signed hk-mdw-self-assessment version 1"));

    std::string public_text = read_file(dir.path() / "keys/publisher_public.key");
    public_text.erase(public_text.find_last_not_of("\n") + 1);
    const ContentBundle bundle =
        open_bundle(read_file(bundle_file), parse_signing_public_key(public_text, "pub"), bundle_file);
    std::set<std::string> paths;
    for (const BundleFile& file : bundle.files) paths.insert(file.path);
    CHECK(paths.count("form.yaml"));
    CHECK(paths.count("directory.yaml"));
    CHECK(paths.count("locales/zh_Hant_HK.res"));
    CHECK_FALSE(paths.count("SOURCES.md"));  // the NGO's notes stay with the NGO
    write_bundle_files(bundle, dir.path() / "unpacked");
    const Content loaded = load_content(dir.path() / "unpacked");
    const Content shipped = load_content(kContent);
    CHECK(loaded.form.id == shipped.form.id);
    CHECK(loaded.form.version == shipped.form.version);
    CHECK(loaded.directory.size() == shipped.directory.size());
}

TEST_CASE("content publish refuses invalid content and an open secret key, and writes nothing") {
    TempDir dir;
    REQUIRE(run_collector({"content", "keygen", "--out", (dir.path() / "keys").string()}).status == 0);
    std::filesystem::copy(kContent, dir.path() / "bad", std::filesystem::copy_options::recursive);
    std::string form = read_file(dir.path() / "bad/form.yaml");
    form.replace(form.find("id: "), 4, "id: Not An Id ");
    std::ofstream(dir.path() / "bad/form.yaml", std::ios::trunc) << form;
    const std::string out = (dir.path() / "bad.bundle").string();
    const RunResult refused = run_collector(publish_args(dir, (dir.path() / "bad").string(), out));
    CHECK(refused.status == 1);
    CHECK_THAT(refused.output, Catch::Contains("form.yaml:") && Catch::Contains("must be 1-64 characters"));
    CHECK_FALSE(std::filesystem::exists(out));

    std::filesystem::permissions(dir.path() / "keys/publisher_secret.key", std::filesystem::perms::others_read,
                                 std::filesystem::perm_options::add);
    const RunResult open_key = run_collector(publish_args(dir, kContent, out));
    CHECK(open_key.status == 1);
    CHECK_THAT(open_key.output, Catch::Contains("group or others may read it"));
    CHECK_FALSE(std::filesystem::exists(out));
}
