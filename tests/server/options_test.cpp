#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "server/cli/options.h"

using collector::Command;
using collector::parse_options;

namespace {

std::string error_for(const std::vector<std::string>& args) {
  const collector::ParsedOptions parsed = parse_options(args);
  REQUIRE_FALSE(parsed.options);
  return parsed.error;
}

}  // namespace

TEST_CASE("serve takes a database, host, port and body limit") {
  const auto parsed = parse_options(
      {"serve", "--db", "/var/lib/collector/records.db", "--host=0.0.0.0", "--port", "8080", "--max-body", "4096"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->command == Command::serve);
  CHECK(parsed.options->db_path == "/var/lib/collector/records.db");
  CHECK(parsed.options->host == "0.0.0.0");
  CHECK(parsed.options->port == 8080);
  CHECK(parsed.options->max_body_bytes == 4096);
}

TEST_CASE("serve defaults to loopback, a free port and a 1 MiB body limit") {
  const auto parsed = parse_options({"serve", "--db", "records.db"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->host == "127.0.0.1");
  CHECK(parsed.options->port == 0);
  CHECK(parsed.options->max_body_bytes == 1024 * 1024);
}

TEST_CASE("count takes only a database") {
  const auto parsed = parse_options({"count", "--db", "records.db"});
  REQUIRE(parsed.options);
  CHECK(parsed.options->command == Command::count);
  CHECK(error_for({"count", "--db", "records.db", "--port", "1"}) == "unknown option '--port' for 'count'");
}

TEST_CASE("--help wins wherever it appears") {
  for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"-h"}, {"serve", "--help"}}) {
    const auto parsed = parse_options(args);
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::help);
  }
}

TEST_CASE("mistakes are named") {
  CHECK(error_for({}) == "no command given");
  CHECK(error_for({"serv"}) == "unknown command 'serv'");
  CHECK(error_for({"serve"}) == "--db PATH is required");
  CHECK(error_for({"serve", "--db"}) == "option '--db' needs a value");
  CHECK(error_for({"serve", "--db", "x", "--verbose", "1"}) == "unknown option '--verbose' for 'serve'");
  CHECK(error_for({"serve", "--db", "x", "extra"}) == "unexpected argument 'extra'");
  CHECK_THAT(error_for({"serve", "--db", "x", "--port", "65536"}), Catch::StartsWith("bad value '65536' for --port"));
  CHECK_THAT(error_for({"serve", "--db", "x", "--port", "80a"}), Catch::StartsWith("bad value '80a' for --port"));
  CHECK_THAT(error_for({"serve", "--db", "x", "--port", "-1"}), Catch::StartsWith("bad value '-1' for --port"));
  CHECK_THAT(error_for({"serve", "--db", "x", "--max-body", "0"}), Catch::StartsWith("bad value '0' for --max-body"));
}
