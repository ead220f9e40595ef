// SqliteRecordStore: what reports and the dashboard read and write (records by date range,
// dashboard users, sessions).
#include "server/store/sqlite_record_store.h"

#include <sqlite3.h>

namespace collector {
namespace {

using sqlite::column_text;

}  // namespace

std::vector<Record> SqliteRecordStore::records_in_range(const RecordFilter& filter) const {
    std::lock_guard lock(mutex_);
    // The range is read through records_by_completed_on; the site test uses the index too.
    const std::string sql = std::string("SELECT ") + kSqliteRecordColumns +
                            " FROM records WHERE completed_on >= ?1 AND completed_on <= ?2 AND (?3 = '' OR site = ?3)"
                            " ORDER BY completed_on, record_id";
    sqlite::Statement statement = sqlite::prepare(db_.get(), sql.c_str());
    sqlite::bind_text(statement.get(), 1, filter.from);
    sqlite::bind_text(statement.get(), 2, filter.to);
    sqlite::bind_text(statement.get(), 3, filter.site);
    std::vector<Record> records;
    sqlite3_stmt* row = statement.get();
    int rc = 0;
    while ((rc = sqlite3_step(row)) == SQLITE_ROW) records.push_back(stored_record_from_row(row).record);
    if (rc != SQLITE_DONE) sqlite::fail(db_.get(), "reading records for a report");
    return records;
}

void SqliteRecordStore::add_user(const DashboardUser& user) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(), "INSERT INTO dashboard_users (name, password_hash, created_at) VALUES (?, ?, ?)");
    sqlite::bind_text(statement.get(), 1, user.name);
    sqlite::bind_text(statement.get(), 2, user.password_hash);
    sqlite::bind_text(statement.get(), 3, user.created_at);
    if (sqlite3_step(statement.get()) != SQLITE_DONE)
        sqlite::fail(db_.get(), "adding dashboard user '" + user.name + "'");
}

std::optional<DashboardUser> SqliteRecordStore::find_user(const std::string& name) const {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(), "SELECT name, password_hash, created_at FROM dashboard_users WHERE name = ?");
    sqlite::bind_text(statement.get(), 1, name);
    const int rc = sqlite3_step(statement.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) sqlite::fail(db_.get(), "looking up a dashboard user");
    return DashboardUser{column_text(statement.get(), 0), column_text(statement.get(), 1),
                         column_text(statement.get(), 2)};
}

void SqliteRecordStore::add_session(const DashboardSession& session) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement = sqlite::prepare(
        db_.get(),
        "INSERT INTO dashboard_sessions (token_hash, user_name, csrf_token, expires_at) VALUES (?, ?, ?, ?)");
    sqlite::bind_text(statement.get(), 1, session.token_hash);
    sqlite::bind_text(statement.get(), 2, session.user_name);
    sqlite::bind_text(statement.get(), 3, session.csrf_token);
    sqlite::bind_text(statement.get(), 4, session.expires_at);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) sqlite::fail(db_.get(), "storing a dashboard session");
}

std::optional<DashboardSession> SqliteRecordStore::find_session(const std::string& token_hash,
                                                                const std::string& now) const {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement =
        sqlite::prepare(db_.get(),
                        "SELECT token_hash, user_name, csrf_token, expires_at FROM dashboard_sessions"
                        " WHERE token_hash = ? AND expires_at > ?");
    sqlite::bind_text(statement.get(), 1, token_hash);
    sqlite::bind_text(statement.get(), 2, now);
    const int rc = sqlite3_step(statement.get());
    if (rc == SQLITE_DONE) return std::nullopt;
    if (rc != SQLITE_ROW) sqlite::fail(db_.get(), "looking up a dashboard session");
    sqlite3_stmt* row = statement.get();
    return DashboardSession{column_text(row, 0), column_text(row, 1), column_text(row, 2), column_text(row, 3)};
}

void SqliteRecordStore::delete_session(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement = sqlite::prepare(db_.get(), "DELETE FROM dashboard_sessions WHERE token_hash = ?");
    sqlite::bind_text(statement.get(), 1, token_hash);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) sqlite::fail(db_.get(), "ending a dashboard session");
}

std::int64_t SqliteRecordStore::delete_expired_sessions(const std::string& now) {
    std::lock_guard lock(mutex_);
    sqlite::Statement statement = sqlite::prepare(db_.get(), "DELETE FROM dashboard_sessions WHERE expires_at <= ?");
    sqlite::bind_text(statement.get(), 1, now);
    if (sqlite3_step(statement.get()) != SQLITE_DONE) sqlite::fail(db_.get(), "removing expired dashboard sessions");
    return sqlite3_changes(db_.get());
}

}  // namespace collector
