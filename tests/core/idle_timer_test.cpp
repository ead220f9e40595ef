#include "kiosk/core/idle_timer.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace std::chrono_literals;

TEST_CASE("quiet time brings the prompt, then the countdown, then expiry") {
    const auto t0 = IdleTimer::Clock::time_point{} + 1000s;
    IdleTimer idle({90s, 20s}, t0);
    CHECK(idle.state(t0 + 89s) == IdleTimer::State::Active);
    CHECK(idle.next_change(t0) == t0 + 90s);
    CHECK(idle.state(t0 + 90s) == IdleTimer::State::Prompting);
    CHECK(idle.seconds_left(t0 + 90s) == 20);
    CHECK(idle.seconds_left(t0 + 90s + 500ms) == 20);  // rounded up: never shows 0 while prompting
    CHECK(idle.seconds_left(t0 + 109s + 1ms) == 1);
    CHECK(idle.next_change(t0 + 90s + 500ms) == t0 + 91s);
    CHECK(idle.state(t0 + 110s) == IdleTimer::State::Expired);
    CHECK(idle.seconds_left(t0 + 110s) == 0);
}

TEST_CASE("a touch during the countdown starts the quiet time again") {
    const auto t0 = IdleTimer::Clock::time_point{};
    IdleTimer idle({90s, 20s}, t0);
    idle.touch(t0 + 100s);
    CHECK(idle.state(t0 + 100s) == IdleTimer::State::Active);
    CHECK(idle.state(t0 + 189s) == IdleTimer::State::Active);
    CHECK(idle.state(t0 + 190s) == IdleTimer::State::Prompting);
}
