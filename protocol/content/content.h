#pragma once
// Everything in content/: the form, the ILO indicators and dimensions, Hong Kong rights and
// named constants, the scoring rules and the help directory. Loaded strictly; the validator
// then checks the pieces against each other and against the message bundles.
#include "protocol/content/form.h"
#include "protocol/content/form_loader.h"

#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck {

struct Indicator {
    std::string id;
    std::string label_key;
};

struct Dimension {
    std::string id;
    std::string label_key;
};

// A Hong Kong rule an answer can point to ("breach").
struct Right {
    std::string id;
    std::string title_key;
    std::string explain_key;
    std::string facts;  // the facts.md sections it rests on
};

struct ResultLevel {
    enum class When { AnyDimensionPositive, AnySignal, Always };
    std::string id;
    When when = When::Always;
    std::string title_key;
    std::string explain_key;
    std::string next_steps_key;
};

struct ScoringRules {
    // A dimension is positive with at least one involuntariness and one penalty signal; when
    // set, one of the pair must also be strong (the ILO tables behind this are unverified).
    bool require_strong = false;
    std::vector<ResultLevel> levels;  // checked in order; the first that holds is the result
};

struct Organisation {
    std::string id;
    std::string name_key;
    std::string helps_key;
    std::string hours_key;
    std::string address_key;             // optional
    std::vector<std::string> languages;  // locales spoken there; empty: not known
    std::string phone;                   // optional
    std::string whatsapp;                // optional
    std::string source;
    std::string verified;  // YYYY-MM-DD of the source when the number is verified; empty: "please check"
    std::vector<std::string> for_levels;
    std::vector<std::string> for_indicators;
    std::vector<std::string> for_breaches;
    bool is_verified() const { return !verified.empty(); }
};

struct Content {
    Form form;
    Constants constants;
    std::vector<Indicator> indicators;
    std::vector<Dimension> dimensions;
    std::vector<Right> rights;
    ScoringRules scoring;
    std::vector<Organisation> directory;

    const ResultLevel* find_level(const std::string& id) const;
};

// Reads form.yaml, indicators.yaml, rights.yaml, scoring.yaml and directory.yaml from `dir`.
// Throws ContentError (file:line:column: what was expected) on the first malformed file.
Content load_content(const std::filesystem::path& dir);

}  // namespace selfcheck
