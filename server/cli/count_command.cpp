#include "server/cli/commands.h"
#include "server/reports/referral_counts.h"
#include "server/reports/report.h"
#include "server/store/open_store.h"

#include <iostream>

namespace selfcheck::collector {

int run_count(const Options& options) {
    try {
        const auto store = open_store(options.db, StoreOpenMode::MustExist);
        std::cout << store->count() << '\n';
        return kExitOk;
    } catch (const StorageError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace selfcheck::collector

namespace selfcheck::collector {

int run_referral_counts(const Options& options) {
    try {
        const auto store = open_store(options.db, StoreOpenMode::MustExist);
        std::vector<ReferralCount> counts;
        for (const auto& [organisation, month, count] : store->referral_months())
            counts.push_back({organisation, month, count, false});
        protect_referral_counts(counts, kDefaultMinCell);
        std::cout << referral_counts_text(counts, kDefaultMinCell);
        return kExitOk;
    } catch (const StorageError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace selfcheck::collector
