#include "server/api/batch_ingest.h"

#include "protocol/content/identifiers.h"
#include "protocol/crypto/base64.h"
#include "protocol/record/record.h"

namespace selfcheck::collector {

const char* status_name(RecordStatus status) {
    switch (status) {
    case RecordStatus::Stored: return "stored";
    case RecordStatus::Duplicate: return "duplicate";
    case RecordStatus::Rejected: return "rejected";
    }
    return "rejected";
}

Record BatchIngest::open_and_check(const BatchEntry& entry, const Device& device) const {
    const std::string plaintext = open_sealed(from_base64(entry.sealed, "sealed"), keys_);
    Record record;
    try {
        record = record_from_json(plaintext);
    } catch (const RecordError& e) {
        throw RecordError(std::string("record: ") + e.what());
    }
    if (record.record_id != entry.id) throw RecordError("id: does not match the record_id inside the seal");
    try {
        if (record.site != device.site)
            throw RecordError("site " + quote_for_message(record.site) + " is not this device's site " +
                              quote_for_message(device.site));
        forms_.check(record);
    } catch (const RecordError& e) {
        throw RecordError(std::string("record: ") + e.what());
    }
    return record;
}

std::vector<RecordOutcome> BatchIngest::ingest(const std::vector<BatchEntry>& entries, const Device& device,
                                               const std::string& received_at) const {
    std::vector<RecordOutcome> outcomes;
    std::vector<StoredRecord> accepted;
    std::vector<std::size_t> accepted_at;  // outcome index of each accepted record
    for (const BatchEntry& entry : entries) {
        RecordOutcome outcome{entry.id, RecordStatus::Rejected, ""};
        try {
            accepted.push_back(StoredRecord{open_and_check(entry, device), received_at, device.device_id});
            accepted_at.push_back(outcomes.size());
        } catch (const ProtocolError& e) {
            outcome.reason = e.what();
        } catch (const CryptoError& e) {
            outcome.reason = e.what();
        }
        outcomes.push_back(std::move(outcome));
    }
    if (accepted.empty()) return outcomes;
    const std::vector<bool> stored_now = store_.insert_batch(accepted);
    for (std::size_t i = 0; i < accepted.size(); ++i) {
        outcomes[accepted_at[i]].status = stored_now[i] ? RecordStatus::Stored : RecordStatus::Duplicate;
    }
    return outcomes;
}

}  // namespace selfcheck::collector
