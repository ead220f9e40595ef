// Issue #6, kiosk side: the sync worker delivers every record exactly once through network
// faults. The real collector runs on loopback behind a FaultProxy; the outbox holds real
// sealed records; each case breaks connections in one way, then checks the collector holds
// each record once, nothing waits in the outbox and the error is cleared.
#include "kiosk/store/outbox.h"
#include "kiosk/sync/sync_worker.h"
#include "protocol/record/record_rules.h"
#include "tests/support/fault_proxy.h"
#include "tests/support/test_keys.h"
#include "tests/sync/local_collector.h"
#include "tests/sync/sync_rig.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <memory>
#include <thread>

using namespace selfcheck;
using namespace selfcheck::testing;
using namespace std::chrono_literals;
using Catch::Matchers::Contains;
using Kind = Fault::Kind;

namespace {

// Every error the worker reported after a round, for checking a fault was seen at all.
struct ErrorLog {
    std::atomic<SyncWorker*> worker{nullptr};
    std::mutex mutex;
    std::vector<std::string> errors;

    std::function<void()> callback() {
        return [this] {
            if (SyncWorker* w = worker.load()) {
                const std::string error = w->status().last_error;
                std::lock_guard<std::mutex> lock(mutex);
                if (!error.empty()) errors.push_back(error);
            }
        };
    }
    bool any_contains(const std::string& text) {
        std::lock_guard<std::mutex> lock(mutex);
        for (const auto& e : errors)
            if (e.find(text) != std::string::npos) return true;
        return false;
    }
};

void check_delivered_exactly_once(Rig& rig, SyncWorker& worker) {
    const bool sent = worker.wait_until_sent(20s);
    INFO(transcript(rig.proxy));
    REQUIRE(sent);
    CHECK(rig.collector.count() == rig.added);
    CHECK(rig.outbox.counts().queued == 0);
    const SyncStatus status = worker.status();
    CHECK(status.last_error.empty());
    CHECK(status.queued == 0);
    CHECK(status.sent == size_t(rig.added));
    CHECK(status.last_success.has_value());
    CHECK(rig.proxy.faults_left() == 0);  // every planned fault was met
}

// Runs one fault plan over `records` records in batches of 10, checks delivery and returns
// what the proxy saw.
std::vector<ProxiedConnection> run_plan(const std::vector<Fault>& plan, int records,
                                        const std::string& expected_error) {
    Rig rig;
    rig.add_records(records);
    rig.proxy.plan(plan);
    ErrorLog log;
    SyncSettings settings = rig.settings();
    settings.on_change = log.callback();
    SyncWorker worker(rig.outbox, settings);
    log.worker = &worker;
    check_delivered_exactly_once(rig, worker);
    CHECK(rig.proxy.log_of("/api/v1/batches").size() >= plan.size() + 1);
    if (!expected_error.empty()) CHECK(log.any_contains(expected_error));
    return rig.proxy.log_of("/api/v1/batches");
}

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

TEST_CASE("sync gets through a collector that is down for a while") {
    Rig rig;
    rig.add_records(25);
    rig.proxy.plan(std::vector<Fault>(6, Fault::refuse()));
    SyncWorker worker(rig.outbox, rig.settings(1));  // one record a batch: no smaller batch to try
    check_delivered_exactly_once(rig, worker);
    // Backed off rather than hammering: failures 2-6 wait at least half of 100, 200, 300, 300, 300 ms.
    const auto log = rig.proxy.log_of("/api/v1/batches");
    REQUIRE(log.size() >= 7);
    CHECK(ms_between(log[1].accepted, log[6].accepted) >= 550);
}

TEST_CASE("sync gets through 500 answers") {
    run_plan({Fault::pass(), Fault::http_500(), Fault::http_500(), Fault::http_500()}, 25, "500");
}

// A batch cut on the way is sent again at once, half as big, in the same round: the round
// succeeds, so no error is left, but the cut is counted and the smaller batch is seen.
void check_cut_and_resent(const std::vector<Fault>& plan, int records, size_t cuts) {
    Rig rig;
    const auto ids = rig.add_records(records);
    rig.proxy.plan(plan);
    SyncWorker worker(rig.outbox, rig.settings());
    check_delivered_exactly_once(rig, worker);
    CHECK(worker.status().cut_batches == cuts);
    const auto batches = rig.proxy.log_of("/api/v1/batches");
    REQUIRE(batches.size() > plan.size());
    const auto records_in = [](const ProxiedConnection& c) {
        size_t n = 0;
        for (size_t at = 0; (at = c.request_body.find("\"id\"", at)) != std::string::npos; ++at) ++n;
        return n;
    };
    // The request after the last cut carries at most half of the one cut.
    CHECK(records_in(batches[plan.size()]) <= records_in(batches[plan.size() - 1]) / 2);
}

TEST_CASE("sync resends a batch whose answer came slower than the timeout") {
    // The collector stored the batch; the kiosk gave up waiting (nothing moved for the stall
    // time) and sends it again.
    check_cut_and_resent({Fault::slow(3000ms)}, 10, 1);  // libcurl looks about once a second
}

TEST_CASE("sync resends a batch whose answer was cut by a reset") {
    check_cut_and_resent({Fault::pass(), Fault::reset_mid_response(), Fault::reset_mid_response()}, 25, 2);
}

TEST_CASE("sync delivers once when answers are dropped after the collector stored the batch") {
    Rig rig;
    const auto ids = rig.add_records(10);
    rig.proxy.plan({Fault::drop_response(), Fault::drop_response()});
    SyncWorker worker(rig.outbox, rig.settings());
    check_delivered_exactly_once(rig, worker);
    CHECK(rig.batch_requests_containing(ids.front()) == 3);  // sent three times, stored once
}

TEST_CASE("sync waits out Retry-After on 429 and 503") {
    for (const int status : {429, 503}) {
        INFO("status " << status);
        // The first batch goes; the second meets the refusal; the retry must wait the 1 s asked.
        const auto log = run_plan({Fault::pass(), Fault::service_unavailable(status, 1)}, 15, std::to_string(status));
        REQUIRE(log.size() >= 3);
        CHECK(log[1].fault == Kind::ServiceUnavailable);
        CHECK(ms_between(log[1].accepted, log[2].accepted) >= 1000);
    }
}

TEST_CASE("sync waits out Retry-After even when staff press send now") {
    Rig rig;
    rig.add_records(5);
    rig.proxy.plan({Fault::service_unavailable(503, 1)});
    SyncWorker worker(rig.outbox, rig.settings());
    while (rig.proxy.connections() == 0 || worker.status().last_error.empty()) std::this_thread::sleep_for(5ms);
    worker.send_now();  // the collector asked for a second's peace: send now may not break it
    check_delivered_exactly_once(rig, worker);
    const auto log = rig.proxy.log_of("/api/v1/batches");
    REQUIRE(log.size() >= 2);
    CHECK(ms_between(log[0].accepted, log[1].accepted) >= 1000);
}

TEST_CASE("sync through a random mix of faults delivers exactly once") {
    const unsigned seed = std::random_device{}();
    INFO("seed " << seed);
    std::mt19937 random(seed);
    const std::vector<Fault> kinds = {Fault::pass(),          Fault::refuse(),
                                      Fault::http_500(),      Fault::reset_mid_response(),
                                      Fault::drop_response(), Fault::service_unavailable(503, 0)};
    std::vector<Fault> plan;
    for (int i = 0; i < 14; ++i)
        plan.push_back(kinds[std::uniform_int_distribution<size_t>(0, kinds.size() - 1)(random)]);
    plan.insert(plan.begin() + 5, Fault::slow(1200ms));
    run_plan(plan, 60, "");
}

TEST_CASE("sync keeps records queued with a clear error when the token is revoked") {
    Rig rig;
    rig.add_records(12);
    rig.collector.revoke();
    SyncWorker worker(rig.outbox, rig.settings());
    CHECK_FALSE(worker.wait_until_sent(1500ms));
    const SyncStatus status = worker.status();
    CHECK_THAT(status.last_error, Contains("token"));
    CHECK(status.queued == 12);
    CHECK(status.sent == 0);
    CHECK(rig.outbox.counts().queued == 12);  // nothing lost
    CHECK(rig.collector.count() == 0);
}

TEST_CASE("sync marks a record the collector rejects and never resends it") {
    Rig rig;
    const TestKeyPair stranger;  // sealed to another key: the collector cannot open it
    rig.add_records(12);
    const std::string bad = rig.add_records(1, &stranger.public_key).front();
    SyncWorker worker(rig.outbox, rig.settings());
    REQUIRE(worker.wait_until_sent(20s));
    CHECK(rig.collector.count() == 12);
    SyncStatus status = worker.status();
    CHECK(status.rejected == 1);
    CHECK(status.queued == 0);
    CHECK(status.last_error.empty());
    CHECK(rig.outbox.counts().rejected == 1);

    rig.add_records(3);  // later rounds carry new records, never the rejected one
    worker.record_added();
    REQUIRE(worker.wait_until_sent(20s));
    CHECK(rig.collector.count() == 15);
    CHECK(worker.status().rejected == 1);
    CHECK(rig.batch_requests_containing(bad) == 1);
}

TEST_CASE("sync stops between batches when the kiosk shuts down and loses nothing") {
    Rig rig;
    rig.add_records(150);
    const auto start = std::chrono::steady_clock::now();
    {
        auto worker = std::make_unique<SyncWorker>(rig.outbox, rig.settings(1));
        while (worker->status().sent < 3) std::this_thread::sleep_for(1ms);
        worker.reset();  // must return after the request in flight, not after the whole outbox
    }
    INFO("stopped after " << ms_between(start, std::chrono::steady_clock::now()) << " ms");
    const long stored = rig.collector.count();
    const long queued = long(rig.outbox.counts().queued);
    CHECK(queued > 0);
    CHECK(stored + queued == 150);  // each record in exactly one place
}
