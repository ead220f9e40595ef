// The check-in body (protocol/record/checkin.h): what the kiosk writes, the collector's
// strict reader takes back unchanged; anything else is refused by name.
#include "protocol/record/checkin.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace selfcheck;
using nlohmann::json;

namespace {

CheckIn sample() {
    CheckIn c;
    c.queue_size = 12;
    c.rejected = 1;
    c.dropped = 3;
    c.oldest_queued_on = "2026-11-20";
    c.last_error = "collector answered 503: busy";
    c.content_version = "hk-mdw-self-assessment/1";
    c.app_version = "0.2.0";
    return c;
}

std::string refusal(const json& body) {
    try {
        checkin_from_json(body.dump());
    } catch (const ProtocolError& e) {
        return e.what();
    }
    FAIL("the check-in was accepted: " << body.dump());
    return "";
}

json valid() { return json::parse(checkin_to_json(sample())); }

}  // namespace

TEST_CASE("a check-in reads back exactly as written, in canonical JSON") {
    const std::string text = checkin_to_json(sample());
    CHECK(
        text ==
        R"({"app_version":"0.2.0","content_version":"hk-mdw-self-assessment/1","dropped":3,)"
        R"("last_error":"collector answered 503: busy","oldest_queued_on":"2026-11-20","queue_size":12,"rejected":1})");
    CHECK(checkin_from_json(text) == sample());
}

TEST_CASE("a check-in from a 0.1 kiosk, without dropped and oldest_queued_on, is read") {
    const auto c = checkin_from_json(
        R"({"queue_size":12,"rejected":0,"last_error":"","content_version":"1","app_version":"0.1.0"})");
    CHECK(c.queue_size == 12);
    CHECK(c.dropped == 0);
    CHECK(c.oldest_queued_on.empty());
}

TEST_CASE("the writer makes any error text fit what the reader takes") {
    CheckIn c = sample();
    c.last_error = "line\nbreak \xe2\x80\x94 " + std::string(300, 'x');
    c.app_version = std::string(100, 'v');
    c.queue_size = -4;
    c.oldest_queued_on = "not a date";
    const CheckIn read = checkin_from_json(checkin_to_json(c));
    CHECK(read.last_error.size() == kMaxCheckInErrorLength);
    CHECK(read.last_error.rfind("line?break ??? x", 0) == 0);
    CHECK(read.last_error.substr(read.last_error.size() - 3) == "...");
    CHECK(read.app_version.size() == kMaxCheckInVersionLength);
    CHECK(read.queue_size == 0);
    CHECK(read.oldest_queued_on.empty());
}

TEST_CASE("anything that is not a check-in is refused, naming the field") {
    json answers = valid();
    answers["answers"] = json::object();
    CHECK_THAT(refusal(answers), Catch::StartsWith("unknown field 'answers'"));
    json missing = valid();
    missing.erase("queue_size");
    CHECK(refusal(missing) == "queue_size: required field is missing");
    json negative = valid();
    negative["dropped"] = -1;
    CHECK_THAT(refusal(negative), Catch::StartsWith("dropped: expected a whole number"));
    json huge = valid();
    huge["dropped"] = 18446744073709551615ULL;
    CHECK_THAT(refusal(huge), Catch::StartsWith("dropped:"));
    json date = valid();
    date["oldest_queued_on"] = "2026-02-30";
    CHECK_THAT(refusal(date), Catch::StartsWith("oldest_queued_on: expected a date"));
    json number_date = valid();
    number_date["oldest_queued_on"] = 20261120;
    CHECK_THAT(refusal(number_date), Catch::StartsWith("oldest_queued_on:"));
    json control = valid();
    control["last_error"] = "a\tb";
    CHECK_THAT(refusal(control), Catch::StartsWith("last_error:"));
    CHECK_THAT(refusal(json::array()), Catch::StartsWith("body:"));
    CHECK_THROWS_AS(checkin_from_json(R"({"queue_size":1,"queue_size":2})"), ProtocolError);
}
