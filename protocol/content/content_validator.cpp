#include "protocol/content/content_validator.h"

#include "protocol/content/contact_link.h"
#include "protocol/content/dated_values.h"
#include "protocol/content/scoring.h"

#include <unicode/messagepattern.h>

#include <algorithm>
#include <set>

namespace selfcheck {

const std::map<std::string, std::vector<std::string>>& chrome_messages() {
    static const std::map<std::string, std::vector<std::string>> keys{
        {"app.title", {}},
        {"welcome.prompt", {}},
        {"welcome.start", {}},
        {"privacy.title", {}},
        {"privacy.body", {}},
        {"privacy.body_demo", {}},
        {"privacy.continue", {}},
        {"nav.back", {}},
        {"nav.next", {}},
        {"nav.quick_exit", {}},
        {"nav.progress", {"current", "total"}},
        {"nav.change_language", {}},
        {"idle.title", {}},
        {"idle.body", {"seconds"}},
        {"idle.continue", {}},
        {"number.done", {}},
        {"number.clear", {}},
        {"unit.hkd", {"value"}},
        {"unit.years", {"value"}},
        {"unit.months", {"value"}},
        {"unit.count", {"value"}},
        {"result.help_heading", {}},
        {"result.rights_heading", {}},
        {"result.scan_qr", {}},
        {"result.please_check", {}},
        {"result.phone", {}},
        {"result.whatsapp", {}},
        {"result.finish", {}},
        {"thanks.body", {}},
        // The phone-first layout (issue #12).
        {"nav.more_below", {}},
        {"nav.question_help", {}},
        {"result.todo_heading", {}},
        {"result.rights_hint", {}},
        {"result.closing_demo", {}},
        {"staff.mode_title", {}},
        {"staff.mode_demo", {}},
        {"staff.mode_enrolled", {}},
        {"staff.confirm_end_day", {}},
        {"staff.confirm_exit", {}},
        {"staff.pin_title", {}},
        {"staff.pin_wrong", {}},
        {"staff.locked_out", {"seconds"}},
        {"staff.ok", {}},
        {"staff.cancel", {}},
        {"staff.title", {}},
        {"staff.completed_today", {"count"}},
        {"staff.queued", {"count"}},
        {"staff.sent", {"count"}},
        {"staff.last_sync", {"when"}},
        {"staff.never", {}},
        {"staff.last_error", {"error"}},
        {"staff.no_error", {}},
        {"staff.battery", {"state"}},
        {"staff.content", {"form", "version"}},
        {"staff.site", {"site"}},
        {"staff.sync_now", {}},
        {"staff.test_connection", {}},
        {"staff.end_day", {}},
        {"staff.exit", {}},
        {"staff.close", {}},
        {"staff.working", {}},
        {"staff.connection_ok", {}},
        {"staff.connection_failed", {"error"}},
        {"staff.cannot_store", {"error"}},
        {"staff.day_ended", {}},
        {"staff.day_pending", {"count"}},
        {"staff.no_collector", {}},
        {"staff.erase", {}},
        {"staff.power_mains", {}},
        {"staff.power_charged", {}},
        {"staff.power_on_battery", {"percent"}},
        {"staff.power_charging", {"percent"}},
        {"staff.power_unknown", {}},
        {"staff.rejected", {"count"}},
        {"staff.storage_failed", {"error"}},
        {"staff.outbox_dropped", {"count"}},
        {"staff.outbox_near_cap", {}},
        {"staff.content_review_overdue", {"count"}},
        {"staff.content_update_refused", {"error"}},
        // Read aloud (issue #16): the welcome screen's choice and sign, the staff's sound test.
        {"welcome.auto_read", {}},
        {"welcome.headphones", {}},
        {"staff.test_sound", {}},
        // Wi-Fi on the staff panel (issue #19): the status row, the network list, the keyboard.
        {"staff.wifi", {}},
        {"staff.wifi_title", {}},
        {"staff.wifi_checking", {}},
        {"staff.wifi_connected", {"name", "signal", "address"}},
        {"staff.wifi_connected_to", {"name"}},
        {"staff.wifi_connecting", {"name"}},
        {"staff.wifi_disconnected", {}},
        {"staff.wifi_unavailable", {"reason"}},
        {"staff.wifi_scanning", {}},
        {"staff.wifi_scan_failed", {"error"}},
        {"staff.wifi_none_found", {}},
        {"staff.wifi_joining", {"name"}},
        {"staff.wifi_join_failed", {"name", "error"}},
        {"staff.wifi_network", {"name", "signal"}},
        {"staff.wifi_network_in_use", {"name", "signal"}},
        {"staff.wifi_unsupported", {"name", "signal"}},
        {"staff.wifi_rescan", {}},
        {"staff.wifi_passphrase_title", {"name"}},
        {"staff.wifi_length", {"count"}},
        {"staff.wifi_show", {}},
        {"staff.wifi_hide", {}},
        {"staff.wifi_join", {}},
        {"staff.kb_shift", {}},
        {"staff.kb_symbols", {}},
        {"staff.kb_letters", {}},
        {"staff.kb_more_symbols", {}},
        {"staff.kb_space", {}},
    };
    return keys;
}

std::vector<std::string> content_message_keys(const Content& c) {
    std::set<std::string> keys;
    for (const auto& s : c.form.sections) keys.insert(s.title_key);
    for (const auto& q : c.form.questions) {
        keys.insert(q.text_key);
        if (!q.help_key.empty()) keys.insert(q.help_key);
        for (const auto& o : q.options) keys.insert(o.text_key);
    }
    for (const auto& i : c.indicators) keys.insert(i.label_key);
    for (const auto& d : c.dimensions) keys.insert(d.label_key);
    for (const auto& r : c.rights) keys.insert({r.title_key, r.explain_key});
    for (const auto& l : c.scoring.levels) keys.insert({l.title_key, l.explain_key, l.next_steps_key});
    for (const auto& key : {c.scoring.urgent_title_key, c.scoring.urgent_explain_key})
        if (!key.empty()) keys.insert(key);
    for (const auto& o : c.directory) {
        keys.insert({o.name_key, o.helps_key, o.hours_key});
        if (!o.address_key.empty()) keys.insert(o.address_key);
    }
    return {keys.begin(), keys.end()};
}

size_t ContentReport::errors() const {
    return size_t(std::count_if(problems.begin(), problems.end(),
                                [](const ContentProblem& p) { return p.severity == ContentProblem::Severity::Error; }));
}

size_t ContentReport::warnings() const { return problems.size() - errors(); }

std::string describe(const ContentProblem& p) {
    return std::string(p.severity == ContentProblem::Severity::Error ? "error: " : "warning: ") + p.where + ": " +
           p.message;
}

namespace {

class Validator {
public:
    Validator(const Content& content, const Messages& messages, ContentReport& report)
        : c_(content), messages_(messages), report_(report) {
        // Levels are tried on the day the newest dated step takes effect: a day the tables
        // certainly cover, and no clock is read.
        for (const auto& series : c_.dated_values)
            for (const auto& step : series.steps) {
                reference_date_ = std::max(reference_date_, step.from);
                possible_values_[series.name].insert(step.value);
            }
        for (const auto& rule : c_.running_rules) possible_values_[rule.name] = possible_values_[rule.of];
        if (reference_date_.empty()) reference_date_ = "2000-01-01";
        dated_ = dated_numbers_on(c_, reference_date_);
        report_.reachability_date = reference_date_;
    }

    void run() {
        count_form();
        check_references();
        check_messages();
        check_reachable_levels();
        check_directory();
        check_urgent();
        check_unclear_codes();
    }

private:
    void error(const std::string& where, const std::string& message) {
        report_.problems.push_back({ContentProblem::Severity::Error, where, message});
    }
    void warning(const std::string& where, const std::string& message) {
        report_.problems.push_back({ContentProblem::Severity::Warning, where, message});
    }

    void count_form() {
        report_.questions = c_.form.questions.size();
        report_.sections = c_.form.sections.size();
        for (const auto& q : c_.form.questions)
            if (q.show_if) ++report_.questions_with_skip_logic;
        report_.rights = c_.rights.size();
        for (const auto& i : c_.indicators)
            ++(i.framework == Indicator::Framework::Ilo2012 ? report_.indicators_defined : report_.icls_items_defined);
    }

    template <typename List>
    static bool defined(const List& list, const std::string& id) {
        return std::any_of(list.begin(), list.end(), [&](const auto& item) { return item.id == id; });
    }

    // Ids named in one file must be defined in another; every indicator must be raisable.
    void check_references() {
        std::set<std::string> raised_indicators, raised_breaches;
        for (const auto& q : c_.form.questions) {
            for (const auto& s : q.signals) {
                const std::string where = "form.yaml question '" + q.id + "'";
                if (!s.indicator.empty()) {
                    if (!defined(c_.indicators, s.indicator))
                        error(where, "indicator '" + s.indicator + "' is not in indicators.yaml");
                    if (!defined(c_.dimensions, s.dimension))
                        error(where, "dimension '" + s.dimension + "' is not in indicators.yaml");
                    raised_indicators.insert(s.indicator);
                }
                if (!s.breach.empty()) {
                    if (!defined(c_.rights, s.breach))
                        error(where, "breach '" + s.breach + "' is not a right in rights.yaml");
                    raised_breaches.insert(s.breach);
                }
            }
        }
        for (const auto& i : c_.indicators) {
            const bool ilo = i.framework == Indicator::Framework::Ilo2012;
            if (!raised_indicators.count(i.id))
                error("indicators.yaml", "indicator '" + i.id + "' is raised by no answer in form.yaml");
            else
                ++(ilo ? report_.indicators_mapped : report_.icls_items_mapped);
        }
        for (const auto& r : c_.rights)
            if (!raised_breaches.count(r.id))
                warning("rights.yaml", "right '" + r.id + "' is raised by no answer in form.yaml");
        for (const auto& o : c_.directory) {
            const std::string where = "directory.yaml organisation '" + o.id + "'";
            for (const auto& l : o.for_levels)
                if (!c_.find_level(l)) error(where, "shown_for level '" + l + "' is not in scoring.yaml");
            for (const auto& i : o.for_indicators)
                if (!defined(c_.indicators, i))
                    error(where, "shown_for indicator '" + i + "' is not in indicators.yaml");
            for (const auto& b : o.for_breaches)
                if (!defined(c_.rights, b)) error(where, "shown_for breach '" + b + "' is not in rights.yaml");
            for (const auto& l : o.languages)
                if (!c_.form.find_language(l)) warning(where, "language '" + l + "' is not one the form offers");
        }
    }

    // The named arguments of a MessageFormat pattern; sets `ok` false on a syntax error.
    static std::set<std::string> argument_names(const std::string& text, bool& ok) {
        UErrorCode status = U_ZERO_ERROR;
        UParseError parse_error;
        icu::MessagePattern pattern(icu::UnicodeString::fromUTF8(text), &parse_error, status);
        std::set<std::string> names;
        ok = U_SUCCESS(status);
        if (!ok) return names;
        for (int32_t i = 0; i < pattern.countParts(); ++i) {
            const icu::MessagePattern::Part& part = pattern.getPart(i);
            if (part.getType() != UMSGPAT_PART_TYPE_ARG_NAME) continue;
            std::string name;
            pattern.getSubstring(part).toUTF8String(name);
            names.insert(name);
        }
        return names;
    }

    void check_messages() {
        std::map<std::string, std::vector<std::string>> allowed_args;  // key -> names it may use
        for (const auto& [key, args] : chrome_messages()) allowed_args[key] = args;
        std::vector<std::string> constant_names;
        for (const auto& [name, value] : c_.constants) constant_names.push_back(name);
        for (const auto& name : dated_names(c_)) constant_names.push_back(name);
        for (const auto& key : content_message_keys(c_)) allowed_args.emplace(key, constant_names);
        report_.messages_needed = allowed_args.size();

        std::map<std::string, std::pair<std::string, std::set<std::string>>> first_seen;  // key -> (locale, args)
        for (const auto& language : c_.form.languages) {
            const std::string& locale = language.locale;
            std::vector<std::string> present_list;
            try {
                present_list = messages_.keys(locale);
            } catch (const MessageError& e) {
                error("locales/" + locale + ".txt", e.what());
                report_.completeness[locale] = 0;
                continue;
            }
            const std::set<std::string> present(present_list.begin(), present_list.end());
            size_t found = 0;
            for (const auto& [key, allowed] : allowed_args) {
                const std::string where = "locales/" + locale + ".txt " + key;
                if (!present.count(key)) {
                    error(where, "message is missing");
                    continue;
                }
                ++found;
                bool ok = true;
                const auto names = argument_names(messages_.pattern(locale, key), ok);
                if (!ok) {
                    error(where, "not valid ICU MessageFormat (check braces and plural syntax)");
                    continue;
                }
                for (const auto& name : names)
                    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
                        error(where, "placeholder {" + name + "} is not given to this message");
                auto [it, inserted] = first_seen.emplace(key, std::make_pair(locale, names));
                if (!inserted && it->second.second != names)
                    error(where, "placeholders differ from the " + it->second.first + " version");
            }
            for (const auto& key : present)
                if (!allowed_args.count(key))
                    error("locales/" + locale + ".txt " + key, "message is not used by the kiosk or the content");
            report_.completeness[locale] =
                allowed_args.empty() ? 100.0 : 100.0 * double(found) / double(allowed_args.size());
        }
    }

    // --- Reachability: build an answer set that should give each level, then let the real
    // scorer say whether it does.

    static Answers with(Answers answers, const std::string& id, const AnswerValue& value) {
        answers[id] = value;
        return answers;
    }

    // Values worth trying for a question: its options, or the ends of its range and both
    // sides of every threshold its signals use (every value a dated threshold can take).
    std::vector<AnswerValue> candidates(const Question& q) const {
        std::vector<AnswerValue> out;
        if (q.type == QuestionType::Choice) {
            for (const auto& o : q.options) out.emplace_back(o.code);
            return out;
        }
        std::set<int> numbers{q.number.min, q.number.max};
        for (const auto& s : q.signals) {
            std::vector<const Condition*> stack{&s.when};
            while (!stack.empty()) {
                const Condition* c = stack.back();
                stack.pop_back();
                for (const auto& child : c->children) stack.push_back(&child);
                if (c->kind != Condition::Kind::Below && c->kind != Condition::Kind::AtLeast) continue;
                std::set<int> thresholds{c->threshold};
                if (!c->dated_threshold.empty()) {
                    const auto values = possible_values_.find(c->dated_threshold);
                    thresholds = values == possible_values_.end() ? std::set<int>{} : values->second;
                }
                for (int t : thresholds)
                    numbers.insert(
                        {std::clamp(t, q.number.min, q.number.max), std::clamp(t - 1, q.number.min, q.number.max)});
            }
        }
        for (int n : numbers) out.emplace_back(n);
        return out;
    }

    bool is_clear(const AnswerValue& value) const {
        const auto* code = std::get_if<std::string>(&value);
        const auto& unclear = c_.scoring.unclear_codes;
        return !code || (*code != kPreferNotToSay && std::find(unclear.begin(), unclear.end(), *code) == unclear.end());
    }

    bool raises_nothing(const Question& q, const Answers& answers) const {
        return std::none_of(q.signals.begin(), q.signals.end(),
                            [&](const Signal& s) { return s.when.holds(answers, dated_); });
    }

    // Walks the form as a person would: a target question gets its target answer; a question
    // that gates a later target gets an answer that opens the gate; any other gets an answer
    // that raises nothing.
    Answers construct(const std::map<std::string, AnswerValue>& targets) const {
        Answers answers;
        for (size_t i = 0; i < c_.form.questions.size(); ++i) {
            const Question& q = c_.form.questions[i];
            if (q.show_if && !q.show_if->holds(answers)) continue;
            auto target = targets.find(q.id);
            if (target != targets.end()) {
                answers[q.id] = target->second;
                continue;
            }
            const auto options = candidates(q);
            AnswerValue chosen = options.front();
            bool decided = false;
            for (size_t j = i + 1; j < c_.form.questions.size() && !decided; ++j) {
                const Question& later = c_.form.questions[j];
                if (!targets.count(later.id) || !later.show_if) continue;
                std::vector<std::string> refs;
                later.show_if->collect_questions(refs);
                if (std::find(refs.begin(), refs.end(), q.id) == refs.end()) continue;
                for (const auto& option : options)
                    if (later.show_if->holds(with(answers, q.id, option))) {
                        chosen = option;
                        decided = true;
                        break;
                    }
            }
            // A clear answer first, so the set is not one of "most questions declined".
            for (bool clear_only : {true, false})
                for (size_t k = 0; k < options.size() && !decided; ++k)
                    if ((!clear_only || is_clear(options[k])) && raises_nothing(q, with(answers, q.id, options[k]))) {
                        chosen = options[k];
                        decided = true;
                    }
            answers[q.id] = chosen;
        }
        return answers;
    }

    // An answer to `q` that makes `signal` hold, if there is one.
    bool trigger(const Question& q, const Signal& signal, AnswerValue& out) const {
        for (const auto& option : candidates(q))
            if (signal.when.holds(Answers{{q.id, option}}, dated_)) {
                out = option;
                return true;
            }
        return false;
    }

    struct RaisableSignal {
        const Question* question;
        const Signal* signal;
        AnswerValue answer;
    };

    std::vector<RaisableSignal> raisable_signals() const {
        std::vector<RaisableSignal> out;
        for (const auto& q : c_.form.questions)
            for (const auto& s : q.signals) {
                AnswerValue answer;
                if (trigger(q, s, answer)) out.push_back({&q, &s, answer});
            }
        return out;
    }

    void reached(const std::string& level_id) {
        auto& list = report_.reachable_levels;
        if (std::find(list.begin(), list.end(), level_id) == list.end()) list.push_back(level_id);
    }

    void check_reachable_levels() {
        auto level_of_answers = [&](const Answers& answers) -> std::string {
            const Assessment a = assess(c_, answers, reference_date_);
            return a.level ? a.level->id : "";
        };
        auto level_of = [&](const std::map<std::string, AnswerValue>& targets) {
            return level_of_answers(construct(targets));
        };
        reached(level_of({}));
        reached(level_of_answers({}));  // every question declined
        const auto signals = raisable_signals();
        for (const auto& s : signals) reached(level_of({{s.question->id, s.answer}}));
        for (const auto& a : signals) {
            if (a.signal->role != "involuntariness") continue;
            for (const auto& b : signals) {
                if (b.signal->role != "penalty" || b.signal->dimension != a.signal->dimension) continue;
                if (a.question == b.question && !(a.answer == b.answer)) continue;
                reached(level_of({{a.question->id, a.answer}, {b.question->id, b.answer}}));
            }
        }
        for (const auto& level : c_.scoring.levels)
            if (std::find(report_.reachable_levels.begin(), report_.reachable_levels.end(), level.id) ==
                report_.reachable_levels.end())
                error("scoring.yaml level '" + level.id + "'", "no set of answers reaches this result");
    }

    void check_directory() {
        for (const auto& o : c_.directory) {
            // The kiosk turns each number into a QR code: it must make a valid link.
            try {
                if (!o.phone.empty()) tel_link(o.phone);
                if (!o.whatsapp.empty()) whatsapp_link(o.whatsapp);
            } catch (const std::invalid_argument& e) {
                error("directory.yaml organisation '" + o.id + "'", e.what());
            }
            if (o.is_verified()) {
                ++report_.directory_verified;
            } else if (o.has_number()) {
                ++report_.directory_unverified;
                warning("directory.yaml organisation '" + o.id + "'",
                        "number not verified in facts.md or a cited source; the kiosk shows it with \"please check\"");
            } else {
                ++report_.directory_unverified;
                warning("directory.yaml organisation '" + o.id + "'",
                        "address not verified in facts.md or a cited source");
            }
        }
    }

    // A signal marked urgent puts the urgent help entries first: there must be one, and each
    // needs a number to call.
    void check_urgent() {
        bool any_urgent_signal = false;
        for (const auto& q : c_.form.questions)
            for (const auto& s : q.signals) any_urgent_signal |= s.urgent;
        size_t urgent_entries = 0;
        for (const auto& o : c_.directory) {
            if (!o.urgent) continue;
            ++urgent_entries;
            if (o.phone.empty())
                error("directory.yaml organisation '" + o.id + "'", "an urgent entry needs a phone number");
        }
        if (any_urgent_signal && urgent_entries == 0)
            error("directory.yaml", "form.yaml marks signals urgent, but no organisation is marked urgent");
        if (any_urgent_signal && (c_.scoring.urgent_title_key.empty() || c_.scoring.urgent_explain_key.empty()))
            error("scoring.yaml", "form.yaml marks signals urgent, but 'urgent' has no title or explain");
    }

    // An unclear code no question offers is probably misspelt.
    void check_unclear_codes() {
        for (const auto& code : c_.scoring.unclear_codes) {
            bool offered = false;
            for (const auto& q : c_.form.questions)
                for (const auto& o : q.options) offered |= o.code == code;
            if (!offered) warning("scoring.yaml unclear_answers", "no question offers the answer '" + code + "'");
        }
    }

    const Content& c_;
    const Messages& messages_;
    ContentReport& report_;
    std::string reference_date_;
    DatedNumbers dated_;
    std::map<std::string, std::set<int>> possible_values_;
};

}  // namespace

ContentReport validate_content(const Content& content, const Messages& messages) {
    ContentReport report;
    Validator(content, messages, report).run();
    return report;
}

}  // namespace selfcheck
