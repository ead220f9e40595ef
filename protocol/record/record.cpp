#include "protocol/record/record.h"

#include "protocol/content/identifiers.h"
#include "protocol/crypto/crypto_error.h"
#include "protocol/record/strict_json.h"
#include "protocol/time/dates.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <algorithm>
#include <cstdint>
#include <limits>

namespace selfcheck {

namespace {

using nlohmann::json;

constexpr size_t kMaxIndicators = 64;  // more than any form raises; junk cannot make a huge list
constexpr size_t kMaxAnswers = 512;

std::string describe(const json& value) {
    if (value.is_number_integer()) return "an integer";
    if (value.is_number_float()) return "a number with a fraction or exponent";
    if (value.is_string()) return "a string";
    if (value.is_boolean()) return "a boolean";
    if (value.is_null()) return "null";
    if (value.is_array()) return "an array";
    return "an object";
}

[[noreturn]] void reject(const std::string& field, const std::string& expected, const json& got) {
    throw RecordError(field + ": expected " + expected + ", got " + describe(got));
}

const json& require(const json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end()) throw RecordError(field + ": required field is missing");
    return *found;
}

template <typename Rule>
std::string string_field(const json& body, const std::string& field, Rule rule, const std::string& expected) {
    const json& value = require(body, field);
    if (!value.is_string() || !rule(value.get_ref<const std::string&>())) reject(field, expected, value);
    return value.get<std::string>();
}

// An integer within [low, high]. nlohmann keeps non-negative integers as unsigned, up to
// UINT64_MAX, so those are range-checked before conversion.
bool is_integer_within(const json& value, std::int64_t low, std::int64_t high) {
    if (!value.is_number_integer()) return false;
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return false;
    const auto number = value.get<std::int64_t>();
    return number >= low && number <= high;
}

int int_field(const json& body, const std::string& field, int low, int high) {
    const json& value = require(body, field);
    if (!is_integer_within(value, low, high))
        reject(field,
               low == high ? "the integer " + std::to_string(low)
                           : "an integer from " + std::to_string(low) + " to " + std::to_string(high),
               value);
    return value.get<int>();
}

AnswerValue answer_from(const std::string& field, const json& value) {
    if (value.is_string()) {
        const auto& code = value.get_ref<const std::string&>();
        if (!is_identifier(code)) throw RecordError(field + ": expected an answer code of " + kIdentifierRule);
        return code;
    }
    if (!value.is_number_integer()) reject(field, "a string or an integer", value);
    constexpr int low = std::numeric_limits<int>::min(), high = std::numeric_limits<int>::max();
    if (!is_integer_within(value, low, high))
        throw RecordError(field + ": integer outside " + std::to_string(low) + " to " + std::to_string(high));
    return value.get<int>();
}

Answers answers_from(const json& answers) {
    if (!answers.is_object()) reject("answers", "an object of question id -> answer", answers);
    if (answers.size() > kMaxAnswers)
        throw RecordError("answers: more than " + std::to_string(kMaxAnswers) + " entries");
    Answers out;
    for (const auto& [key, value] : answers.items()) {
        if (!is_identifier(key))
            throw RecordError("answers: key " + quote_for_message(key) + " is not " + kIdentifierRule);
        out.emplace(key, answer_from("answers." + key, value));
    }
    return out;
}

json answers_to(const Answers& answers) {
    json out = json::object();
    for (const auto& [question, value] : answers) {
        if (const auto* code = std::get_if<std::string>(&value))
            out[question] = *code;
        else
            out[question] = std::get<int>(value);
    }
    return out;
}

std::vector<std::string> indicators_from(const json& list) {
    if (!list.is_array()) reject("indicators", "an array of indicator ids", list);
    if (list.size() > kMaxIndicators)
        throw RecordError("indicators: more than " + std::to_string(kMaxIndicators) + " entries");
    std::vector<std::string> indicators;
    for (size_t i = 0; i < list.size(); ++i) {
        const std::string field = "indicators[" + std::to_string(i) + "]";
        const json& item = list[i];
        if (!item.is_string() || !is_identifier(item.get_ref<const std::string&>()))
            reject(field, std::string("an indicator id of ") + kIdentifierRule, item);
        const std::string& id = item.get_ref<const std::string&>();
        // Strictly ascending: sorted, no repeats, so the order says nothing about the answers.
        if (!indicators.empty() && id <= indicators.back())
            throw RecordError(field + ": " + quote_for_message(id) +
                              " is out of order or repeated (expected sorted, each once)");
        indicators.push_back(id);
    }
    return indicators;
}

}  // namespace

bool Record::operator==(const Record& other) const {
    return schema == other.schema && record_id == other.record_id && form_id == other.form_id &&
           form_version == other.form_version && language == other.language && site == other.site &&
           completed_on == other.completed_on && answers == other.answers && indicators == other.indicators &&
           result_level == other.result_level;
}

const std::vector<std::string>& record_fields() {
    static const std::vector<std::string> fields = {"schema",     "record_id",   "form_id",      "form_version",
                                                    "language",   "site",        "completed_on", "answers",
                                                    "indicators", "result_level"};
    return fields;
}

std::string random_record_id() {
    ensure_sodium();
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

bool is_record_id(std::string_view text) {
    return text.size() == 32 && std::all_of(text.begin(), text.end(),
                                            [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

std::string record_to_json(const Record& record) {
    const json j = {
        {"schema", record.schema},
        {"record_id", record.record_id},
        {"form_id", record.form_id},
        {"form_version", record.form_version},
        {"language", record.language},
        {"site", record.site},
        {"completed_on", record.completed_on},
        {"answers", answers_to(record.answers)},
        {"indicators", record.indicators},
        {"result_level", record.result_level},
    };
    return j.dump();
}

Record record_from_json(std::string_view json_text) {
    json body;
    try {
        body = parse_strict_json(json_text);
    } catch (const ProtocolError& e) {
        throw RecordError(e.what());
    }
    if (!body.is_object()) reject("body", "a JSON object", body);
    const auto& allowed = record_fields();
    for (const auto& [name, value] : body.items())
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw RecordError("unknown field " + quote_for_message(name) +
                              ": only schema, record_id, form_id, form_version, language, site, completed_on, answers,"
                              " indicators and result_level are accepted");
    Record record;
    record.schema = int_field(body, "schema", kRecordSchema, kRecordSchema);
    record.record_id = string_field(body, "record_id", is_record_id, "32 lowercase hex characters");
    record.form_id = string_field(body, "form_id", is_slug, std::string("a form id of ") + kSlugRule);
    record.form_version = int_field(body, "form_version", 1, std::numeric_limits<int>::max());
    record.language = string_field(body, "language", is_locale_id, kLocaleRule);
    record.site = string_field(body, "site", is_slug, std::string("a site code of ") + kSlugRule);
    record.completed_on =
        string_field(body, "completed_on", has_date_shape, "a date as YYYY-MM-DD with no time of day");
    if (!is_calendar_date(record.completed_on))
        throw RecordError("completed_on: " + record.completed_on + " is not a date on the calendar");
    record.answers = answers_from(require(body, "answers"));
    record.indicators = indicators_from(require(body, "indicators"));
    record.result_level =
        string_field(body, "result_level", is_identifier, std::string("a result level id of ") + kIdentifierRule);
    return record;
}

std::string answers_to_json(const Answers& answers) { return answers_to(answers).dump(); }

Answers answers_from_json(std::string_view json_text) {
    try {
        return answers_from(parse_strict_json(json_text));
    } catch (const ProtocolError& e) {
        throw RecordError(std::string("answers: ") + e.what());
    }
}

}  // namespace selfcheck
