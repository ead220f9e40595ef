#include "server/cli/commands.h"
#include "server/store/open_store.h"

#include <iostream>

namespace collector {

int run_count(const Options& options) {
    try {
        const auto store = open_store(options.db, StoreOpenMode::must_exist);
        std::cout << store->count() << '\n';
        return kExitOk;
    } catch (const StoreError& error) {
        std::cerr << "collector: " << error.what() << '\n';
        return kExitFailure;
    }
}

}  // namespace collector
