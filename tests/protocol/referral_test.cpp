// The call-back request (protocol/referral): the phone check, the strict JSON and the seal to
// one organisation's key alone.
#include "protocol/referral/referral.h"

#include "protocol/crypto/base64.h"
#include "protocol/referral/phone_number.h"

#include <catch2/catch.hpp>

#include <string>

using namespace selfcheck;

namespace {

Referral sample() {
    Referral r;
    r.organisation = "enrich";
    r.phone = "+85291234567";
    r.contact_language = "id";
    r.window = {{"sat", "sun"}, 10, 16};
    r.may_leave_message = false;
    return r;
}

std::string problem_of(const std::string& json_text) {
    try {
        referral_from_json(json_text);
    } catch (const ReferralError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a Hong Kong number is eight digits, +852 optional", "[referral][phone]") {
    CHECK(check_phone_number("91234567").e164 == "+85291234567");
    CHECK(check_phone_number("9123 4567").e164 == "+85291234567");
    CHECK(check_phone_number("+852 2157-9537").e164 == "+85221579537");
    CHECK_FALSE(check_phone_number("9123456").ok);
    CHECK_FALSE(check_phone_number("912345678").ok);
    CHECK(check_phone_number("01234567").problem == "phone: a Hong Kong number does not start with 0 or 1");
    CHECK_FALSE(check_phone_number("+85212345678").ok);
    CHECK(check_phone_number("9123456").problem.find("8 digits (got 7)") != std::string::npos);
}

TEST_CASE("Indonesian and Philippine numbers need their country code", "[referral][phone]") {
    CHECK(check_phone_number("+62 812 3456 7890").e164 == "+6281234567890");
    CHECK(check_phone_number("+63 917 123 4567").e164 == "+639171234567");
    CHECK(check_phone_number("+63 2 1234 5678").e164 == "+63212345678");
    CHECK(check_phone_number("+62 0812 3456 789").problem.find("leave out the 0") != std::string::npos);
    CHECK_FALSE(check_phone_number("+62 812 3456 789012").ok);  // 13 digits
    CHECK_FALSE(check_phone_number("+63 917 123 45678").ok);    // 11 digits
    CHECK(check_phone_number("+44 20 7946 0000").problem.find("only Hong Kong") != std::string::npos);
}

TEST_CASE("a phone number holds only digits, one leading + and separators", "[referral][phone]") {
    for (const char* bad : {"", "+", "abc", "9123 456a", "++85291234567", "91+234567", " 91234567", "9123\n4567"})
        CHECK_FALSE(check_phone_number(bad).ok);
    CHECK(is_referral_phone("+85291234567"));
    CHECK_FALSE(is_referral_phone("91234567"));  // the wire carries only the +852 form
}

TEST_CASE("a referral's JSON reads back as it was written", "[referral]") {
    Referral r = sample();
    CHECK(referral_from_json(referral_to_json(r)) == r);
    r.shared_result = SharedResult{"rights_concerns", {"intimidation_and_threats", "withholding_of_wages"}};
    r.may_leave_message = true;
    CHECK(referral_from_json(referral_to_json(r)) == r);
    CHECK(referral_to_json(sample()).find("shared_result") == std::string::npos);
}

TEST_CASE("a referral carries no time, id or answer: any other field is refused", "[referral]") {
    std::string text = referral_to_json(sample());
    for (const char* extra : {"record_id", "completed_on", "sent_at", "answers", "site"}) {
        std::string with = text;
        with.insert(1, std::string("\"") + extra + "\":\"x\",");
        CHECK(problem_of(with).find(std::string("unknown field '") + extra + "'") != std::string::npos);
    }
    std::string result = text;
    result.insert(1, R"("shared_result":{"indicators":[],"level":"no_concerns","answers":{}},)");
    CHECK(problem_of(result).find("shared_result.unknown field 'answers'") != std::string::npos);
}

TEST_CASE("a referral's fields are checked where they are", "[referral]") {
    const std::string good = referral_to_json(sample());
    auto with = [&](const std::string& from, const std::string& to) {
        std::string text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        return problem_of(text.replace(at, from.size(), to));
    };
    CHECK(with("\"+85291234567\"", "\"91234567\"") == "phone: expected the number as +85291234567");
    CHECK(with("\"+85291234567\"", "\"+85201234567\"") == "phone: a Hong Kong number does not start with 0 or 1");
    CHECK(with("\"sat\",\"sun\"", "\"sun\",\"sat\"").rfind("window.days:", 0) == 0);
    CHECK(with("\"sat\",\"sun\"", "").rfind("window.days:", 0) == 0);
    CHECK(with("\"from_hour\":10", "\"from_hour\":16").rfind("window:", 0) == 0);
    CHECK(with("\"to_hour\":16", "\"to_hour\":25").rfind("window.to_hour:", 0) == 0);
    CHECK(with("false", "0") == "may_leave_message: expected true or false");
    CHECK(with("\"id\"", "\"Indonesian\"").rfind("contact_language:", 0) == 0);
    CHECK(with("\"enrich\"", "\"Enrich NGO\"").rfind("organisation:", 0) == 0);
    CHECK(with("\"schema\":1", "\"schema\":2") == "schema: expected 1");
    CHECK(problem_of(R"({"schema":1,"schema":1})").find("appears twice") != std::string::npos);
    CHECK(problem_of("[]") == "body: expected a JSON object");
}

TEST_CASE("a kiosk cannot write a referral a caseworker could not read", "[referral]") {
    Referral r = sample();
    r.phone = "91234567";
    CHECK_THROWS_AS(referral_to_json(r), ReferralError);
    r = sample();
    r.shared_result = SharedResult{"rights_concerns", {"b", "a"}};
    CHECK_THROWS_AS(referral_to_json(r), ReferralError);
}

TEST_CASE("a sealed referral opens only with its organisation's key and always has one length", "[referral]") {
    const KeyPair enrich = generate_key_pair();
    const KeyPair other = generate_key_pair();
    Referral shortest = sample();
    Referral longest = sample();
    longest.phone = "+6281234567890";
    longest.window.days = referral_days();
    longest.shared_result = SharedResult{std::string(64, 'l'), {}};
    for (int i = 0; i < int(kMaxSharedIndicators); ++i)
        longest.shared_result->indicators.push_back(std::string(62, 'a') + char('a' + i / 10) + char('a' + i % 10));
    for (const Referral& r : {shortest, longest}) {
        const std::string sealed = seal_referral(r, enrich.public_key);
        CHECK(sealed.size() == kReferralSealedBytes);
        CHECK(open_referral(sealed, enrich) == r);
        CHECK_THROWS(open_referral(sealed, other));
    }
}

TEST_CASE("a referral batch is read item by item", "[referral][batch]") {
    const KeyPair enrich = generate_key_pair();
    const SealedReferral good{random_referral_id(), "enrich", to_base64(seal_referral(sample(), enrich.public_key))};
    SealedReferral short_box = good;
    short_box.id = random_referral_id();
    short_box.sealed_base64 = to_base64("too short");
    const auto items = referral_batch_from_json(referral_batch_to_json({good, short_box}));
    REQUIRE(items.size() == 2);
    CHECK(items[0].problem.empty());
    CHECK(items[0].referral.organisation == "enrich");
    CHECK(items[1].problem.find("referrals[1].sealed: expected 2096 sealed bytes, got 9") != std::string::npos);
    CHECK(random_referral_id() != random_referral_id());
}

TEST_CASE("a malformed referral batch is refused as a whole", "[referral][batch]") {
    auto problem = [](const std::string& body) -> std::string {
        try {
            referral_batch_from_json(body);
        } catch (const ProtocolError& e) {
            return e.what();
        }
        return "";
    };
    CHECK(problem("junk").rfind("body: not valid JSON", 0) == 0);
    CHECK(problem(R"({"records":[]})").find("unknown field 'records'") != std::string::npos);
    CHECK(problem(R"({"referrals":[]})") == "referrals: the list is empty");
    CHECK(problem(R"({"referrals":[{"organisation":"enrich"}]})").rfind("referrals[0].id:", 0) == 0);
    std::string many = R"({"referrals":[)";
    for (int i = 0; i <= int(kMaxReferralsPerBatch); ++i)
        many += std::string(i ? "," : "") + R"({"id":")" + random_referral_id() + R"("})";
    CHECK(problem(many + "]}").find("at most 20 per batch") != std::string::npos);
}
