#include "protocol/referral/referral.h"

#include "protocol/content/identifiers.h"
#include "protocol/crypto/base64.h"
#include "protocol/record/record.h"
#include "protocol/record/strict_json.h"
#include "protocol/referral/phone_number.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>

namespace selfcheck {
namespace {

using nlohmann::json;

const std::set<std::string> kReferralFields = {"schema", "organisation",      "phone",        "contact_language",
                                               "window", "may_leave_message", "shared_result"};
const std::set<std::string> kWindowFields = {"days", "from_hour", "to_hour"};
const std::set<std::string> kResultFields = {"level", "indicators"};
const std::set<std::string> kItemFields = {"id", "organisation", "sealed"};

std::string list_of(const std::set<std::string>& fields) {
    std::string list;
    for (const auto& field : fields) list += (list.empty() ? "" : ", ") + field;
    return list;
}

// Every key of `object` is one of `allowed`; `where` prefixes the message ("window.").
void allow_only(const json& object, const std::set<std::string>& allowed, const std::string& where) {
    for (const auto& [name, value] : object.items())
        if (!allowed.count(name))
            throw ReferralError(where + "unknown field " + quote_for_message(name) + ": only " + list_of(allowed) +
                                " are accepted");
}

const json& required(const json& object, const std::string& field, const std::string& where) {
    const auto found = object.find(field);
    if (found == object.end()) throw ReferralError(where + field + ": required field is missing");
    return *found;
}

std::string string_of(const json& value, const std::string& name, bool (*valid)(std::string_view),
                      const std::string& expected) {
    if (!value.is_string() || !valid(value.get_ref<const std::string&>()))
        throw ReferralError(name + ": expected " + expected);
    return value.get<std::string>();
}

int hour_of(const json& value, const std::string& name, int low, int high) {
    if (!value.is_number_integer() || value.get<long long>() < low || value.get<long long>() > high)
        throw ReferralError(name + ": expected a whole hour from " + std::to_string(low) + " to " +
                            std::to_string(high));
    return value.get<int>();
}

// Sorted by `order`, each once, each one of `order`.
bool in_order(const std::vector<std::string>& items, const std::vector<std::string>& order) {
    std::size_t next = 0;
    for (const auto& item : items) {
        const auto at = std::find(order.begin() + long(next), order.end(), item);
        if (at == order.end()) return false;
        next = std::size_t(at - order.begin()) + 1;
    }
    return true;
}

bool sorted_ids(const std::vector<std::string>& ids) {
    return std::all_of(ids.begin(), ids.end(), [](const std::string& id) { return is_identifier(id); }) &&
           std::adjacent_find(ids.begin(), ids.end(), std::greater_equal<>()) == ids.end();
}

void check(const Referral& r) {
    if (r.schema != kReferralSchema) throw ReferralError("schema: expected " + std::to_string(kReferralSchema));
    if (!is_identifier(r.organisation))
        throw ReferralError(std::string("organisation: expected an organisation id of ") + kIdentifierRule);
    if (!is_referral_phone(r.phone)) {
        const PhoneCheck phone = check_phone_number(r.phone);
        throw ReferralError(phone.ok ? "phone: expected the number as " + phone.e164 : phone.problem);
    }
    if (!is_locale_id(r.contact_language))
        throw ReferralError(std::string("contact_language: expected ") + kLocaleRule);
    if (r.window.days.empty() || !in_order(r.window.days, referral_days()))
        throw ReferralError(
            "window.days: expected one or more of mon tue wed thu fri sat sun, in that order, each once");
    if (r.window.from_hour < 0 || r.window.from_hour > 23 || r.window.to_hour <= r.window.from_hour ||
        r.window.to_hour > 24)
        throw ReferralError("window: expected from_hour 0-23 and a later to_hour up to 24");
    if (r.shared_result) {
        if (!is_identifier(r.shared_result->level))
            throw ReferralError(std::string("shared_result.level: expected a level id of ") + kIdentifierRule);
        if (!sorted_ids(r.shared_result->indicators) || r.shared_result->indicators.size() > kMaxSharedIndicators)
            throw ReferralError("shared_result.indicators: expected at most " + std::to_string(kMaxSharedIndicators) +
                                " indicator ids, sorted, each once");
    }
}

}  // namespace

const std::vector<std::string>& referral_days() {
    static const std::vector<std::string> days = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return days;
}

bool ContactWindow::operator==(const ContactWindow& o) const {
    return days == o.days && from_hour == o.from_hour && to_hour == o.to_hour;
}
bool SharedResult::operator==(const SharedResult& o) const { return level == o.level && indicators == o.indicators; }
bool Referral::operator==(const Referral& o) const {
    return schema == o.schema && organisation == o.organisation && phone == o.phone &&
           contact_language == o.contact_language && window == o.window && may_leave_message == o.may_leave_message &&
           shared_result == o.shared_result;
}

std::string referral_to_json(const Referral& r) {
    check(r);
    json body = {
        {"schema", r.schema},
        {"organisation", r.organisation},
        {"phone", r.phone},
        {"contact_language", r.contact_language},
        {"window", {{"days", r.window.days}, {"from_hour", r.window.from_hour}, {"to_hour", r.window.to_hour}}},
        {"may_leave_message", r.may_leave_message},
    };
    if (r.shared_result)
        body["shared_result"] = {{"level", r.shared_result->level}, {"indicators", r.shared_result->indicators}};
    return body.dump();
}

Referral referral_from_json(std::string_view json_text) {
    json body;
    try {
        body = parse_strict_json(json_text);
    } catch (const ProtocolError& e) {
        throw ReferralError(e.what());
    }
    if (!body.is_object()) throw ReferralError("body: expected a JSON object");
    allow_only(body, kReferralFields, "");
    Referral r;
    const json& schema = required(body, "schema", "");
    if (!schema.is_number_integer()) throw ReferralError("schema: expected " + std::to_string(kReferralSchema));
    r.schema = schema.get<int>();
    r.organisation = string_of(required(body, "organisation", ""), "organisation", is_identifier,
                               std::string("an organisation id of ") + kIdentifierRule);
    const json& phone = required(body, "phone", "");
    if (!phone.is_string()) throw ReferralError("phone: expected a string");
    r.phone = phone.get<std::string>();
    r.contact_language =
        string_of(required(body, "contact_language", ""), "contact_language", is_locale_id, kLocaleRule);
    const json& window = required(body, "window", "");
    if (!window.is_object()) throw ReferralError("window: expected an object with days, from_hour and to_hour");
    allow_only(window, kWindowFields, "window.");
    const json& days = required(window, "days", "window.");
    if (!days.is_array() || !std::all_of(days.begin(), days.end(), [](const json& d) { return d.is_string(); }))
        throw ReferralError("window.days: expected a list of day names");
    r.window.days = days.get<std::vector<std::string>>();
    r.window.from_hour = hour_of(required(window, "from_hour", "window."), "window.from_hour", 0, 23);
    r.window.to_hour = hour_of(required(window, "to_hour", "window."), "window.to_hour", 1, 24);
    const json& message = required(body, "may_leave_message", "");
    if (!message.is_boolean()) throw ReferralError("may_leave_message: expected true or false");
    r.may_leave_message = message.get<bool>();
    if (const auto shared = body.find("shared_result"); shared != body.end()) {
        if (!shared->is_object()) throw ReferralError("shared_result: expected an object with level and indicators");
        allow_only(*shared, kResultFields, "shared_result.");
        SharedResult result;
        result.level = string_of(required(*shared, "level", "shared_result."), "shared_result.level", is_identifier,
                                 std::string("a level id of ") + kIdentifierRule);
        const json& indicators = required(*shared, "indicators", "shared_result.");
        if (!indicators.is_array() ||
            !std::all_of(indicators.begin(), indicators.end(), [](const json& i) { return i.is_string(); }))
            throw ReferralError("shared_result.indicators: expected a list of indicator ids");
        result.indicators = indicators.get<std::vector<std::string>>();
        r.shared_result = result;
    }
    check(r);
    return r;
}

std::string seal_referral(const Referral& referral, const PublicKey& organisation_key) {
    return seal_padded(referral_to_json(referral), kReferralPaddedBytes, organisation_key);
}

Referral open_referral(std::string_view sealed, const KeyPair& organisation_keys) {
    return referral_from_json(open_sealed(sealed, organisation_keys));
}

std::string random_referral_id() { return random_record_id(); }

std::string referral_batch_to_json(const std::vector<SealedReferral>& batch) {
    json items = json::array();
    for (const auto& item : batch)
        items.push_back({{"id", item.id}, {"organisation", item.organisation}, {"sealed", item.sealed_base64}});
    return json{{"referrals", items}}.dump();
}

std::vector<ReferralBatchItem> referral_batch_from_json(std::string_view json_text) {
    const json body = parse_strict_json(json_text);
    if (!body.is_object()) throw ProtocolError("body: expected a JSON object with a referrals list");
    for (const auto& [name, value] : body.items())
        if (name != "referrals")
            throw ProtocolError("unknown field " + quote_for_message(name) + ": only referrals is accepted");
    const auto list = body.find("referrals");
    if (list == body.end() || !list->is_array()) throw ProtocolError("referrals: expected a list");
    if (list->empty()) throw ProtocolError("referrals: the list is empty");
    if (list->size() > kMaxReferralsPerBatch)
        throw ProtocolError("referrals: at most " + std::to_string(kMaxReferralsPerBatch) + " per batch, got " +
                            std::to_string(list->size()));
    std::vector<ReferralBatchItem> items;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const json& entry = (*list)[i];
        const std::string at = "referrals[" + std::to_string(i) + "]";
        if (!entry.is_object() || !entry.contains("id") || !entry["id"].is_string() ||
            !is_record_id(entry["id"].get_ref<const std::string&>()))
            throw ProtocolError(at + ".id: expected 32 lowercase hex characters (each item is answered by its id)");
        ReferralBatchItem item;
        item.referral.id = entry["id"].get<std::string>();
        for (const auto& [name, value] : entry.items())
            if (!kItemFields.count(name) && item.problem.empty())
                item.problem = at + ": unknown field " + quote_for_message(name) + ": only " + list_of(kItemFields) +
                               " are accepted";
        const auto organisation = entry.find("organisation");
        const auto sealed = entry.find("sealed");
        if (organisation == entry.end() || !organisation->is_string() ||
            !is_identifier(organisation->get_ref<const std::string&>())) {
            if (item.problem.empty())
                item.problem = at + ".organisation: expected an organisation id of " + kIdentifierRule;
        } else {
            item.referral.organisation = organisation->get<std::string>();
        }
        if (sealed == entry.end() || !sealed->is_string()) {
            if (item.problem.empty()) item.problem = at + ".sealed: expected base64 of the sealed referral";
        } else {
            item.referral.sealed_base64 = sealed->get<std::string>();
            if (item.problem.empty()) {
                try {
                    const std::string bytes = from_base64(item.referral.sealed_base64, at + ".sealed");
                    if (bytes.size() != kReferralSealedBytes)
                        item.problem = at + ".sealed: expected " + std::to_string(kReferralSealedBytes) +
                                       " sealed bytes, got " + std::to_string(bytes.size());
                } catch (const std::exception& e) {
                    item.problem = e.what();
                }
            }
        }
        items.push_back(item);
    }
    return items;
}

}  // namespace selfcheck
