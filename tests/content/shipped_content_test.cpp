// The content that ships must load, validate and be complete in every language it offers.
#include "protocol/content/content.h"
#include "protocol/content/content_messages.h"
#include "protocol/content/content_validator.h"
#include "protocol/content/messages.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>

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
    messages.set_shared_args(content_args(content, "2026-12-01"));
    const ContentReport report = validate_content(content, messages);
    for (const auto& p : report.problems)
        if (p.severity == ContentProblem::Severity::Error) UNSCOPED_INFO(describe(p));
    CHECK(report.ok());
    for (const auto& locale : locales) CHECK(report.completeness.at(locale) == Approx(100.0));
    CHECK(report.indicators_mapped == 11);
    CHECK(report.icls_items_mapped == 1);
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

namespace {

// Sentences end at . ? ! (and the Chinese 。？！ never appear in English); a word is a run of
// characters other than spaces.
std::vector<std::string> long_sentences(const std::string& text, int limit) {
    std::vector<std::string> out;
    std::string sentence;
    int words = 0;
    bool in_word = false;
    for (char c : text + ".") {
        if (c == '.' || c == '?' || c == '!') {
            if (words > limit) out.push_back(sentence);
            sentence.clear(), words = 0, in_word = false;
            continue;
        }
        sentence += c;
        const bool letter = c != ' ';
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    return out;
}

}  // namespace

TEST_CASE("every worker-facing English text uses sentences of 15 words or fewer") {
    // Questions, answers, rights, results, "What to do now" and the help cards: every message
    // the content refers to, formatted as she would see it on a pinned day.
    const Content content = load_content(kContent);
    Messages messages(kLocales);
    messages.set_shared_args(content_args(content, "2026-12-01"));
    const auto keys = content_message_keys(content);
    CHECK(keys.size() > 200);
    for (const auto& key : keys) {
        if (key.size() > 8 && key.compare(key.size() - 8, 8, ".address") == 0) continue;  // an address, not a sentence
        const std::string text = messages.text("en", key);
        for (const auto& sentence : long_sentences(text, 15)) {
            INFO(key << ": " << sentence);
            CHECK(sentence.empty());
        }
    }
    CHECK(long_sentences("One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                         "sixteen.",
                         15)
              .size() == 1);  // the counter itself can fail
}

TEST_CASE("every content message formats in every language with today's values filled in") {
    const Content content = load_content(kContent);
    Messages messages(kLocales);
    messages.set_shared_args(content_args(content, "2026-12-01"));
    for (const auto& language : content.form.languages)
        for (const auto& key : content_message_keys(content)) {
            INFO(language.locale << " " << key);
            const std::string text = messages.text(language.locale, key);
            CHECK(text.find('{') == std::string::npos);
            CHECK_FALSE(text.empty());
        }
    CHECK_THAT(messages.text("en", "right.statutory_holidays.explain"), Catch::Matchers::Contains("there are 15 "));
    CHECK_THAT(messages.text("en", "right.below_minimum_wage.explain"), Catch::Matchers::Contains("HK$5,100"));
    Messages in_2028(kLocales);
    in_2028.set_shared_args(content_args(content, "2028-01-01"));
    CHECK_THAT(in_2028.text("en", "right.statutory_holidays.explain"), Catch::Matchers::Contains("there are 16 "));
}

TEST_CASE("no text states a year that will go stale") {
    // A date-dependent number is a dated value in rights.yaml, never a year written in a text.
    const Content content = load_content(kContent);
    Messages messages(kLocales);
    for (const auto& language : content.form.languages)
        for (const auto& key : content_message_keys(content)) {
            const std::string text = messages.pattern(language.locale, key);
            INFO(language.locale << " " << key << ": " << text);
            for (const char* year : {"2025", "2026", "2027", "2028"}) CHECK(text.find(year) == std::string::npos);
        }
}

TEST_CASE("Indonesian says the room rule is about a teenage boy, not any teenager") {
    // "remaja" alone is a teenager of either sex; the rule is about the opposite sex.
    Messages messages(kLocales);
    for (const char* key : {"q.sleeping_place.a.shared_male", "right.unsuitable_accommodation.explain"}) {
        const std::string text = messages.pattern("id", key);
        INFO(key << ": " << text);
        size_t at = 0, found = 0;
        while ((at = text.find("remaja", at)) != std::string::npos) {
            CHECK(text.compare(at, std::string("remaja laki-laki").size(), "remaja laki-laki") == 0);
            ++found, ++at;
        }
        CHECK(found >= 1);
    }
}

namespace {

const Organisation& organisation(const Content& content, const std::string& id) {
    for (const auto& o : content.directory)
        if (o.id == id) return o;
    FAIL("no organisation '" << id << "' in directory.yaml");
    throw std::logic_error("unreachable");
}

bool named(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

TEST_CASE("the help directory keeps its promises: no invented day, unconfirmed numbers flagged, no empty check") {
    const Content content = load_content(kContent);
    const std::string today = "2026-12-01";
    // Bethune House's source is dated September 2024 with no day: none is written.
    CHECK(organisation(content, "bethune_house").verified == "2024-09");
    // Both consulate hotlines are unconfirmed: shown with "please check".
    for (const char* id : {"indonesian_consulate", "philippine_consulate"}) {
        INFO(id);
        CHECK_FALSE(organisation(content, id).is_verified());
        CHECK(organisation(content, id).number_needs_check(today));
    }
    // The ending_job right tells her to notify Immigration: its number is listed for that right.
    const Organisation& immigration = organisation(content, "immigration_department");
    CHECK(immigration.phone == "+852 2824 6111");
    CHECK(named(immigration.for_breaches, "ending_job"));
    // A sexual-violence service, shown when she reports violence or sexual touching.
    CHECK(named(organisation(content, "rainlily").for_indicators, "physical_and_sexual_violence"));
    // An Indonesian-language line.
    CHECK(named(organisation(content, "enrich_id").languages, "id"));
    // The kiosk marks a card that is not verified with "please check this number": every such
    // card has a number to check. The Migrant Workers Office has none and is not asked about.
    for (const auto& o : content.directory) {
        INFO(o.id);
        if (!o.is_verified()) CHECK(o.has_number());
        if (!o.has_number()) CHECK_FALSE(o.number_needs_check(today));
    }
    CHECK_FALSE(organisation(content, "migrant_workers_office").has_number());
    CHECK(organisation(content, "migrant_workers_office").is_verified());
    // Every number shown is from facts.md or a cited source: each entry names one.
    for (const auto& o : content.directory) CHECK_THAT(o.source, Catch::Matchers::Contains("http"));
}

TEST_CASE("ending the job: notice in writing, and after an early end she normally goes home first") {
    // facts.md §2.8: one month's notice in writing; after an early end a new visa normally
    // needs a return home first, with exceptions (ill-treatment, an employer who moves away,
    // dies or has money problems). Each language says all three; words checked per language.
    Messages messages(kLocales);
    struct Expected {
        const char* locale;
        std::vector<const char*> phrases;
    };
    const Expected expected[] = {
        {"en", {"notice in writing", "before a new visa", "ill-treatment"}},
        {"fil", {"nakasulat na abiso", "bagong visa", "pagmamaltrato"}},
        {"id", {"pemberitahuan tertulis", "visa baru", "diperlakukan buruk"}},
        {"zh_Hant_HK", {"書面通知", "新的簽證", "虐待"}},
    };
    for (const auto& e : expected) {
        const std::string text = messages.pattern(e.locale, "right.ending_job.explain");
        for (const char* phrase : e.phrases) {
            INFO(e.locale << ": " << phrase << " in " << text);
            CHECK(text.find(phrase) != std::string::npos);
        }
    }
}
