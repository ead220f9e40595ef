#pragma once
// Valid records for tests, as JSON and as the structs the store takes.

#include <string>

#include <nlohmann/json.hpp>

#include "server/store/stored_record.h"

inline const std::string kSampleRecordId = "0123456789abcdef0123456789abcdef";

inline nlohmann::json sample_record_json(const std::string& record_id = kSampleRecordId) {
  return {{"record_id", record_id},
          {"form_id", "hk-mdw-self-assessment"},
          {"form_version", 1},
          {"language", "id"},
          {"site", "demo-site"},
          {"completed_on", "2026-11-22"},
          {"answers", {{"has_loan", "yes"}, {"monthly_salary", 4800}}}};
}

inline collector::StoredRecord sample_stored_record(const std::string& record_id = kSampleRecordId) {
  collector::StoredRecord stored;
  stored.record.record_id = record_id;
  stored.record.form_id = "hk-mdw-self-assessment";
  stored.record.form_version = 1;
  stored.record.language = "id";
  stored.record.site = "demo-site";
  stored.record.completed_on = "2026-11-22";
  stored.record.answers_json = R"({"has_loan":"yes","monthly_salary":4800})";
  stored.received_at = "2026-11-22T10:00:00Z";
  return stored;
}

// A distinct valid record id for each n.
inline std::string record_id_for(int n) {
  std::string id = kSampleRecordId;
  const std::string digits = std::to_string(n);
  return id.replace(id.size() - digits.size(), digits.size(), digits);
}
