// SqliteRecordStore: the device half (add, authenticate, revoke, list, check-in).
#include "server/store/sqlite_record_store.h"

namespace selfcheck::collector {

namespace {

Device device_from_row(const Statement& row) { return Device{row.text(0), row.text(1), row.text(2), row.text(3)}; }

}  // namespace

void SqliteRecordStore::add_device(const Device& device, const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    Statement insert(db_, "INSERT INTO devices (device_id, site, token_hash, created_at) VALUES (?, ?, ?, ?)",
                     "adding a device");
    insert.bind(1, device.device_id).bind(2, device.site).bind(3, token_hash).bind(4, device.created_at).run();
}

std::optional<Device> SqliteRecordStore::find_device_by_token(const std::string& token_hash) const {
    std::lock_guard lock(mutex_);
    Statement row(db_, "SELECT device_id, site, created_at, revoked_at FROM devices WHERE token_hash = ?",
                  "looking up a device token");
    if (!row.bind(1, token_hash).step()) return std::nullopt;
    return device_from_row(row);
}

std::vector<Device> SqliteRecordStore::revoke_devices(const std::string& device_id_or_site,
                                                      const std::string& revoked_at) {
    std::lock_guard lock(mutex_);
    // A device id wins over a site of the same spelling; RETURNING needs SQLite 3.35 (bookworm: 3.40).
    Statement rows(db_,
                   "UPDATE devices SET revoked_at = ?1 WHERE revoked_at IS NULL AND"
                   " (device_id = ?2 OR (site = ?2 AND NOT EXISTS (SELECT 1 FROM devices WHERE device_id = ?2)))"
                   " RETURNING device_id, site, created_at, revoked_at",
                   "revoking devices");
    rows.bind(1, revoked_at).bind(2, device_id_or_site);
    std::vector<Device> revoked;
    while (rows.step()) revoked.push_back(device_from_row(rows));
    return revoked;
}

std::vector<DeviceStatus> SqliteRecordStore::list_devices() const {
    std::lock_guard lock(mutex_);
    Statement rows(db_,
                   "SELECT d.device_id, d.site, d.created_at, d.revoked_at, c.received_at, c.queue_size,"
                   " c.rejected, c.last_error, c.content_version, c.app_version, c.dropped, c.oldest_queued_on,"
                   " d.last_delivery_at"
                   " FROM devices d LEFT JOIN checkins c ON c.device_id = d.device_id"
                   " ORDER BY d.created_at, d.device_id",
                   "listing devices");
    std::vector<DeviceStatus> devices;
    while (rows.step()) {
        DeviceStatus status{device_from_row(rows), std::nullopt, rows.text(12)};
        if (!rows.is_null(4)) {
            CheckIn checkin;
            checkin.received_at = rows.text(4);
            checkin.queue_size = rows.integer(5);
            checkin.rejected = rows.integer(6);
            checkin.last_error = rows.text(7);
            checkin.content_version = rows.text(8);
            checkin.app_version = rows.text(9);
            checkin.dropped = rows.integer(10);
            checkin.oldest_queued_on = rows.text(11);
            status.last_checkin = std::move(checkin);
        }
        devices.push_back(std::move(status));
    }
    return devices;
}

void SqliteRecordStore::record_checkin(const std::string& device_id, const CheckIn& checkin) {
    std::lock_guard lock(mutex_);
    Statement upsert(db_,
                     "INSERT INTO checkins (device_id, received_at, queue_size, rejected, last_error,"
                     " content_version, app_version, dropped, oldest_queued_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                     " ON CONFLICT (device_id) DO UPDATE SET received_at = excluded.received_at,"
                     " queue_size = excluded.queue_size, rejected = excluded.rejected,"
                     " last_error = excluded.last_error, content_version = excluded.content_version,"
                     " app_version = excluded.app_version, dropped = excluded.dropped,"
                     " oldest_queued_on = excluded.oldest_queued_on",
                     "storing a check-in");
    upsert.bind(1, device_id)
        .bind(2, checkin.received_at)
        .bind(3, checkin.queue_size)
        .bind(4, checkin.rejected)
        .bind(5, checkin.last_error)
        .bind(6, checkin.content_version)
        .bind(7, checkin.app_version)
        .bind(8, checkin.dropped)
        .bind(9, checkin.oldest_queued_on)
        .run();
}

}  // namespace selfcheck::collector
