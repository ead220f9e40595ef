// The batch size follows what gets through: halved on a timeout or cut down to one record,
// grown back by a quarter after a quick success, never past the most or past a 413.
#include "kiosk/sync/batch_sizer.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace std::chrono_literals;

TEST_CASE("a batch that timed out halves the size, down to one record") {
    BatchSizer sizer(50, 30s);
    CHECK(sizer.size() == 50);
    sizer.timed_out();
    CHECK(sizer.size() == 25);
    for (int i = 0; i < 10; ++i) sizer.timed_out();
    CHECK(sizer.size() == 1);
}

TEST_CASE("quick successes grow the size back to the most, slow ones hold it") {
    BatchSizer sizer(50, 30s);
    for (int i = 0; i < 6; ++i) sizer.timed_out();
    REQUIRE(sizer.size() == 1);
    sizer.got_through(45s);  // near what the link carries in one request: no bigger
    CHECK(sizer.size() == 1);
    sizer.got_through(2s);
    CHECK(sizer.size() == 2);
    sizer.got_through(2s);
    sizer.got_through(2s);
    CHECK(sizer.size() == 4);
    for (int i = 0; i < 30; ++i) sizer.got_through(1s);
    CHECK(sizer.size() == 50);
}

TEST_CASE("a 413 caps the size at half of what was refused for good") {
    BatchSizer sizer(50, 30s);
    sizer.too_large(50);
    CHECK(sizer.size() == 25);
    for (int i = 0; i < 30; ++i) sizer.got_through(1s);
    CHECK(sizer.size() == 25);
    sizer.too_large(1);
    CHECK(sizer.size() == 1);
}
