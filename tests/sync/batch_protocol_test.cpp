// The batch request and the reply parser, against docs/protocol.md "Submitting a batch".
#include "kiosk/sync/batch_protocol.h"

#include "protocol/crypto/base64.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace selfcheck;
using Catch::Matchers::Contains;

namespace {

// Sealed bytes are binary: NULs and high bytes must survive base64 intact.
const std::vector<OutboxEntry> kSent = {
    {"0123456789abcdef0123456789abcdef", std::string("\x00\x01\xff sealed", 10)},
    {"fedcba9876543210fedcba9876543210", "\x80\x7f\x10"},
};

}  // namespace

TEST_CASE("batch request carries each record id and its sealed bytes in base64") {
    const auto request = nlohmann::json::parse(batch_request_json(kSent));
    REQUIRE(request.is_object());
    CHECK(request.size() == 1);  // "records" and nothing else
    const auto& records = request.at("records");
    REQUIRE(records.is_array());
    REQUIRE(records.size() == kSent.size());
    for (size_t i = 0; i < kSent.size(); ++i) {
        CHECK(records[i].size() == 2);
        CHECK(records[i].at("id") == kSent[i].record_id);
        CHECK(records[i].at("sealed") == to_base64(kSent[i].sealed));
        CHECK(from_base64(records[i].at("sealed").get<std::string>(), "sealed") == kSent[i].sealed);
    }
    CHECK(records[0].at("sealed") == "AAH/IHNlYWxlZA==");  // ORIGINAL variant, padded
}

TEST_CASE("batch request with no records is an empty list") { CHECK(batch_request_json({}) == R"({"records":[]})"); }

TEST_CASE("batch reply parses stored duplicate and rejected with the reason") {
    const auto verdicts = parse_batch_reply(R"({"results":[
        {"id":"0123456789abcdef0123456789abcdef","status":"stored"},
        {"id":"fedcba9876543210fedcba9876543210","status":"rejected","reason":"record: site: 'x' is not this device's"}]})",
                                            kSent);
    REQUIRE(verdicts.size() == 2);
    CHECK(verdicts[0].record_id == kSent[0].record_id);
    CHECK(verdicts[0].status == RecordVerdict::Status::Stored);
    CHECK(verdicts[1].status == RecordVerdict::Status::Rejected);
    CHECK(verdicts[1].reason == "record: site: 'x' is not this device's");

    const auto again =
        parse_batch_reply(R"({"results":[{"id":"fedcba9876543210fedcba9876543210","status":"duplicate"}]})", kSent);
    REQUIRE(again.size() == 1);
    CHECK(again[0].status == RecordVerdict::Status::Duplicate);
}

TEST_CASE("batch reply without a results list is an error") {
    for (const char* body :
         {"", "not json", "[]", R"({"error":"busy"})", R"({"results":{}})", R"({"results":"stored"})"}) {
        INFO(body);
        CHECK_THROWS_WITH(parse_batch_reply(body, kSent), Contains("results"));
    }
}

TEST_CASE("batch reply with a result lacking id or status is an error") {
    for (const char* body :
         {R"({"results":[{"status":"stored"}]})", R"({"results":[{"id":"0123456789abcdef0123456789abcdef"}]})",
          R"({"results":[{"id":7,"status":"stored"}]})", R"({"results":["stored"]})"}) {
        INFO(body);
        CHECK_THROWS_WITH(parse_batch_reply(body, kSent), Contains("'id' or 'status'"));
    }
}

TEST_CASE("batch reply with an unknown status is an error naming it") {
    CHECK_THROWS_WITH(
        parse_batch_reply(R"({"results":[{"id":"0123456789abcdef0123456789abcdef","status":"lost"}]})", kSent),
        Contains("unknown status 'lost'"));
}

TEST_CASE("batch reply answering a record that was not sent is an error") {
    CHECK_THROWS_WITH(
        parse_batch_reply(R"({"results":[{"id":"00000000000000000000000000000000","status":"stored"}]})", kSent),
        Contains("not sent"));
    // A mix is refused whole, so nothing from a confused answer is deleted.
    CHECK_THROWS(parse_batch_reply(R"({"results":[{"id":"0123456789abcdef0123456789abcdef","status":"stored"},
                                                  {"id":"00000000000000000000000000000000","status":"stored"}]})",
                                   kSent));
}
