// End to end on loopback (issue #13): the NGO changes a phone number in content/directory.yaml,
// signs it with `collector content publish`, the real collector serves it, and an enrolled
// kiosk (in this process, headless) fetches it while syncing and shows the new number from its
// next welcome screen on, never in the middle of the session under way; a kiosk started
// afterwards starts with it, and the check-in names the content version.
#include "kiosk/app/kiosk_app.h"
#include "kiosk/app/scripted_walk.h"
#include "kiosk/app/test_driver.h"
#include "kiosk/core/http_client.h"
#include "kiosk/core/staff_pin.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"
#include "tests/sync/local_collector.h"
#include "tests/ui/ui_test_support.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

const std::string kOldNumber = "+852 2157 9537";  // the Labour Department's FDH hotline
const std::string kNewNumber = "+852 2157 9538";

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

RunResult collector(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1", COLLECTOR_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv, 60s);
}

std::string phone_of(const KioskApp& app, const std::string& id) {
    for (const auto& org : app.content().directory)
        if (org.id == id) return org.phone;
    return "";
}

bool drawn(const KioskApp& app, const std::string& text) {
    for (const auto& d : app.registry().texts())
        if (d.text.find(text) != std::string::npos) return true;
    return false;
}

// Frames at the welcome screen until `done`, as a kiosk waiting for the next person draws them.
bool wait_for(TestDriver& driver, const std::function<bool()>& done, std::chrono::seconds limit) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < deadline) {
        driver.settle();
        if (done()) return true;
        std::this_thread::sleep_for(100ms);
    }
    return false;
}

// The bundles the kiosk has taken (bundles/<content version>/ under its data dir).
size_t bundles_taken(const std::filesystem::path& data_dir) {
    size_t count = 0;
    std::error_code ignored;
    for (const auto& entry : std::filesystem::directory_iterator(data_dir / "bundles", ignored))
        count += entry.path().filename().string().find_first_not_of("0123456789") == std::string::npos;
    return count;
}

}  // namespace

TEST_CASE("a phone number published on the collector reaches a kiosk at its next welcome screen") {
    TempDir dir;
    const auto keys = dir.path() / "keys";
    REQUIRE(collector({"keygen", "--out", keys.string()}).status == 0);
    REQUIRE(collector({"content", "keygen", "--out", keys.string()}).status == 0);

    // The collector serves whatever `content publish` writes to this file; nothing yet.
    const auto bundle = dir.path() / "published" / "content.bundle";
    std::filesystem::create_directories(bundle.parent_path());
    const auto db = dir.path() / "collector.db";
    ChildProcess serve({COLLECTOR_BINARY, "serve", "--db", db.string(), "--host", "127.0.0.1", "--port", "0",
                        "--secret-key", (keys / "ngo_secret.key").string(), "--bundle", bundle.string()});
    const std::string line = serve.read_line(10s);
    const std::string prefix = "collector listening on ";
    REQUIRE(line.rfind(prefix, 0) == 0);
    const std::string url = line.substr(prefix.size());
    REQUIRE(url.rfind("http://127.0.0.1:", 0) == 0);  // loopback only

    // Enrolled as `collector device add` prints it, with the publisher key pinned.
    const RunResult added = run_program({COLLECTOR_BINARY, "device", "add", "--db", db.string(), "--site", "wan-chai",
                                         "--public-key", (keys / "ngo_public.key").string(), "--url", url},
                                        30s);
    REQUIRE(added.status == 0);
    const auto kiosk_yaml = dir.path() / "kiosk.yaml";
    std::string publisher = read_file(keys / "publisher_public.key");
    publisher.erase(publisher.find_last_not_of("\n") + 1);
    std::string yaml = added.output;
    const std::string no_pin = "staff_pin_hash: \"\"";
    REQUIRE(yaml.find(no_pin) != std::string::npos);
    yaml.replace(yaml.find(no_pin), no_pin.size(), "staff_pin_hash: \"" + hash_staff_pin("2468") + "\"");
    std::ofstream(kiosk_yaml) << yaml << "\ncontent_publisher_key: \"" << publisher << "\"\n";
    std::string token = added.output.substr(added.output.find("device_token:") + 13);
    token = token.substr(0, token.find('\n'));
    token.erase(std::remove_if(token.begin(), token.end(), [](char c) { return c == ' ' || c == '"'; }), token.end());
    HttpClient http;
    CHECK(http.get(url + "/api/v1/content", token, "").status == 404);  // none published yet

    KioskConfig config = headless(480, 800);
    config.device_config_file = kiosk_yaml;
    config.data_dir = dir.path() / "kiosk-data";
    config.sync_min_delay = 0ms;
    config.sync_max_delay = 0ms;
    const FakeClock clock;  // the staff corner is held by moving it on
    config.clock = clock.source();
    std::filesystem::create_directories(config.data_dir);
    {
        KioskApp app(config);
        TestDriver driver(app);
        driver.settle();
        REQUIRE(app.sync());
        CHECK(phone_of(app, "labour_dept_fdh_hotline") == kOldNumber);
        driver.tap("lang.en");  // someone starts

        // Meanwhile the NGO changes the hotline's number and publishes it, signed.
        const auto content = dir.path() / "content";
        std::filesystem::copy(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content", content,
                              std::filesystem::copy_options::recursive);
        std::string directory = read_file(content / "directory.yaml");
        const auto at = directory.find("\"" + kOldNumber + "\"");
        REQUIRE(at != std::string::npos);
        directory.replace(at + 1, kOldNumber.size(), kNewNumber);
        std::ofstream(content / "directory.yaml", std::ios::trunc) << directory;
        const RunResult published = collector({"content", "publish", "--content", content.string(), "--locales",
                                               std::string(SELFCHECK_BINARY_DIR) + "/locales", "--key",
                                               (keys / "publisher_secret.key").string(), "--out", bundle.string()});
        INFO(published.output);
        REQUIRE(published.status == 0);

        // The route: the bundle with an ETag, then 304 and no body for a kiosk that has it.
        const HttpResponse first = http.get(url + "/api/v1/content", token, "");
        CHECK(first.status == 200);
        CHECK(first.body == read_file(bundle));
        REQUIRE_FALSE(first.etag.empty());
        const HttpResponse again = http.get(url + "/api/v1/content", token, first.etag);
        CHECK(again.status == 304);
        CHECK(again.body.empty());
        CHECK(http.get(url + "/api/v1/content", "not-a-token-of-this-collector-at-all-xxxxxxxx", "").status == 401);

        // The kiosk syncs and takes the bundle, but her session keeps what it showed her.
        app.sync()->send_now();
        REQUIRE(wait_for(
            driver, [&] { return bundles_taken(config.data_dir) == 1; }, 30s));
        CHECK(app.screen_name() != "welcome");
        CHECK(phone_of(app, "labour_dept_fdh_hotline") == kOldNumber);

        // She leaves: at the welcome screen the kiosk switches, and the next person is shown
        // the new number.
        driver.tap("nav.quick_exit");
        REQUIRE(wait_for(
            driver, [&] { return phone_of(app, "labour_dept_fdh_hotline") == kNewNumber; }, 30s));
        walk_to(driver, app, "en", declining_answer);
        REQUIRE(app.screen_name() == "result");
        bool shown = drawn(app, kNewNumber);
        bool old_shown = drawn(app, kOldNumber);
        driver.scroll_to_end("screen.scroll");
        shown = shown || drawn(app, kNewNumber);
        old_shown = old_shown || drawn(app, kOldNumber);
        CHECK(shown);
        CHECK_FALSE(old_shown);
        REQUIRE(app.sync()->wait_until_sent(30s));

        // A bundle altered on the collector's disk is refused: the kiosk keeps the new number
        // and its check-in says why.
        std::string tampered = read_file(bundle);
        tampered[tampered.size() / 2] ^= 0x01;
        std::ofstream(bundle, std::ios::binary | std::ios::trunc) << tampered;
        app.sync()->send_now();
        auto last_error = [&] {
            const auto rows = query_collector_db(db, "SELECT last_error FROM checkins");
            return rows.empty() ? std::string() : rows.front().at("last_error");
        };
        REQUIRE(wait_for(
            driver, [&] { return last_error().find("content bundle refused") != std::string::npos; }, 30s));
        CHECK_THAT(last_error(), Catch::Contains("not signed by the publisher key"));
        CHECK(phone_of(app, "labour_dept_fdh_hotline") == kNewNumber);
        CHECK(bundles_taken(config.data_dir) == 1);
        // ...and so does the staff panel.
        driver.settle();
        const ImVec2 corner = app.staff_corner();
        driver.hold(ImVec2(corner.x * 0.5f, corner.y * 0.5f), [&] { clock.advance(3s); });
        for (const char* key : {"pin.2", "pin.4", "pin.6", "pin.8", "pin.ok"}) driver.tap(key);
        REQUIRE(app.screen_name() == "staff_panel");
        CHECK(drawn(app, "Content update refused"));
        CHECK(drawn(app, "not signed by the publisher key"));
    }
    // Restarted, the kiosk starts with the newest bundle under its data dir.
    {
        KioskApp app(config);
        CHECK(phone_of(app, "labour_dept_fdh_hotline") == kNewNumber);
    }
    // The check-in named the bundle's content version (<form id>/<version>@<content version>).
    const RunResult devices = collector({"device", "list", "--db", db.string()});
    INFO(devices.output);
    CHECK_THAT(devices.output, Catch::Contains("hk-mdw-self-assessment/") && Catch::Contains("@"));
    CHECK(serve.stop(SIGTERM, 10s) == 0);
}
