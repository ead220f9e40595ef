#include "server/api/checkin_decoder.h"

#include "protocol/content/identifiers.h"
#include "protocol/record/strict_json.h"

#include <algorithm>
#include <array>

namespace selfcheck::collector {
namespace {

using nlohmann::json;

constexpr std::array<std::string_view, 5> kFields = {"queue_size", "rejected", "last_error", "content_version",
                                                     "app_version"};
constexpr std::int64_t kMaxCount = 100000000;
constexpr std::size_t kMaxErrorLength = 200;
constexpr std::size_t kMaxVersionLength = 64;

std::int64_t count_field(const json& body, const std::string& field) {
    const json& value = body.at(field);
    if (!value.is_number_integer() || (value.is_number_unsigned() && value.get<std::uint64_t>() > kMaxCount) ||
        value.get<std::int64_t>() < 0 || value.get<std::int64_t>() > kMaxCount) {
        throw ProtocolError(field + ": expected a whole number from 0 to " + std::to_string(kMaxCount));
    }
    return value.get<std::int64_t>();
}

// Printable ASCII only: the text is shown to staff and must not carry control bytes.
std::string text_field(const json& body, const std::string& field, std::size_t max_length) {
    const json& value = body.at(field);
    const bool ok = value.is_string() && value.get_ref<const std::string&>().size() <= max_length &&
                    std::all_of(value.get_ref<const std::string&>().begin(), value.get_ref<const std::string&>().end(),
                                [](char c) { return c >= ' ' && c <= '~'; });
    if (!ok) {
        throw ProtocolError(field + ": expected a string of at most " + std::to_string(max_length) +
                            " printable ASCII characters");
    }
    return value.get<std::string>();
}

CheckIn checkin_from(const json& body) {
    if (!body.is_object()) throw ProtocolError("body: expected a JSON object");
    for (const auto& [name, value] : body.items()) {
        if (std::find(kFields.begin(), kFields.end(), name) == kFields.end()) {
            throw ProtocolError(
                "unknown field " + quote_for_message(name) +
                ": only queue_size, rejected, last_error, content_version and app_version are accepted");
        }
    }
    for (std::string_view field : kFields) {
        if (!body.contains(std::string(field))) throw ProtocolError(std::string(field) + ": required field is missing");
    }
    CheckIn checkin;
    checkin.queue_size = count_field(body, "queue_size");
    checkin.rejected = count_field(body, "rejected");
    checkin.last_error = text_field(body, "last_error", kMaxErrorLength);
    checkin.content_version = text_field(body, "content_version", kMaxVersionLength);
    checkin.app_version = text_field(body, "app_version", kMaxVersionLength);
    return checkin;
}

}  // namespace

CheckIn decode_checkin(std::string_view json_text) {
    const json body = parse_strict_json(json_text);
    try {
        return checkin_from(body);
    } catch (const ProtocolError&) {
        throw;
    } catch (const std::exception&) {
        throw ProtocolError("body: could not be read as a check-in");
    }
}

}  // namespace selfcheck::collector
