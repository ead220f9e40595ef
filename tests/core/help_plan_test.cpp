// What the result leads with: urgent help first when she reported violence, being locked in
// or threats; otherwise the entries for her own findings, in her language, verified first.
#include "kiosk/core/help_plan.h"

#include "protocol/content/content.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {

Organisation org(const std::string& id, std::vector<std::string> levels, std::vector<std::string> indicators = {},
                 std::string phone = "+852 1234 5678", std::vector<std::string> languages = {},
                 std::string verified = "") {
    Organisation o;
    o.id = id;
    o.phone = std::move(phone);
    o.for_levels = std::move(levels);
    o.for_indicators = std::move(indicators);
    o.languages = std::move(languages);
    o.verified = std::move(verified);
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
            org("hotline", {"forced_labour_signs"}, {}, "+852 2157 9537", {"en"}, "2018-12-19"),
            org("no_number", {"forced_labour_signs"}, {}, ""),
            org("group", {"forced_labour_signs"}),
            org("debt_help", {}, {"debt_bondage"}),
            org("police_emergency", {}, {"physical_and_sexual_violence"}, "999", {}, "2018-12-19"),
            org("bethune_house", {}, {"physical_and_sexual_violence"}, "+852 9338 0035"),
        };
        assessment.level = &level;
    }
};

}  // namespace

TEST_CASE("violence, being locked in or threats put 999 and the shelter first") {
    for (const std::string indicator :
         {"physical_and_sexual_violence", "intimidation_and_threats", "restriction_of_movement"}) {
        Fixture f;
        // The police and shelter are shown for violence in the directory; here for each urgent finding.
        for (auto& o : f.content.directory)
            if (o.id == "police_emergency" || o.id == "bethune_house") o.for_indicators = {indicator};
        f.assessment.indicators = {indicator};
        const HelpPlan plan = plan_help(f.content, f.assessment, "en");
        INFO(indicator);
        CHECK(plan.urgent);
        CHECK(ids(plan.now) == std::vector<std::string>{"police_emergency", "bethune_house", "hotline"});
    }
}

TEST_CASE("without an urgent finding: her own findings first, then her language, then verified") {
    Fixture f;
    f.assessment.indicators = {"debt_bondage"};
    const HelpPlan plan = plan_help(f.content, f.assessment, "en");
    CHECK_FALSE(plan.urgent);
    CHECK(ids(plan.now) == std::vector<std::string>{"debt_help", "hotline", "group"});
    // Everything else chosen is still offered, in directory order; an entry with no number only there.
    CHECK(ids(plan.more) == std::vector<std::string>{"no_number"});
}

TEST_CASE("at most the number asked for, and never an entry without a number to call") {
    Fixture f;
    const HelpPlan plan = plan_help(f.content, f.assessment, "zh_Hant_HK", default_urgent_rules(), 1);
    CHECK(ids(plan.now) == std::vector<std::string>{"hotline"});
    CHECK(ids(plan.more) == std::vector<std::string>{"no_number", "group"});
}

TEST_CASE("the shipped directory: a report of violence leads with 999 and Bethune House") {
    const Content content = load_content(SELFCHECK_SOURCE_DIR "/content");
    Assessment assessment;
    assessment.level = content.find_level("forced_labour_signs");
    assessment.indicators = {"physical_and_sexual_violence"};
    const HelpPlan plan = plan_help(content, assessment, "fil");
    REQUIRE(plan.now.size() >= 2);
    CHECK(plan.now[0]->id == "police_emergency");
    CHECK(plan.now[1]->id == "bethune_house");
}
