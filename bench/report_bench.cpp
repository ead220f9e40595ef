// Report time over many records: store query (records_in_range over an indexed date
// range), then counting and suppression, then CSV, on SQLite and PostgreSQL.
//   build/bench/report_bench [RECORDS=100000]
#include "protocol/content/content.h"
#include "server/reports/report_builder.h"
#include "server/reports/report_csv.h"
#include "server/store/open_store.h"
#include "tests/server/postgres_cluster.h"
#include "tests/server/shipped_catalog.h"
#include "tests/support/temp_dir.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace selfcheck;

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Varied records over a year (Jan-Dec 2026) at four sites; answers to every choice question.
std::vector<collector::StoredRecord> make_records(int count, const selfcheck::Content& content) {
    std::mt19937 rng(2018);
    const char* languages[] = {"id", "fil", "en", "zh_Hant_HK"};
    const char* levels[] = {"forced_labour_signs", "rights_concerns", "no_concerns"};
    std::vector<collector::StoredRecord> records;
    records.reserve(static_cast<std::size_t>(count));
    for (int n = 0; n < count; ++n) {
        collector::StoredRecord stored;
        Record& record = stored.record;
        char id[33];
        std::snprintf(id, sizeof id, "%032x", n + 1);
        record.record_id = id;
        record.form_id = content.form.id;
        record.form_version = content.form.version;
        record.language = languages[rng() % 4];
        record.site = "site-" + std::to_string(rng() % 4);
        char day[11];
        std::snprintf(day, sizeof day, "2026-%02u-%02u", 1 + static_cast<unsigned>(rng() % 12),
                      1 + static_cast<unsigned>(rng() % 28));
        record.completed_on = day;
        selfcheck::Answers answers;
        for (const selfcheck::Question& question : content.form.questions) {
            if (question.type != selfcheck::QuestionType::Choice || rng() % 10 == 0) continue;
            answers[question.id] = question.options[rng() % (question.options.size() - 1)].code;
        }
        record.answers = std::move(answers);
        record.result_level = levels[rng() % 3];
        if (record.result_level != "no_concerns") record.indicators = {"debt_bondage", "deception"};
        stored.received_at = "2026-12-31T00:00:00Z";
        records.push_back(std::move(stored));
    }
    return records;
}

void run(const char* name, const std::string& db, const std::vector<collector::StoredRecord>& records,
         const selfcheck::Content& content) {
    const auto store = collector::open_store(db, collector::StoreOpenMode::CreateIfMissing);
    for (std::size_t i = 0; i < records.size(); i += 100) {
        store->insert_batch({records.begin() + static_cast<std::ptrdiff_t>(i),
                             records.begin() + static_cast<std::ptrdiff_t>(std::min(i + 100, records.size()))});
    }
    const collector::ReportLabels labels(shipped_messages());
    for (const auto& [what, filter] : std::vector<std::pair<const char*, collector::RecordFilter>>{
             {"whole year, all sites", {"2026-01-01", "2026-12-31", ""}},
             {"one month, one site  ", {"2026-11-01", "2026-11-30", "site-1"}}}) {
        const auto start = Clock::now();
        const std::vector<Record> rows = store->records_in_range(filter);
        const double query = ms_since(start);
        const auto built_at = Clock::now();
        const collector::Report report =
            collector::build_report(content, labels, rows, collector::ReportRequest{filter, 5});
        const double build = ms_since(built_at);
        const auto csv_at = Clock::now();
        const std::string csv = collector::report_to_csv(report);
        const double csv_ms = ms_since(csv_at);
        std::printf("  %-10s %s: %6zu records  query %7.0f ms  report %7.0f ms  csv %4.0f ms  total %7.0f ms\n", name,
                    what, rows.size(), query, build, csv_ms, query + build + csv_ms);
    }
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    if (count < 1) {
        std::fprintf(stderr, "usage: report_bench [RECORDS]\n");
        return 2;
    }
    const selfcheck::Content content = selfcheck::load_content(SELFCHECK_SOURCE_DIR "/content");
    const std::vector<collector::StoredRecord> records = make_records(count, content);
    std::printf("report over %d records (form %s v%d, every choice question answered 90%% of the time)\n", count,
                content.form.id.c_str(), content.form.version);
    selfcheck::testing::TempDir dir;
    run("sqlite", (dir.path() / "records.db").string(), records, content);
    selfcheck::testing::PostgresCluster postgres;
    run("postgresql", postgres.create_database(), records, content);
    return 0;
}
