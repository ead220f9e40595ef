// What the result leads with: the content's urgent entries first when the assessment is urgent
// (at any level); otherwise the entries for her own findings, in her language, numbers that
// need no check first.
#include "kiosk/core/help_plan.h"

#include "protocol/content/content.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {

const std::string kToday = "2026-12-01";

Organisation org(const std::string& id, std::vector<std::string> levels, std::vector<std::string> indicators = {},
                 std::string phone = "+852 1234 5678", std::vector<std::string> languages = {},
                 std::string verified = "", bool urgent = false) {
    Organisation o;
    o.id = id;
    o.phone = std::move(phone);
    o.for_levels = std::move(levels);
    o.for_indicators = std::move(indicators);
    o.languages = std::move(languages);
    o.verified = std::move(verified);
    o.review_by = "2027-06-01";
    o.urgent = urgent;
    return o;
}

std::vector<std::string> ids(const std::vector<const Organisation*>& orgs) {
    std::vector<std::string> out;
    for (const auto* o : orgs) out.push_back(o->id);
    return out;
}

struct Fixture {
    Content content;
    ResultLevel level{};
    Assessment assessment;
    Fixture() {
        level.id = "forced_labour_signs";
        content.directory = {
            org("hotline", {"forced_labour_signs", "rights_concerns"}, {}, "+852 2157 9537", {"en"}, "2018-12-19"),
            org("no_number", {"forced_labour_signs"}, {}, ""),
            org("group", {"forced_labour_signs"}),
            org("debt_help", {}, {"debt_bondage"}),
            org("police_emergency", {}, {}, "999", {}, "2018-12-19", true),
            org("crisis_line", {}, {}, "18281", {}, "", true),
            org("shelter", {}, {"physical_and_sexual_violence"}, "+852 9338 0035", {}, "", true),
        };
        assessment.level = &level;
    }
};

}  // namespace

TEST_CASE("an urgent assessment leads with every urgent entry, in directory order, at any level") {
    for (const std::string level : {"forced_labour_signs", "rights_concerns"}) {
        Fixture f;
        f.level.id = level;
        f.assessment.urgent = true;  // from a signal marked urgent, whatever indicator it raised
        f.assessment.indicators = {"debt_bondage"};
        const HelpPlan plan = plan_help(f.content, f.assessment, "en", kToday);
        INFO(level);
        CHECK(plan.urgent);
        // All three urgent entries even though at most three were asked for: they come first.
        CHECK(ids(plan.now) == std::vector<std::string>{"police_emergency", "crisis_line", "shelter"});
        CHECK(plan.more.front()->id == "hotline");
    }
}

TEST_CASE("an indicator the content does not mark urgent leads with no emergency entry") {
    Fixture f;
    // Being insulted raises intimidation_and_threats, but its signal is not urgent in form.yaml.
    f.assessment.indicators = {"intimidation_and_threats", "physical_and_sexual_violence"};
    const HelpPlan plan = plan_help(f.content, f.assessment, "en", kToday);
    CHECK_FALSE(plan.urgent);
    CHECK(ids(plan.now) == std::vector<std::string>{"shelter", "hotline", "group"});  // the shelter: her finding
}

TEST_CASE("without urgency: her own findings first, then her language, then numbers needing no check") {
    Fixture f;
    f.assessment.indicators = {"debt_bondage"};
    const HelpPlan plan = plan_help(f.content, f.assessment, "en", kToday);
    CHECK_FALSE(plan.urgent);
    CHECK(ids(plan.now) == std::vector<std::string>{"debt_help", "hotline", "group"});
    // Everything else chosen is still offered, in directory order; an entry with no number only there.
    CHECK(ids(plan.more) == std::vector<std::string>{"no_number"});
}

TEST_CASE("a verified number past its review date ranks as one that needs a check") {
    Fixture f;
    f.content.directory = {org("unverified", {"forced_labour_signs"}),
                           org("verified", {"forced_labour_signs"}, {}, "+852 2157 9537", {}, "2018-12-19")};
    CHECK(ids(plan_help(f.content, f.assessment, "en", kToday, 1).now) == std::vector<std::string>{"verified"});
    // After 2027-06-01 both need a check: the directory's order decides.
    CHECK(ids(plan_help(f.content, f.assessment, "en", "2027-06-02", 1).now) == std::vector<std::string>{"unverified"});
}

TEST_CASE("at most the number asked for, and never an entry without a number to call") {
    Fixture f;
    const HelpPlan plan = plan_help(f.content, f.assessment, "zh_Hant_HK", kToday, 1);
    CHECK(ids(plan.now) == std::vector<std::string>{"hotline"});
    CHECK(ids(plan.more) == std::vector<std::string>{"no_number", "group"});
}

TEST_CASE("the shipped content: violence reported at the rights level leads with 999 and the shelters") {
    const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    Answers answers;
    answers["violence"] = std::string("yes");
    const Assessment assessment = assess(content, answers, kToday);
    REQUIRE(assessment.level);
    CHECK(assessment.level->id == "rights_concerns");  // one penalty signal: not forced labour
    REQUIRE(assessment.urgent);
    const HelpPlan plan = plan_help(content, assessment, "fil", kToday);
    std::vector<std::string> urgent;
    for (const Organisation& o : content.directory)
        if (o.urgent) urgent.push_back(o.id);
    REQUIRE(urgent.size() >= 2);
    CHECK(urgent.front() == "police_emergency");
    std::vector<std::string> first = ids(plan.now);
    REQUIRE(first.size() >= urgent.size());
    first.resize(urgent.size());
    CHECK(first == urgent);
}
