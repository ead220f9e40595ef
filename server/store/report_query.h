#pragma once
// What reports ask the store for: records completed in a date range, at one site or all.

#include <string>

namespace selfcheck::collector {

struct RecordFilter {
    std::string from;  // YYYY-MM-DD, inclusive
    std::string to;    // YYYY-MM-DD, inclusive
    std::string site;  // empty: every site
};

}  // namespace selfcheck::collector
