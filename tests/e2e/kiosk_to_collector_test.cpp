// End to end on loopback: the NGO key pair made, a device enrolled, the collector started on
// a free port, the kiosk walked headless through sessions with the kiosk.yaml enrolment
// printed, and every record arrives exactly once.
#include "kiosk/core/http_client.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

// `collector keygen` into the db's directory, then `collector serve` with that secret key.
std::vector<std::string> serve_command(const std::filesystem::path& db) {
    const std::filesystem::path keys = db.parent_path() / "keys";
    if (!std::filesystem::exists(keys / "ngo_secret.key")) {
        REQUIRE(run_program({COLLECTOR_BINARY, "keygen", "--out", keys.string()}, 10s).status == 0);
    }
    return {COLLECTOR_BINARY, "serve",  "--db", db.string(),    "--host",
            "127.0.0.1",      "--port", "0",    "--secret-key", (keys / "ngo_secret.key").string()};
}

struct RunningCollector {
    explicit RunningCollector(const std::filesystem::path& db) : db_path(db), process(serve_command(db)) {
        const std::string line = process.read_line(10s);
        const std::string prefix = "collector listening on ";
        REQUIRE(line.rfind(prefix, 0) == 0);
        url = line.substr(prefix.size());
        REQUIRE(url.rfind("http://127.0.0.1:", 0) == 0);  // loopback only
    }
    long records() const {
        const HttpResponse r = http_get(url + "/healthz", 5s);
        REQUIRE(r.status == 200);
        const RunResult count = run_program({COLLECTOR_BINARY, "count", "--db", db_path.string()}, 10s);
        REQUIRE(count.status == 0);
        return std::stol(count.output);
    }
    // `collector device add`: the kiosk.yaml it prints, written beside the db.
    std::filesystem::path enrol(const std::string& site, const std::string& kiosk_url) const {
        const RunResult added =
            run_program({COLLECTOR_BINARY, "device", "add", "--db", db_path.string(), "--site", site, "--public-key",
                         (db_path.parent_path() / "keys" / "ngo_public.key").string(), "--url", kiosk_url},
                        10s);
        INFO(added.output);
        REQUIRE(added.status == 0);
        const auto file = db_path.parent_path() / (site + ".yaml");
        std::ofstream(file) << added.output;
        return file;
    }
    std::filesystem::path db_path;
    ChildProcess process;
    std::string url;
};

RunResult walk_kiosk(const std::filesystem::path& config, const std::filesystem::path& data, const std::string& locale,
                     const std::filesystem::path& shots, const std::string& sync_wait = "30") {
    std::filesystem::create_directories(data);
    return run_program(
        {KIOSK_BINARY, "--headless", "--size", "480x800", "--language", locale, "--config", config.string(),
         "--data-dir", data.string(), "--walk", shots.string(), "--sync-wait", sync_wait},
        90s);
}

}  // namespace

TEST_CASE("sessions walked on an enrolled kiosk reach the collector once each") {
    TempDir dir;
    RunningCollector collector(dir.path() / "collector.db");
    CHECK(collector.records() == 0);
    const auto config = collector.enrol("wan-chai-centre", collector.url);

    for (const std::string locale : {"id", "zh_Hant_HK"}) {
        const RunResult kiosk = walk_kiosk(config, dir.path() / "kiosk-data", locale, dir.path() / "shots");
        INFO(kiosk.output);
        REQUIRE(kiosk.status == 0);
        CHECK_THAT(kiosk.output, Catch::Matchers::Contains("screenshot: ") && Catch::Matchers::Contains("welcome"));
        CHECK_THAT(kiosk.output, Catch::Matchers::Contains("records sent to collector: 1"));
    }
    CHECK(collector.records() == 2);
    CHECK(collector.process.stop(SIGTERM, 10s) == 0);
}

TEST_CASE("a record kept while the collector was down goes once it is back") {
    TempDir dir;
    const auto db = dir.path() / "collector.db";
    std::filesystem::path config;
    std::string url;
    {
        RunningCollector collector(db);  // enrol, note the port, then stop it
        url = collector.url;
        config = collector.enrol("mong-kok", url);
        collector.process.stop(SIGTERM, 10s);
    }
    const RunResult offline = walk_kiosk(config, dir.path() / "kiosk-data", "fil", dir.path() / "shots", "2");
    INFO(offline.output);
    CHECK(offline.status == 1);  // said plainly: not sent
    CHECK_THAT(offline.output, Catch::Matchers::Contains("records sent to collector: 0"));

    // The collector returns on the same port; the next run sends both records.
    const std::string port = url.substr(url.rfind(':') + 1);
    ChildProcess again({COLLECTOR_BINARY, "serve", "--db", db.string(), "--host", "127.0.0.1", "--port", port,
                        "--secret-key", (dir.path() / "keys" / "ngo_secret.key").string()});
    REQUIRE(again.read_line(10s).rfind("collector listening on", 0) == 0);
    const RunResult online = walk_kiosk(config, dir.path() / "kiosk-data", "en", dir.path() / "shots");
    INFO(online.output);
    CHECK(online.status == 0);
    CHECK_THAT(online.output, Catch::Matchers::Contains("records sent to collector: 2"));
    const RunResult count = run_program({COLLECTOR_BINARY, "count", "--db", db.string()}, 10s);
    CHECK(std::stol(count.output) == 2);
    CHECK(again.stop(SIGTERM, 10s) == 0);
}
