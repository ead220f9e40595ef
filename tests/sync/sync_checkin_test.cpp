// Issue #15: the collector hears when a kiosk is in trouble. Every round ends with a
// check-in, failed ones too, carrying the last error, the queue, the drops and the oldest
// waiting date; a drop at a cap is logged, counted for the staff panel and reported.
#include "kiosk/sync/staff_sync_status.h"
#include "tests/sync/sync_rig.h"

#include <catch2/catch.hpp>

#include <thread>

using namespace selfcheck;
using namespace selfcheck::testing;
using Catch::Matchers::Contains;

namespace {

// Waits (real time) until the collector holds a check-in for which `done` holds.
std::map<std::string, std::string> wait_for_checkin(
    const LocalCollector& collector, const std::function<bool(const std::map<std::string, std::string>&)>& done) {
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    std::map<std::string, std::string> checkin;
    while (std::chrono::steady_clock::now() < deadline) {
        checkin = collector.last_checkin();
        if (!checkin.empty() && done(checkin)) return checkin;
        std::this_thread::sleep_for(20ms);
    }
    return checkin;
}

}  // namespace

TEST_CASE("a kiosk whose every send fails checks in with the error, the queue and the oldest date") {
    Rig rig;
    rig.add_records(7);
    rig.proxy.plan(std::vector<Fault>(1000, Fault::http_500()));  // every batch; check-ins pass
    SyncWorker worker(rig.outbox, rig.settings());
    const auto checkin = wait_for_checkin(rig.collector, [](const auto& c) { return !c.at("last_error").empty(); });
    INFO(transcript(rig.proxy));
    REQUIRE_FALSE(checkin.empty());
    CHECK_THAT(checkin.at("last_error"), Contains("collector answered 500"));
    CHECK(checkin.at("queue_size") == "7");
    CHECK(checkin.at("dropped") == "0");
    CHECK(checkin.at("oldest_queued_on") == rig.outbox.counts().oldest_pending_date);
    CHECK_FALSE(checkin.at("oldest_queued_on").empty());
    CHECK(rig.collector.count() == 0);
    CHECK(rig.collector.last_delivery_at().empty());  // what the dashboard's "not delivering" reads
}

TEST_CASE("a check-in after a round that got through clears the error and notes the delivery") {
    Rig rig;
    rig.add_records(12);
    rig.proxy.plan({Fault::http_500()});
    SyncWorker worker(rig.outbox, rig.settings());
    REQUIRE(worker.wait_until_sent(20s));
    const auto checkin = wait_for_checkin(rig.collector, [](const auto& c) { return c.at("queue_size") == "0"; });
    CHECK(checkin.at("last_error").empty());
    CHECK(checkin.at("oldest_queued_on").empty());
    CHECK_FALSE(rig.collector.last_delivery_at().empty());
}

TEST_CASE("a forced drop at the count cap shows in the log, the staff panel and the next check-in") {
    std::vector<std::string> log;
    std::mutex log_mutex;
    OutboxOptions options;
    options.limits.max_records = 10;
    options.log = [&](const std::string& line) {
        std::lock_guard<std::mutex> lock(log_mutex);
        log.push_back(line);
    };
    Rig rig({}, options);
    rig.add_records(12);
    {
        std::lock_guard<std::mutex> lock(log_mutex);
        REQUIRE(log.size() == 2);
        CHECK_THAT(log.back(), Contains("dropped 1 of the oldest records") && Contains("cap of 10 records") &&
                                   Contains("2 dropped on this device in all"));
    }

    StaffStatus panel;
    fill_sync_status(panel, &rig.outbox, nullptr);
    CHECK(panel.outbox_dropped == 2);
    CHECK(panel.sync.queued == 10);

    SyncWorker worker(rig.outbox, rig.settings());
    REQUIRE(worker.wait_until_sent(20s));
    const auto checkin = wait_for_checkin(rig.collector, [](const auto& c) { return c.at("queue_size") == "0"; });
    CHECK(checkin.at("dropped") == "2");
    CHECK(rig.collector.count() == 10);
    fill_sync_status(panel, &rig.outbox, &worker);
    CHECK(panel.outbox_dropped == 2);  // sending everything does not hide the drop
    CHECK(panel.sync.sent == 10);
}

TEST_CASE("the check-in the kiosk writes is one the collector's reader takes, a quoted answer and all") {
    Rig rig;
    rig.add_records(3);
    // The collector's 503 body, JSON with quotes, ends up in last_error.
    rig.proxy.plan(std::vector<Fault>(1000, Fault::service_unavailable(503, 0)));
    SyncWorker worker(rig.outbox, rig.settings());
    const auto checkin = wait_for_checkin(rig.collector, [](const auto& c) { return !c.at("last_error").empty(); });
    REQUIRE_FALSE(checkin.empty());
    CHECK_THAT(checkin.at("last_error"), Contains("503"));
    auto checkins = rig.proxy.log_of("/api/v1/checkin");
    // The collector stores the check-in before it answers: wait for the answer to pass.
    for (int i = 0; i < 500 && (checkins.empty() || checkins.front().answer.empty()); ++i) {
        std::this_thread::sleep_for(10ms);
        checkins = rig.proxy.log_of("/api/v1/checkin");
    }
    REQUIRE_FALSE(checkins.empty());
    CHECK_THAT(checkins.front().answer, Contains("HTTP/1.1 204"));
    for (const auto& c : checkins) CHECK_THAT(c.answer, !Contains(" 400 "));
}
