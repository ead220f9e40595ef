// The content checks as an author and a kiosk meet them: the real binaries.
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace selfcheck::testing;
using namespace std::chrono_literals;

TEST_CASE("kiosk-content validate passes the shipped content at 100% in all four languages") {
    const RunResult result = run_program({KIOSK_CONTENT_BINARY, "validate"}, 60s);
    INFO(result.output);
    CHECK(result.status == 0);
    for (const char* locale : {" id 100.0%", " fil 100.0%", " en 100.0%", " zh_Hant_HK 100.0%"})
        CHECK_THAT(result.output, Catch::Matchers::Contains(locale));
    CHECK_THAT(result.output,
               Catch::Matchers::Contains("11 of 11 ILO indicators mapped, 1 of 1 ICLS 2018 items mapped"));
    // Every item's review date, one a line: 8 constants, 3 dated values, 1 running-contract
    // rule, 14 rights and 14 help entries.
    size_t review_lines = 0;
    for (size_t at = 0; (at = result.output.find(": review by ", at)) != std::string::npos; ++at) ++review_lines;
    CHECK(review_lines == 40);
    CHECK_THAT(result.output, Catch::Matchers::Contains("result levels reachable: 4 of 4"));
    CHECK_THAT(result.output, Catch::Matchers::Contains("review dates"));
    CHECK_THAT(result.output, Catch::Matchers::Contains("verified"));
}

TEST_CASE("the kiosk refuses to start on invalid content and says why") {
    TempDir dir;
    const std::filesystem::path source = std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content";
    for (const auto& entry : std::filesystem::directory_iterator(source)) {
        std::ifstream in(entry.path());
        std::stringstream text;
        text << in.rdbuf();
        std::string body = text.str();
        if (entry.path().filename() == "scoring.yaml") body.replace(body.find("when: always"), 12, "when: never");
        dir.write("content/" + entry.path().filename().string(), body);
    }
    // stderr carries the reason; fold it into what we read.
    const RunResult result = run_program(
        {"/bin/sh", "-c",
         std::string(KIOSK_BINARY) + " --headless --content " + (dir.path() / "content").string() + " 2>&1"},
        60s);
    CHECK(result.status == 1);
    CHECK_THAT(result.output, Catch::Matchers::Contains("scoring.yaml:") &&
                                  Catch::Matchers::Contains(
                                      "expected any_dimension_positive, any_signal, mostly_unanswered or always"));
}

TEST_CASE("the kiosk refuses a broken kiosk.yaml and names the key and line") {
    TempDir dir;
    const auto config = dir.write("kiosk.yaml",
                                  "site: wan-chai\n"
                                  "ngo_public_key: \"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\"\n"
                                  "idle_timeout_seconds: 5\n");
    const RunResult result = run_program(
        {"/bin/sh", "-c", std::string(KIOSK_BINARY) + " --headless --config " + config.string() + " 2>&1"}, 60s);
    CHECK(result.status == 1);
    CHECK_THAT(result.output, Catch::Matchers::Contains("kiosk.yaml:3:") &&
                                  Catch::Matchers::Contains("'idle_timeout_seconds': must be from 30 to 900, not 5"));
}
