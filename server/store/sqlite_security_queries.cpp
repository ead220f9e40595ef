// SqliteRecordStore: the health probe, login limits, secrets and the online backup.
#include "server/store/sqlite_record_store.h"

#include <sqlite3.h>

#include <algorithm>

namespace selfcheck::collector {

void SqliteRecordStore::check_writable() {
    std::lock_guard lock(mutex_);
    Transaction transaction(db_, "checking the store can take a write");
    db_.exec(
        "INSERT INTO health_probe (id, writes) VALUES (1, 1)"
        " ON CONFLICT (id) DO UPDATE SET writes = writes + 1",
        "checking the store can take a write");
    transaction.commit();
}

std::int64_t SqliteRecordStore::begin_login_attempt(const std::vector<LoginLimit>& limits, std::int64_t now,
                                                    std::int64_t window) {
    std::lock_guard lock(mutex_);
    // IMMEDIATE: the check and the count are one step, for other processes too.
    Transaction transaction(db_, "counting a login attempt");
    Statement expire(db_, "DELETE FROM login_failures WHERE first_at <= ?", "counting a login attempt");
    expire.bind(1, now - window).run();
    std::int64_t wait = 0;
    Statement read(db_, "SELECT first_at, failures FROM login_failures WHERE key = ?", "counting a login attempt");
    for (const LoginLimit& limit : limits) {
        read.reset();
        if (read.bind(1, limit.key).step() && read.integer(1) >= limit.max_failures) {
            wait = std::max(wait, std::max<std::int64_t>(1, read.integer(0) + window - now));
        }
    }
    if (wait > 0) return wait;  // rolled back: nothing was changed
    Statement count(db_,
                    "INSERT INTO login_failures (key, first_at, failures) VALUES (?, ?, 1)"
                    " ON CONFLICT (key) DO UPDATE SET failures = failures + 1",
                    "counting a login attempt");
    for (const LoginLimit& limit : limits) {
        count.reset();
        count.bind(1, limit.key).bind(2, now).run();
    }
    transaction.commit();
    return 0;
}

void SqliteRecordStore::clear_login_failure(const std::string& key) {
    std::lock_guard lock(mutex_);
    Transaction transaction(db_, "clearing a login failure");
    Statement less(db_, "UPDATE login_failures SET failures = failures - 1 WHERE key = ?", "clearing a login failure");
    less.bind(1, key).run();
    Statement gone(db_, "DELETE FROM login_failures WHERE key = ? AND failures <= 0", "clearing a login failure");
    gone.bind(1, key).run();
    transaction.commit();
}

std::string SqliteRecordStore::get_or_create_secret(const std::string& name, const std::string& candidate) {
    std::lock_guard lock(mutex_);
    Transaction transaction(db_, "reading a secret");
    Statement insert(db_, "INSERT INTO collector_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                     "storing a secret");
    insert.bind(1, name).bind(2, candidate).run();
    Statement read(db_, "SELECT value FROM collector_secrets WHERE name = ?", "reading a secret");
    read.bind(1, name).step();
    std::string value = read.text(0);
    transaction.commit();
    return value;
}

void SqliteRecordStore::backup_to(const std::string& path) const {
    std::lock_guard lock(mutex_);
    Database target(path, DatabaseOptions{});
    sqlite3_backup* backup = sqlite3_backup_init(target.handle(), "main", db_.handle(), "main");
    if (backup == nullptr)
        throw StorageError(path, "starting a backup", sqlite3_errcode(target.handle()),
                           sqlite3_errmsg(target.handle()));
    // All pages in one step: the copy is one consistent snapshot of the source.
    const int stepped = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (stepped != SQLITE_DONE) {
        throw StorageError(path, "writing the backup", stepped, sqlite3_errstr(stepped));
    }
}

}  // namespace selfcheck::collector
