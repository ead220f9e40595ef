#include "server/api/referral_ingest.h"

#include "protocol/content/identifiers.h"
#include "protocol/crypto/base64.h"

#include <algorithm>

namespace selfcheck::collector {

std::string referral_refusal(const FormCatalog& forms, const std::string& organisation) {
    const auto content = forms.newest();
    const auto& directory = content->directory;
    const auto found =
        std::find_if(directory.begin(), directory.end(), [&](const Organisation& o) { return o.id == organisation; });
    if (found != directory.end() && found->takes_referrals()) return "";
    // A key removed from the directory revokes the organisation: nothing more is filed for it.
    return "organisation " + quote_for_message(organisation) +
           " takes no referrals here (no referral_key in the collector's directory)";
}

std::vector<RecordOutcome> ingest_referrals(RecordStore& store, const FormCatalog& forms,
                                            const std::vector<ReferralBatchItem>& items,
                                            const std::string& received_on) {
    std::vector<RecordOutcome> outcomes(items.size());
    std::vector<StoredReferral> accepted;
    std::vector<std::size_t> accepted_at;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const ReferralBatchItem& item = items[i];
        outcomes[i].id = item.referral.id;
        outcomes[i].reason = item.problem.empty() ? referral_refusal(forms, item.referral.organisation) : item.problem;
        if (!outcomes[i].reason.empty()) continue;
        StoredReferral stored;
        stored.referral_id = item.referral.id;
        stored.organisation = item.referral.organisation;
        stored.sealed = from_base64(item.referral.sealed_base64, "sealed");
        stored.received_on = received_on;
        accepted.push_back(std::move(stored));
        accepted_at.push_back(i);
    }
    if (accepted.empty()) return outcomes;
    const std::vector<bool> stored_now = store.insert_referrals(accepted);
    for (std::size_t k = 0; k < accepted_at.size(); ++k)
        outcomes[accepted_at[k]].status = stored_now[k] ? RecordStatus::Stored : RecordStatus::Duplicate;
    return outcomes;
}

}  // namespace selfcheck::collector
