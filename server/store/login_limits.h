#pragma once
// Failed-login counting kept in the store, so a restart (or another collector on the same
// PostgreSQL) keeps it. A key is a thing being limited ("client:203.0.113.7",
// "account:ana@203.0.113.7", "account:ana"); each has its own allowance per window.

#include <cstdint>
#include <string>

namespace selfcheck::collector {

struct LoginLimit {
    std::string key;
    std::int64_t max_failures;
};

}  // namespace selfcheck::collector
