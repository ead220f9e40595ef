#include "server/dashboard/device_delivery.h"

#include "protocol/time/dates.h"

namespace selfcheck::collector {

Delivery delivery_of(const DeviceStatus& status, std::chrono::system_clock::time_point now) {
    if (!status.last_checkin) return Delivery::NeverCheckedIn;
    const CheckIn& checkin = *status.last_checkin;
    if (checkin.queue_size <= 0) return Delivery::NothingWaiting;
    // The collector's timestamps are "YYYY-MM-DDTHH:MM:SSZ" and dates YYYY-MM-DD: both order
    // as text.
    const std::string a_day_ago = utc_timestamp(now - kNotDeliveringAfter);
    if (!status.last_delivery_at.empty() && status.last_delivery_at > a_day_ago) return Delivery::Delivering;
    // Waiting since: the oldest queued date the kiosk gives, or (0.1.x kiosks do not) since it
    // was registered.
    if (!checkin.oldest_queued_on.empty()) {
        const std::optional<std::string> yesterday = add_days(hong_kong_date(now), -1);
        return yesterday && checkin.oldest_queued_on <= *yesterday ? Delivery::NotDelivering : Delivery::Delivering;
    }
    return status.device.created_at <= a_day_ago ? Delivery::NotDelivering : Delivery::Delivering;
}

}  // namespace selfcheck::collector
