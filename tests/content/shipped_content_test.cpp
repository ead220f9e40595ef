// The content that ships must load, validate and be complete in every language it offers.
#include "protocol/content/content.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/messages.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {
const std::filesystem::path kContent = std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content";
const std::filesystem::path kLocales = std::filesystem::path(SELFCHECK_BINARY_DIR) / "locales";
}  // namespace

TEST_CASE("the shipped content validates with every message in all four languages") {
    const Content content = load_content(kContent);
    std::vector<std::string> locales;
    for (const auto& l : content.form.languages) locales.push_back(l.locale);
    CHECK(locales == std::vector<std::string>{"id", "fil", "en", "zh_Hant_HK"});

    Messages messages(kLocales);
    messages.set_shared_args(constant_args(content));
    const ContentReport report = validate_content(content, messages);
    for (const auto& p : report.problems)
        if (p.severity == ContentProblem::Severity::Error) UNSCOPED_INFO(describe(p));
    CHECK(report.ok());
    for (const auto& locale : locales) CHECK(report.completeness.at(locale) == Approx(100.0));
    CHECK(report.indicators_mapped == 11);
    CHECK(report.reachable_levels.size() == content.scoring.levels.size());
    CHECK(report.questions >= 25);
    CHECK(report.questions <= 40);
}

TEST_CASE("the shipped form asks the Task Force pilot's question on fear of ending the job") {
    const Content content = load_content(kContent);
    const Question* q = content.form.find("fear_consequences");
    REQUIRE(q);
    Messages messages(kLocales);
    CHECK_THAT(messages.pattern("en", q->text_key), Catch::Matchers::Contains("family"));
}

TEST_CASE("no message in any language calls her a victim") {
    const Content content = load_content(kContent);
    Messages messages(kLocales);
    for (const auto& l : content.form.languages)
        for (const auto& text : messages.strings(l.locale)) {
            INFO(l.locale << ": " << text);
            for (const char* word : {"victim", "Victim", "korban", "Korban", "biktima", "Biktima", "受害"})
                CHECK(text.find(word) == std::string::npos);
        }
}

TEST_CASE("English questions use short sentences of 15 words or fewer") {
    const Content content = load_content(kContent);
    Messages messages(kLocales);
    messages.set_shared_args(constant_args(content));
    for (const auto& q : content.form.questions) {
        for (const auto& key : {q.text_key, q.help_key}) {
            if (key.empty()) continue;
            const std::string text = messages.text("en", key);
            std::string sentence;
            int words = 0;
            bool in_word = false;
            for (char c : text + ".") {
                if (c == '.' || c == '?' || c == '!') {
                    INFO(key << ": " << sentence);
                    CHECK(words <= 15);
                    sentence.clear(), words = 0, in_word = false;
                    continue;
                }
                sentence += c;
                const bool letter = c != ' ';
                if (letter && !in_word) ++words;
                in_word = letter;
            }
        }
    }
}
