#include "tests/sync/local_collector.h"

#include "tests/support/random_session.h"

#include <sqlite3.h>

#include <algorithm>
#include <csignal>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace selfcheck::testing {
using namespace std::chrono_literals;

namespace {

RunResult must_run(const std::vector<std::string>& argv) {
    RunResult result = run_program(argv, 20s);
    if (result.status != 0)
        throw std::runtime_error(argv[1] + " failed (" + std::to_string(result.status) + "): " + result.output);
    return result;
}

// The quoted value of `key: "..."` in the kiosk.yaml that `device add` prints.
std::string yaml_string(const std::string& yaml, const std::string& key) {
    std::istringstream lines(yaml);
    for (std::string line; std::getline(lines, line);) {
        if (line.rfind(key + ":", 0) != 0) continue;
        const auto open = line.find('"');
        const auto close = line.find('"', open + 1);
        if (open != std::string::npos && close != std::string::npos) return line.substr(open + 1, close - open - 1);
    }
    throw std::runtime_error("no " + key + " in: " + yaml);
}

}  // namespace

LocalCollector::LocalCollector(const std::string& binary, const std::string& site,
                               const std::filesystem::path& keys_from)
    : binary_(binary), site_(site), db_(dir_.path() / "collector.db") {
    const auto keys = keys_dir();
    if (keys_from.empty()) {
        must_run({binary_, "keygen", "--out", keys.string()});
    } else {
        std::filesystem::copy(keys_from, keys);  // keeps the secret key's mode 0600
    }
    std::ifstream public_file(keys / "ngo_public.key");
    std::string public_base64;
    public_file >> public_base64;
    key_ = parse_public_key(public_base64, "ngo_public.key");

    const RunResult added = must_run({binary_, "device", "add", "--db", db_.string(), "--site", site_, "--public-key",
                                      (keys / "ngo_public.key").string(), "--url", "http://127.0.0.1:1"});
    token_ = yaml_string(added.output, "device_token");

    process_ = std::make_unique<ChildProcess>(std::vector<std::string>{binary_, "serve", "--db", db_.string(), "--host",
                                                                       "127.0.0.1", "--port", "0", "--secret-key",
                                                                       (keys / "ngo_secret.key").string()});
    const std::string line = process_->read_line(20s);
    const std::string prefix = "collector listening on ";
    if (line.rfind(prefix + "http://127.0.0.1:", 0) != 0) throw std::runtime_error("collector did not start: " + line);
    url_ = line.substr(prefix.size());
}

LocalCollector::~LocalCollector() {
    if (process_) process_->stop(SIGTERM, 10s);
}

long LocalCollector::count() const { return std::stol(must_run({binary_, "count", "--db", db_.string()}).output); }

Record collectable_random_session(const Content& content, std::mt19937& random, const std::string& site) {
    return complete_random_session(content, random, site);
}

SyncSettings drain_settings(const std::string& url, const std::string& token, size_t batch_size) {
    SyncSettings s;
    s.collector_url = url;
    s.device_token = token;
    s.content_version = "1";
    s.app_version = "test";
    s.batch_size = batch_size;
    s.min_delay = s.max_delay = 0ms;
    s.poll_interval = 1h;
    s.network_check = 1h;
    s.interfaces_up = [] { return std::set<std::string>{}; };
    return s;
}

std::vector<std::map<std::string, std::string>> query_collector_db(const std::filesystem::path& db,
                                                                   const std::string& sql) {
    sqlite3* handle = nullptr;
    if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(handle);
        throw std::runtime_error("cannot open " + db.string());
    }
    sqlite3_busy_timeout(handle, 5000);
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
        const std::string error = sqlite3_errmsg(handle);
        sqlite3_close(handle);
        throw std::runtime_error(sql + ": " + error);
    }
    std::vector<std::map<std::string, std::string>> rows;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        std::map<std::string, std::string> row;
        for (int i = 0; i < sqlite3_column_count(statement); ++i) {
            const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, i));
            row[sqlite3_column_name(statement, i)] = text ? text : "";
        }
        rows.push_back(std::move(row));
    }
    sqlite3_finalize(statement);
    sqlite3_close(handle);
    return rows;
}

std::map<std::string, std::string> LocalCollector::last_checkin() const {
    const auto rows = query_collector_db(db_, "SELECT * FROM checkins");
    return rows.empty() ? std::map<std::string, std::string>{} : rows.front();
}

std::string LocalCollector::last_delivery_at() const {
    const auto rows = query_collector_db(db_, "SELECT coalesce(last_delivery_at, '') AS at FROM devices");
    return rows.empty() ? "" : rows.front().at("at");
}

void LocalCollector::revoke() { must_run({binary_, "device", "revoke", site_, "--db", db_.string()}); }

}  // namespace selfcheck::testing
