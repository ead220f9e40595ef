#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "sample_records.h"
#include "server/api/http_api.h"
#include "server/store/sqlite_record_store.h"
#include "temp_dir.h"  // tests/support

using nlohmann::json;

namespace {

constexpr std::size_t kTestBodyLimit = 4096;

// The real API on a real socket (127.0.0.1, a free port), served from a background thread.
class RunningApi {
 public:
  RunningApi() : store_((dir_.path() / "records.db").string()) {
    collector::HttpApiOptions options;
    options.max_body_bytes = kTestBodyLimit;
    collector::install_http_api(server_, store_, options);
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }
  ~RunningApi() {
    // stop() does nothing until the listen loop has started.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_.stop();
    thread_.join();
  }

  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_connection_timeout(std::chrono::seconds(5));
    client.set_read_timeout(std::chrono::seconds(10));
    return client;
  }
  const collector::SqliteRecordStore& store() const { return store_; }

 private:
  selfcheck::testing::TempDir dir_;
  collector::SqliteRecordStore store_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;
};

json body_of(const httplib::Result& result) {
  REQUIRE(result);
  CHECK(result->get_header_value("Content-Type") == "application/json");
  return json::parse(result->body);
}

httplib::Result post_json(httplib::Client& client, const std::string& body) {
  return client.Post("/api/v1/records", body, "application/json");
}

}  // namespace

TEST_CASE("healthz reports status and record count") {
  RunningApi api;
  httplib::Client client = api.client();
  const httplib::Result result = client.Get("/healthz");
  REQUIRE(result);
  CHECK(result->status == 200);
  CHECK(body_of(result) == json{{"status", "ok"}, {"records", 0}});
}

TEST_CASE("a posted record is stored once and reposting it is a harmless duplicate") {
  RunningApi api;
  httplib::Client client = api.client();

  httplib::Result first = post_json(client, sample_record_json().dump());
  REQUIRE(first);
  CHECK(first->status == 201);
  CHECK(body_of(first) == json{{"stored", true}, {"record_id", kSampleRecordId}});
  CHECK(api.store().contains(kSampleRecordId));

  httplib::Result again = post_json(client, sample_record_json().dump());
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(body_of(again) == json{{"stored", false}, {"duplicate", true}, {"record_id", kSampleRecordId}});
  CHECK(api.store().count() == 1);
  CHECK(body_of(client.Get("/healthz"))["records"] == 1);
}

TEST_CASE("a charset parameter on the content type is accepted") {
  RunningApi api;
  httplib::Client client = api.client();
  const httplib::Result result =
      client.Post("/api/v1/records", sample_record_json().dump(), "Application/JSON; charset=utf-8");
  REQUIRE(result);
  CHECK(result->status == 201);
}

TEST_CASE("invalid records get 400 with the reason, and nothing is stored") {
  RunningApi api;
  httplib::Client client = api.client();

  SECTION("malformed JSON") {
    const httplib::Result result = post_json(client, "{\"record_id\": ");
    REQUIRE(result);
    CHECK(result->status == 400);
    CHECK_THAT(body_of(result)["error"].get<std::string>(), Catch::StartsWith("body: not valid JSON"));
  }
  SECTION("a field that is not on the allow-list") {
    json body = sample_record_json();
    body["passport_number"] = "x";
    const httplib::Result result = post_json(client, body.dump());
    REQUIRE(result);
    CHECK(result->status == 400);
    CHECK_THAT(body_of(result)["error"].get<std::string>(), Catch::Contains("'passport_number'"));
  }
  SECTION("a time of day in the date") {
    json body = sample_record_json();
    body["completed_on"] = "2026-11-22T08:30:00+08:00";
    const httplib::Result result = post_json(client, body.dump());
    REQUIRE(result);
    CHECK(result->status == 400);
    CHECK_THAT(body_of(result)["error"].get<std::string>(), Catch::StartsWith("completed_on:"));
  }
  CHECK(api.store().count() == 0);
  // The kept-alive connection still works after an error.
  CHECK(post_json(client, sample_record_json().dump())->status == 201);
}

TEST_CASE("bodies over the limit get 413, whether or not their length was declared") {
  RunningApi api;
  httplib::Client client = api.client();
  json body = sample_record_json();
  body["answers"]["padding"] = std::string(kTestBodyLimit, 'a');  // valid shape, too big

  SECTION("with Content-Length") {
    const httplib::Result result = post_json(client, body.dump());
    REQUIRE(result);
    CHECK(result->status == 413);
    CHECK_THAT(body_of(result)["error"].get<std::string>(), Catch::Contains("larger than 4096 bytes"));
  }
  SECTION("chunked, with no declared length") {
    const std::string text = body.dump();
    const httplib::Result result = client.Post(
        "/api/v1/records",
        [&text](std::size_t offset, httplib::DataSink& sink) {
          const std::size_t chunk = std::min<std::size_t>(512, text.size() - offset);
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

TEST_CASE("a body just under the limit is read in full") {
  RunningApi api;
  httplib::Client client = api.client();
  std::string text = sample_record_json().dump();
  text.append(kTestBodyLimit - text.size(), ' ');  // trailing whitespace is valid JSON
  const httplib::Result result = post_json(client, text);
  REQUIRE(result);
  CHECK(result->status == 201);
}

TEST_CASE("a body that is not declared as JSON gets 415") {
  RunningApi api;
  httplib::Client client = api.client();
  const httplib::Result result = client.Post("/api/v1/records", sample_record_json().dump(), "text/plain");
  REQUIRE(result);
  CHECK(result->status == 415);
  CHECK_THAT(body_of(result)["error"].get<std::string>(), Catch::StartsWith("Content-Type:"));
  CHECK(api.store().count() == 0);
}

TEST_CASE("unknown paths and methods get JSON errors") {
  RunningApi api;
  httplib::Client client = api.client();
  const httplib::Result missing = client.Get("/admin");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(body_of(missing).contains("error"));

  const httplib::Result wrong_method = client.Get("/api/v1/records");
  REQUIRE(wrong_method);
  CHECK(wrong_method->status == 405);
  CHECK(wrong_method->get_header_value("Allow") == "POST");
}

TEST_CASE("records posted from several kiosks at once are all stored") {
  RunningApi api;
  constexpr int kKiosks = 6;
  constexpr int kRecordsEach = 10;
  std::vector<std::thread> kiosks;
  std::atomic<int> created{0};
  for (int k = 0; k < kKiosks; ++k) {
    kiosks.emplace_back([&api, &created, k] {
      httplib::Client client = api.client();
      for (int i = 0; i < kRecordsEach; ++i) {
        httplib::Result result = post_json(client, sample_record_json(record_id_for(k * 100 + i)).dump());
        if (result && result->status == 201) ++created;
      }
    });
  }
  for (std::thread& kiosk : kiosks) kiosk.join();
  CHECK(created == kKiosks * kRecordsEach);
  CHECK(api.store().count() == kKiosks * kRecordsEach);
}
