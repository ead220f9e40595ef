#pragma once
// What POST /api/v1/referrals does with a batch of call-back requests (docs/protocol.md,
// "Referrals"): files each one, still sealed, under the organisation it names, when that
// organisation takes referrals in this collector's directory. The collector cannot open a
// request (only the organisation's key can), so it checks the envelope: the id, the
// organisation, and that the box has the one length every sealed request has.
#include "protocol/referral/referral.h"
#include "server/api/batch_ingest.h"
#include "server/catalog/form_catalog.h"
#include "server/store/record_store.h"

#include <string>
#include <vector>

namespace selfcheck::collector {

// One outcome per item, in order (RecordOutcome: the same three answers as records). Throws
// StorageError (nothing stored) when the store fails. `received_on` is the Hong Kong date.
std::vector<RecordOutcome> ingest_referrals(RecordStore& store, const FormCatalog& forms,
                                            const std::vector<ReferralBatchItem>& items,
                                            const std::string& received_on);

// Why `organisation` may not be sent referrals here; empty when it may.
std::string referral_refusal(const FormCatalog& forms, const std::string& organisation);

}  // namespace selfcheck::collector
