#include "record_allow_list.h"

#include "record.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace selfcheck {

namespace {

using nlohmann::json;

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
    throw RecordError("record field " + field + ": " + problem);
}

bool all_of(const std::string& s, const char* allowed) { return s.find_first_not_of(allowed) == std::string::npos; }

// Ids, codes and site names: lower-case words, so nothing typed can pass as one.
bool is_identifier(const std::string& s) {
    return !s.empty() && s.size() <= 64 && all_of(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");
}

bool is_date(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (s[i] < '0' || s[i] > '9') return false;
    return true;
}

const std::string& string_of(const json& record, const std::string& field) {
    const json& value = record.at(field);
    if (!value.is_string()) refuse(field, "expected a string");
    return value.get_ref<const std::string&>();
}

void check_answers(const json& answers) {
    if (!answers.is_object()) refuse("answers", "expected an object of question id -> answer");
    for (const auto& [question, value] : answers.items()) {
        if (!is_identifier(question)) refuse("answers", "question id \"" + question + "\" is not an id");
        if (value.is_number_integer()) continue;
        if (!value.is_string() || !is_identifier(value.get_ref<const std::string&>()))
            refuse("answers." + question, "expected an answer code or a whole number");
    }
}

void check_indicators(const json& indicators) {
    if (!indicators.is_array()) refuse("indicators", "expected an array of indicator ids");
    for (const json& id : indicators)
        if (!id.is_string() || !is_identifier(id.get_ref<const std::string&>()))
            refuse("indicators", "expected indicator ids");
    // Strictly ascending: sorted, no repeats, so the order says nothing about the answers.
    const bool sorted = std::adjacent_find(indicators.begin(), indicators.end(),
                                           [](const json& a, const json& b) { return a >= b; }) == indicators.end();
    if (!sorted) refuse("indicators", "expected sorted, distinct ids");
}

}  // namespace

bool is_site_code(const std::string& site) { return is_identifier(site); }

const std::vector<std::string>& record_fields() {
    static const std::vector<std::string> fields = {"schema",     "record_id",   "form_id",      "form_version",
                                                    "language",   "site",        "completed_on", "answers",
                                                    "indicators", "result_level"};
    return fields;
}

void check_record_json(const std::string& json_text) {
    const json record = json::parse(json_text, nullptr, false);
    if (record.is_discarded() || !record.is_object()) throw RecordError("record: not a JSON object");
    const auto& allowed = record_fields();
    for (const auto& [name, value] : record.items())
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw RecordError("record: unknown field \"" + name + "\" is not on the allow-list");
    for (const auto& name : allowed)
        if (!record.contains(name)) refuse(name, "required field is missing");

    if (record.at("schema") != kRecordSchema) refuse("schema", "expected " + std::to_string(kRecordSchema));
    const std::string& id = string_of(record, "record_id");
    if (id.size() != 32 || !all_of(id, "0123456789abcdef")) refuse("record_id", "expected 32 lower-case hex digits");
    if (!is_identifier(string_of(record, "form_id"))) refuse("form_id", "expected an id");
    const json& version = record.at("form_version");
    if (!version.is_number_integer() || version.get<long long>() < 1)
        refuse("form_version", "expected a whole number from 1");
    const std::string& language = string_of(record, "language");
    if (language.empty() || language.size() > 32 ||
        !all_of(language, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"))
        refuse("language", "expected a locale id");
    if (!is_site_code(string_of(record, "site"))) refuse("site", "expected a site code (a-z 0-9 - _, 1-64)");
    if (!is_date(string_of(record, "completed_on"))) refuse("completed_on", "expected a date YYYY-MM-DD, never a time");
    check_answers(record.at("answers"));
    check_indicators(record.at("indicators"));
    if (!is_identifier(string_of(record, "result_level"))) refuse("result_level", "expected a result level id");
}

}  // namespace selfcheck
