#include "kiosk/sync/staff_sync_status.h"

namespace selfcheck {

void fill_sync_status(StaffStatus& status, Outbox* outbox, const SyncControl* sync) {
    if (sync) status.sync = sync->status();
    if (!outbox) return;
    try {
        const OutboxCounts counts = outbox->counts();
        status.completed_today = counts.completed_today;
        status.sync.queued = size_t(counts.queued);
        status.sync.rejected = size_t(counts.rejected);
        status.outbox_near_cap = counts.cap_near;
        status.outbox_dropped = counts.dropped_total;
        status.oldest_queued_on = counts.oldest_pending_date;
    } catch (const StorageError& e) {
        status.storage_error = e.what();
    }
}

}  // namespace selfcheck
