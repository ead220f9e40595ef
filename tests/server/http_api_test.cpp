// The HTTP API on a real loopback socket. Compiled twice: against SQLite (label sync) and
// PostgreSQL (label pg).

#include "server/api/http_api.h"

#include "protocol/crypto/sealing.h"
#include "server/catalog/form_catalog.h"
#include "server/devices/device_token.h"
#include "tests/server/running_router.h"
#include "tests/server/sample_records.h"
#include "tests/server/sealed_batches.h"
#include "tests/server/shipped_catalog.h"
#include "tests/server/store_backend.h"

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using namespace selfcheck;

using nlohmann::json;

namespace {

constexpr std::size_t kTestBodyLimit = 64 * 1024;

const collector::FormCatalog& forms() {
    static const collector::FormCatalog catalog = shipped_catalog();
    return catalog;
}

// Passes everything to a real store, but fails on demand like a busy or unreachable one.
class FlakyStore final : public collector::RecordStore {
public:
    explicit FlakyStore(collector::RecordStore& real) : real_(real) {}
    std::atomic<bool> failing{false};

    std::vector<bool> insert_batch(const std::vector<collector::StoredRecord>& records) override {
        if (failing) throw StorageError("test store", "writing", 5, "database is locked");  // 5: SQLITE_BUSY
        return real_.insert_batch(records);
    }
    std::int64_t count() const override { return real_.count(); }
    bool contains(const std::string& id) const override { return real_.contains(id); }
    std::optional<collector::StoredRecord> find(const std::string& id) const override { return real_.find(id); }
    void add_device(const collector::Device& device, const std::string& hash) override {
        real_.add_device(device, hash);
    }
    std::optional<collector::Device> find_device_by_token(const std::string& hash) const override {
        return real_.find_device_by_token(hash);
    }
    std::vector<collector::Device> revoke_devices(const std::string& which, const std::string& at) override {
        return real_.revoke_devices(which, at);
    }
    std::vector<collector::DeviceStatus> list_devices() const override { return real_.list_devices(); }
    void check_writable() override {
        if (failing) throw StorageError("test store", "writing", 13, "database or disk is full");  // 13: SQLITE_FULL
        real_.check_writable();
    }
    void record_checkin(const std::string& id, const collector::CheckIn& checkin) override {
        if (failing) throw StorageError("test store", "writing", 5, "database is locked");  // 5: SQLITE_BUSY
        real_.record_checkin(id, checkin);
    }

private:
    collector::RecordStore& real_;
};

// The real API on 127.0.0.1, a free port, served from a background thread, with one
// registered device for kSampleSite.
class RunningApi {
public:
    RunningApi() : store_(database_.open()), flaky_(*store_), keys_(generate_key_pair()) {
        token_ = add_device(kSampleSite);
        collector::HttpApiOptions options;
        options.max_body_bytes = kTestBodyLimit;
        options.retry_after = std::chrono::seconds(7);
        collector::add_http_api(server_.router(), collector::HttpApiContext{flaky_, keys_, forms(), options});
        server_.start();
        port_ = server_.port();
    }

    std::string add_device(const std::string& site) {
        const std::string token = collector::new_device_token();
        store_->add_device(collector::Device{collector::new_device_id(), site, "2026-11-22T09:00:00Z", ""},
                           collector::hash_device_token(token));
        return token;
    }

    httplib::Client client(const std::string& token) const {
        httplib::Client client("127.0.0.1", port_);
        client.set_connection_timeout(std::chrono::seconds(5));
        client.set_read_timeout(std::chrono::seconds(30));
        if (!token.empty()) client.set_bearer_token_auth(token);
        return client;
    }
    httplib::Client client() const { return client(token_); }

    const PublicKey& public_key() const { return keys_.public_key; }
    collector::RecordStore& store() { return *store_; }
    const TestDatabase& database() const { return database_; }
    FlakyStore& flaky() { return flaky_; }

private:
    TestDatabase database_;
    std::unique_ptr<collector::RecordStore> store_;
    FlakyStore flaky_;
    KeyPair keys_;
    std::string token_;
    RunningRouter server_;
    int port_ = 0;
};

json body_of(const httplib::Result& result) {
    REQUIRE(result);
    CHECK(result->get_header_value("Content-Type") == "application/json");
    return json::parse(result->body);
}

httplib::Result post_json(httplib::Client& client, const std::string& path, const json& body) {
    return client.Post(path.c_str(), body.dump(), "application/json");
}

httplib::Result post_batch(httplib::Client& client, const json& body) {
    return post_json(client, "/api/v1/batches", body);
}

std::string error_of(const httplib::Result& result, int status) {
    REQUIRE(result);
    CHECK(result->status == status);
    return body_of(result).at("error").get<std::string>();
}

json valid_checkin() {
    return {{"queue_size", 12},
            {"rejected", 1},
            {"last_error", "timeout"},
            {"content_version", "1"},
            {"app_version", "0.1.0"}};
}

}  // namespace

TEST_CASE("healthz answers without a token") {
    RunningApi api;
    httplib::Client client = api.client("");
    const httplib::Result result = client.Get("/healthz");
    REQUIRE(result);
    CHECK(result->status == 200);
    CHECK(body_of(result) == json{{"status", "ok"}});
}

TEST_CASE("a sealed batch is stored once and resending it answers duplicate") {
    RunningApi api;
    httplib::Client client = api.client();
    const json batch =
        batch_of({sample_record_json(record_id_for(1)), sample_record_json(record_id_for(2))}, api.public_key());

    const httplib::Result first = post_batch(client, batch);
    REQUIRE(first);
    CHECK(first->status == 200);
    CHECK(body_of(first) ==
          json{{"results",
                {{{"id", record_id_for(1)}, {"status", "stored"}}, {{"id", record_id_for(2)}, {"status", "stored"}}}}});
    CHECK(api.store().count() == 2);
    const auto stored = api.store().find(record_id_for(1));
    REQUIRE(stored);
    CHECK(stored->record.indicators == std::vector<std::string>{"debt_bondage"});
    CHECK(stored->record.result_level == "rights_concerns");
    CHECK_FALSE(stored->device_id.empty());

    // A replayed batch (kiosk retry, or someone resending captured traffic) stores nothing new.
    const httplib::Result again = post_batch(client, batch);
    REQUIRE(again);
    CHECK(again->status == 200);
    const json replayed = body_of(again);
    for (const json& result : replayed["results"]) CHECK(result["status"] == "duplicate");
    CHECK(api.store().count() == 2);
}

TEST_CASE("each bad record is rejected with its reason while the good ones are stored") {
    RunningApi api;
    httplib::Client client = api.client();
    const KeyPair other = generate_key_pair();

    json good = sample_record_json(record_id_for(1));
    json other_key = sealed_entry(sample_record_json(record_id_for(2)), other.public_key);
    json bad_base64 = {{"id", record_id_for(3)}, {"sealed", "@@not-base64@@"}};
    json id_mismatch = sealed_entry(sample_record_json(record_id_for(4)), api.public_key());
    id_mismatch["id"] = record_id_for(40);
    json unknown_version = sample_record_json(record_id_for(5));
    unknown_version["form_version"] = 9;
    json other_site = sample_record_json(record_id_for(6));
    other_site["site"] = "another-site";
    json extra_field = sample_record_json(record_id_for(7));
    extra_field["phone"] = "5555 5555";
    json wrong_level = sample_record_json(record_id_for(8));
    wrong_level["result_level"] = "no_concerns";
    json truncated = {{"id", record_id_for(9)}, {"sealed", "AAAA"}};

    json batch = {
        {"records",
         {sealed_entry(good, api.public_key()), other_key, bad_base64, id_mismatch,
          sealed_entry(unknown_version, api.public_key()), sealed_entry(other_site, api.public_key()),
          sealed_entry(extra_field, api.public_key()), sealed_entry(wrong_level, api.public_key()), truncated}}};
    const httplib::Result result = post_batch(client, batch);
    REQUIRE(result);
    CHECK(result->status == 200);
    const json results = body_of(result)["results"];
    REQUIRE(results.size() == 9);
    CHECK(results[0] == json{{"id", record_id_for(1)}, {"status", "stored"}});
    for (std::size_t i = 1; i < results.size(); ++i) CHECK(results[i]["status"] == "rejected");
    CHECK(results[1]["reason"] ==
          "sealed: cannot be opened with this collector's key (sealed to another key, or altered)");
    CHECK(results[2]["reason"] == "sealed: not valid base64 (standard alphabet, with padding)");
    CHECK(results[3]["id"] == record_id_for(40));
    CHECK(results[3]["reason"] == "id: does not match the record_id inside the seal");
    CHECK(results[4]["reason"] ==
          "record: form_version: form 'hk-mdw-self-assessment' version 9 is not known to this collector");
    CHECK(results[5]["reason"] == "record: site 'another-site' is not this device's site 'demo-site'");
    CHECK_THAT(results[6]["reason"].get<std::string>(), Catch::StartsWith("record: unknown field 'phone'"));
    CHECK_THAT(results[7]["reason"].get<std::string>(), Catch::StartsWith("record: result_level: does not follow"));
    CHECK_THAT(results[8]["reason"].get<std::string>(), Catch::StartsWith("sealed: 3 bytes is too short"));
    CHECK(api.store().count() == 1);
}

TEST_CASE("a missing, unknown, malformed or revoked token gets 401 and nothing is stored") {
    RunningApi api;
    const json batch = batch_of({sample_record_json()}, api.public_key());

    httplib::Client no_token = api.client("");
    CHECK_THAT(error_of(post_batch(no_token, batch), 401), Catch::StartsWith("Authorization: missing"));
    httplib::Client unknown = api.client(collector::new_device_token());
    CHECK(error_of(post_batch(unknown, batch), 401) == "Authorization: unknown device token");
    httplib::Client malformed = api.client("short");
    CHECK(error_of(post_batch(malformed, batch), 401) ==
          "Authorization: the device token is not 43 characters of base64url");
    httplib::Client basic = api.client("");
    basic.set_basic_auth("kiosk", "secret");
    CHECK_THAT(error_of(post_batch(basic, batch), 401), Catch::StartsWith("Authorization: expected 'Bearer"));
    CHECK(api.store().count() == 0);

    // Revoked from another connection (as `collector device revoke` does): refused on the next request.
    httplib::Client kiosk = api.client();
    REQUIRE(post_batch(kiosk, batch_of({sample_record_json(record_id_for(1))}, api.public_key()))->status == 200);
    const auto admin = api.database().open();
    REQUIRE(admin->revoke_devices(kSampleSite, "2026-11-23T00:00:00Z").size() == 1);
    CHECK(error_of(post_batch(kiosk, batch), 401) ==
          "Authorization: this device token was revoked on 2026-11-23T00:00:00Z");
    CHECK(error_of(post_json(kiosk, "/api/v1/checkin", valid_checkin()), 401) ==
          "Authorization: this device token was revoked on 2026-11-23T00:00:00Z");
    CHECK(api.store().count() == 1);
}

TEST_CASE("a malformed batch gets 400 naming where, and nothing is stored") {
    RunningApi api;
    httplib::Client client = api.client();
    const httplib::Result junk = client.Post("/api/v1/batches", "{\"records\": [", "application/json");
    CHECK_THAT(error_of(junk, 400), Catch::StartsWith("body: not valid JSON"));
    CHECK(error_of(post_batch(client, json{{"record", json::array()}}), 400) ==
          "body: unknown field 'record': only records is accepted");
    CHECK(error_of(post_batch(client, json{{"records", {{{"id", "x"}, {"sealed", ""}}}}}), 400) ==
          "records[0].id: expected 32 lowercase hex characters");
    json many = json::array();
    for (int i = 0; i < 101; ++i) many.push_back({{"id", record_id_for(i)}, {"sealed", "AAAA"}});
    CHECK(error_of(post_batch(client, json{{"records", many}}), 400) == "records: 101 entries, at most 100 per batch");
    CHECK(api.store().count() == 0);
    // The kept-alive connection still works after errors.
    CHECK(post_batch(client, batch_of({sample_record_json()}, api.public_key()))->status == 200);
}

TEST_CASE("bodies over the limit get 413, whether or not their length was declared") {
    RunningApi api;
    httplib::Client client = api.client();
    const std::string text = std::string("{\"records\":[]}") + std::string(kTestBodyLimit, ' ');

    SECTION("with Content-Length") {
        CHECK_THAT(error_of(client.Post("/api/v1/batches", text, "application/json"), 413),
                   Catch::Contains("larger than 65536 bytes"));
    }
    SECTION("chunked, with no declared length") {
        const httplib::Result result = client.Post(
            "/api/v1/batches",
            [&text](std::size_t offset, httplib::DataSink& sink) {
                const std::size_t chunk = std::min<std::size_t>(4096, text.size() - offset);
                sink.write(text.data() + offset, chunk);
                if (offset + chunk == text.size()) sink.done();
                return true;
            },
            "application/json");
        REQUIRE(result);
        CHECK(result->status == 413);
    }
    CHECK(api.store().count() == 0);
}

TEST_CASE("a body that is not declared as JSON gets 415") {
    RunningApi api;
    httplib::Client client = api.client();
    const std::string batch = batch_of({sample_record_json()}, api.public_key()).dump();
    CHECK_THAT(error_of(client.Post("/api/v1/batches", batch, "text/plain"), 415), Catch::StartsWith("Content-Type:"));
    CHECK(client.Post("/api/v1/batches", batch, "Application/JSON; charset=utf-8")->status == 200);
}

TEST_CASE("a check-in is stored for the device and answered 204") {
    RunningApi api;
    httplib::Client client = api.client();
    const httplib::Result result = post_json(client, "/api/v1/checkin", valid_checkin());
    REQUIRE(result);
    CHECK(result->status == 204);
    const auto devices = api.store().list_devices();
    REQUIRE(devices.size() == 1);
    REQUIRE(devices[0].last_checkin);
    CHECK(devices[0].last_checkin->queue_size == 12);
    CHECK(devices[0].last_checkin->last_error == "timeout");

    json with_answers = valid_checkin();
    with_answers["answers"] = {{"has_loan", "yes"}};
    CHECK_THAT(error_of(post_json(client, "/api/v1/checkin", with_answers), 400),
               Catch::StartsWith("unknown field 'answers'"));
}

TEST_CASE("a busy or unavailable store gets 503 with Retry-After, and the retry succeeds") {
    RunningApi api;
    httplib::Client client = api.client();
    const json batch = batch_of({sample_record_json()}, api.public_key());
    api.flaky().failing = true;
    const httplib::Result refused = post_batch(client, batch);
    CHECK_THAT(error_of(refused, 503), Catch::Contains("nothing was stored"));
    CHECK(refused->get_header_value("Retry-After") == "7");
    CHECK(error_of(post_json(client, "/api/v1/checkin", valid_checkin()), 503) != "");
    CHECK(api.store().count() == 0);

    api.flaky().failing = false;
    const httplib::Result retried = post_batch(client, batch);
    REQUIRE(retried);
    CHECK(body_of(retried)["results"][0]["status"] == "stored");
}

TEST_CASE("unknown paths and methods get JSON errors, and the old plaintext endpoint is gone") {
    RunningApi api;
    httplib::Client client = api.client();
    CHECK(error_of(client.Get("/admin"), 404) == "no such endpoint");
    // A body sent to no endpoint is refused unread (issue #14: no route buffers a body it does not take).
    CHECK(error_of(post_json(client, "/api/v1/records", sample_record_json()), 413) ==
          "body: /api/v1/records is not an endpoint; nothing was read");
    CHECK(error_of(client.Post("/api/v1/records"), 404) == "no such endpoint");
    const httplib::Result wrong_method = client.Get("/api/v1/batches");
    CHECK(error_of(wrong_method, 405) == "/api/v1/batches only accepts POST");
    CHECK(wrong_method->get_header_value("Allow") == "POST");
    CHECK(api.store().count() == 0);
}

TEST_CASE("batches posted from several kiosks at once are all stored") {
    RunningApi api;
    constexpr int kKiosks = 6;
    constexpr int kBatches = 5;
    constexpr int kPerBatch = 10;
    std::vector<std::string> tokens;
    for (int k = 0; k < kKiosks; ++k) tokens.push_back(k == 0 ? "" : api.add_device(kSampleSite));
    std::atomic<int> stored{0};
    std::vector<std::thread> kiosks;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.emplace_back([&, k] {
            httplib::Client client = tokens[k].empty() ? api.client() : api.client(tokens[k]);
            for (int b = 0; b < kBatches; ++b) {
                std::vector<json> records;
                for (int i = 0; i < kPerBatch; ++i)
                    records.push_back(sample_record_json(record_id_for(k * 1000 + b * 100 + i)));
                const httplib::Result result = post_batch(client, batch_of(records, api.public_key()));
                if (!result || result->status != 200) {
                    std::printf("kiosk %d batch %d: %d %s\n", k, b, result ? result->status : -1,
                                result ? result->body.c_str() : "");
                    continue;
                }
                const json answer = json::parse(result->body);
                for (const json& r : answer["results"]) stored += r["status"] == "stored" ? 1 : 0;
            }
        });
    }
    for (std::thread& kiosk : kiosks) kiosk.join();
    CHECK(stored == kKiosks * kBatches * kPerBatch);
    CHECK(api.store().count() == kKiosks * kBatches * kPerBatch);
}
