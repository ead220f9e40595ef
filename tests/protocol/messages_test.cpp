#include "protocol/content/messages.h"

#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace selfcheck;
using selfcheck::testing::TempDir;

namespace {

// Compiles bundles with genrb, as the build does.
std::filesystem::path compile(const TempDir& dir, const std::map<std::string, std::string>& sources) {
    std::string files;
    for (const auto& [name, text] : sources) files += " " + dir.write("src/" + name + ".txt", text).string();
    const auto out = dir.path() / "res";
    std::filesystem::create_directories(out);
    const std::string command = "genrb -q -e UTF-8 -d " + out.string() + files;
    REQUIRE(std::system(command.c_str()) == 0);
    return out;
}

}  // namespace

TEST_CASE("messages come from the locale's bundle, formatted per locale") {
    TempDir dir;
    const auto res = compile(
        dir,
        {
            {"root", "root { }"},
            {"en",
             R"(en { nav.progress { "{current} of {total}" } idle.body { "{seconds, plural, one {# second} other {# seconds}} left" } })"},
            {"zh_Hant_HK", R"(zh_Hant_HK { nav.progress { "第 {current} 題，共 {total} 題" } })"},
        });
    Messages messages(res);
    CHECK(messages.format("en", "nav.progress", {{"current", 7L}, {"total", 28L}}) == "7 of 28");
    CHECK(messages.format("zh_Hant_HK", "nav.progress", {{"current", 7L}, {"total", 28L}}) == "第 7 題，共 28 題");
    CHECK(messages.format("en", "idle.body", {{"seconds", 1L}}) == "1 second left");
    CHECK(messages.format("en", "idle.body", {{"seconds", 30L}}) == "30 seconds left");
    CHECK(messages.has("en", "nav.progress"));
    CHECK_FALSE(messages.has("zh_Hant_HK", "idle.body"));  // root is empty: no silent English

    const auto keys = messages.keys("en");
    CHECK(keys.size() == 2);
    const auto strings = messages.strings("zh_Hant_HK");
    REQUIRE(strings.size() == 1);
    CHECK(strings.front() == "第 {current} 題，共 {total} 題");
}

TEST_CASE("a missing message or bundle is an error naming it") {
    TempDir dir;
    const auto res = compile(dir, {{"root", "root { }"}, {"en", R"(en { a { "A" } })"}});
    Messages messages(res);
    CHECK_THROWS_WITH(messages.text("en", "b"), Catch::Matchers::Contains("'b'") && Catch::Matchers::Contains("'en'"));
    CHECK_THROWS_WITH(messages.keys("id"), Catch::Matchers::Contains("'id'"));
    CHECK_THROWS_AS(Messages(dir.path() / "nowhere"), MessageError);
}
