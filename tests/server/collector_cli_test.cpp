// Runs the built `collector` binary (COLLECTOR_BINARY) as a separate process.

#include "protocol/crypto/base64.h"
#include "tests/server/sample_records.h"
#include "tests/server/sealed_batches.h"
#include "tests/support/child_process.h"  // tests/support
#include "tests/support/temp_dir.h"       // tests/support

#include <catch2/catch.hpp>
#include <httplib.h>

#include <csignal>
#include <fstream>
#include <string>
#include <vector>

using namespace selfcheck;

using namespace std::chrono_literals;
using selfcheck::testing::ChildProcess;
using selfcheck::testing::RunResult;
using selfcheck::testing::TempDir;

namespace {

std::string db_in(const TempDir& dir) { return (dir.path() / "records.db").string(); }

// Runs collector with `args` to completion; the output holds stdout and stderr together.
RunResult run_collector(const std::vector<std::string>& args) {
    std::vector<std::string> argv = {"/bin/sh", "-c", "exec \"$0\" \"$@\" 2>&1", COLLECTOR_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return selfcheck::testing::run_program(argv, 10s);
}

std::string keys_in(const TempDir& dir) { return (dir.path() / "keys").string(); }

// `collector keygen` into DIR/keys, once.
void make_keys(const TempDir& dir) {
    if (std::ifstream(keys_in(dir) + "/ngo_secret.key").good()) return;
    REQUIRE(run_collector({"keygen", "--out", keys_in(dir)}).status == 0);
}

// The value of `key: "value"` (or `key: value`) in a kiosk.yaml text.
std::string yaml_value(const std::string& yaml, const std::string& key) {
    const std::size_t at = yaml.find("\n" + key + ": ");
    REQUIRE(at != std::string::npos);
    const std::size_t start = at + key.size() + 3;
    std::string value = yaml.substr(start, yaml.find('\n', start) - start);
    if (!value.empty() && value.front() == '"') value = value.substr(1, value.size() - 2);
    return value;
}

// `collector device add`: returns the printed kiosk.yaml.
std::string add_device(const TempDir& dir, const std::string& site) {
    make_keys(dir);
    const RunResult added = selfcheck::testing::run_program(
        {COLLECTOR_BINARY, "device", "add", "--db", db_in(dir), "--site", site, "--public-key",
         keys_in(dir) + "/ngo_public.key", "--url", "https://collector.example.org"},
        10s);
    REQUIRE(added.status == 0);
    return added.output;
}

// `collector serve` on a free loopback port, as the run script and the e2e test start it.
struct ServingCollector {
    explicit ServingCollector(const TempDir& dir)
        : process((make_keys(dir), std::vector<std::string>{COLLECTOR_BINARY, "serve", "--db", db_in(dir), "--port",
                                                            "0", "--secret-key", keys_in(dir) + "/ngo_secret.key"})),
          listening_line(process.read_line(10s)) {}

    httplib::Client client() const {
        const std::string prefix = "collector listening on http://127.0.0.1:";
        REQUIRE(listening_line.rfind(prefix, 0) == 0);
        httplib::Client client("127.0.0.1", std::stoi(listening_line.substr(prefix.size())));
        client.set_connection_timeout(5s);
        return client;
    }

    ChildProcess process;
    std::string listening_line;
};

}  // namespace

TEST_CASE("serve announces its port, answers, and stops cleanly on a signal") {
    const int signal = GENERATE(SIGTERM, SIGINT);
    TempDir dir;
    {
        ServingCollector collector(dir);
        REQUIRE_THAT(collector.listening_line, Catch::Matches("collector listening on http://127\\.0\\.0\\.1:[0-9]+"));

        httplib::Client client = collector.client();
        const httplib::Result health = client.Get("/healthz");
        REQUIRE(health);
        CHECK(health->status == 200);
        const std::string yaml = add_device(dir, kSampleSite);
        client.set_bearer_token_auth(yaml_value(yaml, "device_token"));
        const PublicKey public_key = parse_public_key(yaml_value(yaml, "ngo_public_key"));
        const httplib::Result posted =
            client.Post("/api/v1/batches", batch_of({sample_record_json()}, public_key).dump(), "application/json");
        REQUIRE(posted);
        CHECK(posted->status == 200);
        CHECK_THAT(posted->body, Catch::Contains("\"stored\""));

        CHECK(collector.process.stop(signal, 10s) == 0);
    }
    const RunResult count = run_collector({"count", "--db", db_in(dir)});
    CHECK(count.status == 0);
    CHECK(count.output == "1\n");
}

TEST_CASE("a signal straight after start-up still stops serve") {
    TempDir dir;
    ServingCollector collector(dir);
    REQUIRE_THAT(collector.listening_line, Catch::StartsWith("collector listening on"));
    CHECK(collector.process.stop(SIGTERM, 10s) == 0);
}

TEST_CASE("--help prints usage and exits 0") {
    const RunResult help = run_collector({"--help"});
    CHECK(help.status == 0);
    CHECK_THAT(help.output, Catch::Contains("collector serve --db DB --secret-key FILE"));
    CHECK_THAT(help.output, Catch::Contains("collector device add"));
}

TEST_CASE("command-line mistakes exit 2, naming the mistake") {
    TempDir dir;
    const RunResult unknown_command = run_collector({"export"});
    CHECK(unknown_command.status == 2);
    CHECK_THAT(unknown_command.output, Catch::Contains("'export'"));

    const RunResult unknown_option = run_collector({"serve", "--db", db_in(dir), "--tls", "x"});
    CHECK(unknown_option.status == 2);
    CHECK_THAT(unknown_option.output, Catch::Contains("'--tls'"));

    const RunResult bad_port = run_collector({"serve", "--db", db_in(dir), "--port", "http"});
    CHECK(bad_port.status == 2);
    CHECK_THAT(bad_port.output, Catch::Contains("--port"));
}

TEST_CASE("a database that cannot be opened exits 1, naming the path") {
    TempDir dir;
    const std::string unreachable = (dir.path() / "missing-dir" / "records.db").string();
    make_keys(dir);
    const RunResult serve =
        run_collector({"serve", "--db", unreachable, "--secret-key", keys_in(dir) + "/ngo_secret.key"});
    CHECK(serve.status == 1);
    CHECK_THAT(serve.output, Catch::Contains(unreachable));

    const std::string missing = (dir.path() / "typo.db").string();
    const RunResult count = run_collector({"count", "--db", missing});
    CHECK(count.status == 1);
    CHECK_THAT(count.output, Catch::Contains(missing));
}

TEST_CASE("keygen writes the pair once and says where the secret key must live") {
    TempDir dir;
    const RunResult made = run_collector({"keygen", "--out", keys_in(dir)});
    CHECK(made.status == 0);
    CHECK_THAT(made.output, Catch::Contains("ngo_secret.key") && Catch::Contains("only on the collector machine"));
    const RunResult again = run_collector({"keygen", "--out", keys_in(dir)});
    CHECK(again.status == 1);
    CHECK_THAT(again.output, Catch::Contains("already exists"));
}

TEST_CASE("device add prints a kiosk.yaml and list shows it and revoke refuses its token at once") {
    TempDir dir;
    ServingCollector collector(dir);
    const std::string yaml = add_device(dir, "wan-chai-centre");
    CHECK(yaml_value(yaml, "site") == "wan-chai-centre");
    CHECK(yaml_value(yaml, "collector_url") == "https://collector.example.org");
    CHECK(yaml_value(yaml, "device_token").size() == 43);
    std::ifstream public_key_file(keys_in(dir) + "/ngo_public.key");
    std::string public_key_text;
    std::getline(public_key_file, public_key_text);
    CHECK(yaml_value(yaml, "ngo_public_key") == public_key_text);

    httplib::Client client = collector.client();
    client.set_bearer_token_auth(yaml_value(yaml, "device_token"));
    const std::string checkin =
        R"({"queue_size":3,"rejected":0,"last_error":"","content_version":"1","app_version":"0.1.0"})";
    CHECK(client.Post("/api/v1/checkin", checkin, "application/json")->status == 204);

    const RunResult listed = run_collector({"device", "list", "--db", db_in(dir)});
    CHECK(listed.status == 0);
    CHECK_THAT(listed.output, Catch::Contains("wan-chai-centre") && Catch::Contains("LAST CHECK-IN"));
    CHECK_THAT(listed.output, Catch::Matches("(.|\n)*wan-chai-centre +[0-9TZ:-]+ +[0-9TZ:-]+ +3 +1 +no\n"));

    const RunResult revoked = run_collector({"device", "revoke", "wan-chai-centre", "--db", db_in(dir)});
    CHECK(revoked.status == 0);
    CHECK_THAT(revoked.output, Catch::StartsWith("revoked d"));
    const httplib::Result refused = client.Post("/api/v1/checkin", checkin, "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 401);

    const RunResult twice = run_collector({"device", "revoke", "wan-chai-centre", "--db", db_in(dir)});
    CHECK(twice.status == 1);
    CHECK(collector.process.stop(SIGTERM, 10s) == 0);
}
