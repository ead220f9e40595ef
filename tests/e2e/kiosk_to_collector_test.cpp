// End to end on loopback: collector started on a free port, the kiosk walked headless
// through one session against it, and the record arrives exactly once.
#include "child_process.h"
#include "http_client.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <catch2/catch.hpp>

#include <csignal>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;

namespace {

struct RunningCollector {
    explicit RunningCollector(const std::filesystem::path& db)
        : process({COLLECTOR_BINARY, "serve", "--db", db.string(), "--host", "127.0.0.1", "--port", "0"}) {
        const std::string line = process.read_line(10s);
        const std::string prefix = "collector listening on ";
        REQUIRE(line.rfind(prefix, 0) == 0);
        url = line.substr(prefix.size());
        REQUIRE(url.rfind("http://127.0.0.1:", 0) == 0);  // loopback only
    }
    long records() const {
        const HttpResponse r = http_get(url + "/healthz", 5s);
        REQUIRE(r.status == 200);
        return nlohmann::json::parse(r.body).at("records").get<long>();
    }
    ChildProcess process;
    std::string url;
};

}  // namespace

TEST_CASE("a session walked on the kiosk reaches the collector once") {
    TempDir dir;
    RunningCollector collector(dir.path() / "collector.db");
    CHECK(collector.records() == 0);

    const RunResult kiosk = run_program({KIOSK_BINARY, "--headless", "--size", "480x800", "--language", "id",
                                         "--walk", (dir.path() / "shots").string(), "--collector", collector.url},
                                        60s);
    INFO(kiosk.output);
    REQUIRE(kiosk.status == 0);
    CHECK_THAT(kiosk.output, Catch::Matchers::Contains("screenshot: ") && Catch::Matchers::Contains("welcome"));
    CHECK_THAT(kiosk.output, Catch::Matchers::Contains("records sent to collector: 1"));
    CHECK(collector.records() == 1);

    CHECK(collector.process.stop(SIGTERM, 10s) == 0);
}

TEST_CASE("the kiosk reports a collector it cannot reach instead of pretending") {
    TempDir dir;
    std::string url;
    {
        RunningCollector collector(dir.path() / "collector.db");  // take a free port, then free it
        url = collector.url;
        collector.process.stop(SIGTERM, 10s);
    }
    const RunResult kiosk = run_program({KIOSK_BINARY, "--headless", "--size", "480x800", "--walk",
                                         (dir.path() / "shots").string(), "--collector", url, "--sync-wait", "2"},
                                        60s);
    CHECK(kiosk.status == 1);
}
