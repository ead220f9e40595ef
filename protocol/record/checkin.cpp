#include "protocol/record/checkin.h"

#include "protocol/content/identifiers.h"
#include "protocol/record/strict_json.h"
#include "protocol/time/dates.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>

namespace selfcheck {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kRequired = {"queue_size", "rejected", "last_error", "content_version",
                                                       "app_version"};
constexpr std::array<std::string_view, 2> kOptional = {"dropped", "oldest_queued_on"};

bool is_printable_ascii(char c) { return c >= ' ' && c <= '~'; }

std::int64_t count_field(const json& body, const std::string& field) {
    const auto found = body.find(field);
    if (found == body.end()) return 0;
    const json& value = *found;
    if (!value.is_number_integer() ||
        (value.is_number_unsigned() && value.get<std::uint64_t>() > std::uint64_t(kMaxCheckInCount)) ||
        value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > kMaxCheckInCount) {
        throw ProtocolError(field + ": expected a whole number from 0 to " + std::to_string(kMaxCheckInCount));
    }
    return value.get<std::int64_t>();
}

// Printable ASCII only: the text is shown to staff and must not carry control bytes.
std::string text_field(const json& body, const std::string& field, std::size_t max_length) {
    const auto found = body.find(field);
    if (found == body.end()) return "";
    const json& value = *found;
    const bool ok = value.is_string() && value.get_ref<const std::string&>().size() <= max_length &&
                    std::all_of(value.get_ref<const std::string&>().begin(), value.get_ref<const std::string&>().end(),
                                is_printable_ascii);
    if (!ok) {
        throw ProtocolError(field + ": expected a string of at most " + std::to_string(max_length) +
                            " printable ASCII characters");
    }
    return value.get<std::string>();
}

std::string fields_list() {
    std::string list;
    for (std::string_view field : kRequired) list += std::string(list.empty() ? "" : ", ") + std::string(field);
    for (std::string_view field : kOptional) list += ", " + std::string(field);
    return list;
}

}  // namespace

bool CheckIn::operator==(const CheckIn& other) const {
    return queue_size == other.queue_size && rejected == other.rejected && dropped == other.dropped &&
           oldest_queued_on == other.oldest_queued_on && last_error == other.last_error &&
           content_version == other.content_version && app_version == other.app_version;
}

std::string check_in_text(std::string_view text, std::size_t max_length) {
    std::string out;
    for (char c : text) out += is_printable_ascii(c) ? c : '?';
    if (out.size() > max_length) out = out.substr(0, max_length >= 3 ? max_length - 3 : 0) + "...";
    return out.substr(0, max_length);
}

std::string checkin_to_json(const CheckIn& checkin) {
    const json body = {
        {"queue_size", std::clamp<std::int64_t>(checkin.queue_size, 0, kMaxCheckInCount)},
        {"rejected", std::clamp<std::int64_t>(checkin.rejected, 0, kMaxCheckInCount)},
        {"dropped", std::clamp<std::int64_t>(checkin.dropped, 0, kMaxCheckInCount)},
        {"oldest_queued_on", is_calendar_date(checkin.oldest_queued_on) ? checkin.oldest_queued_on : ""},
        {"last_error", check_in_text(checkin.last_error, kMaxCheckInErrorLength)},
        {"content_version", check_in_text(checkin.content_version, kMaxCheckInVersionLength)},
        {"app_version", check_in_text(checkin.app_version, kMaxCheckInVersionLength)},
    };
    return body.dump();
}

CheckIn checkin_from_json(std::string_view json_text) {
    const json body = parse_strict_json(json_text);
    if (!body.is_object()) throw ProtocolError("body: expected a JSON object");
    for (const auto& [name, value] : body.items()) {
        const bool known = std::find(kRequired.begin(), kRequired.end(), name) != kRequired.end() ||
                           std::find(kOptional.begin(), kOptional.end(), name) != kOptional.end();
        if (!known)
            throw ProtocolError("unknown field " + quote_for_message(name) + ": only " + fields_list() +
                                " are accepted");
    }
    for (std::string_view field : kRequired)
        if (!body.contains(std::string(field))) throw ProtocolError(std::string(field) + ": required field is missing");
    CheckIn checkin;
    checkin.queue_size = count_field(body, "queue_size");
    checkin.rejected = count_field(body, "rejected");
    checkin.dropped = count_field(body, "dropped");
    if (const auto oldest = body.find("oldest_queued_on"); oldest != body.end()) {
        if (!oldest->is_string() ||
            !(oldest->get_ref<const std::string&>().empty() || is_calendar_date(oldest->get_ref<const std::string&>())))
            throw ProtocolError("oldest_queued_on: expected a date as YYYY-MM-DD, or an empty string");
        checkin.oldest_queued_on = oldest->get<std::string>();
    }
    checkin.last_error = text_field(body, "last_error", kMaxCheckInErrorLength);
    checkin.content_version = text_field(body, "content_version", kMaxCheckInVersionLength);
    checkin.app_version = text_field(body, "app_version", kMaxCheckInVersionLength);
    return checkin;
}

}  // namespace selfcheck
