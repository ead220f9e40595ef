#include <iostream>

#include "server/cli/commands.h"
#include "server/store/sqlite_record_store.h"

namespace collector {

int run_count(const Options& options) {
  try {
    const SqliteRecordStore store(options.db_path, SqliteRecordStore::OpenMode::must_exist);
    std::cout << store.count() << '\n';
    return kExitOk;
  } catch (const StoreError& error) {
    std::cerr << "collector: " << error.what() << '\n';
    return kExitFailure;
  }
}

}  // namespace collector
