// RetryPolicy: the back-off doubles to a cap, jitter stays within [half, all] of the step,
// Retry-After is a floor, and a success starts again from the first step.
#include "kiosk/sync/retry_policy.h"

#include <catch2/catch.hpp>

#include <limits>
#include <random>

using namespace selfcheck;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

RetryPolicy fixed(double random01, milliseconds first = 100ms, milliseconds longest = 1000ms) {
    return RetryPolicy({first, longest}, [random01] { return random01; });
}

}  // namespace

TEST_CASE("retry waits double per failure up to the longest") {
    RetryPolicy policy = fixed(0.999999);  // the top of the jitter range: the whole step
    const long expected[] = {100, 200, 400, 800, 1000, 1000, 1000};
    for (long step : expected) {
        const auto wait = policy.after_failure(std::nullopt);
        CHECK(wait.count() >= step - 1);
        CHECK(wait.count() <= step);
    }
    CHECK(policy.failures() == 7);
}

TEST_CASE("retry jitter keeps each wait between half and all of its step") {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> uniform(0, 1);
    RetryPolicy policy({100ms, 1000ms}, [&] { return uniform(random); });
    for (int i = 0; i < 200; ++i) {
        const long step = std::min(1000L, 100L << std::min(i, 10));
        const auto wait = policy.after_failure(std::nullopt);
        INFO("failure " << i + 1 << " step " << step);
        CHECK(wait.count() >= step / 2);
        CHECK(wait.count() <= step);
    }
    RetryPolicy bottom = fixed(0.0);
    CHECK(bottom.after_failure(std::nullopt) == 50ms);
    CHECK(bottom.after_failure(std::nullopt) == 100ms);
}

TEST_CASE("retry honours Retry-After as a floor, never as a ceiling") {
    RetryPolicy policy = fixed(0.0, 100ms, 60000ms);
    CHECK(policy.after_failure(3) == 3000ms);  // longer than the step: the collector's word wins
    for (int i = 0; i < 6; ++i) policy.after_failure(std::nullopt);
    // The step is now 12,800 ms (6,400 at the bottom of the jitter): Retry-After 1 does not shorten it.
    CHECK(policy.after_failure(1) == 6400ms);
    CHECK(policy.after_failure(0) == 12800ms);
}

TEST_CASE("retry survives an absurd Retry-After without overflowing") {
    RetryPolicy policy = fixed(0.5);
    const auto wait = policy.after_failure(std::numeric_limits<long>::max());
    CHECK(wait >= 3600s);  // still a long wait, as asked
    CHECK(wait <= 24h);    // but a kiosk is never silenced for longer than a day
}

TEST_CASE("retry starts again from the first step after a reset") {
    RetryPolicy policy = fixed(0.999999);
    for (int i = 0; i < 5; ++i) policy.after_failure(std::nullopt);
    policy.reset();
    CHECK(policy.failures() == 0);
    const auto wait = policy.after_failure(std::nullopt);
    CHECK(wait.count() >= 99);
    CHECK(wait.count() <= 100);
}
