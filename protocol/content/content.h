#pragma once
// Everything in content/: the form, the ILO indicators and dimensions, Hong Kong rights and
// named constants, the scoring rules and the help directory. Loaded strictly; the validator
// then checks the pieces against each other and against the message bundles.
#include "protocol/content/form.h"
#include "protocol/content/form_loader.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace selfcheck {

// Where a number, rule or contact comes from and when someone must look at it again. Every
// item in rights.yaml and directory.yaml carries one (review.h lists them for a date).
struct Provenance {
    std::string facts;       // the facts.md section(s) it rests on; may be empty for a contact
    std::string source;      // URL (publisher, date)
    std::string checked_on;  // YYYY-MM-DD: last compared with its source
    std::string review_by;   // YYYY-MM-DD: compare it again by then
};

// An ILO indicator (the 2012 booklet's eleven) or an item the ICLS 2018 guidelines list that
// the eleven do not name (e.g. "no or limited freedom to terminate the contract").
struct Indicator {
    enum class Framework { Ilo2012, Icls2018 };
    std::string id;
    std::string label_key;
    Framework framework = Framework::Ilo2012;
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
    Provenance provenance;  // facts: the facts.md sections it rests on
};

// A named number that changes on known dates (the Minimum Allowable Wage by signing date,
// statutory holidays by year): the value in force on a day is the last step on or before it.
struct DatedStep {
    std::string from;  // YYYY-MM-DD
    int value = 0;
    std::string source;
};

struct DatedValue {
    std::string name;
    std::vector<DatedStep> steps;  // by date, earliest first
    Provenance provenance;
};

// The lowest value of a dated series that a contract still running may carry: a contract
// signed on the last day of a step starts at most `latest_start_days` later and runs
// `contract_months` (facts.md §2.1: two years).
struct RunningContractRule {
    std::string name;  // the value it defines, e.g. lowest_running_contract_wage_hkd
    std::string of;    // the dated series, e.g. minimum_allowable_wage_hkd
    int contract_months = 0;
    int latest_start_days = 0;
    Provenance provenance;
};

struct ResultLevel {
    // MostlyUnanswered: most questions asked were declined or answered with an unclear code,
    // so the answers cannot show that all is well (ScoringRules::unclear_codes).
    enum class When { AnyDimensionPositive, AnySignal, MostlyUnanswered, Always };
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
    // Answers that say nothing either way, counted with "prefer not to say" by MostlyUnanswered.
    std::vector<std::string> unclear_codes;
    // Shown first, at any level, when an urgent signal was raised (danger now): the message
    // keys of "What to do now".
    std::string urgent_title_key;
    std::string urgent_explain_key;
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
    // The date of the source in which the card's contact details (its numbers; its address
    // when it has no number) were seen, YYYY-MM-DD or YYYY-MM when the source gives no day.
    // Empty: not verified, and a number is shown with "please check".
    std::string verified;
    std::string checked_on;  // YYYY-MM-DD: last compared with its source
    std::string review_by;   // YYYY-MM-DD: compare it again by then
    bool urgent = false;     // put first when she may be in danger now (police, shelters)
    // Base64 of the X25519 public key a call-back request to this organisation is sealed to
    // (docs/protocol.md, "Referrals"). Empty: it takes no referrals.
    std::string referral_key;
    bool takes_referrals() const { return !referral_key.empty(); }
    std::vector<std::string> for_levels;
    std::vector<std::string> for_indicators;
    std::vector<std::string> for_breaches;
    bool is_verified() const { return !verified.empty(); }
    bool has_number() const { return !phone.empty() || !whatsapp.empty(); }
    // True when the card must say "please check this number" on `today` (YYYY-MM-DD): it has a
    // number, and that number is not verified or its review is overdue.
    bool number_needs_check(const std::string& today) const;
};

struct Content {
    Form form;
    Constants constants;                               // fixed named numbers
    std::map<std::string, Provenance> constant_notes;  // each constant's source and review dates
    std::vector<DatedValue> dated_values;
    std::vector<RunningContractRule> running_rules;
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
