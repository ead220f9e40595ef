#pragma once
// A valid record for tests (docs/protocol.md, "The record"), as JSON, and ways to spoil it one
// field at a time. It fits content/ form version 1: the loan with very high interest raises
// debt_bondage (a penalty, with no involuntariness), which alone gives the rights_concerns level.
#include <nlohmann/json.hpp>

#include <string>

inline const std::string kSampleRecordId = "0123456789abcdef0123456789abcdef";
inline const std::string kSampleSite = "demo-site";

inline nlohmann::json sample_record_json(const std::string& record_id = kSampleRecordId) {
    return {{"schema", 1},
            {"record_id", record_id},
            {"form_id", "hk-mdw-self-assessment"},
            {"form_version", 1},
            {"language", "id"},
            {"site", kSampleSite},
            {"completed_on", "2026-11-22"},
            {"answers", {{"has_loan", "yes"}, {"loan_interest_high", "yes"}, {"monthly_salary", 6000}}},
            {"indicators", {"debt_bondage"}},
            {"result_level", "rights_concerns"}};
}

// The sample with one top-level field set (or replaced), or one answer set.
inline nlohmann::json sample_with(const std::string& field, const nlohmann::json& value) {
    nlohmann::json body = sample_record_json();
    body[field] = value;
    return body;
}

inline nlohmann::json sample_with_answer(const std::string& key, const nlohmann::json& value) {
    nlohmann::json body = sample_record_json();
    body["answers"][key] = value;
    return body;
}

// A distinct valid record id for each n.
inline std::string record_id_for(int n) {
    std::string id = kSampleRecordId;
    const std::string digits = std::to_string(n);
    return id.replace(id.size() - digits.size(), digits.size(), digits);
}
