#pragma once
// RecordStore on PostgreSQL (libpqxx), for when one machine is not enough: several
// collector processes may share one database. Idempotency holds across them because every
// insert is INSERT ... ON CONFLICT (record_id) DO NOTHING inside the database.
// Connections come from a small pool; a broken one is replaced on next use.

#include "server/store/record_store.h"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace selfcheck::collector {

struct PgConnection;  // a pqxx::connection with its prepared statements (libpqxx 6 has no forward declaration)

class PostgresRecordStore final : public RecordStore {
public:
    // Connects, migrates the schema and prepares statements. Throws StorageError naming the
    // server (never the password) if it cannot.
    explicit PostgresRecordStore(const std::string& connection_string, std::size_t pool_size = 8);
    ~PostgresRecordStore() override;

    std::vector<bool> insert_batch(const std::vector<StoredRecord>& records) override;
    std::int64_t count() const override;
    bool contains(const std::string& record_id) const override;
    std::optional<StoredRecord> find(const std::string& record_id) const override;

    void add_device(const Device& device, const std::string& token_hash) override;
    std::optional<Device> find_device_by_token(const std::string& token_hash) const override;
    std::vector<Device> revoke_devices(const std::string& device_id_or_site, const std::string& revoked_at) override;
    std::vector<DeviceStatus> list_devices() const override;
    void record_checkin(const std::string& device_id, const CheckIn& checkin) override;

    std::vector<Record> records_in_range(const RecordFilter& filter) const override;
    void add_user(const DashboardUser& user) override;
    std::optional<DashboardUser> find_user(const std::string& name) const override;
    void add_session(const DashboardSession& session) override;
    std::optional<DashboardSession> find_session(const std::string& token_hash, const std::string& now) const override;
    void delete_session(const std::string& token_hash) override;
    std::int64_t delete_expired_sessions(const std::string& now) override;

    std::string tally_fingerprint() const override;
    std::optional<Tallies> tallies_in_range(const RecordFilter& filter, const std::string& fingerprint) const override;
    std::int64_t rebuild_tallies() override;

    std::vector<bool> insert_referrals(const std::vector<StoredReferral>& referrals) override;
    std::vector<StoredReferral> referrals_of(const std::string& organisation) const override;
    std::int64_t referral_count() const override;
    std::vector<std::tuple<std::string, std::string, std::int64_t>> referral_months() const override;

    void check_writable() override;
    std::int64_t begin_login_attempt(const std::vector<LoginLimit>& limits, std::int64_t now_unix,
                                     std::int64_t window_seconds) override;
    void clear_login_failure(const std::string& key) override;
    std::string get_or_create_secret(const std::string& name, const std::string& candidate) override;

private:
    class Lease;
    std::unique_ptr<PgConnection> connect() const;
    // Runs `body(pqxx::connection&)` on a pooled connection; libpqxx errors become StorageError.
    template <typename Body>
    auto with_connection(const char* doing, Body body) const;

    std::string connection_string_;
    std::size_t pool_size_;
    mutable std::mutex mutex_;
    mutable std::condition_variable returned_;
    mutable std::vector<std::unique_ptr<PgConnection>> idle_;
    mutable std::size_t leased_ = 0;
};

}  // namespace selfcheck::collector
