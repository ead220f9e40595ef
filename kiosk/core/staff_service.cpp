#include "kiosk/core/staff_service.h"

#include "kiosk/core/http_client.h"

namespace selfcheck {

StaffService::StaffService(SyncControl* sync, Settings settings) : sync_(sync), settings_(std::move(settings)) {}

StaffService::~StaffService() {
    if (worker_.joinable()) worker_.join();
}

StaffService::Action StaffService::action() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return action_;
}

void StaffService::clear() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (action_.outcome != Outcome::Working) action_ = Action{};
}

void StaffService::finish(Action action) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        action_ = std::move(action);
    }
    if (settings_.on_change) settings_.on_change();
}

void StaffService::start(std::function<Action()> task) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (action_.outcome == Outcome::Working) return;  // one action at a time
        action_ = Action{Outcome::Working, {}, 0};
    }
    if (worker_.joinable()) worker_.join();  // the previous action has finished
    worker_ = std::thread([this, task = std::move(task)] { finish(task()); });
}

void StaffService::sync_now() {
    if (!sync_) return finish(Action{Outcome::NoCollector, {}, 0});
    sync_->send_now();
}

void StaffService::test_connection() {
    if (settings_.health_url.empty()) return finish(Action{Outcome::NoCollector, {}, 0});
    start([this] {
        const HttpResponse response = http_get(settings_.health_url, settings_.connection_timeout);
        if (response.ok()) return Action{Outcome::ConnectionOk, {}, 0};
        const std::string why = response.status ? "HTTP " + std::to_string(response.status) : response.error;
        return Action{Outcome::ConnectionFailed, why, 0};
    });
}

void StaffService::end_day() {
    if (!sync_) return finish(Action{Outcome::NoCollector, {}, 0});
    start([this] {
        sync_->send_now();
        if (sync_->wait_until_sent(settings_.end_day_wait)) return Action{Outcome::DayEnded, {}, 0};
        return Action{Outcome::DayPending, {}, sync_->status().queued};
    });
}

}  // namespace selfcheck
