#include "record.h"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <stdexcept>

namespace selfcheck {

std::string random_record_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
    unsigned char bytes[16];
    randombytes_buf(bytes, sizeof bytes);
    char hex[sizeof bytes * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, bytes, sizeof bytes);
    return hex;
}

std::string to_json(const CompletedRecord& record) {
    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [question, value] : record.answers) {
        if (const auto* code = std::get_if<std::string>(&value))
            answers[question] = *code;
        else
            answers[question] = std::get<int>(value);
    }
    nlohmann::json j = {
        {"record_id", record.record_id},   {"form_id", record.form_id},
        {"form_version", record.form_version}, {"language", record.language},
        {"site", record.site},             {"completed_on", record.completed_on},
        {"answers", answers},
    };
    return j.dump();
}

}  // namespace selfcheck
