#include "server/api/record_decoder.h"

#include "server/api/field_rules.h"
#include "server/api/strict_json.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <vector>

namespace collector {
namespace {

using nlohmann::json;

// The privacy allow-list: the only top-level fields a record may have.
constexpr std::array<std::string_view, 10> kAllowedFields = {
    "schema", "record_id",    "form_id", "form_version", "language",
    "site",   "completed_on", "answers", "indicators",   "result_level"};
constexpr std::array<std::string_view, 4> kLanguages = {"id", "fil", "en", "zh_Hant_HK"};

constexpr std::int64_t kMaxFormVersion = 2147483647;
// More than any form could raise; a cap so junk cannot make a huge list.
constexpr std::size_t kMaxIndicators = 64;
// Integer answers stay within what a double holds exactly, so reports written in
// JavaScript or Python-with-floats read back the same number.
constexpr std::int64_t kMaxSafeInteger = 9007199254740991;  // 2^53 - 1

// Thrown by the checks below; decode_record turns it into DecodeResult::error.
struct Rejection {
    std::string reason;
};

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
    throw Rejection{field + ": expected " + expected + ", got " + describe(got)};
}

const json& require(const json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end()) throw Rejection{field + ": required field is missing"};
    return *found;
}

void reject_unknown_fields(const json& body) {
    for (const auto& [name, value] : body.items()) {
        if (std::find(kAllowedFields.begin(), kAllowedFields.end(), name) == kAllowedFields.end()) {
            throw Rejection{"unknown field " + quote_for_message(name) +
                            ": only schema, record_id, form_id, form_version, language, site,"
                            " completed_on, answers, indicators and result_level are accepted"};
        }
    }
}

// Reads a string field that must satisfy `rule`; `expected` describes the rule.
template <typename Rule>
std::string string_field(const json& body, const std::string& field, Rule rule, const std::string& expected) {
    const json& value = require(body, field);
    if (!value.is_string() || !rule(value.get_ref<const std::string&>())) {
        reject(field, expected, value);
    }
    return value.get<std::string>();
}

// True if `value` is an integer within [low, high]. nlohmann stores non-negative integers
// as unsigned, up to UINT64_MAX, so the unsigned ones are range-checked before conversion.
bool is_integer_within(const json& value, std::int64_t low, std::int64_t high) {
    if (!value.is_number_integer()) return false;
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return false;
    }
    const auto number = value.get<std::int64_t>();
    return number >= low && number <= high;
}

std::int64_t form_version_field(const json& body) {
    const json& value = require(body, "form_version");
    if (!is_integer_within(value, 1, kMaxFormVersion)) {
        reject("form_version", "an integer from 1 to " + std::to_string(kMaxFormVersion), value);
    }
    return value.get<std::int64_t>();
}

std::string completed_on_field(const json& body) {
    const std::string date =
        string_field(body, "completed_on", has_date_shape, "a date as YYYY-MM-DD with no time of day");
    if (!is_calendar_date(date)) {
        throw Rejection{"completed_on: " + date + " is not a date on the calendar"};
    }
    return date;
}

bool is_language(const std::string& text) {
    return std::find(kLanguages.begin(), kLanguages.end(), text) != kLanguages.end();
}

void check_answer(const std::string& key, const json& value) {
    const std::string field = "answers." + key;
    if (value.is_string()) {
        if (!is_answer_token(value.get_ref<const std::string&>())) {
            throw Rejection{field + ": expected a string of 1-64 characters from a-z 0-9 _"};
        }
    } else if (value.is_number_integer()) {
        if (!is_integer_within(value, -kMaxSafeInteger, kMaxSafeInteger)) {
            throw Rejection{field + ": integer outside -" + std::to_string(kMaxSafeInteger) + " to " +
                            std::to_string(kMaxSafeInteger)};
        }
    } else {
        reject(field, "a string or an integer", value);
    }
}

// Returns the answers as canonical JSON: nlohmann keeps object keys sorted and dump()
// without indent writes no whitespace, so equal answers give equal text.
std::string answers_field(const json& body) {
    const json& answers = require(body, "answers");
    if (!answers.is_object()) reject("answers", "an object", answers);
    for (const auto& [key, value] : answers.items()) {
        if (!is_answer_token(key)) {
            throw Rejection{"answers: key " + quote_for_message(key) + " is not 1-64 characters from a-z 0-9 _"};
        }
        check_answer(key, value);
    }
    return answers.dump();
}

std::int64_t schema_field(const json& body) {
    const json& value = require(body, "schema");
    if (!is_integer_within(value, kRecordSchema, kRecordSchema)) {
        reject("schema", "the integer " + std::to_string(kRecordSchema), value);
    }
    return kRecordSchema;
}

std::vector<std::string> indicators_field(const json& body) {
    const json& list = require(body, "indicators");
    if (!list.is_array()) reject("indicators", "an array of indicator ids", list);
    if (list.size() > kMaxIndicators) {
        throw Rejection{"indicators: more than " + std::to_string(kMaxIndicators) + " entries"};
    }
    std::vector<std::string> indicators;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string field = "indicators[" + std::to_string(i) + "]";
        const json& item = list[i];
        if (!item.is_string() || !is_answer_token(item.get_ref<const std::string&>())) {
            reject(field, "an indicator id of 1-64 characters from a-z 0-9 _", item);
        }
        const std::string& id = item.get_ref<const std::string&>();
        if (!indicators.empty() && id <= indicators.back()) {
            throw Rejection{field + ": " + quote_for_message(id) +
                            " is out of order or repeated (expected sorted, each once)"};
        }
        indicators.push_back(id);
    }
    return indicators;
}

Record record_from(const json& body) {
    if (!body.is_object()) reject("body", "a JSON object", body);
    reject_unknown_fields(body);
    Record record;
    record.schema = schema_field(body);
    record.record_id = string_field(body, "record_id", is_record_id, "32 lowercase hex characters");
    record.form_id = string_field(body, "form_id", is_slug, "1-64 characters from a-z 0-9 - _");
    record.form_version = form_version_field(body);
    record.language = string_field(body, "language", is_language, "one of id, fil, en, zh_Hant_HK");
    record.site = string_field(body, "site", is_slug, "1-64 characters from a-z 0-9 - _");
    record.completed_on = completed_on_field(body);
    record.answers_json = answers_field(body);
    record.indicators = indicators_field(body);
    record.result_level =
        string_field(body, "result_level", is_answer_token, "a level id of 1-64 characters from a-z 0-9 _");
    return record;
}

}  // namespace

DecodeResult decode_record(std::string_view json_text) {
    DecodeResult result;
    StrictJsonResult parsed = parse_strict_json(json_text);
    if (!parsed.value) {
        result.error = parsed.error;
        return result;
    }
    try {
        result.record = record_from(*parsed.value);
    } catch (const Rejection& rejection) {
        result.error = rejection.reason;
    } catch (const std::exception&) {
        // Every check above inspects types before reading, so this is a bug, not bad input;
        // still, a kiosk's junk must never take the collector down.
        result.error = "body: could not be read as a record";
    }
    return result;
}

}  // namespace collector
