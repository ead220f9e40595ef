// Runs the built `collector` binary (COLLECTOR_BINARY) as a separate process.

#include <csignal>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>

#include "child_process.h"  // tests/support
#include "sample_records.h"
#include "temp_dir.h"       // tests/support

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

// `collector serve` on a free loopback port, as the run script and the e2e test start it.
struct ServingCollector {
  explicit ServingCollector(const TempDir& dir)
      : process({COLLECTOR_BINARY, "serve", "--db", db_in(dir), "--port", "0"}),
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
    REQUIRE_THAT(collector.listening_line,
                 Catch::Matches("collector listening on http://127\\.0\\.0\\.1:[0-9]+"));

    httplib::Client client = collector.client();
    const httplib::Result health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    const httplib::Result posted =
        client.Post("/api/v1/records", sample_record_json().dump(), "application/json");
    REQUIRE(posted);
    CHECK(posted->status == 201);

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
  CHECK_THAT(help.output, Catch::Contains("collector serve --db PATH"));
}

TEST_CASE("command-line mistakes exit 2, naming the mistake") {
  TempDir dir;
  const RunResult unknown_command = run_collector({"export"});
  CHECK(unknown_command.status == 2);
  CHECK_THAT(unknown_command.output, Catch::Contains("'export'"));

  const RunResult unknown_option = run_collector({"serve", "--db", db_in(dir), "--tls"});
  CHECK(unknown_option.status == 2);
  CHECK_THAT(unknown_option.output, Catch::Contains("'--tls'"));

  const RunResult bad_port = run_collector({"serve", "--db", db_in(dir), "--port", "http"});
  CHECK(bad_port.status == 2);
  CHECK_THAT(bad_port.output, Catch::Contains("--port"));
}

TEST_CASE("a database that cannot be opened exits 1, naming the path") {
  TempDir dir;
  const std::string unreachable = (dir.path() / "missing-dir" / "records.db").string();
  const RunResult serve = run_collector({"serve", "--db", unreachable});
  CHECK(serve.status == 1);
  CHECK_THAT(serve.output, Catch::Contains(unreachable));

  const std::string missing = (dir.path() / "typo.db").string();
  const RunResult count = run_collector({"count", "--db", missing});
  CHECK(count.status == 1);
  CHECK_THAT(count.output, Catch::Contains(missing));
}
