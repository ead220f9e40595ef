#include "server/store/postgres_record_store.h"

#include "protocol/crypto/base64.h"
#include "server/store/indicator_list.h"
#include "server/store/open_store.h"
#include "server/store/postgres_schema.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <map>
#include <tuple>

namespace selfcheck::collector {

struct PgConnection {
    explicit PgConnection(const std::string& connection_string) : connection(connection_string) {}
    pqxx::connection connection;
};

namespace {

constexpr const char* kRecordColumns =
    "record_id, form_id, form_version, language, site, completed_on, answers_json,"
    " received_at, schema, indicators_json, result_level, device_id";

// Statements every pooled connection prepares once.
void prepare_statements(pqxx::connection& connection) {
    connection.prepare("find_device",
                       "SELECT device_id, site, created_at, coalesce(revoked_at, '') FROM devices"
                       " WHERE token_hash = $1");
}

// kRecordColumns as read back: a record from before devices has device_id "".
constexpr const char* kRecordReadColumns =
    "record_id, form_id, form_version, language, site, completed_on, answers_json,"
    " received_at, schema, indicators_json, result_level, coalesce(device_id, '')";

StoredRecord stored_record_from_row(const pqxx::row& row) {
    StoredRecord stored;
    Record& record = stored.record;
    record.record_id = row[0].as<std::string>();
    record.form_id = row[1].as<std::string>();
    record.form_version = row[2].as<int>();
    record.language = row[3].as<std::string>();
    record.site = row[4].as<std::string>();
    record.completed_on = row[5].as<std::string>();
    record.answers = answers_from_json(row[6].as<std::string>());
    stored.received_at = row[7].as<std::string>();
    record.schema = row[8].as<int>();
    record.indicators = indicators_from_json(row[9].as<std::string>());
    record.result_level = row[10].as<std::string>();
    stored.device_id = row[11].as<std::string>();
    return stored;
}

Device device_from_row(const pqxx::row& row) {
    return Device{row[0].as<std::string>(), row[1].as<std::string>(), row[2].as<std::string>(),
                  row[3].as<std::string>()};
}

}  // namespace

// A connection borrowed from the pool for one operation. One that failed is dropped rather
// than returned, so a restarted database server costs one failed request, not all of them.
class PostgresRecordStore::Lease {
public:
    explicit Lease(const PostgresRecordStore& store) : store_(store) {
        std::unique_lock lock(store_.mutex_);
        store_.returned_.wait(lock, [&] { return !store_.idle_.empty() || store_.leased_ < store_.pool_size_; });
        ++store_.leased_;
        if (!store_.idle_.empty()) {
            connection_ = std::move(store_.idle_.back());
            store_.idle_.pop_back();
        }
        lock.unlock();
        if (!connection_) {
            try {
                connection_ = store_.connect();
            } catch (...) {
                give_back();
                throw;
            }
        }
    }
    ~Lease() { give_back(); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;

    pqxx::connection& operator*() const { return connection_->connection; }
    void discard() { connection_.reset(); }

private:
    void give_back() {
        std::lock_guard lock(store_.mutex_);
        if (connection_ && connection_->connection.is_open()) store_.idle_.push_back(std::move(connection_));
        --store_.leased_;
        store_.returned_.notify_one();
    }

    const PostgresRecordStore& store_;
    std::unique_ptr<PgConnection> connection_;
};

template <typename Body>
auto PostgresRecordStore::with_connection(const char* doing, Body body) const {
    Lease lease(*this);
    try {
        return body(*lease);
    } catch (const pqxx::broken_connection& error) {
        lease.discard();
        throw StorageError(describe_db(connection_string_), doing, 0,
                           std::string("lost the database connection: ") + error.what());
    } catch (const pqxx::failure& error) {
        throw StorageError(describe_db(connection_string_), doing, 0, error.what());
    }
}

PostgresRecordStore::PostgresRecordStore(const std::string& connection_string, std::size_t pool_size)
    : connection_string_(connection_string), pool_size_(std::max<std::size_t>(pool_size, 1)) {
    try {
        std::unique_ptr<PgConnection> first = connect();
        postgres::migrate(first->connection);
        idle_.push_back(std::move(first));
    } catch (const StorageError&) {
        throw;
    } catch (const std::exception& error) {
        throw StorageError(describe_db(connection_string), "opening the database", 0, error.what());
    }
}

PostgresRecordStore::~PostgresRecordStore() = default;

std::unique_ptr<PgConnection> PostgresRecordStore::connect() const {
    try {
        auto connection = std::make_unique<PgConnection>(connection_string_);
        prepare_statements(connection->connection);
        return connection;
    } catch (const pqxx::failure& error) {
        throw StorageError(describe_db(connection_string_), "connecting", 0, error.what());
    }
}

namespace {

// One INSERT for the whole batch (one round trip instead of one per record), each row's
// twelve values as text parameters, which the server reads as the columns' types.
std::string multi_row_insert(std::size_t rows) {
    std::string sql = std::string("INSERT INTO records (") + kRecordColumns + ") VALUES ";
    for (std::size_t row = 0; row < rows; ++row) {
        const std::size_t p = row * 12;
        sql += row == 0 ? "(" : ", (";
        for (std::size_t column = 1; column <= 12; ++column) {
            const std::string parameter = "$" + std::to_string(p + column);
            sql += column == 12 ? "NULLIF(" + parameter + ", ''))" : parameter + ", ";
        }
    }
    return sql + " ON CONFLICT (record_id) DO NOTHING RETURNING record_id";
}

// Adds counts to the day and month tallies, a few hundred rows per statement (each row
// takes ten of PostgreSQL's 65,535 parameters). The map's order is the lock order, so two
// collectors adding to the same cells cannot deadlock.
void add_tallies(pqxx::work& work, const PeriodTallies& days, const PeriodTallies& months) {
    constexpr std::size_t kRowsPerStatement = 500;
    for (const auto& [table, period, tallies] :
         {std::tuple{"tally_days", "day", &days}, std::tuple{"tally_months", "month", &months}}) {
        std::vector<std::string> values;
        std::size_t rows = 0;
        auto flush = [&, table = table, period = period] {
            if (rows == 0) return;
            work.exec_params(tally_upsert_sql(table, period, "least", rows),
                             pqxx::prepare::make_dynamic_params(values));
            values.clear();
            rows = 0;
        };
        for (const auto& [key, count] : *tallies) {
            for (std::string& value : tally_upsert_values(key, count)) values.push_back(std::move(value));
            if (++rows == kRowsPerStatement) flush();
        }
        flush();
    }
}

// Inside insert_batch's transaction, after the records' rows are taken (so a rebuild, which
// locks the records table, is either wholly before or wholly after): tallies the records
// stored now, or marks the tallies stale if they are not current for `tallier`.
void tally_stored(pqxx::work& work, const Tallier* tallier, const std::vector<const Record*>& stored_now) {
    if (stored_now.empty()) return;
    const std::string current = work.exec1("SELECT fingerprint FROM tally_state")[0].as<std::string>();
    if (!tallier || current != tallier->fingerprint()) {
        if (!current.empty()) work.exec("UPDATE tally_state SET fingerprint = ''");
        return;
    }
    PeriodTallies days, months;
    for (const Record* record : stored_now) tally_record(*tallier, *record, days, months);
    add_tallies(work, days, months);
}

}  // namespace

std::vector<bool> PostgresRecordStore::insert_batch(const std::vector<StoredRecord>& records) {
    // Each record id once, in sorted order: two collectors storing overlapping batches then
    // take the row locks in the same order and cannot deadlock each other. A repeat inside
    // the batch is a duplicate of its first occurrence.
    std::map<std::string, std::size_t> first_of;
    for (std::size_t i = 0; i < records.size(); ++i) first_of.emplace(records[i].record.record_id, i);
    std::vector<std::string> values;
    values.reserve(first_of.size() * 12);
    for (const auto& [id, i] : first_of) {
        const StoredRecord& stored = records[i];
        const Record& r = stored.record;
        for (std::string value :
             {r.record_id, r.form_id, std::to_string(r.form_version), r.language, r.site, r.completed_on,
              answers_to_json(r.answers), stored.received_at, std::to_string(r.schema),
              indicators_to_json(r.indicators), r.result_level, stored.device_id}) {
            values.push_back(std::move(value));
        }
    }
    std::vector<bool> stored_now(records.size(), false);
    if (first_of.empty()) return stored_now;
    return with_connection("storing records", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        const pqxx::result inserted =
            work.exec_params(multi_row_insert(first_of.size()), pqxx::prepare::make_dynamic_params(values));
        for (const auto& [device_id, received_at] : deliveries(records))
            work.exec_params("UPDATE devices SET last_delivery_at = $1 WHERE device_id = $2", received_at, device_id);
        std::vector<const Record*> tallied;
        for (const pqxx::row& row : inserted) {
            const std::size_t i = first_of.at(row[0].as<std::string>());
            stored_now[i] = true;
            tallied.push_back(&records[i].record);
        }
        tally_stored(work, tallier_.get(), tallied);
        work.commit();
        return stored_now;
    });
}

std::int64_t PostgresRecordStore::count() const {
    return with_connection("counting records", [](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        return work.exec1("SELECT count(*) FROM records")[0].as<std::int64_t>();
    });
}

bool PostgresRecordStore::contains(const std::string& record_id) const {
    return with_connection("looking up a record", [&](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        return !work.exec_params("SELECT 1 FROM records WHERE record_id = $1", record_id).empty();
    });
}

std::optional<StoredRecord> PostgresRecordStore::find(const std::string& record_id) const {
    return with_connection("reading a record", [&](pqxx::connection& connection) -> std::optional<StoredRecord> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_params(
            std::string("SELECT ") + kRecordReadColumns + " FROM records WHERE record_id = $1", record_id);
        if (rows.empty()) return std::nullopt;
        return stored_record_from_row(rows[0]);
    });
}

void PostgresRecordStore::add_device(const Device& device, const std::string& token_hash) {
    with_connection("adding a device", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params("INSERT INTO devices (device_id, site, token_hash, created_at) VALUES ($1, $2, $3, $4)",
                         device.device_id, device.site, token_hash, device.created_at);
        work.commit();
        return 0;
    });
}

std::optional<Device> PostgresRecordStore::find_device_by_token(const std::string& token_hash) const {
    return with_connection("looking up a device token", [&](pqxx::connection& connection) -> std::optional<Device> {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_prepared("find_device", token_hash);
        if (rows.empty()) return std::nullopt;
        return device_from_row(rows[0]);
    });
}

std::vector<Device> PostgresRecordStore::revoke_devices(const std::string& device_id_or_site,
                                                        const std::string& revoked_at) {
    return with_connection("revoking devices", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        const pqxx::result rows = work.exec_params(
            "UPDATE devices SET revoked_at = $1 WHERE revoked_at IS NULL AND"
            " (device_id = $2 OR (site = $2 AND NOT EXISTS (SELECT 1 FROM devices WHERE device_id = $2)))"
            " RETURNING device_id, site, created_at, revoked_at",
            revoked_at, device_id_or_site);
        work.commit();
        std::vector<Device> revoked;
        for (const pqxx::row& row : rows) revoked.push_back(device_from_row(row));
        return revoked;
    });
}

std::vector<DeviceStatus> PostgresRecordStore::list_devices() const {
    return with_connection("listing devices", [&](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec(
            "SELECT d.device_id, d.site, d.created_at, coalesce(d.revoked_at, ''), c.received_at, c.queue_size,"
            " c.rejected, c.last_error, c.content_version, c.app_version, c.dropped, c.oldest_queued_on,"
            " coalesce(d.last_delivery_at, '')"
            " FROM devices d LEFT JOIN checkins c ON c.device_id = d.device_id"
            " ORDER BY d.created_at, d.device_id");
        std::vector<DeviceStatus> devices;
        for (const pqxx::row& row : rows) {
            DeviceStatus status{device_from_row(row), std::nullopt, row[12].as<std::string>()};
            if (!row[4].is_null()) {
                CheckIn checkin;
                checkin.received_at = row[4].as<std::string>();
                checkin.queue_size = row[5].as<std::int64_t>();
                checkin.rejected = row[6].as<std::int64_t>();
                checkin.last_error = row[7].as<std::string>();
                checkin.content_version = row[8].as<std::string>();
                checkin.app_version = row[9].as<std::string>();
                checkin.dropped = row[10].as<std::int64_t>();
                checkin.oldest_queued_on = row[11].as<std::string>();
                status.last_checkin = std::move(checkin);
            }
            devices.push_back(std::move(status));
        }
        return devices;
    });
}

void PostgresRecordStore::record_checkin(const std::string& device_id, const CheckIn& checkin) {
    with_connection("storing a check-in", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params(
            "INSERT INTO checkins (device_id, received_at, queue_size, rejected, last_error, content_version,"
            " app_version, dropped, oldest_queued_on) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            " ON CONFLICT (device_id) DO UPDATE SET received_at = excluded.received_at,"
            " queue_size = excluded.queue_size, rejected = excluded.rejected, last_error = excluded.last_error,"
            " content_version = excluded.content_version, app_version = excluded.app_version,"
            " dropped = excluded.dropped, oldest_queued_on = excluded.oldest_queued_on",
            device_id, checkin.received_at, checkin.queue_size, checkin.rejected, checkin.last_error,
            checkin.content_version, checkin.app_version, checkin.dropped, checkin.oldest_queued_on);
        work.commit();
        return 0;
    });
}

// ---- reports and dashboard

std::vector<Record> PostgresRecordStore::records_in_range(const RecordFilter& filter) const {
    return with_connection("reading records for a report", [&](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        const pqxx::result rows = work.exec_params(
            "SELECT record_id, form_id, form_version, language, site, completed_on, answers_json, schema,"
            " indicators_json, result_level FROM records"
            " WHERE completed_on >= $1 AND completed_on <= $2 AND ($3 = '' OR site = $3)"
            " ORDER BY completed_on, record_id",
            filter.from, filter.to, filter.site);
        std::vector<Record> records;
        records.reserve(rows.size());
        for (const pqxx::row& row : rows) {
            Record record;
            record.record_id = row[0].c_str();
            record.form_id = row[1].c_str();
            record.form_version = row[2].as<int>();
            record.language = row[3].c_str();
            record.site = row[4].c_str();
            record.completed_on = row[5].c_str();
            record.answers = answers_from_json(row[6].c_str());
            record.schema = row[7].as<int>();
            record.indicators = indicators_from_json(row[8].c_str());
            record.result_level = row[9].c_str();
            records.push_back(std::move(record));
        }
        return records;
    });
}

// Call-back requests: the sealed box is kept as base64 text (NULL once erased).
std::vector<bool> PostgresRecordStore::insert_referrals(const std::vector<StoredReferral>& referrals) {
    return with_connection("storing referrals", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        std::vector<bool> stored_now;
        for (const StoredReferral& r : referrals) {
            const pqxx::result inserted = work.exec_params(
                "INSERT INTO referrals (referral_id, organisation, sealed, state, received_on)"
                " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (referral_id) DO NOTHING RETURNING 1",
                r.referral_id, r.organisation, to_base64(r.sealed), r.state, r.received_on);
            stored_now.push_back(!inserted.empty());
        }
        work.commit();
        return stored_now;
    });
}

std::vector<StoredReferral> PostgresRecordStore::referrals_of(const std::string& organisation) const {
    return with_connection("reading referrals", [&](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        std::vector<StoredReferral> found;
        for (const auto& row : work.exec_params("SELECT referral_id, organisation, coalesce(sealed, ''), state,"
                                                " received_on FROM referrals WHERE organisation = $1"
                                                " ORDER BY received_on DESC, referral_id",
                                                organisation))
            found.push_back({row[0].c_str(), row[1].c_str(), from_base64(row[2].c_str(), "referrals.sealed"),
                             row[3].c_str(), row[4].c_str()});
        return found;
    });
}

std::int64_t PostgresRecordStore::referral_count() const {
    return with_connection("counting referrals", [](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        return work.exec1("SELECT count(*) FROM referrals")[0].as<std::int64_t>();
    });
}

std::vector<std::tuple<std::string, std::string, std::int64_t>> PostgresRecordStore::referral_months() const {
    return with_connection("counting referrals per month", [](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        std::vector<std::tuple<std::string, std::string, std::int64_t>> months;
        for (const auto& row : work.exec("SELECT organisation, substr(received_on, 1, 7) AS month, count(*)"
                                         " FROM referrals GROUP BY organisation, month ORDER BY organisation, month"))
            months.emplace_back(row[0].c_str(), row[1].c_str(), row[2].as<std::int64_t>());
        return months;
    });
}

void PostgresRecordStore::add_user(const DashboardUser& user) {
    with_connection("adding a dashboard user", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params(
            "INSERT INTO dashboard_users (name, password_hash, created_at, role, organisation)"
            " VALUES ($1, $2, $3, $4, $5)",
            user.name, user.password_hash, user.created_at, user.role, user.organisation);
        work.commit();
        return 0;
    });
}

std::optional<DashboardUser> PostgresRecordStore::find_user(const std::string& name) const {
    return with_connection("looking up a dashboard user",
                           [&](pqxx::connection& connection) -> std::optional<DashboardUser> {
                               pqxx::read_transaction work(connection);
                               const pqxx::result rows = work.exec_params(
                                   "SELECT name, password_hash, created_at, role, organisation FROM dashboard_users"
                                   " WHERE name = $1",
                                   name);
                               if (rows.empty()) return std::nullopt;
                               return DashboardUser{rows[0][0].c_str(), rows[0][1].c_str(), rows[0][2].c_str(),
                                                    rows[0][3].c_str(), rows[0][4].c_str()};
                           });
}

void PostgresRecordStore::add_session(const DashboardSession& session) {
    with_connection("storing a dashboard session", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params(
            "INSERT INTO dashboard_sessions (token_hash, user_name, csrf_token, expires_at) VALUES ($1, $2, $3, $4)",
            session.token_hash, session.user_name, session.csrf_token, session.expires_at);
        work.commit();
        return 0;
    });
}

std::optional<DashboardSession> PostgresRecordStore::find_session(const std::string& token_hash,
                                                                  const std::string& now) const {
    return with_connection("looking up a dashboard session",
                           [&](pqxx::connection& connection) -> std::optional<DashboardSession> {
                               pqxx::read_transaction work(connection);
                               const pqxx::result rows = work.exec_params(
                                   "SELECT token_hash, user_name, csrf_token, expires_at FROM dashboard_sessions"
                                   " WHERE token_hash = $1 AND expires_at > $2",
                                   token_hash, now);
                               if (rows.empty()) return std::nullopt;
                               const pqxx::row row = rows[0];
                               return DashboardSession{row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str()};
                           });
}

void PostgresRecordStore::delete_session(const std::string& token_hash) {
    with_connection("ending a dashboard session", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params("DELETE FROM dashboard_sessions WHERE token_hash = $1", token_hash);
        work.commit();
        return 0;
    });
}

std::int64_t PostgresRecordStore::delete_expired_sessions(const std::string& now) {
    return with_connection("removing expired dashboard sessions", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        const pqxx::result result = work.exec_params("DELETE FROM dashboard_sessions WHERE expires_at <= $1", now);
        work.commit();
        return static_cast<std::int64_t>(result.affected_rows());
    });
}

}  // namespace selfcheck::collector

namespace selfcheck::collector {

void PostgresRecordStore::check_writable() {
    with_connection("checking the store can take a write", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec(
            "INSERT INTO health_probe (id, writes) VALUES (1, 1)"
            " ON CONFLICT (id) DO UPDATE SET writes = health_probe.writes + 1");
        work.commit();
        return 0;
    });
}

std::int64_t PostgresRecordStore::begin_login_attempt(const std::vector<LoginLimit>& limits, std::int64_t now,
                                                      std::int64_t window) {
    return with_connection("counting a login attempt", [&](pqxx::connection& connection) -> std::int64_t {
        pqxx::work work(connection);
        // One attempt at a time across every collector sharing the database: the check and
        // the count cannot interleave.
        work.exec("LOCK TABLE login_failures IN EXCLUSIVE MODE");
        work.exec_params("DELETE FROM login_failures WHERE first_at <= $1", now - window);
        std::int64_t wait = 0;
        for (const LoginLimit& limit : limits) {
            const pqxx::result rows =
                work.exec_params("SELECT first_at, failures FROM login_failures WHERE key = $1", limit.key);
            if (!rows.empty() && rows[0][1].as<std::int64_t>() >= limit.max_failures) {
                wait = std::max(wait, std::max<std::int64_t>(1, rows[0][0].as<std::int64_t>() + window - now));
            }
        }
        if (wait > 0) return wait;
        for (const LoginLimit& limit : limits) {
            work.exec_params(
                "INSERT INTO login_failures (key, first_at, failures) VALUES ($1, $2, 1)"
                " ON CONFLICT (key) DO UPDATE SET failures = login_failures.failures + 1",
                limit.key, now);
        }
        work.commit();
        return 0;
    });
}

void PostgresRecordStore::clear_login_failure(const std::string& key) {
    with_connection("clearing a login failure", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params("UPDATE login_failures SET failures = failures - 1 WHERE key = $1", key);
        work.exec_params("DELETE FROM login_failures WHERE key = $1 AND failures <= 0", key);
        work.commit();
        return 0;
    });
}

std::string PostgresRecordStore::get_or_create_secret(const std::string& name, const std::string& candidate) {
    return with_connection("reading a secret", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        work.exec_params("INSERT INTO collector_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING",
                         name, candidate);
        const pqxx::result rows = work.exec_params("SELECT value FROM collector_secrets WHERE name = $1", name);
        std::string value = rows[0][0].as<std::string>();
        work.commit();
        return value;
    });
}

}  // namespace selfcheck::collector

namespace selfcheck::collector {

std::string PostgresRecordStore::tally_fingerprint() const {
    return with_connection("reading the tally state", [](pqxx::connection& connection) {
        pqxx::read_transaction work(connection);
        return work.exec1("SELECT fingerprint FROM tally_state")[0].as<std::string>();
    });
}

std::optional<Tallies> PostgresRecordStore::tallies_in_range(const RecordFilter& filter,
                                                             const std::string& fingerprint) const {
    return with_connection("reading report tallies", [&](pqxx::connection& connection) -> std::optional<Tallies> {
        // Repeatable read: the fingerprint and the counts from the same snapshot.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> work(connection);
        if (fingerprint.empty() ||
            work.exec1("SELECT fingerprint FROM tally_state")[0].as<std::string>() != fingerprint) {
            return std::nullopt;
        }
        const TallyRange r = tally_range(filter);
        const pqxx::result rows = work.exec_params(kTallyRangeSql, r.from, r.to, r.first_month, r.last_month,
                                                   r.whole_from, r.past_to, r.site);
        Tallies tallies;
        for (const pqxx::row& row : rows) {
            tallies[TallyCell{row[0].c_str(), row[1].c_str(), row[2].c_str(), row[3].c_str(), row[4].c_str(),
                              row[5].c_str()}] = TallyCount{row[6].as<std::int64_t>(), row[7].c_str()};
        }
        return tallies;
    });
}

std::int64_t PostgresRecordStore::rebuild_tallies() {
    if (!tallier_)
        throw StorageError(describe_db(connection_string_), "rebuilding report tallies", 0, "no tallier set");
    return with_connection("rebuilding report tallies", [&](pqxx::connection& connection) {
        pqxx::work work(connection);
        // No record is stored meanwhile, by this collector or another sharing the database, and
        // no other rebuild runs (this mode conflicts with itself, SHARE would not): two at once
        // would each add their counts to the other's.
        work.exec("LOCK TABLE records IN SHARE ROW EXCLUSIVE MODE");
        work.exec("DELETE FROM tally_days");
        work.exec("DELETE FROM tally_months");
        constexpr int kPage = 10000;
        std::int64_t counted = 0;
        std::string after;
        for (;;) {
            // A page at a time by record_id, so memory stays bounded.
            const pqxx::result rows =
                work.exec_params(std::string("SELECT ") + kRecordReadColumns +
                                     " FROM records WHERE record_id > $1 ORDER BY record_id LIMIT $2",
                                 after, kPage);
            PeriodTallies days, months;
            for (const pqxx::row& row : rows) {
                const StoredRecord stored = stored_record_from_row(row);
                tally_record(*tallier_, stored.record, days, months);
                after = stored.record.record_id;
            }
            add_tallies(work, days, months);
            counted += static_cast<std::int64_t>(rows.size());
            if (rows.size() < static_cast<std::size_t>(kPage)) break;
        }
        work.exec_params("UPDATE tally_state SET fingerprint = $1", tallier_->fingerprint());
        work.commit();
        return counted;
    });
}

}  // namespace selfcheck::collector
