// The batch and check-in bodies: structure only (what is inside a seal is judged per record).

#include "server/api/batch_decoder.h"

#include "server/api/checkin_decoder.h"
#include "tests/server/sample_records.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <random>
#include <string>

using namespace selfcheck;

using collector::decode_batch;
using collector::decode_checkin;
using nlohmann::json;

namespace {

// Decodes `body` with `decode`, requiring a refusal, and returns the reason.
template <typename Decode>
std::string refusal(Decode decode, const std::string& body) {
    INFO("body: " << body);
    try {
        decode(body);
    } catch (const ProtocolError& e) {
        return e.what();
    }
    FAIL("the body was accepted");
    return "";
}

std::string batch_error(const std::string& body) { return refusal(decode_batch, body); }

json entry(const std::string& id, const json& sealed = "AAAA") { return {{"id", id}, {"sealed", sealed}}; }

json valid_checkin() {
    return {
        {"queue_size", 12}, {"rejected", 0}, {"last_error", ""}, {"content_version", "1"}, {"app_version", "0.1.0"}};
}

std::string checkin_error(const json& body) { return refusal(decode_checkin, body.dump()); }

}  // namespace

TEST_CASE("a batch decodes to its entries, sealed text left for later") {
    const auto entries = decode_batch(json{{"records", {entry(kSampleRecordId, "not base64 at all")}}}.dump());
    REQUIRE(entries.size() == 1);
    CHECK(entries.front().id == kSampleRecordId);
    CHECK(entries.front().sealed == "not base64 at all");
    CHECK(decode_batch(R"({"records":[]})").empty());
}

TEST_CASE("a malformed batch is refused, naming where") {
    CHECK_THAT(batch_error("{\"records\":"), Catch::StartsWith("body: not valid JSON"));
    CHECK(batch_error("[]") == "body: expected a JSON object with records");
    CHECK(batch_error("{}") == "records: required field is missing");
    CHECK(batch_error(R"({"records":{}})") == "records: expected an array");
    CHECK(batch_error(R"({"records":[],"device":"x"})") == "body: unknown field 'device': only records is accepted");
    CHECK(batch_error(json{{"records", {entry(kSampleRecordId), 5}}}.dump()) ==
          "records[1]: expected an object with id and sealed");
    CHECK(batch_error(json{{"records", {entry("ABC")}}}.dump()) ==
          "records[0].id: expected 32 lowercase hex characters");
    CHECK(batch_error(json{{"records", {{{"id", kSampleRecordId}}}}}.dump()) ==
          "records[0].sealed: required field is missing");
    CHECK(batch_error(json{{"records", {entry(kSampleRecordId, 7)}}}.dump()) ==
          "records[0].sealed: expected a base64 string");
    json extra = entry(kSampleRecordId);
    extra["answers"] = json::object();
    CHECK_THAT(batch_error(json{{"records", {extra}}}.dump()),
               Catch::StartsWith("records[0]: unknown field 'answers'"));
}

TEST_CASE("a batch holds at most 100 records") {
    json records = json::array();
    for (int i = 0; i < 100; ++i) records.push_back(entry(record_id_for(i)));
    CHECK(decode_batch(json{{"records", records}}.dump()).size() == 100);
    records.push_back(entry(record_id_for(100)));
    CHECK(batch_error(json{{"records", records}}.dump()) == "records: 101 entries, at most 100 per batch");
}

TEST_CASE("mangled batches are refused with a reason and never throw anything else") {
    const std::string valid = json{{"records", {entry(kSampleRecordId), entry(record_id_for(2))}}}.dump();
    std::mt19937 random(20261122);
    const std::string junk =
        "{}[]\",:0123456789-eE.\\ \xff"
        "abc";
    for (int round = 0; round < 3000; ++round) {
        std::string body = valid;
        for (int e = 0; e < 3; ++e) {
            const std::size_t at = random() % body.size();
            body[at] = junk[random() % junk.size()];
        }
        try {
            decode_batch(body);
        } catch (const ProtocolError&) {}  // anything else escapes and fails the test
    }
}

TEST_CASE("a check-in decodes, and anything else is refused by name") {
    const auto checkin = decode_checkin(valid_checkin().dump());
    CHECK(checkin.queue_size == 12);
    CHECK(checkin.content_version == "1");

    json with_answers = valid_checkin();
    with_answers["answers"] = json::object();
    CHECK_THAT(checkin_error(with_answers), Catch::StartsWith("unknown field 'answers'"));
    json missing = valid_checkin();
    missing.erase("app_version");
    CHECK(checkin_error(missing) == "app_version: required field is missing");
    json negative = valid_checkin();
    negative["queue_size"] = -1;
    CHECK_THAT(checkin_error(negative), Catch::StartsWith("queue_size: expected a whole number"));
    json huge = valid_checkin();
    huge["rejected"] = 18446744073709551615ULL;
    CHECK_THAT(checkin_error(huge), Catch::StartsWith("rejected:"));
    json control = valid_checkin();
    control["last_error"] = "line\nbreak";
    CHECK_THAT(checkin_error(control), Catch::StartsWith("last_error:"));
    json long_error = valid_checkin();
    long_error["last_error"] = std::string(201, 'x');
    CHECK_THAT(checkin_error(long_error), Catch::StartsWith("last_error:"));
}
