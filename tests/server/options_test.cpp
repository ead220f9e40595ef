#include "server/cli/options.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace selfcheck;

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
    const auto parsed = parse_options({"serve", "--db", "/var/lib/collector/records.db", "--host=0.0.0.0", "--port",
                                       "8080", "--max-body", "4096", "--secret-key", "/etc/collector/ngo_secret.key",
                                       "--content", "content-v1", "--content=content-v2"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::Serve);
    CHECK(parsed.options->db == "/var/lib/collector/records.db");
    CHECK(parsed.options->secret_key_file == "/etc/collector/ngo_secret.key");
    CHECK(parsed.options->content_dirs == std::vector<std::string>{"content-v1", "content-v2"});
    CHECK(parsed.options->host == "0.0.0.0");
    CHECK(parsed.options->port == 8080);
    CHECK(parsed.options->max_body_bytes == 4096);
}

TEST_CASE("serve defaults to loopback, a free port and a 1 MiB body limit") {
    const auto parsed = parse_options({"serve", "--db", "records.db", "--secret-key", "k"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->content_dirs.empty());
    CHECK(parsed.options->host == "127.0.0.1");
    CHECK(parsed.options->port == 0);
    CHECK(parsed.options->max_body_bytes == 1024 * 1024);
}

TEST_CASE("count takes only a database") {
    const auto parsed = parse_options({"count", "--db", "records.db"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::Count);
    CHECK(error_for({"count", "--db", "records.db", "--port", "1"}) == "unknown option '--port' for 'count'");
}

TEST_CASE("keygen and the device commands take their own options") {
    auto parsed = parse_options({"keygen", "--out", "/etc/collector"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::Keygen);
    CHECK(parsed.options->out_dir == "/etc/collector");

    parsed = parse_options({"device", "add", "--db", "c.db", "--site", "wan-chai", "--public-key", "ngo_public.key",
                            "--url", "https://collector.example.org"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::DeviceAdd);
    CHECK(parsed.options->site == "wan-chai");
    CHECK(parsed.options->public_key_file == "ngo_public.key");
    CHECK(parsed.options->url == "https://collector.example.org");

    parsed = parse_options({"device", "revoke", "d0123456789a", "--db", "postgresql://collector@db/collector"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::DeviceRevoke);
    CHECK(parsed.options->device_or_site == "d0123456789a");
    CHECK(parsed.options->db == "postgresql://collector@db/collector");

    parsed = parse_options({"device", "list", "--db", "c.db"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::DeviceList);
}

TEST_CASE("device and keygen mistakes are named") {
    CHECK(error_for({"device"}) == "'device' needs one of: add, revoke, list");
    CHECK(error_for({"device", "remove"}) == "unknown command 'device remove': expected add, revoke or list");
    CHECK(error_for({"keygen"}) == "--out DIR is required");
    CHECK(error_for({"device", "add", "--db", "c.db", "--public-key", "k", "--url", "http://x"}) ==
          "--site NAME is required");
    CHECK_THAT(error_for({"device", "add", "--site", "Wan Chai"}),
               Catch::StartsWith("bad value 'Wan Chai' for --site"));
    CHECK_THAT(error_for({"device", "add", "--url", "collector.example.org"}), Catch::StartsWith("bad value"));
    CHECK(error_for({"device", "revoke", "--db", "c.db"}) == "a device id or site is required");
    CHECK(error_for({"device", "revoke", "a", "b", "--db", "c.db"}) == "unexpected argument 'b'");
    CHECK(error_for({"device", "list", "--db", "c.db", "--site", "x"}) == "unknown option '--site' for 'device list'");
    CHECK(error_for({"serve", "--db", "x"}) == "--secret-key FILE is required");
}

TEST_CASE("--help wins wherever it appears") {
    for (const auto& args : std::vector<std::vector<std::string>>{{"--help"}, {"-h"}, {"serve", "--help"}}) {
        const auto parsed = parse_options(args);
        REQUIRE(parsed.options);
        CHECK(parsed.options->command == Command::Help);
    }
}

TEST_CASE("mistakes are named") {
    CHECK(error_for({}) == "no command given");
    CHECK(error_for({"serv"}) == "unknown command 'serv'");
    CHECK(error_for({"serve", "--db"}) == "option '--db' needs a value");
    CHECK(error_for({"serve", "--secret-key", "k"}) == "--db PATH is required");
    CHECK(error_for({"serve", "--db", "x", "--verbose", "1"}) == "unknown option '--verbose' for 'serve'");
    CHECK(error_for({"serve", "--db", "x", "extra"}) == "unexpected argument 'extra'");
    CHECK_THAT(error_for({"serve", "--db", "x", "--port", "65536"}), Catch::StartsWith("bad value '65536' for --port"));
    CHECK_THAT(error_for({"serve", "--db", "x", "--port", "80a"}), Catch::StartsWith("bad value '80a' for --port"));
    CHECK_THAT(error_for({"serve", "--db", "x", "--port", "-1"}), Catch::StartsWith("bad value '-1' for --port"));
    CHECK_THAT(error_for({"serve", "--db", "x", "--max-body", "0"}), Catch::StartsWith("bad value '0' for --max-body"));
}

TEST_CASE("user add makes an analyst by default, a caseworker only with an organisation") {
    const auto analyst = parse_options({"user", "add", "maria", "--db", "c.db"});
    REQUIRE(analyst.options);
    CHECK(analyst.options->role == "analyst");
    CHECK(analyst.options->organisation.empty());
    const auto caseworker =
        parse_options({"user", "add", "maria", "--db", "c.db", "--role", "caseworker", "--org", "enrich"});
    REQUIRE(caseworker.options);
    CHECK(caseworker.options->role == "caseworker");
    CHECK(caseworker.options->organisation == "enrich");
    CHECK(error_for({"user", "add", "maria", "--db", "c.db", "--role", "caseworker"}) ==
          "--org ID (a caseworker's organisation) is required");
    CHECK(error_for({"user", "add", "maria", "--db", "c.db", "--org", "enrich"}) ==
          "--org is for a caseworker (--role caseworker) only");
    CHECK(error_for({"user", "add", "maria", "--db", "c.db", "--role", "admin"}) ==
          "bad value 'admin' for --role: expected analyst or caseworker");
    CHECK(error_for({"user", "add", "maria", "--db", "c.db", "--role", "caseworker", "--org", "Enrich HK"})
              .rfind("bad value 'Enrich HK' for --org", 0) == 0);
}

TEST_CASE("referral keygen needs an organisation id and a directory") {
    const auto parsed = parse_options({"referral", "keygen", "--org", "enrich", "--out", "keys"});
    REQUIRE(parsed.options);
    CHECK(parsed.options->command == Command::ReferralKeygen);
    CHECK(parsed.options->organisation == "enrich");
    CHECK(parsed.options->out_dir == "keys");
    CHECK(error_for({"referral", "keygen", "--out", "keys"}) == "--org ID is required");
    CHECK(error_for({"referral", "send"}) == "unknown command 'referral send': expected keygen or counts");
}

TEST_CASE("serve keeps call-back requests 30 days unless told otherwise") {
    const auto plain = parse_options({"serve", "--db", "c.db", "--secret-key", "k"});
    REQUIRE(plain.options);
    CHECK(plain.options->referral_retention_days == 30);
    const auto week = parse_options({"serve", "--db", "c.db", "--secret-key", "k", "--referral-retention-days", "7"});
    REQUIRE(week.options);
    CHECK(week.options->referral_retention_days == 7);
    CHECK(error_for({"serve", "--db", "c.db", "--secret-key", "k", "--referral-retention-days", "0"})
              .find("expected a whole number from 1 to 3650") != std::string::npos);
}
