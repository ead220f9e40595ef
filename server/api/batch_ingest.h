#pragma once
// What POST /api/v1/batches does with a decoded batch: opens each sealed record with the
// NGO secret key, decodes it with the strict allow-list decoder, checks it belongs to the
// sending device and fits the form version it names, then stores the acceptable ones in
// one transaction. Each entry gets an answer (docs/protocol.md, "Submitting a batch").

#include "protocol/crypto/sealing.h"
#include "server/api/batch_decoder.h"
#include "server/catalog/form_catalog.h"
#include "server/store/record_store.h"

#include <string>
#include <vector>

namespace selfcheck::collector {

enum class RecordStatus { Stored, Duplicate, Rejected };

struct RecordOutcome {
    std::string id;
    RecordStatus status = RecordStatus::Rejected;
    std::string reason;  // set for rejected: the field at fault and what is wrong
};

const char* status_name(RecordStatus status);

class BatchIngest {
public:
    // All three must outlive this object.
    BatchIngest(RecordStore& store, const KeyPair& keys, const FormCatalog& forms)
        : store_(store), keys_(keys), forms_(forms) {}

    // One outcome per entry, in order. Throws StorageError (nothing stored) when the store fails.
    std::vector<RecordOutcome> ingest(const std::vector<BatchEntry>& entries, const Device& device,
                                      const std::string& received_at) const;

    // The record inside the entry, opened and checked. Throws ProtocolError or CryptoError
    // with the rejection reason (sent back to the kiosk) when it may not be stored.
    Record open_and_check(const BatchEntry& entry, const Device& device) const;

private:
    RecordStore& store_;
    const KeyPair& keys_;
    const FormCatalog& forms_;
};

}  // namespace selfcheck::collector
