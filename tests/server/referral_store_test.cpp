// Call-back requests in the SQLite store (stored_referral.h): filed per organisation, closed
// or aged requests erased so that no byte of them stays in the database, its WAL or a backup
// taken afterwards, and every view written to the audit log.
#include "server/cli/referral_retention.h"
#include "server/reports/referral_counts.h"
#include "server/store/sqlite_record_store.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace selfcheck::collector;
using selfcheck::testing::TempDir;

namespace {

// What the erasure must leave nowhere. The collector only ever holds sealed bytes, so to
// show the erasure really scrubs, the "sealed" box here carries the number in plain bytes.
const std::string kDigits = "91234567";

StoredReferral referral(const std::string& id, const std::string& organisation, const std::string& received_on) {
    StoredReferral r;
    r.referral_id = id;
    r.organisation = organisation;
    r.sealed = "{\"phone\":\"+852" + kDigits + "\"}" + std::string(2000, 'x');
    r.received_on = received_on;
    return r;
}

std::string bytes_of(const std::filesystem::path& file) {
    if (!std::filesystem::exists(file)) return "";
    std::ifstream in(file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("referrals are filed once, per organisation", "[referral]") {
    TempDir dir;
    SqliteRecordStore store((dir.path() / "c.db").string());
    CHECK(store.insert_referrals({referral("a", "enrich", "2026-12-01"),
                                  referral("b", "bethune_house", "2026-12-01")}) == std::vector<bool>{true, true});
    CHECK(store.insert_referrals({referral("a", "enrich", "2026-12-02")}) == std::vector<bool>{false});
    CHECK(store.referral_count() == 2);
    const auto enrich = store.referrals_of("enrich");
    REQUIRE(enrich.size() == 1);
    CHECK(enrich[0].referral_id == "a");
    CHECK(enrich[0].state == "new");
    CHECK(store.referrals_of("other").empty());
    CHECK(store.count() == 0);  // no record came of them
}

TEST_CASE("a request moves new, contacted, closed, only within its organisation", "[referral]") {
    TempDir dir;
    SqliteRecordStore store((dir.path() / "c.db").string());
    store.insert_referrals({referral("a", "enrich", "2026-12-01")});
    CHECK_FALSE(store.set_referral_state("bethune_house", "a", kReferralClosed));  // not theirs
    CHECK(store.referrals_of("enrich")[0].state == "new");
    CHECK(store.set_referral_state("enrich", "a", kReferralContacted));
    CHECK(store.referrals_of("enrich")[0].sealed.size() == referral("a", "", "").sealed.size());
    CHECK(store.set_referral_state("enrich", "a", kReferralClosed));
    CHECK(store.referrals_of("enrich")[0].state == "closed");
    CHECK(store.referrals_of("enrich")[0].sealed.empty());
    CHECK_THROWS(store.set_referral_state("enrich", "a", "lost"));  // the schema knows three states
}

TEST_CASE("after closing, no digit sequence of the number is in the database, its WAL or a backup",
          "[referral][erasure]") {
    TempDir dir;
    const auto db = dir.path() / "c.db";
    SqliteRecordStore store(db.string());
    store.insert_referrals({referral("a", "enrich", "2026-12-01"), referral("b", "enrich", "2026-12-01")});
    REQUIRE(bytes_of(db.string() + "-wal").find(kDigits) != std::string::npos);  // the scan can see it
    store.set_referral_state("enrich", "a", kReferralClosed);
    store.set_referral_state("enrich", "b", kReferralClosed);
    store.backup_to((dir.path() / "backup.db").string());
    for (const std::string& file : {db.string(), db.string() + "-wal", (dir.path() / "backup.db").string()}) {
        INFO(file);
        const std::string bytes = bytes_of(file);
        for (std::size_t n = 4; n <= kDigits.size(); ++n)
            for (std::size_t at = 0; at + n <= kDigits.size(); ++at)
                CHECK(bytes.find(kDigits.substr(at, n)) == std::string::npos);
    }
}

TEST_CASE("the retention period erases what is older, and only that", "[referral][erasure]") {
    TempDir dir;
    const auto db = dir.path() / "c.db";
    SqliteRecordStore store(db.string());
    store.insert_referrals({referral("old", "enrich", "2026-10-01"), referral("new", "enrich", "2026-12-01")});
    CHECK(store.erase_referrals_received_before("2026-11-01") == 1);
    CHECK(store.erase_referrals_received_before("2026-11-01") == 0);
    for (const auto& r : store.referrals_of("enrich")) CHECK(r.sealed.empty() == (r.referral_id == "old"));
    CHECK(bytes_of(db.string() + "-wal").empty());
}

TEST_CASE("every view is a row in the audit log", "[referral]") {
    TempDir dir;
    SqliteRecordStore store((dir.path() / "c.db").string());
    store.insert_referrals({referral("a", "enrich", "2026-12-01")});
    for (int i = 0; i < 3; ++i)
        store.log_referral_view("maria", "a", "opened", "2026-12-02T10:00:0" + std::to_string(i) + "Z");
    CHECK(store.referral_view_count("a") == 3);
    CHECK(store.referral_view_count("b") == 0);
}

TEST_CASE("the retention cut-off is that many days before today", "[referral][erasure]") {
    CHECK(retention_cutoff("2026-12-02", 30) == "2026-11-02");
    CHECK(retention_cutoff("2026-03-01", 1) == "2026-02-28");
}

TEST_CASE("serve's retention sweep erases requests past the period at once", "[referral][erasure]") {
    TempDir dir;
    SqliteRecordStore store((dir.path() / "c.db").string());
    store.insert_referrals({referral("old", "enrich", "2020-01-01"), referral("today", "enrich", "2099-01-01")});
    { const ReferralRetention retention(store, 30); }
    for (const auto& r : store.referrals_of("enrich")) CHECK(r.sealed.empty() == (r.referral_id == "old"));
}

TEST_CASE("monthly counts per organisation hide small counts and what would give them away", "[referral][report]") {
    TempDir dir;
    SqliteRecordStore store((dir.path() / "c.db").string());
    std::vector<StoredReferral> many;
    for (int i = 0; i < 12; ++i)
        many.push_back(referral("e" + std::to_string(i), "enrich", "2026-11-0" + std::to_string(1 + i % 9)));
    for (int i = 0; i < 7; ++i) many.push_back(referral("d" + std::to_string(i), "enrich", "2026-12-01"));
    for (int i = 0; i < 2; ++i) many.push_back(referral("b" + std::to_string(i), "bethune_house", "2026-11-05"));
    for (int i = 0; i < 9; ++i) many.push_back(referral("c" + std::to_string(i), "bethune_house", "2026-12-05"));
    store.insert_referrals(many);
    const auto months = store.referral_months();
    REQUIRE(months.size() == 4);
    std::vector<ReferralCount> counts;
    for (const auto& [organisation, month, count] : months) counts.push_back({organisation, month, count, false});
    protect_referral_counts(counts, 5);
    // bethune_house 2026-11 is 2: hidden; with its month's and organisation's totals known, so
    // must one more cell in each of those lines be.
    for (const auto& c : counts) INFO(c.organisation << " " << c.month << " " << c.count << " " << c.suppressed);
    CHECK(counts[0].organisation == "bethune_house");
    CHECK(counts[0].month == "2026-11");
    CHECK(counts[0].suppressed);
    int hidden = 0;
    for (const auto& c : counts) hidden += c.suppressed;
    CHECK(hidden >= 2);
    CHECK(referral_counts_text(counts, 5).find("bethune_house\t2026-11\t<5\n") != std::string::npos);
    CHECK(referral_counts_text(counts, 5).find("\t2\n") == std::string::npos);
}
