#include "kiosk/sync/batch_protocol.h"

#include "protocol/crypto/base64.h"

#include <nlohmann/json.hpp>

#include <set>
#include <stdexcept>

namespace selfcheck {

std::string batch_request_json(const std::vector<OutboxEntry>& entries) {
    nlohmann::json records = nlohmann::json::array();
    for (const auto& entry : entries) records.push_back({{"id", entry.record_id}, {"sealed", to_base64(entry.sealed)}});
    return nlohmann::json{{"records", records}}.dump();
}

std::vector<RecordVerdict> parse_batch_reply(const std::string& body, const std::vector<OutboxEntry>& sent) {
    std::set<std::string> ids;
    for (const auto& entry : sent) ids.insert(entry.record_id);
    const auto reply = nlohmann::json::parse(body, nullptr, false);
    if (reply.is_discarded() || !reply.is_object() || !reply.contains("results") || !reply["results"].is_array())
        throw std::runtime_error("the collector's answer has no 'results' list");
    std::vector<RecordVerdict> verdicts;
    for (const auto& item : reply["results"]) {
        if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("status") ||
            !item["status"].is_string())
            throw std::runtime_error("a result in the collector's answer lacks 'id' or 'status'");
        RecordVerdict verdict;
        verdict.record_id = item["id"].get<std::string>();
        if (!ids.count(verdict.record_id))
            throw std::runtime_error("the collector answered for a record that was not sent");
        const std::string status = item["status"].get<std::string>();
        if (status == "stored")
            verdict.status = RecordVerdict::Status::Stored;
        else if (status == "duplicate")
            verdict.status = RecordVerdict::Status::Duplicate;
        else if (status == "rejected")
            verdict.status = RecordVerdict::Status::Rejected;
        else
            throw std::runtime_error("unknown status '" + status + "' in the collector's answer");
        if (item.contains("reason") && item["reason"].is_string()) verdict.reason = item["reason"].get<std::string>();
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

}  // namespace selfcheck
