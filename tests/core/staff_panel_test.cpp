// The staff panel's gate and actions, without a display: the PIN opens it, wrong PINs lock
// it out for longer and longer, the typed PIN never outlives an attempt, and the actions
// give a clear outcome even when there is no collector or it is down.
#include "kiosk/core/staff_panel.h"

#include "kiosk/core/staff_service.h"

#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

using namespace selfcheck;
using namespace std::chrono_literals;

namespace {

struct FakeClock {
    std::chrono::steady_clock::time_point now{};
    PinGate::Clock function() {
        return [this] { return now; };
    }
};

void type(StaffPanel& panel, const std::string& digits) {
    for (char c : digits) panel.type_digit(c - '0');
}

const std::string& pin_hash() {
    static const std::string hash = hash_staff_pin("2468");
    return hash;
}

class FakeSync : public SyncControl {
public:
    SyncStatus status() const override { return status_; }
    void send_now() override { ++send_now_calls; }
    bool wait_until_sent(std::chrono::milliseconds) override {
        if (drains) status_.queued = 0;
        return status_.queued == 0;
    }
    SyncStatus status_;
    bool drains = true;
    std::atomic<int> send_now_calls{0};
};

StaffService::Action wait_for_outcome(const StaffService& service) {
    for (int i = 0; i < 500 && service.action().outcome == StaffService::Outcome::Working; ++i)
        std::this_thread::sleep_for(10ms);
    return service.action();
}

}  // namespace

TEST_CASE("without a PIN hash the staff panel cannot be opened", "[staff_panel]") {
    FakeClock clock;
    StaffPanel panel("", clock.function());
    CHECK_FALSE(panel.available());
    panel.ask_for_pin();
    CHECK(panel.view() == StaffPanel::View::Closed);
}

TEST_CASE("the right PIN opens the panel and close shuts it", "[staff_panel]") {
    FakeClock clock;
    StaffPanel panel(pin_hash(), clock.function());
    panel.ask_for_pin();
    REQUIRE(panel.view() == StaffPanel::View::Pin);
    type(panel, "2468");
    CHECK(panel.digits_typed() == 4);
    CHECK(panel.submit() == PinGate::Outcome::Accepted);
    CHECK(panel.view() == StaffPanel::View::Open);
    CHECK(panel.digits_typed() == 0);  // wiped once checked
    panel.close();
    CHECK(panel.view() == StaffPanel::View::Closed);
}

TEST_CASE("erase removes the last digit and the PIN is capped at twelve", "[staff_panel]") {
    FakeClock clock;
    StaffPanel panel(pin_hash(), clock.function());
    panel.ask_for_pin();
    type(panel, "24689");
    panel.erase_digit();
    CHECK(panel.submit() == PinGate::Outcome::Accepted);
    panel.ask_for_pin();
    type(panel, "12345678901234");
    CHECK(panel.digits_typed() == StaffPanel::kMaxPinDigits);
}

TEST_CASE("wrong PINs lock the panel out for longer each time", "[staff_panel]") {
    FakeClock clock;
    StaffPanel panel(pin_hash(), clock.function());
    panel.ask_for_pin();
    for (int i = 0; i < PinGate::kFreeFailures; ++i) {
        type(panel, "1111");
        CHECK(panel.submit() == PinGate::Outcome::Rejected);
        CHECK(panel.locked_for() == 0s);
    }
    type(panel, "1111");
    CHECK(panel.submit() == PinGate::Outcome::Rejected);
    CHECK(panel.locked_for() == 30s);
    // Even the right PIN is not checked while locked.
    type(panel, "2468");
    CHECK(panel.submit() == PinGate::Outcome::LockedOut);
    CHECK(panel.view() == StaffPanel::View::Pin);
    clock.now += 31s;
    type(panel, "9999");
    CHECK(panel.submit() == PinGate::Outcome::Rejected);
    CHECK(panel.locked_for() == 60s);
    clock.now += 61s;
    type(panel, "2468");
    CHECK(panel.submit() == PinGate::Outcome::Accepted);
}

TEST_CASE("closing while typing forgets the digits", "[staff_panel]") {
    FakeClock clock;
    StaffPanel panel(pin_hash(), clock.function());
    panel.ask_for_pin();
    type(panel, "24");
    panel.close();
    panel.ask_for_pin();
    CHECK(panel.digits_typed() == 0);
    type(panel, "68");
    CHECK(panel.submit() == PinGate::Outcome::Rejected);
}

TEST_CASE("staff actions without a collector say so", "[staff_service]") {
    StaffService service(nullptr, {});
    service.sync_now();
    CHECK(service.action().outcome == StaffService::Outcome::NoCollector);
    service.test_connection();
    CHECK(service.action().outcome == StaffService::Outcome::NoCollector);
    service.end_day();
    CHECK(service.action().outcome == StaffService::Outcome::NoCollector);
}

TEST_CASE("ending the day reports all sent or how many wait", "[staff_service]") {
    FakeSync sync;
    sync.status_.queued = 3;
    std::atomic<int> changes{0};
    StaffService::Settings settings;
    settings.end_day_wait = 10ms;
    settings.on_change = [&] { ++changes; };
    StaffService service(&sync, settings);

    sync.drains = false;
    service.end_day();
    auto action = wait_for_outcome(service);
    CHECK(action.outcome == StaffService::Outcome::DayPending);
    CHECK(action.pending == 3);
    CHECK(sync.send_now_calls == 1);

    sync.drains = true;
    service.end_day();
    CHECK(wait_for_outcome(service).outcome == StaffService::Outcome::DayEnded);
    CHECK(changes == 2);
}

TEST_CASE("a connection test to a closed port fails with a reason", "[staff_service]") {
    FakeSync sync;
    StaffService::Settings settings;
    settings.health_url = "http://127.0.0.1:9/healthz";  // discard port: nothing listens
    settings.connection_timeout = 2000ms;
    StaffService service(&sync, settings);
    service.test_connection();
    const auto action = wait_for_outcome(service);
    CHECK(action.outcome == StaffService::Outcome::ConnectionFailed);
    CHECK_FALSE(action.error.empty());
}
