// Report time over many records, on SQLite and PostgreSQL: a whole-year report from the
// tallies the store keeps as records arrive (report_tally.h: whole months from tally_months,
// ragged ends from tally_days), and the same report by counting the records (records_in_range,
// then counting and suppression), each with CSV; medians of several runs. Also the time to
// store the records with their tallies, and a rebuild of the tallies from the records (what
// `collector serve` does once on a database from before tallies).
//   build/bench/report_bench [RECORDS=100000] [RUNS=5] [sqlite|postgresql]  (default both)
#include "protocol/content/content.h"
#include "server/reports/record_tallier.h"
#include "server/reports/report_builder.h"
#include "server/reports/report_csv.h"
#include "server/reports/report_source.h"
#include "server/store/open_store.h"
#include "tests/server/postgres_cluster.h"
#include "tests/server/shipped_catalog.h"
#include "tests/support/temp_dir.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <memory>
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
        char day[32];  // room for any unsigned: -Wformat-truncation under the sanitizer build
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

// The median of `runs` timings of `body`, in ms.
double median_ms(int runs, const std::function<void()>& body) {
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        const auto start = Clock::now();
        body();
        times.push_back(ms_since(start));
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

void run(const char* name, const std::string& db, const std::vector<collector::StoredRecord>& records,
         const std::shared_ptr<const selfcheck::Content>& content, int runs) {
    const auto store = collector::open_store(db, collector::StoreOpenMode::CreateIfMissing);
    collector::ensure_tallies(*store, content, std::cerr);  // an empty store: nothing to count
    const auto fill_at = Clock::now();
    for (std::size_t i = 0; i < records.size(); i += 100) {
        store->insert_batch({records.begin() + static_cast<std::ptrdiff_t>(i),
                             records.begin() + static_cast<std::ptrdiff_t>(std::min(i + 100, records.size()))});
    }
    const double fill = ms_since(fill_at);
    std::printf(
        "  %-10s stored %zu records with their tallies in %.1f s (%.0f records/s, batches of 100, one thread)\n", name,
        records.size(), fill / 1000, static_cast<double>(records.size()) / (fill / 1000));
    const collector::ReportLabels labels(shipped_messages());
    const std::string fingerprint = collector::tally_fingerprint(*content);
    for (const auto& [what, filter] : std::vector<std::pair<const char*, collector::RecordFilter>>{
             {"whole year, all sites   ", {"2026-01-01", "2026-12-31", ""}},
             {"ragged range, all sites ", {"2026-01-15", "2026-11-14", ""}},
             {"one month, one site     ", {"2026-11-01", "2026-11-30", "site-1"}}}) {
        const collector::ReportRequest request{filter, 5};
        std::string tallied_csv, recounted_csv;
        const double tallied = median_ms(runs, [&] {
            const auto tallies = store->tallies_in_range(filter, fingerprint);
            if (!tallies) throw std::runtime_error("the tallies are not current");
            tallied_csv = collector::report_to_csv(build_report_from_tallies(*content, labels, *tallies, request));
        });
        // The recount takes minutes at a million records: its median over fewer runs.
        const double recounted = median_ms(std::max(1, runs / 2), [&] {
            recounted_csv =
                collector::report_to_csv(build_report(*content, labels, store->records_in_range(filter), request));
        });
        std::printf("  %-10s %s tallies %8.1f ms   recount %9.1f ms   same CSV: %s\n", name, what, tallied, recounted,
                    tallied_csv == recounted_csv ? "yes" : "NO");
    }
    const auto rebuild_at = Clock::now();
    const std::int64_t counted = store->rebuild_tallies();
    std::printf("  %-10s rebuilding the tallies from %lld records: %.1f s\n", name, static_cast<long long>(counted),
                ms_since(rebuild_at) / 1000);
}

}  // namespace

int main(int argc, char** argv) {
    const int count = argc > 1 ? std::atoi(argv[1]) : 100000;
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
    if (count < 1 || runs < 1) {
        std::fprintf(stderr, "usage: report_bench [RECORDS] [RUNS]\n");
        return 2;
    }
    const auto content =
        std::make_shared<const selfcheck::Content>(selfcheck::load_content(SELFCHECK_SOURCE_DIR "/content"));
    const std::vector<collector::StoredRecord> records = make_records(count, *content);
    std::printf(
        "report over %d records (form %s v%d, every choice question answered 90%% of the time), "
        "medians of %d runs\n",
        count, content->form.id.c_str(), content->form.version, runs);
    const std::string only = argc > 3 ? argv[3] : "";
    selfcheck::testing::TempDir dir;
    if (only.empty() || only == "sqlite") run("sqlite", (dir.path() / "records.db").string(), records, content, runs);
    if (only.empty() || only == "postgresql") {
        selfcheck::testing::PostgresCluster postgres;
        run("postgresql", postgres.create_database(), records, content, runs);
    }
    return 0;
}
