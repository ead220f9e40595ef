#include "server/api/batch_ingest.h"

#include "server/api/field_rules.h"
#include "server/api/record_decoder.h"
#include "server/crypto/base64.h"

namespace collector {

const char* status_name(RecordStatus status) {
    switch (status) {
    case RecordStatus::stored: return "stored";
    case RecordStatus::duplicate: return "duplicate";
    case RecordStatus::rejected: return "rejected";
    }
    return "rejected";
}

std::string BatchIngest::open_and_check(const BatchEntry& entry, const Device& device, Record& record) const {
    const std::optional<std::string> sealed = from_base64(entry.sealed, Base64Variant::original);
    if (!sealed) return "sealed: not base64 (original alphabet, with padding)";
    const std::optional<std::string> plaintext = open_sealed(*sealed, keys_);
    if (!plaintext) return "sealed: cannot be opened with this collector's key (sealed to another key, or altered)";

    DecodeResult decoded = decode_record(*plaintext);
    if (!decoded.record) return "record: " + decoded.error;
    if (decoded.record->record_id != entry.id) {
        return "id: does not match the record_id inside the seal";
    }
    if (decoded.record->site != device.site) {
        return "record: site " + quote_for_message(decoded.record->site) + " is not this device's site " +
               quote_for_message(device.site);
    }
    std::string mismatch = forms_.check(*decoded.record);
    if (!mismatch.empty()) return "record: " + mismatch;
    record = std::move(*decoded.record);
    return "";
}

std::vector<RecordOutcome> BatchIngest::ingest(const std::vector<BatchEntry>& entries, const Device& device,
                                               const std::string& received_at) const {
    std::vector<RecordOutcome> outcomes;
    std::vector<StoredRecord> accepted;
    std::vector<std::size_t> accepted_at;  // outcome index of each accepted record
    for (const BatchEntry& entry : entries) {
        RecordOutcome outcome{entry.id, RecordStatus::rejected, ""};
        Record record;
        outcome.reason = open_and_check(entry, device, record);
        if (outcome.reason.empty()) {
            accepted.push_back(StoredRecord{std::move(record), received_at, device.device_id});
            accepted_at.push_back(outcomes.size());
        }
        outcomes.push_back(std::move(outcome));
    }
    if (accepted.empty()) return outcomes;
    const std::vector<bool> stored_now = store_.insert_batch(accepted);
    for (std::size_t i = 0; i < accepted.size(); ++i) {
        outcomes[accepted_at[i]].status = stored_now[i] ? RecordStatus::stored : RecordStatus::duplicate;
    }
    return outcomes;
}

}  // namespace collector
