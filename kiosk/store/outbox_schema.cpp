#include "outbox_schema.h"

#include <string>

namespace selfcheck {

const std::vector<const char*>& outbox_migrations() {
    static const std::vector<const char*> steps = {
        // 1: sealed records in the order they were completed; counters for the staff panel.
        // record_id is random and travels outside the seal anyway (docs/protocol.md), so it
        // may be a column: acknowledgements and duplicates are found by it. queued_on is a
        // date, never a time; it ages records for the age cap.
        R"sql(
CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY,
    record_id TEXT NOT NULL UNIQUE,
    sealed BLOB NOT NULL,
    queued_on TEXT NOT NULL,
    rejected_reason TEXT
);
CREATE INDEX outbox_pending ON outbox (rejected_reason, seq);
CREATE TABLE completed_per_day (
    day TEXT PRIMARY KEY,
    completed INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO counters (name, value) VALUES ('dropped_total', 0);
)sql",
    };
    return steps;
}

void migrate_outbox(Database& db) {
    const auto& steps = outbox_migrations();
    int version = 0;
    {
        Statement read(db, "PRAGMA user_version", "reading the schema version");
        if (read.step()) version = int(read.integer(0));
    }
    if (version > int(steps.size()))
        throw StoreError(db.path(), "opening the outbox", 0,
                         "schema version " + std::to_string(version) + " is newer than this kiosk knows (" +
                             std::to_string(steps.size()) + "); install the newer kiosk again");
    for (; version < int(steps.size()); ++version) {
        const std::string operation = "migrating the schema to version " + std::to_string(version + 1);
        Transaction transaction(db, operation);
        db.exec(steps[size_t(version)], operation);
        db.exec(("PRAGMA user_version = " + std::to_string(version + 1)).c_str(), operation);
        transaction.commit();
    }
}

}  // namespace selfcheck
