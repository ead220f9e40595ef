#include "protocol/record/strict_json.h"

#include "protocol/content/identifiers.h"

#include <set>
#include <string>
#include <vector>

namespace selfcheck {

namespace {

using nlohmann::json;

// Thrown from the parser callback to abandon parsing; nlohmann lets it pass through.
struct Refusal {
    std::string reason;
};

}  // namespace

json parse_strict_json(std::string_view text) {
    if (const size_t nul = text.find('\0'); nul != std::string_view::npos)
        throw ProtocolError("body: a NUL byte at byte " + std::to_string(nul) + " (JSON text never holds one)");
    std::vector<std::set<std::string>> keys_of_open_objects;
    const json::parser_callback_t check = [&](int depth, json::parse_event_t event, json& parsed) {
        switch (event) {
        case json::parse_event_t::object_start:
        case json::parse_event_t::array_start:
            if (depth >= kMaxJsonNesting)
                throw Refusal{"body: nested more than " + std::to_string(kMaxJsonNesting) + " levels deep"};
            if (event == json::parse_event_t::object_start) keys_of_open_objects.emplace_back();
            break;
        case json::parse_event_t::object_end: keys_of_open_objects.pop_back(); break;
        case json::parse_event_t::key:
            if (!keys_of_open_objects.back().insert(parsed.get<std::string>()).second)
                throw Refusal{"body: key " + quote_for_message(parsed.get<std::string>()) +
                              " appears twice in one object"};
            break;
        default: break;
        }
        return true;
    };
    try {
        return json::parse(text.begin(), text.end(), check);
    } catch (const Refusal& refusal) {
        throw ProtocolError(refusal.reason);
    } catch (const json::parse_error& error) {
        throw ProtocolError("body: not valid JSON (at byte " + std::to_string(error.byte) + ")");
    } catch (const json::exception&) {
        throw ProtocolError("body: not valid JSON");
    }
}

}  // namespace selfcheck
