// Loaders for the content files other than the form (form_loader.cpp).
#include "protocol/content/content.h"
#include "protocol/content/dated_values.h"
#include "protocol/content/identifiers.h"
#include "protocol/content/yaml_reader.h"
#include "protocol/crypto/sealing.h"
#include "protocol/time/dates.h"

#include <algorithm>
#include <cctype>

namespace selfcheck {
namespace {

std::vector<std::string> string_list(const std::string& file, const YAML::Node& node, const std::string& what) {
    std::vector<std::string> out;
    if (!node) return out;
    if (!node.IsSequence()) throw error_at(file, node, what + ": expected a list");
    for (const auto& item : node) out.push_back(scalar_string(file, item, what));
    return out;
}

template <typename Item, typename Read>
std::vector<Item> read_list(const std::string& file, const YAML::Node& list, const std::string& what, Read read) {
    if (!list.IsSequence()) throw error_at(file, list, what + ": expected a list");
    std::vector<Item> out;
    for (const auto& node : list) {
        Item item = read(node);
        const bool repeated = std::any_of(out.begin(), out.end(), [&](const Item& o) { return o.id == item.id; });
        if (repeated) throw error_at(file, node, what + ": id '" + item.id + "' is used twice");
        out.push_back(std::move(item));
    }
    return out;
}

void read_indicators(const std::filesystem::path& path, Content& content) {
    const std::string file = path.string();
    MapReader top(file, load_yaml_file(path), "indicators file");
    content.indicators = read_list<Indicator>(file, top.required("indicators"), "indicators", [&](const YAML::Node& n) {
        MapReader entry(file, n, "indicator");
        Indicator i{entry.required_id("id"), entry.required_string("label")};
        const std::string framework = entry.optional_string("framework", "ilo_2012");
        if (framework == "icls_2018")
            i.framework = Indicator::Framework::Icls2018;
        else if (framework != "ilo_2012")
            throw error_at(
                file, entry.required("framework"),
                "indicator '" + i.id + "' framework: expected ilo_2012 or icls_2018, found '" + framework + "'");
        entry.reject_unknown_keys();
        return i;
    });
    content.dimensions = read_list<Dimension>(file, top.required("dimensions"), "dimensions", [&](const YAML::Node& n) {
        MapReader entry(file, n, "dimension");
        Dimension d{entry.required_id("id"), entry.required_string("label")};
        entry.reject_unknown_keys();
        return d;
    });
    top.reject_unknown_keys();
}

// YYYY-MM-DD under `key`, required.
std::string required_date(MapReader& entry, const char* key, const std::string& what) {
    const std::string text = entry.required_string(key);
    if (!is_calendar_date(text))
        throw error_at(entry.file(), entry.required(key),
                       what + " '" + key + "': expected a date YYYY-MM-DD, found '" + text + "'");
    return text;
}

// facts (required unless `facts_optional`), source, checked_on and review_by.
Provenance read_provenance(MapReader& entry, const std::string& what, bool facts_optional = false) {
    Provenance p;
    p.facts = facts_optional ? entry.optional_string("facts") : entry.required_string("facts");
    p.source = entry.required_string("source");
    p.checked_on = required_date(entry, "checked_on", what);
    p.review_by = required_date(entry, "review_by", what);
    return p;
}

// A name conditions and messages may use: an identifier that no other constant, dated value or
// running-contract rule already has.
void check_number_name(const std::string& file, const YAML::Node& key, const std::string& name, const std::string& what,
                       const Content& content) {
    if (!is_identifier(name)) throw error_at(file, key, what + ": the name must be " + kIdentifierRule);
    const bool taken = content.constants.count(name) ||
                       std::any_of(content.dated_values.begin(), content.dated_values.end(),
                                   [&](const DatedValue& v) { return v.name == name; }) ||
                       std::any_of(content.running_rules.begin(), content.running_rules.end(),
                                   [&](const RunningContractRule& r) { return r.name == name; });
    if (taken) throw error_at(file, key, what + ": the name is already used in rights.yaml");
}

void read_constants(const std::string& file, const YAML::Node& constants, Content& content) {
    if (!constants.IsMap())
        throw error_at(file, constants, "constants: expected a mapping of name: { value, facts, source, ... }");
    for (const auto& entry : constants) {
        const std::string name = entry.first.Scalar();
        const std::string what = "constant '" + name + "'";
        check_number_name(file, entry.first, name, what, content);
        MapReader item(file, entry.second, what);
        content.constants[name] = item.required_int("value");
        content.constant_notes[name] = read_provenance(item, what);
        item.reject_unknown_keys();
    }
}

void read_dated_values(const std::string& file, const YAML::Node& node, Content& content) {
    if (!node) return;
    if (!node.IsMap()) throw error_at(file, node, "dated_values: expected a mapping of name: { steps, ... }");
    for (const auto& entry : node) {
        DatedValue series;
        series.name = entry.first.Scalar();
        const std::string what = "dated value '" + series.name + "'";
        check_number_name(file, entry.first, series.name, what, content);
        MapReader item(file, entry.second, what);
        series.provenance = read_provenance(item, what);
        const YAML::Node steps = item.required("steps");
        if (!steps.IsSequence() || steps.size() == 0)
            throw error_at(file, steps, what + " steps: expected a list of { from, value, source }");
        for (const auto& s : steps) {
            MapReader step(file, s, what + " step");
            DatedStep d;
            d.from = required_date(step, "from", what + " step");
            d.value = step.required_int("value");
            d.source = step.required_string("source");
            step.reject_unknown_keys();
            if (!series.steps.empty() && d.from <= series.steps.back().from)
                throw error_at(file, s, what + ": steps must be in date order, each after the one before");
            series.steps.push_back(std::move(d));
        }
        item.reject_unknown_keys();
        content.dated_values.push_back(std::move(series));
    }
}

void read_running_rules(const std::string& file, const YAML::Node& node, Content& content) {
    if (!node) return;
    if (!node.IsMap()) throw error_at(file, node, "running_contract_rules: expected a mapping of name: { of, ... }");
    for (const auto& entry : node) {
        RunningContractRule rule;
        rule.name = entry.first.Scalar();
        const std::string what = "running-contract rule '" + rule.name + "'";
        check_number_name(file, entry.first, rule.name, what, content);
        MapReader item(file, entry.second, what);
        rule.of = item.required_string("of");
        const bool known = std::any_of(content.dated_values.begin(), content.dated_values.end(),
                                       [&](const DatedValue& v) { return v.name == rule.of; });
        if (!known) throw error_at(file, item.required("of"), what + ": no dated value named '" + rule.of + "'");
        rule.contract_months = item.required_int("contract_months");
        rule.latest_start_days = item.required_int("latest_start_days");
        if (rule.contract_months < 1 || rule.latest_start_days < 0)
            throw error_at(file, entry.second,
                           what + ": needs contract_months of 1 or more and latest_start_days of 0 or more");
        rule.provenance = read_provenance(item, what);
        item.reject_unknown_keys();
        content.running_rules.push_back(std::move(rule));
    }
}

void read_rights(const std::filesystem::path& path, Content& content) {
    const std::string file = path.string();
    MapReader top(file, load_yaml_file(path), "rights file");
    read_constants(file, top.required("constants"), content);
    read_dated_values(file, top.optional("dated_values"), content);
    read_running_rules(file, top.optional("running_contract_rules"), content);
    content.rights = read_list<Right>(file, top.required("rights"), "rights", [&](const YAML::Node& n) {
        MapReader entry(file, n, "right");
        Right r{entry.required_id("id"), entry.required_string("title"), entry.required_string("explain"), {}};
        r.provenance = read_provenance(entry, "right '" + r.id + "'");
        entry.reject_unknown_keys();
        return r;
    });
    top.reject_unknown_keys();
}

void read_scoring(const std::filesystem::path& path, Content& content) {
    const std::string file = path.string();
    MapReader top(file, load_yaml_file(path), "scoring file");
    MapReader rule(file, top.required("dimension_rule"), "dimension_rule");
    content.scoring.require_strong = rule.optional_bool("require_strong", false);
    rule.reject_unknown_keys();
    content.scoring.unclear_codes = string_list(file, top.optional("unclear_answers"), "unclear_answers");
    for (const auto& code : content.scoring.unclear_codes)
        if (!is_identifier(code))
            throw error_at(file, top.required("unclear_answers"),
                           "unclear_answers: '" + code + "' must be " + kIdentifierRule);
    MapReader urgent(file, top.required("urgent"), "urgent");
    content.scoring.urgent_title_key = urgent.required_string("title");
    content.scoring.urgent_explain_key = urgent.required_string("explain");
    urgent.reject_unknown_keys();
    content.scoring.levels = read_list<ResultLevel>(file, top.required("levels"), "levels", [&](const YAML::Node& n) {
        MapReader entry(file, n, "result level");
        ResultLevel level;
        level.id = entry.required_id("id");
        const std::string when = entry.required_string("when");
        if (when == "any_dimension_positive")
            level.when = ResultLevel::When::AnyDimensionPositive;
        else if (when == "any_signal")
            level.when = ResultLevel::When::AnySignal;
        else if (when == "mostly_unanswered")
            level.when = ResultLevel::When::MostlyUnanswered;
        else if (when == "always")
            level.when = ResultLevel::When::Always;
        else
            throw error_at(file, entry.required("when"),
                           "result level 'when': expected any_dimension_positive, any_signal, mostly_unanswered or "
                           "always, found '" +
                               when + "'");
        level.title_key = entry.required_string("title");
        level.explain_key = entry.required_string("explain");
        level.next_steps_key = entry.required_string("next_steps");
        entry.reject_unknown_keys();
        return level;
    });
    const auto& levels = content.scoring.levels;
    if (levels.empty() || levels.back().when != ResultLevel::When::Always)
        throw error_at(file, top.required("levels"),
                       "levels: the last level must be 'when: always', so every answer set has a result");
    top.reject_unknown_keys();
}

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// YYYY-MM, a real month: a source dated only "September 2024" is not given an invented day.
bool is_calendar_month(const std::string& s) { return s.size() == 7 && is_calendar_date(s + "-01"); }

// Digits and spaces, an optional leading +, 3 to 20 characters: "999", "+852 2157 9537".
bool is_phone(const std::string& s) {
    const size_t start = !s.empty() && s[0] == '+' ? 1 : 0;
    if (s.size() < start + 3 || s.size() > 20 || !is_digit(s[start])) return false;
    return std::all_of(s.begin() + long(start), s.end(), [](char c) { return is_digit(c) || c == ' '; });
}

void read_directory(const std::filesystem::path& path, Content& content) {
    const std::string file = path.string();
    MapReader top(file, load_yaml_file(path), "directory file");
    content.directory =
        read_list<Organisation>(file, top.required("organisations"), "organisations", [&](const YAML::Node& n) {
            MapReader entry(file, n, "organisation");
            Organisation o;
            o.id = entry.required_id("id");
            const std::string what = "organisation '" + o.id + "'";
            o.name_key = entry.required_string("name");
            o.helps_key = entry.required_string("helps_with");
            o.hours_key = entry.required_string("hours");
            o.address_key = entry.optional_string("address");
            o.languages = string_list(file, entry.optional("languages"), what + " languages");
            o.phone = entry.optional_string("phone");
            o.whatsapp = entry.optional_string("whatsapp");
            o.source = entry.required_string("source");
            o.verified = entry.optional_string("verified");
            o.checked_on = required_date(entry, "checked_on", what);
            o.review_by = required_date(entry, "review_by", what);
            o.urgent = entry.optional_bool("urgent", false);
            o.referral_key = entry.optional_string("referral_key");
            if (!o.referral_key.empty()) {
                try {
                    parse_public_key(o.referral_key, what + " referral_key");
                } catch (const CryptoError& e) {
                    throw error_at(file, entry.required("referral_key"), e.what());
                }
            }
            for (const auto* number : {&o.phone, &o.whatsapp})
                if (!number->empty() && !is_phone(*number))
                    throw error_at(
                        file, n,
                        what + ": '" + *number + "' is not a phone number (digits and spaces, optional leading +)");
            if (!o.verified.empty() && !is_calendar_date(o.verified) && !is_calendar_month(o.verified))
                throw error_at(
                    file, entry.required("verified"),
                    what + " 'verified': expected the source's date, YYYY-MM-DD or YYYY-MM when it gives no day");
            if (o.phone.empty() && o.whatsapp.empty() && o.address_key.empty())
                throw error_at(file, n, what + ": needs a phone, a WhatsApp number or an address");
            MapReader shown(file, entry.required("shown_for"), what + " shown_for");
            o.for_levels = string_list(file, shown.optional("levels"), what + " shown_for levels");
            o.for_indicators = string_list(file, shown.optional("indicators"), what + " shown_for indicators");
            o.for_breaches = string_list(file, shown.optional("breaches"), what + " shown_for breaches");
            shown.reject_unknown_keys();
            if (o.for_levels.empty() && o.for_indicators.empty() && o.for_breaches.empty())
                throw error_at(file, n,
                               what + ": shown_for names no level, indicator or breach, so it would never be shown");
            entry.reject_unknown_keys();
            return o;
        });
    top.reject_unknown_keys();
}

}  // namespace

const ResultLevel* Content::find_level(const std::string& id) const {
    for (const auto& level : scoring.levels)
        if (level.id == id) return &level;
    return nullptr;
}

Content load_content(const std::filesystem::path& dir) {
    Content content;
    read_rights(dir / "rights.yaml", content);  // first: the form's conditions use its constants
    read_indicators(dir / "indicators.yaml", content);
    read_scoring(dir / "scoring.yaml", content);
    read_directory(dir / "directory.yaml", content);
    content.form = load_form(dir / "form.yaml", content.constants, dated_names(content));
    return content;
}

}  // namespace selfcheck
