#pragma once
// Walks the real Session through a form with random valid answers (any offered code, any
// number in range, now and then "prefer not to say") and returns the record it completes.
// Used by the store's crash test, its benchmark and the record tests.
#include "protocol/content/content.h"
#include "protocol/record/record.h"

#include <random>
#include <string>

namespace selfcheck::testing {

Record complete_random_session(const Content& content, std::mt19937& random, const std::string& site = "test-site",
                               const std::string& date = "2026-11-22");

}  // namespace selfcheck::testing
