// collector user add NAME --db DB: a dashboard login. The password is read from the first
// line of stdin, so it never shows in the process list or shell history.
#include "protocol/time/dates.h"
#include "server/cli/commands.h"
#include "server/dashboard/password.h"
#include "server/store/open_store.h"

#include <iostream>
#include <string>

namespace selfcheck::collector {

int run_user_add(const Options& options) {
    std::string password;
    if (!std::getline(std::cin, password)) {
        std::cerr << "collector: user add: no password on standard input\n";
        return kExitUsage;
    }
    if (!password.empty() && password.back() == '\r') password.pop_back();
    if (password.size() < kMinPasswordLength || password.size() > kMaxPasswordLength) {
        std::cerr << "collector: user add: the password must be " << kMinPasswordLength << " to " << kMaxPasswordLength
                  << " characters long\n";
        return kExitUsage;
    }
    try {
        const std::unique_ptr<RecordStore> store = open_store(options.db, StoreOpenMode::CreateIfMissing);
        if (store->find_user(options.user_name)) {
            std::cerr << "collector: user add: user '" << options.user_name << "' exists already\n";
            return kExitFailure;
        }
        store->add_user(DashboardUser{options.user_name, hash_password(password), utc_timestamp_now(), options.role,
                                      options.organisation});
    } catch (const std::exception& error) {
        std::cerr << "collector: user add: " << error.what() << '\n';
        return kExitFailure;
    }
    std::cout << "added dashboard user " << options.user_name;
    if (!options.organisation.empty()) std::cout << " (caseworker of " << options.organisation << ")";
    std::cout << '\n';
    return kExitOk;
}

}  // namespace selfcheck::collector
