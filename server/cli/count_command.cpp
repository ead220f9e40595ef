#include "server/cli/commands.h"
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
