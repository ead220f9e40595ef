#pragma once
// Builds what a kiosk sends: records sealed to the NGO public key, in batch bodies.

#include "server/crypto/base64.h"
#include "server/crypto/sealed_box.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

inline nlohmann::json sealed_entry(const nlohmann::json& record, const std::string& public_key) {
    return {{"id", record.at("record_id")},
            {"sealed",
             collector::to_base64(collector::seal(record.dump(), public_key), collector::Base64Variant::original)}};
}

inline nlohmann::json batch_of(const std::vector<nlohmann::json>& records, const std::string& public_key) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& record : records) entries.push_back(sealed_entry(record, public_key));
    return {{"records", entries}};
}
