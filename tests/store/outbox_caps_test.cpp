// Issue #15: the outbox's caps never drop a record because the clock moved, and a drop at a
// cap is never silent: it is counted, logged and kept for the staff panel and the check-in.
#include "kiosk/store/outbox.h"
#include "tests/store/outbox_test_support.h"
#include "tests/support/temp_dir.h"

#include <catch2/catch.hpp>

#include <iostream>
#include <sstream>

using namespace selfcheck;
using namespace selfcheck::testing;

namespace {

// Everything written to std::cerr while it lives.
class CapturedStderr {
public:
    CapturedStderr() : old_(std::cerr.rdbuf(text_.rdbuf())) {}
    ~CapturedStderr() { std::cerr.rdbuf(old_); }
    std::string text() const { return text_.str(); }

private:
    std::ostringstream text_;
    std::streambuf* old_;
};

}  // namespace

TEST_CASE("a clock stepped 200 days forward at start-up drops nothing") {
    TempDir dir;
    const auto file = dir.path() / "outbox.db";
    TestClock clock;
    *clock.day = "2026-01-01";  // the tablet's clock, 200 days behind
    {
        Outbox outbox(file, outbox_options({}, clock));
        for (int i = 1; i <= 5; ++i) outbox.add(id(i), "sealed");
    }
    *clock.day = "2026-07-20";  // next start, with the right time
    CapturedStderr log;
    Outbox outbox(file, outbox_options({}, clock));
    const OutboxCounts counts = outbox.counts();
    CHECK(counts.queued == 5);
    CHECK(counts.dropped_total == 0);
    CHECK_FALSE(counts.cap_near);
    CHECK(pending_ids(outbox).size() == 5);
    CHECK(log.text().empty());
}

TEST_CASE("a drop at the count cap is logged on stderr, naming the cap and how many") {
    TempDir dir;
    TestClock clock;
    Outbox outbox(dir.path() / "outbox.db", outbox_options({3, 180, 80}, clock));
    for (int i = 1; i <= 3; ++i) outbox.add(id(i), "sealed");
    CapturedStderr log;
    CHECK(outbox.add(id(4), "sealed") == 1);
    CHECK(outbox.counts().dropped_total == 1);
    CHECK_THAT(log.text(), Catch::Contains("dropped 1") && Catch::Contains("3 records"));
}
