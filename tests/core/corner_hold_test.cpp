#include "kiosk/core/corner_hold.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace std::chrono_literals;

TEST_CASE("holding a corner for three seconds opens the staff panel once") {
    CornerHold hold;
    const auto t0 = CornerHold::Clock::time_point{} + 100s;
    CHECK_FALSE(hold.update(true, t0));
    CHECK(hold.completes_at() == t0 + 3s);
    CHECK_FALSE(hold.update(true, t0 + 2999ms));
    CHECK(hold.update(true, t0 + 3s));
    CHECK_FALSE(hold.update(true, t0 + 10s));  // still held: no second opening
    CHECK_FALSE(hold.completes_at());
}

TEST_CASE("lifting the finger early starts the hold over") {
    CornerHold hold;
    const auto t0 = CornerHold::Clock::time_point{};
    hold.update(true, t0);
    hold.update(false, t0 + 2s);
    CHECK_FALSE(hold.update(true, t0 + 4s));
    CHECK_FALSE(hold.update(true, t0 + 6s));
    CHECK(hold.update(true, t0 + 7s));
}
