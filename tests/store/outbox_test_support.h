#pragma once
// Small helpers shared by the outbox tests: a settable date, all records read back, and
// raw SQLite access to look at a file the way an attacker or a recovery would.
#include "kiosk/store/outbox.h"

#include <sqlite3.h>

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace selfcheck::testing {

// The outbox's date source, moved by the test.
struct TestClock {
    std::shared_ptr<std::string> day = std::make_shared<std::string>("2026-11-22");
    std::function<std::string()> source() const {
        auto d = day;
        return [d] { return *d; };
    }
};

inline OutboxOptions outbox_options(OutboxLimits limits, const TestClock& day, const Clock* running = nullptr) {
    OutboxOptions options;
    options.limits = limits;
    options.today = day.source();
    options.clock = running;
    return options;
}

// A record id made from a number: 32 characters, as the outbox stores any id.
inline std::string id(int n) {
    const std::string digits = std::to_string(n);
    return std::string(32 - digits.size(), '0') + digits;
}

inline std::vector<std::string> pending_ids(Outbox& outbox) {
    std::vector<std::string> ids;
    for (const auto& entry : outbox.next_batch(1000000)) ids.push_back(entry.record_id);
    return ids;
}

// A plain connection for looking at the file from outside the Outbox class.
class RawDb {
public:
    explicit RawDb(const std::string& path) {
        if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("cannot open " + path);
    }
    ~RawDb() { sqlite3_close(db_); }
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;
    void exec(const std::string& sql) {
        char* error = nullptr;
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(sql + ": " + message);
        }
    }
    // Every row's first column, as text.
    std::vector<std::string> column(const std::string& sql) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
            throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
        std::vector<std::string> rows;
        while (sqlite3_step(statement) == SQLITE_ROW) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
            rows.push_back(text ? text : "");
        }
        sqlite3_finalize(statement);
        return rows;
    }
    std::string value(const std::string& sql) {
        const auto rows = column(sql);
        return rows.empty() ? "" : rows.front();
    }

private:
    sqlite3* db_ = nullptr;
};

}  // namespace selfcheck::testing
