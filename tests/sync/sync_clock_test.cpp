// Issue #15: the sync worker goes by a Clock, so hours offline pass in a test's seconds.
#include "tests/support/manual_clock.h"
#include "tests/sync/sync_rig.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace selfcheck;
using namespace selfcheck::testing;

TEST_CASE("six hours offline on a driven clock: retries back off to the longest wait, never beyond") {
    Rig rig;
    rig.add_records(5);
    rig.proxy.plan(std::vector<Fault>(10000, Fault::refuse()));
    ManualClock clock;
    SyncSettings settings = rig.settings(1);
    settings.clock = &clock;
    settings.retry = {std::chrono::seconds(2), std::chrono::minutes(10)};  // as the kiosk ships
    SyncWorker worker(rig.outbox, settings);

    std::vector<int> tries_at;  // minutes on the driven clock
    size_t seen = 0;
    for (int minute = 0; minute <= 6 * 60; ++minute) {
        // Let the worker act on this minute (its requests take real time), then move on.
        for (int i = 0; i < 200 && rig.proxy.log_of("/api/v1/batches").size() == seen; ++i)
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        for (size_t now = rig.proxy.log_of("/api/v1/batches").size(); seen < now; ++seen) tries_at.push_back(minute);
        clock.advance(std::chrono::minutes(1));
    }
    INFO("tries at minutes: " << Catch::Detail::stringify(tries_at));
    REQUIRE(tries_at.size() >= 36);  // at least one every 10 minutes
    CHECK(tries_at.size() <= 90);    // and backed off (5 to 10 minutes apart at the longest), not hammering
    for (size_t i = 1; i < tries_at.size(); ++i) CHECK(tries_at[i] - tries_at[i - 1] <= 11);
    CHECK(worker.status().queued == 5);
    CHECK(rig.collector.count() == 0);
}
