// SqliteRecordStore: the device half (add, authenticate, revoke, list, check-in).
#include "server/store/sqlite_record_store.h"

#include <sqlite3.h>

namespace collector {
namespace {

using sqlite::column_text;

Device device_from_row(sqlite3_stmt* row) {
    return Device{column_text(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3)};
}

}  // namespace

void SqliteRecordStore::add_device(const Device& device, const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(), "INSERT INTO devices (device_id, site, token_hash, created_at) VALUES (?, ?, ?, ?)");
    sqlite::bind_text(statement.get(), 1, device.device_id);
    sqlite::bind_text(statement.get(), 2, device.site);
    sqlite::bind_text(statement.get(), 3, token_hash);
    sqlite::bind_text(statement.get(), 4, device.created_at);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) sqlite::fail(db_.get(), "adding a device");
}

std::optional<Device> SqliteRecordStore::find_device_by_token(const std::string& token_hash) const {
    std::lock_guard lock(mutex_);
    sqlite::ResetOnExit reset(find_device_.get());
    sqlite::bind_text(find_device_.get(), 1, token_hash);
    const int rc = sqlite3_step(find_device_.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) sqlite::fail(db_.get(), "looking up a device token");
    return device_from_row(find_device_.get());
}

std::vector<Device> SqliteRecordStore::revoke_devices(const std::string& device_id_or_site,
                                                      const std::string& revoked_at) {
    std::lock_guard lock(mutex_);
    // A device id wins over a site of the same spelling; RETURNING needs SQLite 3.35 (bookworm: 3.40).
    sqlite::Statement statement =
        sqlite::prepare(db_.get(),
                        "UPDATE devices SET revoked_at = ?1 WHERE revoked_at IS NULL AND"
                        " (device_id = ?2 OR (site = ?2 AND NOT EXISTS (SELECT 1 FROM devices WHERE device_id = ?2)))"
                        " RETURNING device_id, site, created_at, revoked_at");
    sqlite::bind_text(statement.get(), 1, revoked_at);
    sqlite::bind_text(statement.get(), 2, device_id_or_site);
    std::vector<Device> revoked;
    int rc = 0;
    while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) revoked.push_back(device_from_row(statement.get()));
    if (rc != SQLITE_DONE) sqlite::fail(db_.get(), "revoking devices");
    return revoked;
}

std::vector<DeviceStatus> SqliteRecordStore::list_devices() const {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(),
                        "SELECT d.device_id, d.site, d.created_at, d.revoked_at, c.received_at, c.queue_size,"
                        " c.rejected, c.last_error, c.content_version, c.app_version"
                        " FROM devices d LEFT JOIN checkins c ON c.device_id = d.device_id"
                        " ORDER BY d.created_at, d.device_id");
    std::vector<DeviceStatus> devices;
    int rc = 0;
    while ((rc = sqlite3_step(statement.get())) == SQLITE_ROW) {
        sqlite3_stmt* row = statement.get();
        DeviceStatus status{device_from_row(row), std::nullopt};
        if (sqlite3_column_type(row, 4) != SQLITE_NULL) {
            status.last_checkin =
                CheckIn{column_text(row, 4), sqlite3_column_int64(row, 5), sqlite3_column_int64(row, 6),
                        column_text(row, 7), column_text(row, 8),          column_text(row, 9)};
        }
        devices.push_back(std::move(status));
    }
    if (rc != SQLITE_DONE) sqlite::fail(db_.get(), "listing devices");
    return devices;
}

void SqliteRecordStore::record_checkin(const std::string& device_id, const CheckIn& checkin) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(),
                        "INSERT INTO checkins (device_id, received_at, queue_size, rejected, last_error,"
                        " content_version, app_version) VALUES (?, ?, ?, ?, ?, ?, ?)"
                        " ON CONFLICT (device_id) DO UPDATE SET received_at = excluded.received_at,"
                        " queue_size = excluded.queue_size, rejected = excluded.rejected,"
                        " last_error = excluded.last_error, content_version = excluded.content_version,"
                        " app_version = excluded.app_version");
    sqlite::bind_text(statement.get(), 1, device_id);
    sqlite::bind_text(statement.get(), 2, checkin.received_at);
    sqlite3_bind_int64(statement.get(), 3, checkin.queue_size);
    sqlite3_bind_int64(statement.get(), 4, checkin.rejected);
    sqlite::bind_text(statement.get(), 5, checkin.last_error);
    sqlite::bind_text(statement.get(), 6, checkin.content_version);
    sqlite::bind_text(statement.get(), 7, checkin.app_version);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) sqlite::fail(db_.get(), "storing a check-in");
}

}  // namespace collector
