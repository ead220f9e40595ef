#pragma once
// One anonymised self-assessment as a kiosk seals it (docs/protocol.md, "The record"),
// after the collector has opened and validated it.

#include <cstdint>
#include <string>
#include <vector>

namespace collector {

inline constexpr std::int64_t kRecordSchema = 1;

struct Record {
    std::int64_t schema = kRecordSchema;
    std::string record_id;  // 32 lowercase hex characters, chosen at random by the kiosk
    std::string form_id;    // e.g. "hk-mdw-self-assessment"
    std::int64_t form_version = 0;
    std::string language;                 // id, fil, en or zh_Hant_HK
    std::string site;                     // where the kiosk stands, e.g. "demo-site"
    std::string completed_on;             // YYYY-MM-DD; never a time of day, which could identify someone
    std::string answers_json;             // canonical JSON: sorted keys, no whitespace
    std::vector<std::string> indicators;  // ILO indicator ids raised, sorted, no repeats
    std::string result_level;             // a scoring level id
};

}  // namespace collector
