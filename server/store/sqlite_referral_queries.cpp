// SqliteRecordStore: call-back requests, kept apart from records (stored_referral.h).
#include "server/store/sqlite_record_store.h"

namespace selfcheck::collector {

std::vector<bool> SqliteRecordStore::insert_referrals(const std::vector<StoredReferral>& referrals) {
    std::vector<bool> stored_now;
    std::lock_guard lock(mutex_);
    Transaction transaction(db_, "storing referrals");
    Statement insert(db_,
                     "INSERT INTO referrals (referral_id, organisation, sealed, state, received_on)"
                     " VALUES (?, ?, ?, ?, ?) ON CONFLICT (referral_id) DO NOTHING",
                     "storing a referral");
    for (const StoredReferral& referral : referrals) {
        insert.reset();
        insert.bind(1, referral.referral_id)
            .bind(2, referral.organisation)
            .bind_blob(3, referral.sealed)
            .bind(4, referral.state)
            .bind(5, referral.received_on)
            .run();
        stored_now.push_back(db_.changes() == 1);
    }
    transaction.commit();
    return stored_now;
}

std::vector<StoredReferral> SqliteRecordStore::referrals_of(const std::string& organisation) const {
    std::lock_guard lock(mutex_);
    Statement rows(db_,
                   "SELECT referral_id, organisation, coalesce(sealed, x''), state, received_on FROM referrals"
                   " WHERE organisation = ? ORDER BY received_on DESC, referral_id",
                   "reading referrals");
    rows.bind(1, organisation);
    std::vector<StoredReferral> found;
    while (rows.step()) found.push_back({rows.text(0), rows.text(1), rows.blob(2), rows.text(3), rows.text(4)});
    return found;
}

std::int64_t SqliteRecordStore::referral_count() const {
    std::lock_guard lock(mutex_);
    return db_.query_integer("SELECT count(*) FROM referrals", "counting referrals");
}

std::vector<std::tuple<std::string, std::string, std::int64_t>> SqliteRecordStore::referral_months() const {
    std::lock_guard lock(mutex_);
    Statement rows(db_,
                   "SELECT organisation, substr(received_on, 1, 7) AS month, count(*) FROM referrals"
                   " GROUP BY organisation, month ORDER BY organisation, month",
                   "counting referrals per month");
    std::vector<std::tuple<std::string, std::string, std::int64_t>> months;
    while (rows.step()) months.emplace_back(rows.text(0), rows.text(1), rows.integer(2));
    return months;
}

bool SqliteRecordStore::set_referral_state(const std::string& organisation, const std::string& referral_id,
                                           const std::string& state) {
    std::lock_guard lock(mutex_);
    {
        Transaction transaction(db_, "changing a referral's state");
        Statement update(db_,
                         "UPDATE referrals SET state = ?1,"
                         " sealed = CASE WHEN ?1 = 'closed' THEN NULL ELSE sealed END"
                         " WHERE organisation = ?2 AND referral_id = ?3",
                         "changing a referral's state");
        update.bind(1, state).bind(2, organisation).bind(3, referral_id).run();
        if (db_.changes() != 1) return false;
        transaction.commit();
    }
    if (state == kReferralClosed) checkpoint_erasure();
    return true;
}

std::int64_t SqliteRecordStore::erase_referrals_received_before(const std::string& date) {
    std::lock_guard lock(mutex_);
    std::int64_t erased = 0;
    {
        Transaction transaction(db_, "erasing old referrals");
        Statement erase(db_, "UPDATE referrals SET sealed = NULL WHERE received_on < ? AND sealed IS NOT NULL",
                        "erasing old referrals");
        erase.bind(1, date).run();
        erased = db_.changes();
        transaction.commit();
    }
    if (erased > 0) checkpoint_erasure();
    return erased;
}

void SqliteRecordStore::checkpoint_erasure() {
    // TRUNCATE waits for readers and leaves the WAL empty (zero bytes), not merely reusable.
    db_.exec("PRAGMA wal_checkpoint(TRUNCATE)", "clearing erased referrals from the WAL");
}

void SqliteRecordStore::log_referral_view(const std::string& user_name, const std::string& referral_id,
                                          const std::string& action, const std::string& at) {
    std::lock_guard lock(mutex_);
    Statement insert(db_, "INSERT INTO referral_views (viewed_at, user_name, referral_id, action) VALUES (?, ?, ?, ?)",
                     "logging a referral view");
    insert.bind(1, at).bind(2, user_name).bind(3, referral_id).bind(4, action).run();
}

std::int64_t SqliteRecordStore::referral_view_count(const std::string& referral_id) const {
    std::lock_guard lock(mutex_);
    Statement count(db_, "SELECT count(*) FROM referral_views WHERE referral_id = ?", "counting referral views");
    count.bind(1, referral_id).step();
    return count.integer(0);
}

}  // namespace selfcheck::collector
