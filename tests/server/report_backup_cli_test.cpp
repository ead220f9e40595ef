// `collector report` and `collector backup` against the built binary: the protected tables
// without a browser, in each format with the same figures; a copy of a store that `serve` is
// writing to, usable as a store, never over an existing file.

#include "tests/server/live_collector.h"
#include "tests/server/sealed_batches.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <thread>

using namespace live;
using nlohmann::json;

namespace {

// 40 respondents: 20 "id" with a loan, 15 "id" without; 3 "en" with a loan, 2 without (small
// counts in a group of 5). Those without answer two questions only: too few answers to say
// more (the few_answers level), which is what the collector's scoring makes of them.
std::vector<json> forty_records() {
    std::vector<json> records;
    for (int i = 0; i < 40; ++i) {
        json record = sample_record_json(record_id_for(i + 1));
        const bool loan = i < 20 || (i >= 35 && i < 38);
        if (!loan) {
            record["answers"] = {{"has_loan", "no"}, {"monthly_salary", 6000}};
            record["indicators"] = json::array();
            record["result_level"] = "few_answers";
        }
        if (i >= 35) record["language"] = "en";
        records.push_back(std::move(record));
    }
    return records;
}

void store_records(const Serving& serving, const Setup& setup, const std::vector<json>& records) {
    const std::string answer = http_exchange(
        serving.port(), post("/api/v1/batches", "application/json", batch_of(records, setup.public_key).dump(),
                             "Authorization: Bearer " + setup.token + "\r\n"));
    INFO(answer);
    REQUIRE(status_of(answer) == 200);
    const json results = json::parse(body_of(answer)).at("results");  // kept: the loop reads into it
    REQUIRE(results.size() == records.size());
    for (const json& result : results) REQUIRE(result.at("status") == "stored");
}

selfcheck::testing::RunResult report(const std::string& db, const std::string& format, const std::string& extra = "") {
    return run(shell_quote(collector_binary()) + " report --db " + shell_quote(db) +
               " --from 2026-11-01 --to 2026-11-30 --format " + format + extra);
}

const json& column_in(const json& columns, const std::string& group) {
    for (const json& column : columns) {
        if (column.at("group") == group) return column;
    }
    FAIL("no column " << group);
    return columns;
}

const json& question_in(const json& report, const std::string& id) {
    for (const json& question : report.at("questions")) {
        if (question.at("id") == id) return question;
    }
    FAIL("no question " << id);
    return report;
}

}  // namespace

TEST_CASE("collector report prints the protected tables as a table, CSV or JSON, with the same figures") {
    Setup setup;
    {
        Serving serving(setup);
        store_records(serving, setup, forty_records());
    }

    const auto as_json = report(setup.db, "json");
    INFO(as_json.output);
    REQUIRE(as_json.status == 0);
    const json tables = json::parse(as_json.output);
    CHECK(tables.at("respondents") == 40);
    CHECK(tables.at("k") == 5);
    const json& loan = question_in(tables, "has_loan");
    CHECK(loan.at("overall").at("answered") == 40);
    CHECK(loan.at("overall").at("declined") == 0);
    CHECK(loan.at("overall").at("answers").at("yes").at("count") == 23);
    CHECK(loan.at("overall").at("answers").at("yes").at("percent") == "57.5");
    // Five English speakers, 3 with a loan and 2 without: both small, so not shown, and
    // neither are the "id" counts, which with the overall figures would give them away.
    const json& english = column_in(loan.at("by").at("language"), "en");
    CHECK(english.at("answered") == 5);
    CHECK(english.at("answers").at("yes").at("count") == "suppressed");
    CHECK(english.at("answers").at("no").at("count") == "suppressed");
    CHECK(english.at("answers").at("not_sure").at("count") == 0);
    CHECK(column_in(loan.at("by").at("language"), "id").at("answers").at("yes").at("count") == "suppressed");

    const auto as_csv = report(setup.db, "csv");
    REQUIRE(as_csv.status == 0);
    CHECK(as_csv.output.rfind("\xEF\xBB\xBFtable,item_id,", 0) == 0);
    CHECK_THAT(as_csv.output, Catch::Contains("report,hk-mdw-self-assessment,,,,,respondents,,40,,\r\n"));
    CHECK_THAT(as_csv.output, Catch::Contains(",all,all,All,yes,Yes,23,40,57.5\r\n"));
    CHECK_THAT(as_csv.output, Catch::Contains(",language,en,English,yes,Yes,suppressed,5,suppressed\r\n"));
    CHECK_THAT(as_csv.output, Catch::Contains(",all,all,All,declined,Chose not to answer,0,,\r\n"));

    const auto as_table = report(setup.db, "table");
    REQUIRE(as_table.status == 0);
    CHECK_THAT(as_table.output, Catch::Contains("[has_loan]"));
    CHECK_THAT(as_table.output, Catch::Contains("23 (57.5%)"));
    CHECK_THAT(as_table.output, Catch::Contains("suppressed"));
    CHECK_THAT(as_table.output, Catch::Contains("Chose not to answer"));

    // One site: the other's records are not counted.
    const auto other_site = report(setup.db, "json", " --site elsewhere");
    REQUIRE(other_site.status == 0);
    CHECK(json::parse(other_site.output).at("respondents") == 0);
}

TEST_CASE("collector report names a bad parameter (exit 2) and a database it cannot open (exit 1)") {
    Setup setup;
    const auto bad_date = run(shell_quote(collector_binary()) + " report --db " + shell_quote(setup.db) +
                              " --from 2026-02-30 --to 2026-03-01");
    CHECK(bad_date.status == 2);
    CHECK_THAT(bad_date.output, Catch::Contains("from"));
    const auto bad_format = report(setup.db, "xml");
    CHECK(bad_format.status == 2);
    CHECK_THAT(bad_format.output, Catch::Contains("--format"));
    const std::string missing = setup.db + ".missing";
    const auto no_db = report(missing, "table");
    CHECK(no_db.status == 1);
    CHECK_THAT(no_db.output, Catch::Contains(missing));
}

TEST_CASE("collector backup copies a store serve is writing to, and never overwrites a file") {
    Setup setup;
    Serving serving(setup);
    store_records(serving, setup, forty_records());

    // Uploads go on while the copy is taken.
    std::atomic<bool> done{false};
    std::atomic<int> uploaded{0};
    std::thread uploads([&] {
        for (int n = 100; !done; n += 10) {
            std::vector<json> batch;
            for (int i = 0; i < 10; ++i) batch.push_back(sample_record_json(record_id_for(n + i)));
            store_records(serving, setup, batch);
            uploaded += 10;
        }
    });
    while (uploaded < 50) std::this_thread::sleep_for(10ms);
    const std::string copy = setup.db + ".backup";
    const auto backup =
        run(shell_quote(collector_binary()) + " backup --db " + shell_quote(setup.db) + " --to " + shell_quote(copy));
    done = true;
    uploads.join();
    INFO(backup.output);
    REQUIRE(backup.status == 0);
    CHECK_THAT(backup.output, Catch::Contains(copy));

    // A consistent store: some whole number of batches, no more than were stored.
    const auto counted = run(shell_quote(collector_binary()) + " count --db " + shell_quote(copy));
    REQUIRE(counted.status == 0);
    const int in_copy = std::stoi(counted.output);
    CHECK(in_copy >= 40 + 50);
    CHECK(in_copy <= 40 + uploaded);
    CHECK((in_copy - 40) % 10 == 0);
    CHECK(report(copy, "json").status == 0);

    // Never over an existing file: it stays as it was.
    const auto again =
        run(shell_quote(collector_binary()) + " backup --db " + shell_quote(setup.db) + " --to " + shell_quote(copy));
    CHECK(again.status == 1);
    CHECK_THAT(again.output, Catch::Contains("already exists"));
    CHECK(std::stoi(run(shell_quote(collector_binary()) + " count --db " + shell_quote(copy)).output) == in_copy);

    const auto postgres = run(shell_quote(collector_binary()) + " backup --db postgresql://nobody@127.0.0.1/x --to " +
                              shell_quote(setup.db + ".pg"));
    CHECK(postgres.status == 2);
    CHECK_THAT(postgres.output, Catch::Contains("pg_dump"));
}
