#pragma once
// RecordStore on one SQLite file: WAL journal, synchronous=FULL (a record the kiosk was
// told is stored survives power loss), schema migrated on open. Devices, reports and the
// dashboard's tables are in sqlite_device_queries.cpp and sqlite_report_queries.cpp.
#include "common/sqlite/sqlite_db.h"
#include "server/store/record_store.h"

#include <mutex>
#include <string>

namespace selfcheck::collector {

class SqliteRecordStore final : public RecordStore {
public:
    enum class OpenMode {
        CreateIfMissing,  // serve, device add: a new deployment starts with an empty database
        MustExist,        // count, list, revoke: a typo must not create a file
    };

    // Opens (or creates) the database at `path` and migrates it to the latest schema.
    // Throws StorageError naming the path if it cannot.
    explicit SqliteRecordStore(const std::string& path, OpenMode mode = OpenMode::CreateIfMissing);

    std::vector<bool> insert_batch(const std::vector<StoredRecord>& records) override;
    std::int64_t count() const override;
    bool contains(const std::string& record_id) const override;
    std::optional<StoredRecord> find(const std::string& record_id) const override;

    void add_device(const Device& device, const std::string& token_hash) override;
    std::optional<Device> find_device_by_token(const std::string& token_hash) const override;
    std::vector<Device> revoke_devices(const std::string& device_id_or_site, const std::string& revoked_at) override;
    std::vector<DeviceStatus> list_devices() const override;
    void record_checkin(const std::string& device_id, const CheckIn& checkin) override;

    // sqlite_report_queries.cpp
    std::vector<Record> records_in_range(const RecordFilter& filter) const override;
    void add_user(const DashboardUser& user) override;
    std::optional<DashboardUser> find_user(const std::string& name) const override;
    void add_session(const DashboardSession& session) override;
    std::optional<DashboardSession> find_session(const std::string& token_hash, const std::string& now) const override;
    void delete_session(const std::string& token_hash) override;
    std::int64_t delete_expired_sessions(const std::string& now) override;

    // sqlite_tally_queries.cpp
    std::string tally_fingerprint() const override;
    std::optional<Tallies> tallies_in_range(const RecordFilter& filter, const std::string& fingerprint) const override;
    std::int64_t rebuild_tallies() override;

    // sqlite_referral_queries.cpp
    std::vector<bool> insert_referrals(const std::vector<StoredReferral>& referrals) override;
    std::vector<StoredReferral> referrals_of(const std::string& organisation) const override;
    std::int64_t referral_count() const override;
    std::vector<std::tuple<std::string, std::string, std::int64_t>> referral_months() const override;
    bool set_referral_state(const std::string& organisation, const std::string& referral_id,
                            const std::string& state) override;
    std::int64_t erase_referrals_received_before(const std::string& date) override;
    void log_referral_view(const std::string& user_name, const std::string& referral_id, const std::string& action,
                           const std::string& at) override;
    std::int64_t referral_view_count(const std::string& referral_id) const override;

    // sqlite_security_queries.cpp
    void check_writable() override;
    std::int64_t begin_login_attempt(const std::vector<LoginLimit>& limits, std::int64_t now_unix,
                                     std::int64_t window_seconds) override;
    void clear_login_failure(const std::string& key) override;
    std::string get_or_create_secret(const std::string& name, const std::string& candidate) override;

    // A consistent copy of the whole database at `path` (SQLite's online backup API), taken
    // while kiosks keep uploading. Throws StorageError naming `path`.
    void backup_to(const std::string& path) const;

private:
    // After an erasure: copies the WAL into the database and empties it, so the erased bytes
    // (overwritten in the database by secure_delete) do not stay in the WAL either.
    void checkpoint_erasure();
    // Inside insert_batch's transaction: tallies the records stored now, or marks the tallies
    // stale if they are not current for this store's tallier.
    void tally_stored(const std::vector<const Record*>& stored_now);
    void add_tallies(const PeriodTallies& days, const PeriodTallies& months);
    // One connection shared by all threads, one statement at a time.
    mutable std::mutex mutex_;
    mutable Database db_;
};

// For the store's query files: the records table's columns in the order
// stored_record_from_row() reads them from a row selected with them.
extern const char* const kSqliteRecordColumns;
StoredRecord stored_record_from_row(const Statement& row);

}  // namespace selfcheck::collector
