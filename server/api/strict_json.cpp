#include "server/api/strict_json.h"

#include "server/api/field_rules.h"

#include <set>
#include <vector>

namespace collector {
namespace {

using nlohmann::json;

// Thrown from the parser callback to abandon parsing; nlohmann lets it pass through.
struct Refusal {
    std::string reason;
};

}  // namespace

StrictJsonResult parse_strict_json(std::string_view text) {
    std::vector<std::set<std::string>> keys_of_open_objects;
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (depth >= kMaxJsonNesting) {
                throw Refusal{"body: nested more than " + std::to_string(kMaxJsonNesting) + " levels deep"};
            }
            if (event == json::parse_event_t::object_start) keys_of_open_objects.emplace_back();
            break;
        case json::parse_event_t::object_end: keys_of_open_objects.pop_back(); break;
        case json::parse_event_t::key:
            if (!keys_of_open_objects.back().insert(parsed.get<std::string>()).second) {
                throw Refusal{"body: key " + quote_for_message(parsed.get<std::string>()) +
                              " appears twice in one object"};
            }
            break;
        default: break;
        }
        return true;
    };

    StrictJsonResult result;
    try {
        result.value = json::parse(text.begin(), text.end(), check);
    } catch (const Refusal& refusal) {
        result.error = refusal.reason;
    } catch (const json::parse_error& error) {
        result.error = "body: not valid JSON (at byte " + std::to_string(error.byte) + ")";
    } catch (const json::exception&) {
        result.error = "body: not valid JSON";
    }
    return result;
}

}  // namespace collector
