#include "server/store/indicator_list.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace selfcheck::collector {

std::string indicators_to_json(const std::vector<std::string>& indicators) { return nlohmann::json(indicators).dump(); }

std::vector<std::string> indicators_from_json(const std::string& text) {
    const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
    if (!parsed.is_array()) throw std::runtime_error("stored indicators are not a JSON array");
    std::vector<std::string> indicators;
    for (const auto& item : parsed) {
        if (!item.is_string()) throw std::runtime_error("stored indicators hold a non-string");
        indicators.push_back(item.get<std::string>());
    }
    return indicators;
}

}  // namespace selfcheck::collector
