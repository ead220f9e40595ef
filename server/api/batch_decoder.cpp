#include "server/api/batch_decoder.h"

#include "server/api/field_rules.h"
#include "server/api/strict_json.h"

namespace collector {
namespace {

using nlohmann::json;

struct Rejection {
    std::string reason;
};

BatchEntry entry_from(const json& item, const std::string& where) {
    if (!item.is_object()) throw Rejection{where + ": expected an object with id and sealed"};
    for (const auto& [name, value] : item.items()) {
        if (name != "id" && name != "sealed") {
            throw Rejection{where + ": unknown field " + quote_for_message(name) + ": only id and sealed are accepted"};
        }
    }
    const auto id = item.find("id");
    if (id == item.end()) throw Rejection{where + ".id: required field is missing"};
    if (!id->is_string() || !is_record_id(id->get_ref<const std::string&>())) {
        throw Rejection{where + ".id: expected 32 lowercase hex characters"};
    }
    const auto sealed = item.find("sealed");
    if (sealed == item.end()) throw Rejection{where + ".sealed: required field is missing"};
    if (!sealed->is_string()) throw Rejection{where + ".sealed: expected a base64 string"};
    return BatchEntry{id->get<std::string>(), sealed->get<std::string>()};
}

std::vector<BatchEntry> entries_from(const json& body) {
    if (!body.is_object()) throw Rejection{"body: expected a JSON object with records"};
    for (const auto& [name, value] : body.items()) {
        if (name != "records") {
            throw Rejection{"body: unknown field " + quote_for_message(name) + ": only records is accepted"};
        }
    }
    const auto records = body.find("records");
    if (records == body.end()) throw Rejection{"records: required field is missing"};
    if (!records->is_array()) throw Rejection{"records: expected an array"};
    if (records->size() > kMaxBatchRecords) {
        throw Rejection{"records: " + std::to_string(records->size()) + " entries, at most " +
                        std::to_string(kMaxBatchRecords) + " per batch"};
    }
    std::vector<BatchEntry> entries;
    entries.reserve(records->size());
    for (std::size_t i = 0; i < records->size(); ++i) {
        entries.push_back(entry_from((*records)[i], "records[" + std::to_string(i) + "]"));
    }
    return entries;
}

}  // namespace

BatchDecodeResult decode_batch(std::string_view json_text) {
    BatchDecodeResult result;
    StrictJsonResult parsed = parse_strict_json(json_text);
    if (!parsed.value) {
        result.error = parsed.error;
        return result;
    }
    try {
        result.entries = entries_from(*parsed.value);
    } catch (const Rejection& rejection) {
        result.error = rejection.reason;
    } catch (const std::exception&) {
        result.error = "body: could not be read as a batch";
    }
    return result;
}

}  // namespace collector
