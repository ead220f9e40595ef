#pragma once
// What the staff panel shows: counts and device health, never an answer.
#include "kiosk/core/sync_control.h"

#include <cstdint>
#include <string>

namespace selfcheck {

enum class PowerSource { Unknown, Mains, OnBattery, Charging, Charged };

struct StaffStatus {
    long completed_today = 0;
    SyncStatus sync;
    PowerSource power = PowerSource::Unknown;
    int battery_percent = -1;  // -1: not known
    std::string form_id;
    int form_version = 0;
    std::string site;
    // The outbox's health: staff are told before anything would be dropped, and of any drop.
    bool outbox_near_cap = false;
    long outbox_dropped = 0;       // records dropped at a cap (count or age) since the outbox was made
    std::string oldest_queued_on;  // YYYY-MM-DD the oldest waiting record was queued; empty: none
    std::string storage_error;     // the last failure to save a record; empty when saving works
    // Content items past their review date (protocol/content/review.h): what she is told may
    // no longer be true, so staff tell their coordinator.
    long content_overdue = 0;
    // The content bundle shown (0: the content the kiosk was installed with), and why the
    // last one offered was refused (empty: none was, or it was taken).
    std::int64_t content_version = 0;
    std::string content_update_refused;
};

}  // namespace selfcheck
