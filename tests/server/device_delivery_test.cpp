// Which devices the dashboard lists as not delivering (server/dashboard/device_delivery.h).

#include "server/dashboard/device_delivery.h"

#include "protocol/time/dates.h"

#include <catch2/catch.hpp>

using namespace selfcheck;
using namespace selfcheck::collector;
using namespace std::chrono_literals;

namespace {

const SystemTime kNow = std::chrono::system_clock::now();

DeviceStatus waiting(std::int64_t queue, const std::string& oldest_queued_on, const std::string& last_delivery_at) {
    DeviceStatus status;
    status.device = Device{"d1", "demo-site", utc_timestamp(kNow - 30 * 24h), ""};
    collector::CheckIn checkin;
    checkin.received_at = utc_timestamp(kNow - 1h);
    checkin.queue_size = queue;
    checkin.oldest_queued_on = oldest_queued_on;
    status.last_checkin = checkin;
    status.last_delivery_at = last_delivery_at;
    return status;
}

std::string days_ago(int days) { return *add_days(hong_kong_date(kNow), -days); }

}  // namespace

TEST_CASE("a device with records waiting a day or more and no batch for a day is not delivering") {
    CHECK(delivery_of(waiting(12, days_ago(3), ""), kNow) == Delivery::NotDelivering);
    CHECK(delivery_of(waiting(12, days_ago(3), utc_timestamp(kNow - 25h)), kNow) == Delivery::NotDelivering);
    CHECK(delivery_of(waiting(1, days_ago(1), ""), kNow) == Delivery::NotDelivering);
}

TEST_CASE("a device whose batches arrive, whose records are new, or with nothing waiting is not flagged") {
    CHECK(delivery_of(waiting(12, days_ago(3), utc_timestamp(kNow - 2h)), kNow) == Delivery::Delivering);
    CHECK(delivery_of(waiting(12, days_ago(0), ""), kNow) == Delivery::Delivering);
    CHECK(delivery_of(waiting(0, "", ""), kNow) == Delivery::NothingWaiting);
    DeviceStatus silent;
    silent.device = Device{"d2", "demo-site", utc_timestamp(kNow - 30 * 24h), ""};
    CHECK(delivery_of(silent, kNow) == Delivery::NeverCheckedIn);
}

TEST_CASE("without an oldest queued date (0.1.x kiosks) the wait counts from the device's registration") {
    DeviceStatus old_kiosk = waiting(5, "", "");
    CHECK(delivery_of(old_kiosk, kNow) == Delivery::NotDelivering);
    old_kiosk.device.created_at = utc_timestamp(kNow - 2h);
    CHECK(delivery_of(old_kiosk, kNow) == Delivery::Delivering);
}
