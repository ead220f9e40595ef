#pragma once
// JSON parsing that is stricter than nlohmann's defaults: a key repeated within one object
// is an error (nlohmann would silently keep the last value, letting a body say two things
// at once), and nesting is capped so junk cannot build huge structures.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace collector {

struct StrictJsonResult {
    std::optional<nlohmann::json> value;
    std::string error;  // set when value is not: what is wrong, starting with "body: "
};

inline constexpr int kMaxJsonNesting = 8;

// Never throws on bad input.
StrictJsonResult parse_strict_json(std::string_view text);

}  // namespace collector
