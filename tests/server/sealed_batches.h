#pragma once
// Builds what a kiosk sends: records sealed to the NGO public key, in batch bodies.

#include "protocol/crypto/base64.h"
#include "protocol/crypto/sealing.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

// Sealed as a kiosk seals, though padded only by the one byte the padding needs: these
// hand-made records need not fit any form version's padded size.
inline nlohmann::json sealed_entry(const nlohmann::json& record, const selfcheck::PublicKey& public_key) {
    const std::string text = record.dump();
    return {{"id", record.at("record_id")},
            {"sealed", selfcheck::to_base64(selfcheck::seal_padded(text, text.size() + 1, public_key))}};
}

inline nlohmann::json batch_of(const std::vector<nlohmann::json>& records, const selfcheck::PublicKey& public_key) {
    nlohmann::json entries = nlohmann::json::array();
    for (const auto& record : records) entries.push_back(sealed_entry(record, public_key));
    return {{"records", entries}};
}
