#pragma once
// For load and scale-out tests: the built collector binary serving on loopback, devices
// registered in its database, and kiosks that send sealed batches and retry on 503.

#include "server/devices/device_token.h"
#include "server/keys/key_files.h"
#include "server/store/open_store.h"
#include "tests/server/sample_records.h"
#include "tests/server/sealed_batches.h"
#include "tests/support/child_process.h"  // tests/support

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

// `collector serve` as a child process on 127.0.0.1 and a free port.
class ServedCollector {
public:
    ServedCollector(const std::string& db, const std::string& secret_key_file)
        : process_({COLLECTOR_BINARY, "serve", "--db", db, "--secret-key", secret_key_file, "--port", "0"}) {
        const std::string line = process_.read_line(std::chrono::seconds(30));
        const std::string prefix = "collector listening on http://127.0.0.1:";
        REQUIRE(line.rfind(prefix, 0) == 0);
        port_ = std::stoi(line.substr(prefix.size()));
    }
    ~ServedCollector() { process_.stop(SIGTERM, std::chrono::seconds(20)); }
    int stop() { return process_.stop(SIGTERM, std::chrono::seconds(20)); }
    int port() const { return port_; }

private:
    selfcheck::testing::ChildProcess process_;
    int port_ = 0;
};

// Registers `count` devices for kSampleSite directly in the store; returns their tokens.
inline std::vector<std::string> register_devices(const std::string& db, int count) {
    const auto store = selfcheck::collector::open_store(db, selfcheck::collector::StoreOpenMode::CreateIfMissing);
    std::vector<std::string> tokens;
    for (int i = 0; i < count; ++i) {
        tokens.push_back(selfcheck::collector::new_device_token());
        store->add_device(selfcheck::collector::Device{selfcheck::collector::new_device_id(), kSampleSite,
                                                       "2026-11-22T09:00:00Z", ""},
                          selfcheck::collector::hash_device_token(tokens.back()));
    }
    return tokens;
}

// Posts `batch` until the collector gives a 200, honouring Retry-After on 503 (as a kiosk
// does); returns the per-record results, or an empty array (and says why on stderr) if it
// gets another reply or nothing within a minute. Safe on any thread: no Catch assertions.
inline nlohmann::json deliver(int port, const std::string& token, const std::string& batch) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(std::chrono::seconds(10));
    client.set_read_timeout(std::chrono::seconds(60));
    client.set_bearer_token_auth(token);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::minutes(1);
    while (std::chrono::steady_clock::now() < give_up) {
        const httplib::Result result = client.Post("/api/v1/batches", batch, "application/json");
        if (result && result->status == 200) return nlohmann::json::parse(result->body).at("results");
        int wait_s = 1;
        if (result && result->status == 503 && result->has_header("Retry-After")) {
            wait_s = std::stoi(result->get_header_value("Retry-After"));
        } else if (result) {
            std::fprintf(stderr, "unexpected reply %d: %s\n", result->status, result->body.c_str());
            return nlohmann::json::array();
        }
        std::this_thread::sleep_for(std::chrono::seconds(wait_s));
    }
    std::fprintf(stderr, "the collector did not take the batch within a minute\n");
    return nlohmann::json::array();
}
