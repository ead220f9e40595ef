// Loaders for the content files other than the form (form_loader.cpp).
#include "protocol/content/content.h"
#include "protocol/content/yaml_reader.h"
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

void read_rights(const std::filesystem::path& path, Content& content) {
    const std::string file = path.string();
    MapReader top(file, load_yaml_file(path), "rights file");
    const YAML::Node constants = top.required("constants");
    if (!constants.IsMap()) throw error_at(file, constants, "constants: expected a mapping of name: whole number");
    for (const auto& entry : constants)
        content.constants[entry.first.Scalar()] =
            scalar_int(file, entry.second, "constant '" + entry.first.Scalar() + "'");
    content.rights = read_list<Right>(file, top.required("rights"), "rights", [&](const YAML::Node& n) {
        MapReader entry(file, n, "right");
        Right r{entry.required_id("id"), entry.required_string("title"), entry.required_string("explain"),
                entry.required_string("facts")};
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
    content.scoring.levels = read_list<ResultLevel>(file, top.required("levels"), "levels", [&](const YAML::Node& n) {
        MapReader entry(file, n, "result level");
        ResultLevel level;
        level.id = entry.required_id("id");
        const std::string when = entry.required_string("when");
        if (when == "any_dimension_positive")
            level.when = ResultLevel::When::AnyDimensionPositive;
        else if (when == "any_signal")
            level.when = ResultLevel::When::AnySignal;
        else if (when == "always")
            level.when = ResultLevel::When::Always;
        else
            throw error_at(
                file, entry.required("when"),
                "result level 'when': expected any_dimension_positive, any_signal or always, found '" + when + "'");
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
            for (const auto* number : {&o.phone, &o.whatsapp})
                if (!number->empty() && !is_phone(*number))
                    throw error_at(
                        file, n,
                        what + ": '" + *number + "' is not a phone number (digits and spaces, optional leading +)");
            if (!o.verified.empty() && !is_calendar_date(o.verified))
                throw error_at(file, entry.required("verified"), what + " 'verified': expected a date YYYY-MM-DD");
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
    content.form = load_form(dir / "form.yaml", content.constants);
    return content;
}

}  // namespace selfcheck
