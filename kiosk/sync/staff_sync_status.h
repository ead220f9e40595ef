#pragma once
// What the staff panel shows of the outbox and the sync worker (kiosk/core/staff_status.h):
// counts, drops, the link's state and the last error; never a record.
#include "kiosk/core/staff_status.h"
#include "kiosk/core/sync_control.h"
#include "kiosk/store/outbox.h"

namespace selfcheck {

// Fills status.sync, the outbox's health and completed_today from `outbox` and `sync` (either
// may be null: no outbox, or no collector set up). An outbox that cannot be read leaves its
// error in storage_error.
void fill_sync_status(StaffStatus& status, Outbox* outbox, const SyncControl* sync);

}  // namespace selfcheck
