#pragma once
// Where devices and accepted records are kept: SqliteRecordStore (one file) or
// PostgresRecordStore (one database several collectors may share); open_store() picks one
// from the --db value. Implementations must be safe to call from several HTTP worker
// threads at once, and other processes may use the same database at the same time.

#include "common/sqlite/storage_error.h"
#include "server/store/dashboard_user.h"
#include "server/store/device.h"
#include "server/store/login_limits.h"
#include "server/store/report_query.h"
#include "server/store/report_tally.h"
#include "server/store/stored_record.h"
#include "server/store/stored_referral.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

namespace selfcheck::collector {

// Every method throws StorageError (common/sqlite/storage_error.h) when the store cannot do its
// job (I/O error, busy, unreachable, corrupt or too-new schema). Callers treat it as
// temporary: nothing was stored, the kiosk should retry.

// The devices a batch came from (records from before devices left out), each with the latest
// received_at among its records: what insert_batch keeps as their last delivery.
std::map<std::string, std::string> deliveries(const std::vector<StoredRecord>& records);

class RecordStore {
public:
    virtual ~RecordStore() = default;

    // ---- records

    // Stores the records durably, all or none. Element i is true if records[i] was stored
    // now, false if a record with its record_id was already present (kiosks resend, so this
    // is routine; two collectors racing on one record store it once). In the same
    // transaction, notes the delivery on each sending device (deliveries()). Throws StorageError.
    virtual std::vector<bool> insert_batch(const std::vector<StoredRecord>& records) = 0;

    bool insert(const StoredRecord& stored) { return insert_batch({stored}).front(); }

    virtual std::int64_t count() const = 0;
    virtual bool contains(const std::string& record_id) const = 0;
    // Read back for checks and tests; empty optional if absent.
    virtual std::optional<StoredRecord> find(const std::string& record_id) const = 0;

    // ---- devices

    // Throws StorageError if the device id or token hash is taken.
    virtual void add_device(const Device& device, const std::string& token_hash) = 0;
    // The device holding this token, revoked or not; empty optional if none does.
    // Asked on every request, so a revocation takes effect at once.
    virtual std::optional<Device> find_device_by_token(const std::string& token_hash) const = 0;
    // Revokes the device with this id or, if none has it, every device of this site that is
    // not revoked yet. Returns the devices revoked now.
    virtual std::vector<Device> revoke_devices(const std::string& device_id_or_site, const std::string& revoked_at) = 0;
    // All devices, oldest first, with their latest check-in.
    virtual std::vector<DeviceStatus> list_devices() const = 0;
    virtual void record_checkin(const std::string& device_id, const CheckIn& checkin) = 0;

    // ---- reports and dashboard (both real stores implement these; the defaults throw
    // StorageError so a test double need not)

    // Records whose completed_on lies in [filter.from, filter.to] and, if filter.site is set,
    // of that site; ordered by completed_on then record_id. Uses an index on completed_on.
    virtual std::vector<Record> records_in_range(const RecordFilter& filter) const;

    // ---- report tallies (report_tally.h; both real stores implement these)

    // From now on, records stored are tallied by `tallier` in the same transaction, while the
    // tallies are current for its fingerprint; a record stored while they are not (or by a
    // store without a tallier) leaves them stale. Call before the store is shared by threads.
    void set_tallier(std::shared_ptr<const Tallier> tallier) { tallier_ = std::move(tallier); }
    // The fingerprint the kept tallies are current for; empty if they are stale.
    virtual std::string tally_fingerprint() const;
    // The cells of records in the filter's range, summed; empty optional if the tallies are
    // not current for `fingerprint` (the caller then counts the records).
    virtual std::optional<Tallies> tallies_in_range(const RecordFilter& filter, const std::string& fingerprint) const;
    // Recounts every record with the tallier set (which must be), all in one transaction,
    // and marks the tallies current for it. Returns the number of records counted.
    virtual std::int64_t rebuild_tallies();

    // Throws StorageError if the name is taken.
    virtual void add_user(const DashboardUser& user);
    virtual std::optional<DashboardUser> find_user(const std::string& name) const;
    virtual void add_session(const DashboardSession& session);
    // The session with this token hash if it expires after `now`; empty optional otherwise.
    virtual std::optional<DashboardSession> find_session(const std::string& token_hash, const std::string& now) const;
    virtual void delete_session(const std::string& token_hash);
    // Removes sessions that expired at or before `now`; returns how many.
    virtual std::int64_t delete_expired_sessions(const std::string& now);

    // ---- call-back requests (stored_referral.h; both real stores implement these)

    // Stores the requests durably, all or none; element i is true if referrals[i] was stored
    // now, false if one with its id was already held. Throws StorageError.
    virtual std::vector<bool> insert_referrals(const std::vector<StoredReferral>& referrals);
    // The organisation's requests, newest first, sealed boxes included (erased ones empty).
    virtual std::vector<StoredReferral> referrals_of(const std::string& organisation) const;
    virtual std::int64_t referral_count() const;
    // (organisation, YYYY-MM, requests received) for every month an organisation received any.
    virtual std::vector<std::tuple<std::string, std::string, std::int64_t>> referral_months() const;
    // Moves the organisation's request to `state` (stored_referral.h); closing erases its
    // sealed box for good. False when the organisation holds no request with that id.
    virtual bool set_referral_state(const std::string& organisation, const std::string& referral_id,
                                    const std::string& state);
    // Erases the sealed box of every request received before `date` (YYYY-MM-DD): the
    // retention period. Returns how many were erased now.
    virtual std::int64_t erase_referrals_received_before(const std::string& date);
    // Writes one row to the audit log: who opened or changed which request, and when (UTC).
    virtual void log_referral_view(const std::string& user_name, const std::string& referral_id,
                                   const std::string& action, const std::string& at);
    virtual std::int64_t referral_view_count(const std::string& referral_id) const;

    // ---- health, login limits and secrets (both real stores implement these)

    // Makes a small durable write; throws StorageError when the store cannot take one (disk
    // full, read-only, unreachable).
    virtual void check_writable();
    // Atomically, for all `limits` together: if any key already has its max_failures within
    // the window (starting at its first failure, `window_seconds` long), changes nothing and
    // returns the seconds until it may try again; otherwise counts one failure against every
    // key and returns 0. An attempt counts as failed until clear_login_failure says
    // otherwise, so parallel guesses cannot all pass the check before any is counted.
    virtual std::int64_t begin_login_attempt(const std::vector<LoginLimit>& limits, std::int64_t now_unix,
                                             std::int64_t window_seconds);
    // Takes back the failure begin_login_attempt counted on `key` (the login succeeded).
    virtual void clear_login_failure(const std::string& key);
    // The secret stored under `name`; the first caller's `candidate` becomes it.
    virtual std::string get_or_create_secret(const std::string& name, const std::string& candidate);

protected:
    std::shared_ptr<const Tallier> tallier_;
};

}  // namespace selfcheck::collector
