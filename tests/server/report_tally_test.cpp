// Reports from the tallies a store keeps as records arrive are the reports that count the
// records (report_tally.h, record_tallier.h): random records full of zero and small cells,
// resent duplicates, several months and partial months, on every back end; and a store whose
// tallies are stale (records stored without a tallier, as before tallies existed) is recounted
// until a rebuild, after which the figures are the same. Compiled twice: SQLite
// (collector_report_tally_sqlite_test) and PostgreSQL (collector_report_tally_pg_test, pg).

#include "server/reports/record_tallier.h"
#include "server/reports/report_source.h"
#include "tests/server/report_fixtures.h"
#include "tests/server/store_backend.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace selfcheck;
using collector::RecordFilter;
using collector::Report;
using collector::ReportRequest;
using collector::StoredRecord;

namespace {

// Every figure of a report, suppressed ones included, with its suppression, as one text.
std::string figures(const Report& report) {
    std::ostringstream out;
    const auto count = [&](const char* what, const std::string& id, const collector::Count& c) {
        out << what << ' ' << id << ' ' << c.value << (c.suppressed ? " S" : "") << '\n';
    };
    count("respondents", "", report.respondents);
    out << "other forms " << report.other_form_records << "\nheadline " << report.headline << '\n';
    for (const auto& level : report.levels) count("level", level.id, level.count);
    for (const auto& dimension : report.dimensions)
        for (const auto& indicator : dimension.indicators) count("indicator", indicator.id, indicator.count);
    for (const auto& question : report.questions) {
        std::vector<const collector::AnswerColumn*> columns = {&question.overall};
        for (const auto& breakdown : question.breakdowns)
            for (const auto& column : breakdown.columns) columns.push_back(&column);
        for (const collector::AnswerColumn* column : columns) {
            const std::string where = question.id + "/" + column->group + "/" + column->group_label;
            count("answered", where, column->answered);
            count("declined", where, column->declined);
            for (std::size_t c = 0; c < column->by_code.size(); ++c)
                count("code", where + "/" + question.codes[c], column->by_code[c]);
        }
    }
    return out.str();
}

// Records a report reads, at random: few respondents per group, many zero cells, codes a
// form does not list, a language and a level no form names, other forms, several sites.
class RandomRecords {
public:
    explicit RandomRecords(unsigned seed) : random_(seed) {}

    StoredRecord next(const std::string& completed_on) {
        const Content& content = report_content();
        StoredRecord stored;
        Record& record = stored.record;
        char id[33];
        std::snprintf(id, sizeof id, "%032x", ++made_);
        record.record_id = id;
        record.form_id = pick(10) == 0 ? "another-form" : content.form.id;
        record.form_version = content.form.version;
        const std::vector<std::string> languages = {"en", "id", "fil", "zh_Hant_HK", "xx_unlisted"};
        record.language = languages[pick(pick(8) == 0 ? 5 : 3)];
        record.site = "site-" + std::to_string(pick(3));
        record.completed_on = completed_on;
        for (const Question& question : content.form.questions) {
            if (question.type != QuestionType::Choice) continue;
            const unsigned roll = pick(10);
            if (roll == 0) continue;  // skipped
            if (roll == 1 && question.id == kNationality) {
                record.answers[question.id] = std::string("not_a_listed_code");
                continue;
            }
            // Mostly the first two codes, so other cells are zero or small.
            const std::size_t options = question.options.size();
            const std::size_t at = pick(4) == 0 ? pick(static_cast<unsigned>(options)) : pick(2);
            record.answers[question.id] = question.options[at].code;
        }
        const std::vector<std::string> levels = {"no_concerns", "rights_concerns", "forced_labour_signs",
                                                 "an_unlisted_level"};
        record.result_level = levels[pick(pick(6) == 0 ? 4 : 3)];
        for (const Indicator& indicator : content.indicators) {
            if (pick(5) == 0) record.indicators.push_back(indicator.id);
        }
        if (!record.indicators.empty() && pick(10) == 0) record.indicators.push_back(record.indicators.front());
        stored.received_at = "2026-06-01T00:00:00Z";
        return stored;
    }

    unsigned pick(unsigned n) { return static_cast<unsigned>(random_() % n); }

private:
    static constexpr const char* kNationality = "nationality";
    std::mt19937 random_;
    unsigned made_ = 0;
};

// Days from 2025-12-20 to 2026-04-10, and some of February 2028 (a leap year).
std::vector<std::string> days() {
    std::vector<std::string> out;
    for (int month = 0; month < 5; ++month) {
        const int year = month == 0 ? 2025 : 2026, m = month == 0 ? 12 : month;
        const int length = m == 2 ? 28 : (m == 4 ? 30 : 31);
        for (int d = 1; d <= length; ++d) {
            char day[32];
            std::snprintf(day, sizeof day, "%04d-%02d-%02d", year, m, d);
            const std::string text = day;
            if (text >= "2025-12-20" && text <= "2026-04-10") out.push_back(text);
        }
    }
    for (int d = 20; d <= 29; ++d) out.push_back("2028-02-" + std::to_string(d));
    return out;
}

// Stores `count` random records in batches of up to 40, resending some already stored
// (some changed, as a kiosk's resend never is, to show the store keeps the first).
void store_random(collector::RecordStore& store, RandomRecords& random, int count, std::vector<StoredRecord>& sent) {
    const std::vector<std::string> on = days();
    while (count > 0) {
        std::vector<StoredRecord> batch;
        const int size = 1 + static_cast<int>(random.pick(40));
        for (int i = 0; i < size && count > 0; ++i, --count) {
            batch.push_back(random.next(on[random.pick(static_cast<unsigned>(on.size()))]));
            if (random.pick(8) == 0) batch.push_back(batch.back());  // a repeat inside the batch
        }
        for (int i = 0; i < 3 && !sent.empty(); ++i) {
            StoredRecord resent = sent[random.pick(static_cast<unsigned>(sent.size()))];
            if (random.pick(2) == 0) resent.record.language = "id";
            batch.push_back(resent);
        }
        store.insert_batch(batch);
        sent.insert(sent.end(), batch.begin(), batch.end());
    }
}

const std::vector<RecordFilter>& ranges() {
    static const std::vector<RecordFilter> filters = {
        {"2025-01-01", "2028-12-31", ""},        // everything: whole months only
        {"2026-01-01", "2026-12-31", ""},        // a whole year
        {"2026-01-01", "2026-01-31", ""},        // one whole month
        {"2025-12-25", "2026-03-07", ""},        // ragged both ends
        {"2026-02-03", "2026-02-17", ""},        // inside one month: days only
        {"2026-02-01", "2026-03-30", "site-1"},  // whole February, ragged March, one site
        {"2026-01-31", "2026-02-01", ""},        // two days across a month end
        {"2026-03-15", "2026-03-15", "site-2"},  // one day, one site
        {"2028-02-01", "2028-02-29", ""},        // a leap February, whole
        {"2028-02-01", "2028-02-28", ""},        // the same but one day short
        {"2027-01-01", "2027-12-31", ""},        // no records
    };
    return filters;
}

// For every range (k = 3 and 5 in turn): the tallied report, which must be available, is the
// recount.
void check_tallies_match(const collector::RecordStore& store) {
    const Content& content = report_content();
    for (std::size_t i = 0; i < ranges().size(); ++i) {
        const RecordFilter& filter = ranges()[i];
        const ReportRequest request{filter, i % 2 ? 3 : 5};
        INFO(TestDatabase::backend_name()
             << " " << filter.from << ".." << filter.to << " site '" << filter.site << "' k=" << request.k);
        const auto tallies = store.tallies_in_range(filter, collector::tally_fingerprint(content));
        REQUIRE(tallies.has_value());
        const Report recounted =
            collector::build_report(content, report_labels(), store.records_in_range(filter), request);
        CHECK(figures(collector::build_report_from_tallies(content, report_labels(), *tallies, request)) ==
              figures(recounted));
    }
}

std::shared_ptr<const Content> shared_content() { return std::make_shared<const Content>(report_content()); }

}  // namespace

TEST_CASE("reports from the tallies are the reports that count the records, duplicates resent") {
    TestDatabase database;
    const auto store = database.open();
    CHECK(collector::ensure_tallies(*store, shared_content(), std::cerr));  // an empty store: nothing to count
    CHECK(store->tally_fingerprint() == collector::tally_fingerprint(report_content()));
    RandomRecords random(14);
    std::vector<StoredRecord> sent;
    store_random(*store, random, 3000, sent);
    const Report year = collector::build_report(report_content(), report_labels(), store->records_in_range(ranges()[0]),
                                                ReportRequest{ranges()[0], 5});
    CHECK(year.respondents.value > 2000);
    CHECK(year.other_form_records > 100);
    check_tallies_match(*store);
    // What the dashboard and `collector report` call.
    CHECK(figures(collector::report_from_store(*store, report_content(), report_labels(), {ranges()[0], 5})) ==
          figures(year));

    // A second store on the same database with the same form keeps adding to the same tallies.
    const auto other = database.open();
    CHECK_FALSE(collector::ensure_tallies(*other, shared_content(), std::cerr));
    store_random(*other, random, 300, sent);
    check_tallies_match(*store);
}

TEST_CASE("stale tallies are recounted until a rebuild, which gives the same figures") {
    TestDatabase database;
    RandomRecords random(2026);
    std::vector<StoredRecord> sent;
    const Content& content = report_content();
    const RecordFilter filter = ranges()[3];
    {
        // As before tallies: a store that keeps none while records arrive.
        const auto untallied = database.open();
        store_random(*untallied, random, 1500, sent);
        CHECK(untallied->tally_fingerprint().empty());
        CHECK_FALSE(untallied->tallies_in_range(filter, collector::tally_fingerprint(content)).has_value());
        // The report is right anyway: it counts the records.
        CHECK(figures(collector::report_from_store(*untallied, content, report_labels(), {filter, 5})) ==
              figures(
                  collector::build_report(content, report_labels(), untallied->records_in_range(filter), {filter, 5})));
    }
    const auto store = database.open();
    CHECK(collector::ensure_tallies(*store, shared_content(), std::cerr));
    CHECK(store->rebuild_tallies() == store->count());  // a second rebuild counts the same again
    check_tallies_match(*store);
    store_random(*store, random, 500, sent);
    check_tallies_match(*store);

    // One record stored by a store without a tallier makes them stale again, for everyone.
    const auto untallied = database.open();
    untallied->insert(random.next("2026-02-10"));
    CHECK(store->tally_fingerprint().empty());
    CHECK_FALSE(store->tallies_in_range(filter, collector::tally_fingerprint(content)).has_value());
    // Rebuilt; a resent duplicate stores nothing, so leaves them current.
    CHECK(collector::ensure_tallies(*store, shared_content(), std::cerr));
    CHECK_FALSE(untallied->insert(sent.front()));
    CHECK(store->tally_fingerprint() == collector::tally_fingerprint(content));
    // A collector counting for another form version leaves them stale too.
    auto newer = std::make_shared<Content>(content);
    ++newer->form.version;
    const auto other = database.open();
    other->set_tallier(std::make_shared<const collector::ContentTallier>(std::move(newer)));
    other->insert(random.next("2026-02-11"));
    CHECK(store->tally_fingerprint().empty());
}
