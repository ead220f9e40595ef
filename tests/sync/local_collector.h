#pragma once
// The real collector for sync tests and the drain benchmark: its own NGO key pair, one
// enrolled device (token kept for the kiosk side) and `collector serve` on a free loopback
// port. Stopped with SIGTERM when this goes.
#include "kiosk/sync/sync_worker.h"
#include "protocol/content/content.h"
#include "protocol/crypto/sealing.h"
#include "protocol/record/record.h"
#include "tests/support/child_process.h"
#include "tests/support/temp_dir.h"

#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace selfcheck::testing {

class LocalCollector {
public:
    // `binary`: the collector executable; `site`: the site the device is added for.
    // `keys_from`: a directory with an NGO key pair to reuse (so records sealed for one
    // collector open in another); empty: `collector keygen` makes a new pair.
    LocalCollector(const std::string& binary, const std::string& site, const std::filesystem::path& keys_from = {});
    ~LocalCollector();

    const std::string& url() const { return url_; }  // http://127.0.0.1:PORT
    const std::string& device_token() const { return token_; }
    const PublicKey& public_key() const { return key_; }
    const std::filesystem::path& db() const { return db_; }
    std::filesystem::path keys_dir() const { return dir_.path() / "keys"; }

    long count() const;  // `collector count --db`
    // The device's latest check-in as the collector stored it, column -> text; empty when it
    // has none. Read from the database file, beside the running collector.
    std::map<std::string, std::string> last_checkin() const;
    std::string last_delivery_at() const;  // empty: never
    void revoke();                         // `collector device revoke SITE --db`

private:
    std::string binary_;
    std::string site_;
    TempDir dir_;
    std::filesystem::path db_;
    std::string token_;
    PublicKey key_{};
    std::unique_ptr<ChildProcess> process_;
    std::string url_;
};

// Every row of `sql` on a collector's SQLite database (read-only, beside the running
// collector), column name -> text.
std::vector<std::map<std::string, std::string>> query_collector_db(const std::filesystem::path& db,
                                                                   const std::string& sql);

// A random completed session the collector will store (numbers on their steps, as the
// kiosk keeps them).
Record collectable_random_session(const Content& content, std::mt19937& random, const std::string& site);

// Worker settings for sending to `url` at once: no random delay, no timer round, no network
// watching; the rest as the kiosk ships.
SyncSettings drain_settings(const std::string& url, const std::string& token, size_t batch_size);

}  // namespace selfcheck::testing
