#include "server/store/postgres_schema.h"

#include "server/store/record_store.h"

#include <pqxx/pqxx>

#include <array>
#include <string>

namespace selfcheck::collector::postgres {
namespace {

// Any constant the collector alone uses: "collector" in ASCII.
constexpr long long kMigrationLockKey = 0x636f6c6c6563746fLL;

// Append only: a migration that has shipped is never edited, a new one is added instead.
// Times are kept as the same "YYYY-MM-DDTHH:MM:SSZ" text as in SQLite, and answers as the
// canonical JSON text, so both stores give back exactly what they were given.
constexpr std::array kMigrations = {
    // 1: devices (token hashes only), their latest check-in, and records.
    R"sql(
      CREATE TABLE devices (
        device_id  text PRIMARY KEY,
        site       text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        created_at text NOT NULL,
        revoked_at text
      );
      CREATE INDEX devices_by_site ON devices (site);
      CREATE TABLE checkins (
        device_id       text   PRIMARY KEY REFERENCES devices (device_id),
        received_at     text   NOT NULL,
        queue_size      bigint NOT NULL,
        rejected        bigint NOT NULL,
        last_error      text   NOT NULL,
        content_version text   NOT NULL,
        app_version     text   NOT NULL
      );
      CREATE TABLE records (
        record_id       text   PRIMARY KEY,
        form_id         text   NOT NULL,
        form_version    bigint NOT NULL,
        language        text   NOT NULL,
        site            text   NOT NULL,
        completed_on    text   NOT NULL,
        answers_json    text   NOT NULL,
        received_at     text   NOT NULL,
        schema          bigint NOT NULL,
        indicators_json text   NOT NULL,
        result_level    text   NOT NULL,
        device_id       text   REFERENCES devices (device_id)
      );
    )sql",
    // 2: reports read records by completed_on (and site); dashboard users and sessions.
    // A session keeps only the hash of its cookie value.
    R"sql(
      CREATE INDEX records_by_completed_on ON records (completed_on, site);
      CREATE TABLE dashboard_users (
        name          text PRIMARY KEY,
        password_hash text NOT NULL,
        created_at    text NOT NULL
      );
      CREATE TABLE dashboard_sessions (
        token_hash text PRIMARY KEY,
        user_name  text NOT NULL REFERENCES dashboard_users (name),
        csrf_token text NOT NULL,
        expires_at text NOT NULL
      );
      CREATE INDEX dashboard_sessions_by_expiry ON dashboard_sessions (expires_at);
    )sql",
    // 3: as the SQLite store's step 4: check-ins carry the records dropped at a cap and the
    // oldest waiting date; each device keeps when a batch from it was last stored.
    R"sql(
      ALTER TABLE checkins ADD COLUMN dropped bigint NOT NULL DEFAULT 0;
      ALTER TABLE checkins ADD COLUMN oldest_queued_on text NOT NULL DEFAULT '';
      ALTER TABLE devices ADD COLUMN last_delivery_at text;
      UPDATE devices SET last_delivery_at =
        (SELECT max(received_at) FROM records WHERE records.device_id = devices.device_id);
    )sql",
    // 4: as the SQLite store's step 5: failed logins per key, the collector's own secrets,
    // and a row /healthz rewrites.
    R"sql(
      CREATE TABLE login_failures (
        key      text   PRIMARY KEY,
        first_at bigint NOT NULL,
        failures bigint NOT NULL
      );
      CREATE INDEX login_failures_by_age ON login_failures (first_at);
      CREATE TABLE collector_secrets (
        name  text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE health_probe (
        id     integer PRIMARY KEY,
        writes bigint  NOT NULL
      );
    )sql",
    // 5: as the SQLite store's step 6: report tallies per day and per month, and the
    // fingerprint they were counted for. Text compares bytewise ("C"), as in SQLite.
    R"sql(
      CREATE TABLE tally_days (
        day         text COLLATE "C" NOT NULL,
        site        text COLLATE "C" NOT NULL,
        form_id     text COLLATE "C" NOT NULL,
        language    text COLLATE "C" NOT NULL,
        nationality text COLLATE "C" NOT NULL,
        kind        text COLLATE "C" NOT NULL,
        item        text COLLATE "C" NOT NULL,
        value       text COLLATE "C" NOT NULL,
        count       bigint NOT NULL,
        first       text COLLATE "C" NOT NULL,
        PRIMARY KEY (day, site, form_id, language, nationality, kind, item, value)
      );
      CREATE TABLE tally_months (
        month       text COLLATE "C" NOT NULL,
        site        text COLLATE "C" NOT NULL,
        form_id     text COLLATE "C" NOT NULL,
        language    text COLLATE "C" NOT NULL,
        nationality text COLLATE "C" NOT NULL,
        kind        text COLLATE "C" NOT NULL,
        item        text COLLATE "C" NOT NULL,
        value       text COLLATE "C" NOT NULL,
        count       bigint NOT NULL,
        first       text COLLATE "C" NOT NULL,
        PRIMARY KEY (month, site, form_id, language, nationality, kind, item, value)
      );
      CREATE TABLE tally_state (
        id          integer PRIMARY KEY CHECK (id = 1),
        fingerprint text NOT NULL
      );
      INSERT INTO tally_state (id, fingerprint) VALUES (1, '');
    )sql",
    // 7: call-back requests, as SQLite's step 7 (sqlite_schema.cpp); `sealed` is the sealed
    // box as base64 text, NULL once erased.
    R"sql(
      CREATE TABLE referrals (
        referral_id  text COLLATE "C" PRIMARY KEY,
        organisation text COLLATE "C" NOT NULL,
        sealed       text,
        state        text COLLATE "C" NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'contacted', 'closed')),
        received_on  text COLLATE "C" NOT NULL
      );
      CREATE INDEX referrals_by_organisation ON referrals (organisation, received_on);
      CREATE TABLE referral_views (
        viewed_at   text COLLATE "C" NOT NULL,
        user_name   text COLLATE "C" NOT NULL,
        referral_id text COLLATE "C" NOT NULL,
        action      text COLLATE "C" NOT NULL
      );
      ALTER TABLE dashboard_users ADD COLUMN role text COLLATE "C" NOT NULL DEFAULT 'analyst';
      ALTER TABLE dashboard_users ADD COLUMN organisation text COLLATE "C" NOT NULL DEFAULT '';
    )sql",
};

}  // namespace

int latest_schema_version() { return static_cast<int>(kMigrations.size()); }

void migrate(pqxx::connection_base& connection) {
    pqxx::work work(connection, "migrate");
    work.exec("SELECT pg_advisory_xact_lock(" + std::to_string(kMigrationLockKey) + ")");
    work.exec("CREATE TABLE IF NOT EXISTS collector_schema (version integer NOT NULL)");
    pqxx::result rows = work.exec("SELECT version FROM collector_schema");
    int version = 0;
    if (rows.empty()) {
        work.exec("INSERT INTO collector_schema (version) VALUES (0)");
    } else {
        version = rows[0][0].as<int>();
    }
    if (version > latest_schema_version()) {
        throw StorageError("PostgreSQL", "opening the database", 0,
                           "schema version " + std::to_string(version) + " is newer than this collector knows (" +
                               std::to_string(latest_schema_version()) + "); install the newer version again");
    }
    for (; version < latest_schema_version(); ++version) {
        work.exec(kMigrations[static_cast<std::size_t>(version)]);
    }
    work.exec("UPDATE collector_schema SET version = " + std::to_string(version));
    work.commit();
}

}  // namespace selfcheck::collector::postgres
