// Hand-worked answer sets on the shipped form. Each case states the answers, works out by
// hand what the ILO rule gives (facts.md §1.2, §1.3: a dimension is positive with at least one
// involuntariness and one penalty signal in it; a positive dimension gives the top result),
// and checks that assess() agrees. Dates are pinned: some thresholds change with the date.
#include "protocol/content/scoring.h"

#include "protocol/content/content.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace selfcheck;

namespace {

const char* const kToday = "2026-12-01";

const Content& shipped() {
    static const Content content = load_content(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content");
    return content;
}

AnswerValue code(const char* c) { return std::string(c); }

// Every question the form asks when all is well, each answered clearly with an answer that
// raises nothing: the baseline each case below changes. "About you" is left out (optional).
Answers all_well() {
    return {{"job_as_promised", code("yes")},
            {"hk_agency_fee", code("up_to_limit")},
            {"has_loan", code("no")},
            {"passport_holder", code("self")},
            {"hkid_holder", code("yes")},
            {"has_contract_copy", code("yes")},
            {"monthly_salary", 5200},
            {"paid_in_full", code("yes")},
            {"salary_deductions", code("no")},
            {"bank_card_kept", code("no")},
            {"weekly_rest_day", code("yes")},
            {"rest_day_work", code("no")},
            {"holidays_off", code("yes")},
            {"hours_per_day", 10},
            {"night_work", code("no")},
            {"work_for_others", code("no")},
            {"sleeping_place", code("own_room")},
            {"basic_facilities", code("yes")},
            {"enough_food", code("yes")},
            {"leave_house", code("yes")},
            {"locked_in", code("no")},
            {"phone_contact", code("yes")},
            {"kept_from_others", code("no")},
            {"threatened", code("no")},
            {"threat_deport", code("no")},
            {"violence", code("no")},
            {"insulted", code("no")},
            {"free_to_leave", code("yes")},
            {"fear_consequences", code("no")},
            {"wages_held", code("no")}};
}

Answers all_well_but(std::initializer_list<std::pair<const std::string, AnswerValue>> changes) {
    Answers answers = all_well();
    for (const auto& [id, value] : changes) answers[id] = value;
    return answers;
}

Assessment score(const Answers& answers, const char* date = kToday) { return assess(shipped(), answers, date); }

std::string level_of(const Answers& answers, const char* date = kToday) {
    const Assessment a = score(answers, date);
    REQUIRE(a.level);
    return a.level->id;
}

std::vector<std::string> help_ids(const Assessment& a) {
    std::vector<std::string> out;
    for (const Organisation* o : choose_help(shipped(), a)) out.push_back(o->id);
    return out;
}

bool contains(const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
}

}  // namespace

TEST_CASE("the baseline answers every question asked and raises nothing: no concerns") {
    const Assessment a = score(all_well());
    CHECK(a.level->id == "no_concerns");
    CHECK(a.indicators.empty());
    CHECK(a.breaches.empty());
    CHECK_FALSE(a.urgent);
    CHECK(a.questions_asked == all_well().size());  // nothing asked is left out of the baseline
    CHECK(a.questions_unclear == 0);
    CHECK(help_ids(a) == std::vector<std::string>{"labour_dept_fdh_hotline"});
}

TEST_CASE("a new arrival with no HKID yet who sleeps in the living room: a rights concern, not forced labour") {
    // By hand: hkid "not yet" raises nothing. The living room lacks privacy: the accommodation
    // rule may not be respected (a breach), but it is no ILO indicator. No dimension holds any
    // signal, so no dimension is positive: rights_concerns.
    const Assessment a =
        score(all_well_but({{"hkid_holder", code("not_yet")}, {"sleeping_place", code("living_room")}}));
    CHECK(a.level->id == "rights_concerns");
    CHECK(a.indicators.empty());
    CHECK(a.breaches == std::set<std::string>{"unsuitable_accommodation"});
    CHECK(a.positive_dimensions.empty());
}

TEST_CASE("an HKID kept by someone else and a bed in a corridor: the ILO pair in one dimension") {
    // By hand: hkid "no" is a strong penalty (retention of documents) in work and life under
    // duress and in impossibility of leaving; a bed in a corridor is an involuntariness signal
    // (abusive living conditions) in duress. Duress holds both: forced_labour_signs.
    const Assessment a = score(all_well_but({{"hkid_holder", code("no")}, {"sleeping_place", code("no_room")}}));
    CHECK(a.level->id == "forced_labour_signs");
    CHECK(a.positive_dimensions == std::vector<std::string>{"work_and_life_under_duress"});
}

TEST_CASE("every \"not yet\" answer raises nothing") {
    for (const char* id : {"hkid_holder", "paid_in_full", "weekly_rest_day", "holidays_off"}) {
        INFO(id);
        const Question* q = shipped().form.find(id);
        REQUIRE(q);
        CHECK(std::any_of(q->options.begin(), q->options.end(),
                          [](const AnswerOption& o) { return o.code == "not_yet"; }));
        const Assessment a = score(all_well_but({{id, code("not_yet")}}));
        CHECK(a.indicators.empty());
        CHECK(a.breaches.empty());
        CHECK(a.level->id == "no_concerns");
    }
    // "I have not asked for it" on a passport the employer holds: the holder is a medium
    // penalty on its own (impossibility of leaving), not asking adds nothing.
    const Assessment kept = score(all_well_but({{"passport_holder", code("employer")}}));
    const Assessment not_asked =
        score(all_well_but({{"passport_holder", code("employer")}, {"passport_returned", code("not_yet")}}));
    CHECK(not_asked.indicators == kept.indicators);
    CHECK(not_asked.breaches.empty());
}

TEST_CASE("violence alone: urgent, with 999 and the shelters first, at the rights-concern level") {
    // By hand: violence "yes" is a strong penalty in duress and in leaving, with no
    // involuntariness anywhere: no positive dimension, so rights_concerns. It is marked urgent:
    // "What to do now" comes first, and the urgent entries lead the help list.
    const Assessment a = score(all_well_but({{"violence", code("yes")}}));
    CHECK(a.level->id == "rights_concerns");
    CHECK(a.urgent);
    CHECK(a.breaches.count("leave_without_notice"));
    const auto help = help_ids(a);
    REQUIRE(help.size() >= 3);
    CHECK(std::vector<std::string>(help.begin(), help.begin() + 3) ==
          std::vector<std::string>{"police_emergency", "bethune_house", "cease_crisis_centre"});
    CHECK(contains(help, "rainlily"));  // the sexual-violence service
    std::vector<std::string> urgent;
    for (const Organisation* o : urgent_help(shipped(), a)) urgent.push_back(o->id);
    CHECK(urgent == std::vector<std::string>{"police_emergency", "bethune_house", "cease_crisis_centre"});
    CHECK_FALSE(shipped().scoring.urgent_title_key.empty());
}

TEST_CASE("being locked in, threats to her or her family, and feared threats are urgent; insults are not") {
    CHECK(score(all_well_but({{"locked_in", code("yes")}})).urgent);
    CHECK(score(all_well_but({{"threatened", code("yes")}})).urgent);
    CHECK(score(all_well_but({{"fear_consequences", code("yes")}, {"fear_reason", code("threats")}})).urgent);
    const Assessment insulted = score(all_well_but({{"insulted", code("yes")}}));
    CHECK_FALSE(insulted.urgent);
    CHECK(urgent_help(shipped(), insulted).empty());
}

TEST_CASE("urgency puts 999 and a shelter first at the top level too") {
    // By hand: locked in is a strong penalty in duress and a strong involuntariness in leaving;
    // wages held to the end of the contract are a strong penalty in leaving: leaving is positive.
    const Assessment a = score(all_well_but({{"locked_in", code("yes")}, {"wages_held", code("yes")}}));
    CHECK(a.level->id == "forced_labour_signs");
    CHECK(a.urgent);
    CHECK(help_ids(a).front() == "police_emergency");
}

TEST_CASE("every sensitive question declined: a neutral result, never \"good to hear\"") {
    // By hand: with every choice declined, the follow-up questions stay hidden: 36 questions
    // outside "About you", minus 7 follow-ups = 29 asked. The two number pickers have no
    // "prefer not to say", so 27 of 29 got no answer: more than half. Nothing was raised, so the
    // level is few_answers, not no_concerns.
    Answers declined;
    for (const Question& q : shipped().form.questions)
        if (q.type == QuestionType::Choice) declined[q.id] = code(kPreferNotToSay);
    declined["monthly_salary"] = 5200;
    declined["hours_per_day"] = 10;
    const Assessment a = score(declined);
    CHECK(a.questions_asked == 29);
    CHECK(a.questions_unclear == 27);
    CHECK(a.level->id == "few_answers");
    CHECK(a.indicators.empty());
    CHECK(a.breaches.empty());
    CHECK(contains(help_ids(a), "labour_dept_fdh_hotline"));
}

TEST_CASE("\"most\" means more than half of the questions asked; a raised signal still wins") {
    // By hand: the baseline asks 30 questions. 15 declined or "not sure" is half, not most:
    // no_concerns. 16 is most: few_answers. With 16 declined and the salary below every lawful
    // rate, a signal is raised: rights_concerns comes first.
    const char* const choices[] = {"job_as_promised",  "hk_agency_fee", "has_contract_copy", "paid_in_full",
                                   "bank_card_kept",   "holidays_off",  "night_work",        "work_for_others",
                                   "basic_facilities", "enough_food",   "leave_house",       "phone_contact",
                                   "kept_from_others", "insulted",      "threat_deport",     "wages_held"};
    Answers fifteen = all_well();
    for (int i = 0; i < 15; ++i) fifteen[choices[i]] = code(i % 2 ? "not_sure" : kPreferNotToSay);
    CHECK(score(fifteen).questions_asked == 30);
    CHECK(score(fifteen).questions_unclear == 15);
    CHECK(level_of(fifteen) == "no_concerns");
    Answers sixteen = fifteen;
    sixteen[choices[15]] = code(kPreferNotToSay);
    CHECK(level_of(sixteen) == "few_answers");
    sixteen["monthly_salary"] = 4000;
    CHECK(level_of(sixteen) == "rights_concerns");
}

TEST_CASE("\"prefer not to say\" never raises a signal, on any question") {
    for (const Question& q : shipped().form.questions) {
        if (q.type != QuestionType::Choice) continue;
        INFO(q.id);
        const Assessment a = score(all_well_but({{q.id, code(kPreferNotToSay)}}));
        CHECK(a.indicators.empty());
        CHECK(a.breaches.empty());
        CHECK_FALSE(a.urgent);
    }
}

TEST_CASE("answers to questions the current answers hide count for nothing") {
    // By hand: loan_interest_high is asked only after has_loan "yes"; after Back and a change to
    // "no" its stale "yes" must not raise debt bondage or the interest-cap breach.
    const Assessment stale = score(all_well_but({{"has_loan", code("no")}, {"loan_interest_high", code("yes")}}));
    CHECK(stale.indicators.empty());
    CHECK(stale.breaches.empty());
    const Assessment kept_passport_stale =
        score(all_well_but({{"passport_holder", code("self")}, {"passport_returned", code("no")}}));
    CHECK(kept_passport_stale.indicators.empty());
}

TEST_CASE("debt is a penalty, as the ICLS guidelines put it, so one loan with high interest is not forced labour") {
    // By hand: has_loan "yes" raises nothing; high interest is a medium penalty (debt bondage)
    // in unfree recruitment. A penalty alone makes no dimension positive: rights_concerns.
    const Assessment loan = score(all_well_but({{"has_loan", code("yes")},
                                                {"loan_from_agency", code("no")},
                                                {"loan_interest_high", code("yes")},
                                                {"loan_documents_collateral", code("no")}}));
    CHECK(loan.level->id == "rights_concerns");
    CHECK(loan.indicators == std::set<std::string>{"debt_bondage"});
    CHECK(loan.dimensions.at("unfree_recruitment").penalty);
    CHECK_FALSE(loan.dimensions.at("unfree_recruitment").involuntariness);
    // Deceived about the job as well (involuntariness in recruitment): now recruitment is positive.
    const Assessment deceived = score(all_well_but({{"has_loan", code("yes")},
                                                    {"loan_from_agency", code("no")},
                                                    {"loan_interest_high", code("yes")},
                                                    {"loan_documents_collateral", code("no")},
                                                    {"job_as_promised", code("no")}}));
    CHECK(deceived.positive_dimensions == std::vector<std::string>{"unfree_recruitment"});
    // Every debt signal in the form is a penalty.
    for (const Question& q : shipped().form.questions)
        for (const Signal& s : q.signals)
            if (s.indicator == "debt_bondage") CHECK(s.role == "penalty");
}

TEST_CASE("not free to end the job is the ICLS item, and threats of deportation count in leaving") {
    // By hand: free_to_leave "no" is "no or limited freedom to terminate" (ICLS 2018),
    // involuntariness in impossibility of leaving; the threat of being sent home is a penalty
    // (abuse of vulnerability) in duress and in leaving. Leaving holds both: forced_labour_signs.
    const Assessment not_free = score(all_well_but({{"free_to_leave", code("no")}}));
    CHECK(not_free.indicators == std::set<std::string>{"limited_freedom_to_terminate"});
    CHECK(not_free.level->id == "rights_concerns");
    const Assessment with_threat = score(all_well_but({{"free_to_leave", code("no")}, {"threat_deport", code("yes")}}));
    CHECK(with_threat.level->id == "forced_labour_signs");
    CHECK(with_threat.positive_dimensions == std::vector<std::string>{"impossibility_of_leaving"});
    CHECK(with_threat.indicators.count("abuse_of_vulnerability"));
}

TEST_CASE("isolation and excessive overtime each rest on more than one question") {
    CHECK(score(all_well_but({{"phone_contact", code("no")}})).indicators == std::set<std::string>{"isolation"});
    CHECK(score(all_well_but({{"kept_from_others", code("yes")}})).indicators == std::set<std::string>{"isolation"});
    // long_work_day_hours is 14: a 15-hour day leaves under 11 hours of rest in 24.
    CHECK(score(all_well_but({{"hours_per_day", 15}})).indicators == std::set<std::string>{"excessive_overtime"});
    CHECK(score(all_well_but({{"hours_per_day", 14}})).indicators == std::set<std::string>{"excessive_overtime"});
    CHECK(score(all_well_but({{"hours_per_day", 13}})).indicators.empty());
    CHECK(score(all_well_but({{"night_work", code("yes")}})).indicators == std::set<std::string>{"excessive_overtime"});
    CHECK(score(all_well_but({{"weekly_rest_day", code("no")}})).indicators.count("excessive_overtime"));
    // By hand: 15-hour days (involuntariness) and being kept from others (penalty), both in
    // duress: duress is positive.
    CHECK(level_of(all_well_but({{"hours_per_day", 15}, {"kept_from_others", code("yes")}})) == "forced_labour_signs");
}

TEST_CASE("the lowest lawful wage of a running contract follows the date") {
    // By hand from rights.yaml: HK$4,730 contracts were signed up to 2023-09-29, started within
    // 91 days (by 2023-12-29) and ran two years: the last ended 2025-12-28. HK$4,870 contracts
    // (signed up to 2024-09-27) end by 2026-12-26. So on 2026-12-01 pay of HK$4,860 is below
    // every rate still running (the ILO "very low wages" signal) and below HK$5,100 (a breach).
    const Assessment now = score(all_well_but({{"monthly_salary", 4860}}), "2026-12-01");
    CHECK(now.indicators == std::set<std::string>{"abusive_working_and_living_conditions"});
    CHECK(now.breaches == std::set<std::string>{"below_minimum_wage"});
    // A year earlier a HK$4,730 contract could still be running: a breach of today's rate only.
    const Assessment year_before = score(all_well_but({{"monthly_salary", 4860}}), "2025-12-01");
    CHECK(year_before.indicators.empty());
    CHECK(year_before.breaches == std::set<std::string>{"below_minimum_wage"});
    CHECK(score(all_well_but({{"monthly_salary", 4860}}), "2025-12-28").indicators.empty());
    CHECK(score(all_well_but({{"monthly_salary", 4860}}), "2025-12-29").indicators.size() == 1);
    // HK$4,980 is lawful for a HK$4,870 contract until the last of them ends.
    CHECK(score(all_well_but({{"monthly_salary", 4980}}), "2026-12-26").indicators.empty());
    CHECK(score(all_well_but({{"monthly_salary", 4980}}), "2026-12-27").indicators.size() == 1);
    // The breach follows the rate for a contract signed that day.
    CHECK(score(all_well_but({{"monthly_salary", 5090}}), "2025-09-29").breaches.empty());
    CHECK(score(all_well_but({{"monthly_salary", 5090}}), "2025-09-30").breaches.count("below_minimum_wage"));
    CHECK_THROWS_AS(score(all_well(), "1 December 2026"), std::invalid_argument);
}

TEST_CASE("the strong-indicator setting, both ways") {
    Content content = shipped();
    // Recruitment: job not as promised (medium involuntariness) + high loan interest (medium penalty).
    const Answers two_medium =
        all_well_but({{"job_as_promised", code("no")}, {"has_loan", code("yes")}, {"loan_interest_high", code("yes")}});
    // The same, but the lender holds her documents (strong penalty) instead of high interest.
    const Answers with_strong = all_well_but(
        {{"job_as_promised", code("no")}, {"has_loan", code("yes")}, {"loan_documents_collateral", code("yes")}});
    auto level = [&](const Answers& a) { return assess(content, a, kToday).level->id; };
    content.scoring.require_strong = false;
    CHECK(level(two_medium) == "forced_labour_signs");
    CHECK(level(with_strong) == "forced_labour_signs");
    content.scoring.require_strong = true;
    CHECK(level(two_medium) == "rights_concerns");
    CHECK(level(with_strong) == "forced_labour_signs");
}

TEST_CASE("involuntariness and penalty in different dimensions are not enough") {
    // Deceived at recruitment (unfree recruitment) and insulted at work (duress).
    const Assessment a = score(all_well_but({{"job_as_promised", code("no")}, {"insulted", code("yes")}}));
    CHECK(a.level->id == "rights_concerns");
    CHECK(a.positive_dimensions.empty());
}

TEST_CASE("fearing consequences of ending the job is a penalty signal in leaving") {
    const Assessment a = score(all_well_but({{"fear_consequences", code("yes")}, {"fear_reason", code("other")}}));
    CHECK(a.indicators == std::set<std::string>{"abuse_of_vulnerability"});
    REQUIRE(a.dimensions.count("impossibility_of_leaving"));
    CHECK(a.dimensions.at("impossibility_of_leaving").penalty);
}

TEST_CASE("help is chosen by the indicators and breaches raised") {
    const auto ending = help_ids(score(all_well_but({{"free_to_leave", code("no")}})));
    CHECK(contains(ending, "immigration_department"));  // the ending_job right says to notify Immigration
    const auto quiet = help_ids(score(all_well()));
    CHECK_FALSE(contains(quiet, "police_emergency"));
    CHECK_FALSE(contains(quiet, "immigration_department"));
}
