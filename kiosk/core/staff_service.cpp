#include "kiosk/core/staff_service.h"

#include "kiosk/core/http_client.h"

#include <nlohmann/json.hpp>

namespace selfcheck {

StaffService::Action StaffService::connection_outcome(const HttpResponse& response) {
    if (response.status == 0) return Action{Outcome::ConnectionFailed, response.error, 0};
    const auto body = nlohmann::json::parse(response.body, nullptr, false);
    const auto text = [&](const char* key) -> std::string {
        if (!body.is_object() || !body.contains(key) || !body[key].is_string()) return "";
        return body[key].get<std::string>();
    };
    if (response.status == 200 && text("status") == "ok") return Action{Outcome::ConnectionOk, {}, 0};
    if (response.status == 503 && text("status") == "cannot_store") {
        const std::string why = text("error");
        return Action{Outcome::CannotStore, why.empty() ? "HTTP 503" : why.substr(0, 200), 0};
    }
    // Something answered, but not as the collector does (a captive portal, a proxy's error page).
    return Action{Outcome::ConnectionFailed, "HTTP " + std::to_string(response.status), 0};
}

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
        return connection_outcome(response);
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
