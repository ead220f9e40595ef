#pragma once
// Indicator ids as the stores keep them: one JSON array text, e.g. ["deception","debt_bondage"].

#include <string>
#include <vector>

namespace selfcheck::collector {

std::string indicators_to_json(const std::vector<std::string>& indicators);
// Throws std::runtime_error if `text` is not an array of strings (a damaged database).
std::vector<std::string> indicators_from_json(const std::string& text);

}  // namespace selfcheck::collector
