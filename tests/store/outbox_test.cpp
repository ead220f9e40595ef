// The outbox: durable adds, oldest-first batches, acknowledgements, rejections, counts and
// the caps that never drop a record silently.
#include "kiosk/store/outbox.h"

#include "tests/store/outbox_test_support.h"
#include "tests/support/manual_clock.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

struct Fixture {
    TempDir dir;
    TestClock clock;
    ManualClock running;
    std::filesystem::path file = dir.path() / "outbox.db";
    OutboxOptions options(OutboxLimits limits = {}) const { return outbox_options(limits, clock, &running); }
};

}  // namespace

TEST_CASE("records come back oldest first and go once acknowledged") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    for (int i = 1; i <= 5; ++i) CHECK(outbox.add(id(i), "sealed-" + std::to_string(i)) == 0);
    const auto batch = outbox.next_batch(3);
    REQUIRE(batch.size() == 3);
    CHECK(batch[0].record_id == id(1));
    CHECK(batch[0].sealed == "sealed-1");
    CHECK(batch[2].record_id == id(3));
    CHECK(outbox.acknowledge({id(1), id(3), "ffffffffffffffffffffffffffffffff"}) == 2);
    CHECK(pending_ids(outbox) == std::vector<std::string>{id(2), id(4), id(5)});
    CHECK(outbox.counts().queued == 3);
}

TEST_CASE("sealed bytes are kept exactly including zero bytes") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    const std::string bytes("\x00\x01\xff\x00zz", 6);
    outbox.add(id(1), bytes);
    CHECK(outbox.next_batch(1).at(0).sealed == bytes);
}

TEST_CASE("a rejected record is kept and counted but never offered again") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    outbox.add(id(1), "a");
    outbox.add(id(2), "b");
    outbox.mark_rejected(id(1), "sealed to another key");
    CHECK(pending_ids(outbox) == std::vector<std::string>{id(2)});
    OutboxCounts c = outbox.counts();
    CHECK(c.queued == 1);
    CHECK(c.rejected == 1);
    CHECK_THROWS_WITH(outbox.mark_rejected(id(9), "x"), Catch::Contains("no such record"));
    RawDb raw(f.file.string());
    CHECK(raw.value("SELECT rejected_reason FROM outbox WHERE record_id = '" + id(1) + "'") == "sealed to another key");
}

TEST_CASE("the same record id is stored once") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    outbox.add(id(1), "a");
    CHECK_THROWS_AS(outbox.add(id(1), "b"), StorageError);
    CHECK(outbox.counts().queued == 1);
    CHECK(outbox.next_batch(5).at(0).sealed == "a");
}

TEST_CASE("records survive closing and reopening") {
    Fixture f;
    {
        Outbox outbox(f.file, f.options());
        outbox.add(id(1), "a");
        outbox.add(id(2), "b");
    }
    Outbox again(f.file, f.options());
    CHECK(pending_ids(again) == std::vector<std::string>{id(1), id(2)});
    CHECK(again.integrity_check() == "ok");
}

TEST_CASE("the file is in WAL mode with the schema version set") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    outbox.add(id(1), "a");
    RawDb raw(f.file.string());
    CHECK(raw.value("PRAGMA journal_mode") == "wal");
    CHECK(raw.value("PRAGMA user_version") == "2");
}

TEST_CASE("completions are counted per day and today's count is reported") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    outbox.add(id(1), "a");
    outbox.add(id(2), "b");
    CHECK(outbox.counts().completed_today == 2);
    *f.clock.day = "2026-11-23";
    CHECK(outbox.counts().completed_today == 0);
    outbox.add(id(3), "c");
    outbox.acknowledge({id(1), id(2), id(3)});  // sent records still count as completed today
    const OutboxCounts c = outbox.counts();
    CHECK(c.completed_today == 1);
    CHECK(c.queued == 0);
    CHECK(c.oldest_pending_date.empty());
}

TEST_CASE("the oldest pending date is reported") {
    Fixture f;
    Outbox outbox(f.file, f.options());
    *f.clock.day = "2026-11-20";
    outbox.add(id(1), "a");
    *f.clock.day = "2026-11-22";
    outbox.add(id(2), "b");
    CHECK(outbox.counts().oldest_pending_date == "2026-11-20");
    outbox.mark_rejected(id(1), "bad");
    CHECK(outbox.counts().oldest_pending_date == "2026-11-22");
}

TEST_CASE("near the count cap the counts warn and past it the oldest are dropped and counted") {
    Fixture f;
    const OutboxLimits limits{10, 180, 80};
    {
        Outbox outbox(f.file, f.options(limits));
        for (int i = 1; i <= 7; ++i) outbox.add(id(i), "x");
        CHECK(outbox.counts().warning == OutboxWarning::None);
        outbox.add(id(8), "x");
        CHECK(outbox.counts().cap_near);
        CHECK(outbox.counts().warning == OutboxWarning::CapNear);
        CHECK(outbox.add(id(9), "x") == 0);
        CHECK(outbox.add(id(10), "x") == 0);
        CHECK(outbox.add(id(11), "x") == 1);
        CHECK(outbox.add(id(12), "x") == 1);
        const OutboxCounts c = outbox.counts();
        CHECK(c.queued == 10);
        CHECK(c.dropped_total == 2);
        CHECK(c.warning == OutboxWarning::Dropped);
        CHECK(pending_ids(outbox).front() == id(3));
    }
    Outbox again(f.file, f.options(limits));  // the drop is remembered, not just logged
    again.acknowledge(pending_ids(again));
    CHECK(again.counts().dropped_total == 2);
    CHECK(again.counts().warning == OutboxWarning::Dropped);
}

TEST_CASE("near the age cap the counts warn and past it old records are dropped") {
    // Age is the time the outbox has been open, across runs; the calendar plays no part.
    Fixture f;
    const OutboxLimits limits{1000, 30, 80};
    using days = std::chrono::duration<long, std::ratio<86400>>;
    {
        Outbox outbox(f.file, f.options(limits));
        outbox.add(id(1), "old");
        f.running.advance(days(19));
        outbox.add(id(2), "newer");
        CHECK_FALSE(outbox.counts().cap_near);
        f.running.advance(days(5));  // the oldest has been waiting 24 days: 80% of 30
        CHECK(outbox.counts().cap_near);
    }
    f.running.advance(days(300));  // switched off: does not count
    Outbox outbox(f.file, f.options(limits));
    CHECK(pending_ids(outbox).size() == 2);
    f.running.advance(days(7));  // 31 days open since the first was queued: over the cap
    outbox.add(id(3), "fresh");
    CHECK(pending_ids(outbox) == std::vector<std::string>{id(2), id(3)});
    CHECK(outbox.counts().dropped_total == 1);
    CHECK(outbox.counts().warning == OutboxWarning::Dropped);
}

TEST_CASE("an outbox that cannot be opened says where and why") {
    TempDir dir;
    const auto missing = dir.path() / "no-such-dir" / "outbox.db";
    CHECK_THROWS_WITH(Outbox(missing), Catch::Contains(missing.string()) && Catch::Contains("opening the database"));
    const auto junk = dir.write("junk.db", std::string(8192, 'j'));
    try {
        Outbox outbox(junk);
        FAIL("a file that is not a database was opened");
    } catch (const StorageError& e) {
        CHECK_THAT(e.what(), Catch::Contains(junk.string()) && Catch::Contains("not a database"));
        CHECK_FALSE(e.disk_full());
    }
}

TEST_CASE("a database from a newer kiosk is refused rather than guessed at") {
    Fixture f;
    { Outbox outbox(f.file, f.options()); }
    RawDb(f.file.string()).exec("PRAGMA user_version = 99");
    CHECK_THROWS_WITH(Outbox(f.file, f.options()), Catch::Contains("schema version 99 is newer"));
}

TEST_CASE("the disk-full error is recognisable") {
    const StorageError full("/data/outbox.db", "adding record x", 13, "database or disk is full");
    CHECK(full.disk_full());
    CHECK_THAT(full.what(), Catch::Contains("/data/outbox.db") && Catch::Contains("adding record x") &&
                                Catch::Contains("the disk is full"));
}
