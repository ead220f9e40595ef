#include "kiosk/store/outbox_schema.h"

#include "common/sqlite/migrations.h"

#include <string>

namespace selfcheck {

const std::vector<const char*>& outbox_migrations() {
    static const std::vector<const char*> steps = {
        // 1: sealed records in the order they were completed; counters for the staff panel.
        // record_id is random and travels outside the seal anyway (docs/protocol.md), so it
        // may be a column: acknowledgements and duplicates are found by it. queued_on is a
        // date, never a time; it aged records for the age cap until version 2.
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
        // 2: records age by the time the outbox has been open (open_ms, kept across runs),
        // never by the calendar, so a clock stepped forward cannot expire one (issue #15).
        // Records from version 1 start ageing now.
        R"sql(
ALTER TABLE outbox ADD COLUMN queued_at_ms INTEGER NOT NULL DEFAULT 0;
INSERT INTO counters (name, value) VALUES ('open_ms', 0);
)sql",
    };
    return steps;
}

void migrate_outbox(Database& db) { migrate(db, outbox_migrations(), "this kiosk"); }

}  // namespace selfcheck
