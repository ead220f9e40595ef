// Hand-worked answer sets on the shipped form, each checked against the ILO rule by hand:
// a dimension is positive with one involuntariness and one penalty signal in it.
#include "protocol/content/scoring.h"

#include "protocol/content/content.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

namespace {

Content shipped() { return load_content(std::filesystem::path(SELFCHECK_SOURCE_DIR) / "content"); }

std::string level_of(const Content& content, const Answers& answers) {
    const Assessment a = assess(content, answers);
    REQUIRE(a.level);
    return a.level->id;
}

Answers answers(std::initializer_list<std::pair<const std::string, AnswerValue>> list) { return Answers(list); }

}  // namespace

TEST_CASE("no signal at all: no concerns found") {
    const Content content = shipped();
    const Answers a = answers({{"job_as_promised", std::string("yes")},
                               {"has_loan", std::string("no")},
                               {"monthly_salary", 5200},
                               {"weekly_rest_day", std::string("yes")},
                               {"fear_consequences", std::string("no")}});
    const Assessment result = assess(content, a);
    CHECK(result.level->id == "no_concerns");
    CHECK(result.indicators.empty());
    CHECK(result.breaches.empty());
    CHECK(choose_help(content, result).size() >= 1);  // help is offered whatever the result
}

TEST_CASE("pay below the minimum allowable wage alone is a rights concern, not forced labour") {
    const Content content = shipped();
    const Assessment result = assess(content, answers({{"monthly_salary", 4000}}));
    CHECK(result.level->id == "rights_concerns");
    CHECK(result.breaches.count("below_minimum_wage"));
    CHECK(result.indicators.count("abusive_working_and_living_conditions"));  // below every lawful rate
    CHECK(result.positive_dimensions.empty());
    // HK$5,000 breaches the current minimum but not the oldest still-running contract rate.
    const Assessment older = assess(content, answers({{"monthly_salary", 5000}}));
    CHECK(older.breaches.count("below_minimum_wage"));
    CHECK(older.indicators.empty());
}

TEST_CASE("involuntariness and penalty in the same dimension: signs of forced labour") {
    const Content content = shipped();
    // Leaving: not free to end the job (involuntariness) and wages held back (penalty).
    const Assessment result =
        assess(content, answers({{"free_to_leave", std::string("no")}, {"wages_held", std::string("yes")}}));
    CHECK(result.level->id == "forced_labour_signs");
    CHECK(result.positive_dimensions == std::vector<std::string>{"impossibility_of_leaving"});
}

TEST_CASE("involuntariness and penalty in different dimensions are not enough") {
    const Content content = shipped();
    // Deceived at recruitment (unfree recruitment) and insulted at work (work and life under duress).
    const Assessment result =
        assess(content, answers({{"job_as_promised", std::string("no")}, {"insulted", std::string("yes")}}));
    CHECK(result.level->id == "rights_concerns");
    CHECK(result.positive_dimensions.empty());
}

TEST_CASE("the strong-indicator setting, both ways") {
    Content content = shipped();
    // Recruitment: job not as promised (medium involuntariness) + high loan interest (medium penalty).
    const Answers two_medium = answers({{"job_as_promised", std::string("no")},
                                        {"has_loan", std::string("yes")},
                                        {"loan_interest_high", std::string("yes")}});
    // The same, but the lender holds her documents (strong penalty).
    const Answers with_strong = answers({{"job_as_promised", std::string("no")},
                                         {"has_loan", std::string("yes")},
                                         {"loan_documents_collateral", std::string("yes")}});
    content.scoring.require_strong = false;
    CHECK(level_of(content, two_medium) == "forced_labour_signs");
    CHECK(level_of(content, with_strong) == "forced_labour_signs");
    content.scoring.require_strong = true;
    CHECK(level_of(content, two_medium) == "rights_concerns");
    CHECK(level_of(content, with_strong) == "forced_labour_signs");
}

TEST_CASE("an answer to a question that was not asked does not count") {
    const Content content = shipped();
    // loan_interest_high is asked only after has_loan = yes.
    const Answers a = answers({{"job_as_promised", std::string("no")},
                               {"has_loan", std::string("no")},
                               {"loan_interest_high", std::string("yes")}});
    const Assessment result = assess(content, a);
    CHECK(result.level->id == "rights_concerns");
    CHECK_FALSE(result.breaches.count("loan_interest_cap"));
}

TEST_CASE("fearing consequences of ending the job is recorded as a penalty signal") {
    const Content content = shipped();
    const Assessment result = assess(content, answers({{"fear_consequences", std::string("yes")}}));
    CHECK(result.indicators.count("abuse_of_vulnerability"));
    REQUIRE(result.dimensions.count("impossibility_of_leaving"));
    CHECK(result.dimensions.at("impossibility_of_leaving").penalty);
}

TEST_CASE("help is chosen by the indicators raised") {
    const Content content = shipped();
    auto ids = [&](const Answers& a) {
        std::vector<std::string> out;
        for (const Organisation* o : choose_help(content, assess(content, a))) out.push_back(o->id);
        return out;
    };
    const auto violence = ids(answers({{"violence", std::string("yes")}}));
    CHECK(std::find(violence.begin(), violence.end(), "police_emergency") != violence.end());
    const auto quiet = ids(answers({{"job_as_promised", std::string("yes")}}));
    CHECK(std::find(quiet.begin(), quiet.end(), "police_emergency") == quiet.end());
}
