// The report maths on hand-worked fixtures: shares overall and by nationality and
// language, skip-logic denominators, levels and the headline, indicators by dimension,
// and small-cell suppression including complementary suppression.

#include "server/reports/report_builder.h"

#include "server/reports/suppression.h"
#include "tests/server/report_fixtures.h"

#include <catch2/catch.hpp>

using namespace selfcheck;

using collector::AnswerColumn;
using collector::Count;
using collector::QuestionReport;
using collector::Report;
using collector::ReportRequest;
using nlohmann::json;

namespace {

Report build(const RecordMaker& maker, std::int64_t k) {
    ReportRequest request;
    request.filter = {"2026-11-01", "2026-11-30", ""};
    request.k = k;
    return collector::build_report(report_content(), report_labels(), maker.records(), request);
}

const QuestionReport& question(const Report& report, const std::string& id) {
    for (const QuestionReport& q : report.questions) {
        if (q.id == id) return q;
    }
    FAIL("no question " << id);
    throw 0;
}

const AnswerColumn& group(const QuestionReport& q, const std::string& by, const std::string& id) {
    for (const auto& breakdown : q.breakdowns) {
        if (breakdown.by != by) continue;
        for (const AnswerColumn& column : breakdown.columns) {
            if (column.group == id) return column;
        }
    }
    FAIL("no group " << by << "=" << id << " in " << q.id);
    throw 0;
}

const Count& code(const QuestionReport& q, const AnswerColumn& column, const std::string& code_id) {
    for (std::size_t i = 0; i < q.codes.size(); ++i) {
        if (q.codes[i] == code_id) return column.by_code[i];
    }
    FAIL("no code " << code_id << " in " << q.id);
    throw 0;
}

bool shown(const Count& count, std::int64_t value) { return !count.suppressed && count.value == value; }

// The Task Force's kind of table: fear of ending the contract, by nationality.
RecordMaker fear_fixture() {
    RecordMaker maker;
    maker.repeat(6, "id", {{"nationality", "indonesia"}, {"fear_consequences", "yes"}})
        .add("id", {{"nationality", "indonesia"}, {"fear_consequences", "no"}})
        .repeat(2, "fil", {{"nationality", "philippines"}, {"fear_consequences", "yes"}})
        .add("fil", {{"nationality", "philippines"}, {"fear_consequences", "no"}})
        .add("en", {{"nationality", "philippines"}, {"fear_consequences", "no"}})
        .add("zh_Hant_HK", {{"fear_consequences", "not_sure"}})  // nationality: prefer not to say
        .add("en", {{"nationality", "other"}});                  // fear question: prefer not to say
    return maker;
}

}  // namespace

TEST_CASE("shares overall and by nationality and language, with k = 0 showing everything") {
    // k = 0 turns suppression off (the API never accepts it), so every figure can be checked.
    const Report report = build(fear_fixture(), 0);
    CHECK(shown(report.respondents, 13));
    const QuestionReport& fear = question(report, "fear_consequences");
    CHECK(fear.yes_no);
    CHECK(fear.codes == std::vector<std::string>{"yes", "no", "not_sure"});  // prefer_not is never stored

    // Overall: 12 answered (the 13th preferred not to say): 8 yes, 3 no, 1 not sure.
    CHECK(shown(fear.overall.answered, 12));
    CHECK(shown(code(fear, fear.overall, "yes"), 8));
    CHECK(shown(code(fear, fear.overall, "no"), 3));
    CHECK(shown(code(fear, fear.overall, "not_sure"), 1));
    CHECK(*collector::share(code(fear, fear.overall, "yes"), fear.overall.answered) == Approx(8.0 / 12));

    const AnswerColumn& indonesia = group(fear, "nationality", "indonesia");
    CHECK(shown(indonesia.answered, 7));
    CHECK(*collector::share(code(fear, indonesia, "yes"), indonesia.answered) == Approx(6.0 / 7));
    const AnswerColumn& philippines = group(fear, "nationality", "philippines");
    CHECK(shown(philippines.answered, 4));
    CHECK(*collector::share(code(fear, philippines, "yes"), philippines.answered) == Approx(0.5));
    CHECK(shown(group(fear, "nationality", "not_stated").answered, 1));
    CHECK(shown(group(fear, "nationality", "other").answered, 0));
    CHECK_FALSE(collector::share(code(fear, group(fear, "nationality", "other"), "yes"),
                                 group(fear, "nationality", "other").answered));  // 0 of 0: no share

    CHECK(shown(group(fear, "language", "en").answered, 1));
    CHECK(shown(code(fear, group(fear, "language", "en"), "no"), 1));
    CHECK(shown(group(fear, "language", "fil").answered, 3));
    CHECK(group(fear, "language", "zh_Hant_HK").group_label == "繁體中文");

    // The nationality question is broken down by language only.
    const QuestionReport& nationality = question(report, "nationality");
    REQUIRE(nationality.breakdowns.size() == 1);
    CHECK(nationality.breakdowns[0].by == "language");
    CHECK(shown(nationality.overall.answered, 12));
}

TEST_CASE("a denominator holds only those asked (skip logic) and answering") {
    RecordMaker maker;
    maker.repeat(2, "id", {{"has_loan", "yes"}, {"loan_from_agency", "yes"}})
        .add("id", {{"has_loan", "yes"}})  // asked about the agency, preferred not to say
        .repeat(5, "id", {{"has_loan", "no"}})
        .repeat(2, "id", json::object())  // has_loan: prefer not to say
        // Not asked (has_loan is "no"), so an answer here cannot count.
        .add("id", {{"has_loan", "no"}, {"loan_from_agency", "no"}});
    const Report report = build(maker, 0);
    const QuestionReport& has_loan = question(report, "has_loan");
    CHECK(shown(has_loan.overall.answered, 9));
    CHECK(shown(code(has_loan, has_loan.overall, "yes"), 3));
    const QuestionReport& from_agency = question(report, "loan_from_agency");
    CHECK(shown(from_agency.overall.answered, 2));
    CHECK(shown(code(from_agency, from_agency.overall, "yes"), 2));
    CHECK(shown(code(from_agency, from_agency.overall, "no"), 0));
}

TEST_CASE("result levels give the Task Force style headline") {
    RecordMaker maker;
    maker.repeat(63, "id", json::object(), "forced_labour_signs", {"debt_bondage", "retention_of_identity_documents"})
        .repeat(400, "fil", json::object(), "rights_concerns", {"deception"})
        .repeat(30, "id", json::object(), "few_answers")
        .repeat(574, "en", json::object(), "no_concerns");
    const Report report = build(maker, 5);
    CHECK(report.headline == "63 of 1,067 showed signs of forced labour");
    REQUIRE(report.levels.size() == 4);  // scoring.yaml's order
    CHECK(report.levels[0].id == "forced_labour_signs");
    CHECK(shown(report.levels[0].count, 63));
    CHECK(shown(report.levels[1].count, 400));
    CHECK(report.levels[2].id == "few_answers");
    CHECK(shown(report.levels[2].count, 30));
    CHECK(shown(report.levels[3].count, 574));
    CHECK(collector::with_thousands(1234567) == "1,234,567");
}

TEST_CASE("indicators are counted in every dimension form.yaml raises them in") {
    RecordMaker maker;
    maker.repeat(6, "id", json::object(), "forced_labour_signs", {"debt_bondage", "retention_of_identity_documents"})
        .repeat(7, "id", json::object(), "rights_concerns", {"deception"})
        .repeat(2, "id", json::object(), "rights_concerns", {"isolation"});
    const Report report = build(maker, 5);
    auto indicator = [&](const std::string& dimension, const std::string& id) -> Count {
        for (const auto& d : report.dimensions) {
            if (d.id != dimension) continue;
            for (const auto& i : d.indicators) {
                if (i.id == id) return i.count;
            }
        }
        FAIL("no " << id << " in " << dimension);
        throw 0;
    };
    REQUIRE(report.dimensions.size() == 3);
    CHECK(report.dimensions[0].id == "unfree_recruitment");
    CHECK(shown(indicator("unfree_recruitment", "debt_bondage"), 6));
    CHECK(shown(indicator("unfree_recruitment", "retention_of_identity_documents"), 6));
    CHECK(shown(indicator("impossibility_of_leaving", "retention_of_identity_documents"), 6));
    CHECK(shown(indicator("unfree_recruitment", "deception"), 7));
    // 2 of 15 is below k.
    CHECK(indicator("work_and_life_under_duress", "isolation").suppressed);
    CHECK(shown(report.respondents, 15));
}

TEST_CASE("small cells are suppressed, with complementary cells so none comes back by subtraction") {
    // fear_consequences, k = 5. Indonesia: 10 yes, 2 no, 2 not sure. Philippines: 2, 3, 1.
    // Overall: 12 yes, 5 no, 3 not sure, 20 answered.
    RecordMaker maker;
    maker.repeat(10, "id", {{"nationality", "indonesia"}, {"fear_consequences", "yes"}})
        .repeat(2, "id", {{"nationality", "indonesia"}, {"fear_consequences", "no"}})
        .repeat(2, "id", {{"nationality", "indonesia"}, {"fear_consequences", "not_sure"}})
        .repeat(2, "id", {{"nationality", "philippines"}, {"fear_consequences", "yes"}})
        .repeat(3, "id", {{"nationality", "philippines"}, {"fear_consequences", "no"}})
        .repeat(1, "id", {{"nationality", "philippines"}, {"fear_consequences", "not_sure"}});
    const Report report = build(maker, 5);
    const QuestionReport& fear = question(report, "fear_consequences");

    // Every count from 1 to 4 is suppressed; what else is suppressed is the audit's choice
    // (suppression.h), checked for recoverability by the disclosure test.
    CHECK(code(fear, fear.overall, "not_sure").suppressed);
    const AnswerColumn& indonesia = group(fear, "nationality", "indonesia");
    CHECK(code(fear, indonesia, "no").suppressed);
    CHECK(code(fear, indonesia, "not_sure").suppressed);
    const AnswerColumn& philippines = group(fear, "nationality", "philippines");
    for (const Count& count : philippines.by_code) CHECK(count.suppressed);
    CHECK_FALSE(collector::share(code(fear, indonesia, "no"), indonesia.answered));
}

TEST_CASE("no line of any table has exactly one suppressed entry") {
    // Random answers over every question; whatever is suppressed, subtraction gives nothing back.
    RecordMaker maker;
    const char* nationalities[] = {"indonesia", "philippines", "other", nullptr};
    const char* languages[] = {"id", "fil", "en", "zh_Hant_HK"};
    const char* yes_no[] = {"yes", "no", "not_sure", nullptr};
    unsigned seed = 12345;
    auto next = [&](unsigned n) {
        seed = seed * 1103515245u + 12345u;
        return (seed >> 16) % n;
    };
    for (int i = 0; i < 300; ++i) {
        json answers = json::object();
        if (const char* n = nationalities[next(4)]) answers["nationality"] = n;
        for (const char* q : {"fear_consequences", "locked_in", "has_loan", "threatened"}) {
            if (const char* a = yes_no[next(next(2) == 0 ? 4 : 3)]) answers[q] = a;
        }
        maker.add(languages[next(4)], answers);
    }
    const Report report = build(maker, 5);
    auto hidden = [](const Count& count) { return count.suppressed ? 1 : 0; };
    for (const QuestionReport& q : report.questions) {
        std::vector<const AnswerColumn*> columns = {&q.overall};
        for (const auto& b : q.breakdowns) {
            for (const auto& c : b.columns) columns.push_back(&c);
        }
        for (const AnswerColumn* column : columns) {
            int count = hidden(column->answered);
            for (const Count& cell : column->by_code) count += hidden(cell);
            INFO(q.id << " column " << column->group);
            CHECK(count != 1);
        }
        for (const auto& b : q.breakdowns) {
            for (std::size_t c = 0; c <= q.codes.size(); ++c) {
                auto pick = [&](const AnswerColumn& column) {
                    return c == q.codes.size() ? column.answered : column.by_code[c];
                };
                int count = hidden(pick(q.overall));
                for (const auto& column : b.columns) count += hidden(pick(column));
                INFO(q.id << " by " << b.by << " row " << c);
                CHECK(count != 1);
            }
        }
    }
}

TEST_CASE("fewer respondents than k suppress everything, the total included") {
    RecordMaker maker;
    maker.repeat(4, "id", {{"fear_consequences", "yes"}}, "forced_labour_signs", {"debt_bondage"});
    const Report report = build(maker, 5);
    CHECK(report.respondents.suppressed);
    CHECK(report.headline == "Fewer than 5 respondents in this range: every figure is suppressed");
    for (const auto& level : report.levels) CHECK(level.count.suppressed);
    CHECK(question(report, "fear_consequences").overall.answered.suppressed);
}

TEST_CASE("the suppression table suppresses complements in rows and columns") {
    collector::SuppressionTable table;
    const std::size_t a = table.add_cell(10), b = table.add_cell(3), c = table.add_cell(20), total = table.add_cell(33);
    table.add_line({a, b, c}, total, false);
    table.apply(5);
    CHECK(table.suppressed(b));
    CHECK(table.suppressed(a));  // the smallest other cell
    CHECK_FALSE(table.suppressed(c));
    CHECK_FALSE(table.suppressed(total));

    collector::SuppressionTable whole;
    const std::size_t x = whole.add_cell(2), y = whole.add_cell(1), n = whole.add_cell(3);
    whole.add_line({x, y}, n, true);
    whole.apply(2);
    CHECK(whole.suppressed(y));
    CHECK(whole.suppressed(x));        // 3 - 1 would give it back
    CHECK_FALSE(whole.suppressed(n));  // n = 3 is shown: two hidden cells keep each other safe
}
