#include "server/store/sqlite_schema.h"

namespace selfcheck::collector {

const std::vector<const char*>& sqlite_store_migrations() {
    // Append only: a migration that has shipped is never edited, a new one is added instead.
    static const std::vector<const char*> steps = {
        // 1: the walking skeleton's one table. STRICT makes SQLite enforce the column types.
        R"sql(
      CREATE TABLE records (
        record_id    TEXT    NOT NULL PRIMARY KEY,
        form_id      TEXT    NOT NULL,
        form_version INTEGER NOT NULL,
        language     TEXT    NOT NULL,
        site         TEXT    NOT NULL,
        completed_on TEXT    NOT NULL,
        answers_json TEXT    NOT NULL,
        received_at  TEXT    NOT NULL
      ) STRICT;
    )sql",
        // 2: sealed batches from registered devices (docs/protocol.md). Records gain what the
        // protocol's record adds and the device that sent them; records stored before this
        // step keep the defaults. Only a token's hash is kept; check-ins keep the latest only.
        R"sql(
      ALTER TABLE records ADD COLUMN schema INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE records ADD COLUMN indicators_json TEXT NOT NULL DEFAULT '[]';
      ALTER TABLE records ADD COLUMN result_level TEXT NOT NULL DEFAULT '';
      ALTER TABLE records ADD COLUMN device_id TEXT;
      CREATE TABLE devices (
        device_id  TEXT NOT NULL PRIMARY KEY,
        site       TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
      CREATE INDEX devices_by_site ON devices (site);
      CREATE TABLE checkins (
        device_id       TEXT    NOT NULL PRIMARY KEY REFERENCES devices (device_id),
        received_at     TEXT    NOT NULL,
        queue_size      INTEGER NOT NULL,
        rejected        INTEGER NOT NULL,
        last_error      TEXT    NOT NULL,
        content_version TEXT    NOT NULL,
        app_version     TEXT    NOT NULL
      ) STRICT;
    )sql",
        // 3: reports read records by completed_on (and site); dashboard users and sessions.
        // A session keeps only the hash of its cookie value.
        R"sql(
      CREATE INDEX records_by_completed_on ON records (completed_on, site);
      CREATE TABLE dashboard_users (
        name          TEXT NOT NULL PRIMARY KEY,
        password_hash TEXT NOT NULL,
        created_at    TEXT NOT NULL
      ) STRICT;
      CREATE TABLE dashboard_sessions (
        token_hash TEXT NOT NULL PRIMARY KEY,
        user_name  TEXT NOT NULL REFERENCES dashboard_users (name),
        csrf_token TEXT NOT NULL,
        expires_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at);
    )sql",
        // 4: a kiosk in trouble is heard: check-ins carry the records dropped at a cap and the
        // oldest waiting date, and each device keeps when a batch from it was last stored
        // (filled in from the records already held).
        R"sql(
      ALTER TABLE checkins ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE checkins ADD COLUMN oldest_queued_on TEXT NOT NULL DEFAULT '';
      ALTER TABLE devices ADD COLUMN last_delivery_at TEXT;
      UPDATE devices SET last_delivery_at =
        (SELECT max(received_at) FROM records WHERE records.device_id = devices.device_id);
    )sql",
        // 5: the collector on the open internet. Failed logins counted per key (so a restart
        // keeps them), secrets the collector makes for itself (the login form's HMAC key), and
        // a row /healthz rewrites to show the store can take a write.
        R"sql(
      CREATE TABLE login_failures (
        key      TEXT    NOT NULL PRIMARY KEY,
        first_at INTEGER NOT NULL,
        failures INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX login_failures_by_age ON login_failures (first_at);
      CREATE TABLE collector_secrets (
        name  TEXT NOT NULL PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE health_probe (
        id     INTEGER NOT NULL PRIMARY KEY,
        writes INTEGER NOT NULL
      ) STRICT;
    )sql",
        // 6: report tallies (report_tally.h): per day and per month, site and cell, how many
        // records have it, kept with each record stored; and the fingerprint of the form they
        // were counted for, empty until `collector serve` has counted the records already held.
        R"sql(
      CREATE TABLE tally_days (
        day         TEXT    NOT NULL,
        site        TEXT    NOT NULL,
        form_id     TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        nationality TEXT    NOT NULL,
        kind        TEXT    NOT NULL,
        item        TEXT    NOT NULL,
        value       TEXT    NOT NULL,
        count       INTEGER NOT NULL,
        first       TEXT    NOT NULL,
        PRIMARY KEY (day, site, form_id, language, nationality, kind, item, value)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE tally_months (
        month       TEXT    NOT NULL,
        site        TEXT    NOT NULL,
        form_id     TEXT    NOT NULL,
        language    TEXT    NOT NULL,
        nationality TEXT    NOT NULL,
        kind        TEXT    NOT NULL,
        item        TEXT    NOT NULL,
        value       TEXT    NOT NULL,
        count       INTEGER NOT NULL,
        first       TEXT    NOT NULL,
        PRIMARY KEY (month, site, form_id, language, nationality, kind, item, value)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE tally_state (
        id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
        fingerprint TEXT    NOT NULL
      ) STRICT;
      INSERT INTO tally_state (id, fingerprint) VALUES (1, '');
    )sql",
        // 7: call-back requests (docs/protocol.md, "Referrals"), apart from records and never
        // joined to them: no device, site or time of day. `sealed` is NULL once erased. Every
        // time a caseworker opens one is written to referral_views. Dashboard users gain a
        // role ('analyst', or 'caseworker' of one organisation).
        R"sql(
      CREATE TABLE referrals (
        referral_id  TEXT NOT NULL PRIMARY KEY,
        organisation TEXT NOT NULL,
        sealed       BLOB,
        state        TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'contacted', 'closed')),
        received_on  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX referrals_by_organisation ON referrals (organisation, received_on);
      CREATE TABLE referral_views (
        viewed_at   TEXT NOT NULL,
        user_name   TEXT NOT NULL,
        referral_id TEXT NOT NULL,
        action      TEXT NOT NULL
      ) STRICT;
      ALTER TABLE dashboard_users ADD COLUMN role TEXT NOT NULL DEFAULT 'analyst';
      ALTER TABLE dashboard_users ADD COLUMN organisation TEXT NOT NULL DEFAULT '';
    )sql",
    };
    return steps;
}

}  // namespace selfcheck::collector
