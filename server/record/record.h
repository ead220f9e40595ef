#pragma once
// One anonymised self-assessment as a kiosk submits it, after validation.

#include <cstdint>
#include <string>

namespace collector {

struct Record {
  std::string record_id;      // 32 lowercase hex characters, chosen at random by the kiosk
  std::string form_id;        // e.g. "hk-mdw-self-assessment"
  std::int64_t form_version = 0;
  std::string language;       // id, fil, en or zh_Hant_HK
  std::string site;           // where the kiosk stands, e.g. "demo-site"
  std::string completed_on;   // YYYY-MM-DD; never a time of day, which could identify someone
  std::string answers_json;   // canonical JSON: sorted keys, no whitespace
};

}  // namespace collector
