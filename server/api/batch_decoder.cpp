#include "server/api/batch_decoder.h"

#include "protocol/content/identifiers.h"
#include "protocol/record/record.h"
#include "protocol/record/strict_json.h"

namespace selfcheck::collector {
namespace {

using nlohmann::json;

BatchEntry entry_from(const json& item, const std::string& where) {
    if (!item.is_object()) throw ProtocolError(where + ": expected an object with id and sealed");
    for (const auto& [name, value] : item.items()) {
        if (name != "id" && name != "sealed") {
            throw ProtocolError(where + ": unknown field " + quote_for_message(name) +
                                ": only id and sealed are accepted");
        }
    }
    const auto id = item.find("id");
    if (id == item.end()) throw ProtocolError(where + ".id: required field is missing");
    if (!id->is_string() || !is_record_id(id->get_ref<const std::string&>())) {
        throw ProtocolError(where + ".id: expected 32 lowercase hex characters");
    }
    const auto sealed = item.find("sealed");
    if (sealed == item.end()) throw ProtocolError(where + ".sealed: required field is missing");
    if (!sealed->is_string()) throw ProtocolError(where + ".sealed: expected a base64 string");
    return BatchEntry{id->get<std::string>(), sealed->get<std::string>()};
}

std::vector<BatchEntry> entries_from(const json& body) {
    if (!body.is_object()) throw ProtocolError("body: expected a JSON object with records");
    for (const auto& [name, value] : body.items()) {
        if (name != "records") {
            throw ProtocolError("body: unknown field " + quote_for_message(name) + ": only records is accepted");
        }
    }
    const auto records = body.find("records");
    if (records == body.end()) throw ProtocolError("records: required field is missing");
    if (!records->is_array()) throw ProtocolError("records: expected an array");
    if (records->size() > kMaxBatchRecords) {
        throw ProtocolError("records: " + std::to_string(records->size()) + " entries, at most " +
                            std::to_string(kMaxBatchRecords) + " per batch");
    }
    std::vector<BatchEntry> entries;
    entries.reserve(records->size());
    for (std::size_t i = 0; i < records->size(); ++i) {
        entries.push_back(entry_from((*records)[i], "records[" + std::to_string(i) + "]"));
    }
    return entries;
}

}  // namespace

std::vector<BatchEntry> decode_batch(std::string_view json_text) {
    const json body = parse_strict_json(json_text);
    try {
        return entries_from(body);
    } catch (const ProtocolError&) {
        throw;
    } catch (const std::exception&) {
        // Every check above inspects types before reading, so this is a bug, not bad input;
        // still, a kiosk's junk must never take the collector down.
        throw ProtocolError("body: could not be read as a batch");
    }
}

}  // namespace selfcheck::collector
