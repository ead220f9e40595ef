// SqliteRecordStore: what reports and the dashboard read and write (records by date range,
// dashboard users, sessions).
#include "server/store/sqlite_record_store.h"

namespace selfcheck::collector {

std::vector<Record> SqliteRecordStore::records_in_range(const RecordFilter& filter) const {
    std::lock_guard lock(mutex_);
    // The range is read through records_by_completed_on; the site test uses the index too.
    Statement rows(db_,
                   (std::string("SELECT ") + kSqliteRecordColumns +
                    " FROM records WHERE completed_on >= ?1 AND completed_on <= ?2 AND (?3 = '' OR site = ?3)"
                    " ORDER BY completed_on, record_id")
                       .c_str(),
                   "reading records for a report");
    rows.bind(1, filter.from).bind(2, filter.to).bind(3, filter.site);
    std::vector<Record> records;
    while (rows.step()) records.push_back(stored_record_from_row(rows).record);
    return records;
}

void SqliteRecordStore::add_user(const DashboardUser& user) {
    std::lock_guard lock(mutex_);
    Statement insert(db_,
                     "INSERT INTO dashboard_users (name, password_hash, created_at, role, organisation)"
                     " VALUES (?, ?, ?, ?, ?)",
                     "adding dashboard user '" + user.name + "'");
    insert.bind(1, user.name)
        .bind(2, user.password_hash)
        .bind(3, user.created_at)
        .bind(4, user.role)
        .bind(5, user.organisation)
        .run();
}

std::optional<DashboardUser> SqliteRecordStore::find_user(const std::string& name) const {
    std::lock_guard lock(mutex_);
    Statement row(db_, "SELECT name, password_hash, created_at, role, organisation FROM dashboard_users WHERE name = ?",
                  "looking up a dashboard user");
    if (!row.bind(1, name).step()) return std::nullopt;
    return DashboardUser{row.text(0), row.text(1), row.text(2), row.text(3), row.text(4)};
}

void SqliteRecordStore::add_session(const DashboardSession& session) {
    std::lock_guard lock(mutex_);
    Statement insert(
        db_, "INSERT INTO dashboard_sessions (token_hash, user_name, csrf_token, expires_at) VALUES (?, ?, ?, ?)",
        "storing a dashboard session");
    insert.bind(1, session.token_hash)
        .bind(2, session.user_name)
        .bind(3, session.csrf_token)
        .bind(4, session.expires_at)
        .run();
}

std::optional<DashboardSession> SqliteRecordStore::find_session(const std::string& token_hash,
                                                                const std::string& now) const {
    std::lock_guard lock(mutex_);
    Statement row(db_,
                  "SELECT token_hash, user_name, csrf_token, expires_at FROM dashboard_sessions"
                  " WHERE token_hash = ? AND expires_at > ?",
                  "looking up a dashboard session");
    if (!row.bind(1, token_hash).bind(2, now).step()) return std::nullopt;
    return DashboardSession{row.text(0), row.text(1), row.text(2), row.text(3)};
}

void SqliteRecordStore::delete_session(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    Statement remove(db_, "DELETE FROM dashboard_sessions WHERE token_hash = ?", "ending a dashboard session");
    remove.bind(1, token_hash).run();
}

std::int64_t SqliteRecordStore::delete_expired_sessions(const std::string& now) {
    std::lock_guard lock(mutex_);
    Statement remove(db_, "DELETE FROM dashboard_sessions WHERE expires_at <= ?",
                     "removing expired dashboard sessions");
    remove.bind(1, now).run();
    return db_.changes();
}

}  // namespace selfcheck::collector
