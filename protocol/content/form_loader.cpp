#include "protocol/content/form_loader.h"

#include "protocol/content/identifiers.h"
#include "protocol/content/yaml_reader.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace selfcheck {
namespace {

class FormReader {
public:
    FormReader(std::string file, const Constants& constants, const std::set<std::string>& dated_names)
        : file_(std::move(file)), constants_(constants), dated_names_(dated_names) {}

    Form read(const YAML::Node& root) {
        MapReader top(file_, root, "form file");
        read_header(top.required("form"));
        read_languages(top.required("languages"));
        read_answer_sets(top.optional("answer_sets"));
        read_sections(top.required("sections"));
        top.reject_unknown_keys();
        return std::move(form_);
    }

private:
    void read_header(const YAML::Node& node) {
        MapReader header(file_, node, "form");
        form_.id = header.required_id("id", MapReader::IdKind::Slug);
        form_.version = header.required_int("version");
        if (form_.version < 1) throw error_at(file_, header.required("version"), "form 'version': must be 1 or more");
        header.reject_unknown_keys();
    }

    void read_languages(const YAML::Node& list) {
        require_sequence(list, "languages");
        for (const auto& item : list) {
            MapReader entry(file_, item, "language");
            Language language{entry.required_id("locale", MapReader::IdKind::Locale), entry.required_string("label")};
            if (form_.find_language(language.locale))
                throw error_at(file_, item, "language '" + language.locale + "' is listed twice");
            form_.languages.push_back(std::move(language));
            entry.reject_unknown_keys();
        }
    }

    void read_answer_sets(const YAML::Node& node) {
        if (!node) return;
        if (!node.IsMap()) throw error_at(file_, node, "answer_sets: expected a mapping of name: list of answers");
        for (const auto& entry : node)
            answer_sets_[entry.first.Scalar()] =
                read_options(entry.second, "answer set '" + entry.first.Scalar() + "'");
    }

    std::vector<AnswerOption> read_options(const YAML::Node& list, const std::string& what) {
        require_sequence(list, what);
        std::vector<AnswerOption> options;
        for (const auto& item : list) {
            MapReader entry(file_, item, what + " answer");
            AnswerOption option{entry.required_string("code"), entry.required_string("text")};
            if (!is_identifier(option.code))
                throw error_at(file_, item,
                               what + ": answer code '" + option.code + "' must be lower-case letters, digits or _");
            for (const auto& other : options)
                if (other.code == option.code)
                    throw error_at(file_, item, what + ": answer code '" + option.code + "' is used twice");
            entry.reject_unknown_keys();
            options.push_back(std::move(option));
        }
        if (options.size() < 2) throw error_at(file_, list, what + ": needs at least two answers");
        return options;
    }

    void read_sections(const YAML::Node& list) {
        require_sequence(list, "sections");
        for (const auto& item : list) {
            MapReader entry(file_, item, "section");
            Section section{entry.required_id("id"), entry.required_string("title")};
            const YAML::Node questions = entry.required("questions");
            entry.reject_unknown_keys();
            require_sequence(questions, "section '" + section.id + "' questions");
            for (const auto& q : questions) form_.questions.push_back(read_question(q, section.id));
            form_.sections.push_back(std::move(section));
        }
        if (form_.questions.empty()) throw error_at(file_, list, "sections: the form has no questions");
    }

    Question read_question(const YAML::Node& node, const std::string& section) {
        MapReader entry(file_, node, "question");
        Question q;
        q.id = entry.required_string("id");
        if (!is_identifier(q.id))
            throw error_at(file_, node, "question id '" + q.id + "' must be lower-case letters, digits or _");
        if (form_.find(q.id)) throw error_at(file_, node, "question id '" + q.id + "' is used twice");
        const std::string what = "question '" + q.id + "'";
        q.section = section;
        q.text_key = entry.required_string("text");
        q.help_key = entry.optional_string("help");
        q.demographic = entry.optional_bool("demographic", false);
        const std::string type = entry.optional_string("type", "choice");
        if (type == "choice") {
            q.type = QuestionType::Choice;
            q.options = read_answers(entry.required("answers"), what);
        } else if (type == "number") {
            q.type = QuestionType::Number;
            q.number = read_number(entry.required("number"), what);
        } else {
            throw error_at(file_, entry.required("type"),
                           what + " 'type': expected choice or number, found '" + type + "'");
        }
        if (YAML::Node show_if = entry.optional("show_if")) q.show_if = read_condition(show_if, what + " show_if", "");
        if (YAML::Node signals = entry.optional("signals")) {
            require_sequence(signals, what + " signals");
            for (const auto& s : signals) q.signals.push_back(read_signal(s, q));
        }
        entry.reject_unknown_keys();
        if (q.show_if) {
            check_condition_refs(*q.show_if, node, what, form_.questions.size());
            if (q.show_if->uses_dated_value())
                throw error_at(file_, entry.required("show_if"),
                               what + " show_if: a value that changes with the date cannot decide what is asked");
        }
        return q;
    }

    std::vector<AnswerOption> read_answers(const YAML::Node& node, const std::string& what) {
        if (node.IsScalar()) {
            auto it = answer_sets_.find(node.Scalar());
            if (it == answer_sets_.end())
                throw error_at(file_, node, what + ": no answer set named '" + node.Scalar() + "'");
            return it->second;
        }
        return read_options(node, what);
    }

    NumberRange read_number(const YAML::Node& node, const std::string& what) {
        MapReader entry(file_, node, what + " number");
        NumberRange range;
        range.min = entry.required_int("min");
        range.max = entry.required_int("max");
        range.step = entry.optional_int("step", 1);
        range.unit = entry.required_string("unit");
        entry.reject_unknown_keys();
        static const std::set<std::string> units{"hkd", "years", "months", "count"};
        if (!units.count(range.unit)) throw error_at(file_, node, what + ": unit must be hkd, years, months or count");
        if (range.max <= range.min || range.step < 1 || (range.max - range.min) % range.step != 0)
            throw error_at(file_, node, what + ": needs min < max and a step that divides max - min");
        return range;
    }

    Signal read_signal(const YAML::Node& node, const Question& q) {
        const std::string what = "question '" + q.id + "' signal";
        MapReader entry(file_, node, what);
        Signal s;
        s.when = read_condition(entry.required("when"), what + " 'when'", q.id);
        s.indicator = entry.optional_string("indicator");
        s.dimension = entry.optional_string("dimension");
        s.role = entry.optional_string("role");
        s.strength = entry.optional_string("strength");
        s.breach = entry.optional_string("breach");
        s.urgent = entry.optional_bool("urgent", false);
        entry.reject_unknown_keys();
        if (s.indicator.empty() && s.breach.empty())
            throw error_at(file_, node, what + ": needs an indicator, a breach, or both");
        if (!s.indicator.empty()) {
            check_one_of(node, what + " 'dimension'", s.dimension,
                         {"unfree_recruitment", "work_and_life_under_duress", "impossibility_of_leaving"});
            check_one_of(node, what + " 'role'", s.role, {"involuntariness", "penalty"});
            check_one_of(node, what + " 'strength'", s.strength, {"strong", "medium"});
        } else if (!s.dimension.empty() || !s.role.empty() || !s.strength.empty()) {
            throw error_at(file_, node, what + ": dimension, role and strength belong with an indicator");
        }
        check_answer_codes(s.when, q, node, what);
        if (dated_under_not(s.when, false))
            throw error_at(file_, node,
                           what +
                               ": a value that changes with the date cannot be tested under 'not' "
                               "(on a day it is not known, the 'not' would hold)");
        return s;
    }

    static bool dated_under_not(const Condition& c, bool under_not) {
        if (under_not && !c.dated_threshold.empty()) return true;
        const bool negated = under_not || c.kind == Condition::Kind::Not;
        return std::any_of(c.children.begin(), c.children.end(),
                           [&](const Condition& child) { return dated_under_not(child, negated); });
    }

    // `own` is the question a `when` speaks of; empty for show_if, which must name one.
    Condition read_condition(const YAML::Node& node, const std::string& what, const std::string& own) {
        MapReader entry(file_, node, what);
        Condition c;
        int forms = 0;
        if (entry.has("all") || entry.has("any")) {
            const bool all = entry.has("all");
            c.kind = all ? Condition::Kind::All : Condition::Kind::Any;
            const YAML::Node list = entry.required(all ? "all" : "any");
            require_sequence(list, what);
            for (const auto& child : list) c.children.push_back(read_condition(child, what, own));
            if (c.children.empty()) throw error_at(file_, list, what + ": an empty list");
            ++forms;
        }
        if (entry.has("not")) {
            c.kind = Condition::Kind::Not;
            c.children.push_back(read_condition(entry.required("not"), what, own));
            ++forms;
        }
        if (entry.has("answer")) {
            c.kind = Condition::Kind::AnswerIn;
            const YAML::Node codes = entry.required("answer");
            require_sequence(codes, what + " 'answer'");
            for (const auto& code : codes) c.codes.push_back(scalar_string(file_, code, what + " answer code"));
            ++forms;
        }
        for (const char* key : {"below", "at_least"}) {
            if (!entry.has(key)) continue;
            c.kind = std::string(key) == "below" ? Condition::Kind::Below : Condition::Kind::AtLeast;
            resolve_number(entry.required(key), what, c);
            ++forms;
        }
        if (forms != 1)
            throw error_at(file_, node, what + ": expected exactly one of answer, below, at_least, all, any, not");
        const bool leaf = c.children.empty();
        if (leaf) {
            if (own.empty()) {
                c.question = entry.required_string("question");
            } else {
                if (entry.has("question"))
                    throw error_at(file_, node, what + ": 'question' is implied here; remove it");
                c.question = own;
            }
        } else if (entry.has("question")) {
            throw error_at(file_, node, what + ": 'question' belongs inside the conditions of all/any/not");
        }
        entry.reject_unknown_keys();
        return c;
    }

    // A literal, a fixed constant (resolved now) or a dated value (resolved when scored).
    void resolve_number(const YAML::Node& node, const std::string& what, Condition& c) {
        const std::string text = scalar_string(file_, node, what);
        if (!text.empty() && (std::isdigit(static_cast<unsigned char>(text[0])) || text[0] == '-')) {
            c.threshold = scalar_int(file_, node, what);
            return;
        }
        if (auto it = constants_.find(text); it != constants_.end()) {
            c.threshold = it->second;
            return;
        }
        if (dated_names_.count(text)) {
            c.dated_threshold = text;
            return;
        }
        throw error_at(file_, node, what + ": no constant named '" + text + "'");
    }

    // show_if may only read questions asked before this one: that rules out cycles by construction.
    void check_condition_refs(const Condition& c, const YAML::Node& node, const std::string& what,
                              size_t asked_before) {
        std::vector<std::string> refs;
        c.collect_questions(refs);
        for (const auto& ref : refs) {
            const Question* target = form_.find(ref);
            if (!target) throw error_at(file_, node, what + " show_if: no earlier question '" + ref + "'");
            if (static_cast<size_t>(target - form_.questions.data()) >= asked_before)
                throw error_at(file_, node, what + " show_if: '" + ref + "' is not asked before this question");
            check_answer_codes(c, *target, node, what + " show_if");
        }
    }

    // Codes named in a condition must be answers the question offers; numbers need a number question.
    void check_answer_codes(const Condition& c, const Question& q, const YAML::Node& node, const std::string& what) {
        if (!c.children.empty()) {
            for (const auto& child : c.children)
                if (child.question == q.id || !child.children.empty()) check_answer_codes(child, q, node, what);
            return;
        }
        if (c.question != q.id) return;
        if (c.kind == Condition::Kind::AnswerIn) {
            if (q.type != QuestionType::Choice)
                throw error_at(file_, node, what + ": '" + q.id + "' is a number question; use below or at_least");
            for (const auto& code : c.codes) {
                // "Prefer not to say" counts as no answer at all (form.h, asked_questions), so
                // no condition may test for it: it would hold on the kiosk and not in a record.
                if (code == kPreferNotToSay)
                    throw error_at(file_, node,
                                   what + ": '" + code + "' counts as no answer, so a condition cannot test it");
                bool offered = std::any_of(q.options.begin(), q.options.end(),
                                           [&](const AnswerOption& o) { return o.code == code; });
                if (!offered) throw error_at(file_, node, what + ": '" + q.id + "' has no answer '" + code + "'");
            }
        } else if (q.type != QuestionType::Number) {
            throw error_at(file_, node, what + ": '" + q.id + "' is a choice question; use answer: [...]");
        }
    }

    void check_one_of(const YAML::Node& node, const std::string& what, const std::string& value,
                      std::initializer_list<const char*> allowed) {
        std::string list;
        for (const char* a : allowed) {
            if (value == a) return;
            list += list.empty() ? a : std::string(", ") + a;
        }
        throw error_at(
            file_, node,
            what + ": expected one of " + list + (value.empty() ? ", found nothing" : ", found '" + value + "'"));
    }

    void require_sequence(const YAML::Node& node, const std::string& what) {
        if (!node.IsSequence()) throw error_at(file_, node, what + ": expected a list");
    }

    std::string file_;
    const Constants& constants_;
    const std::set<std::string>& dated_names_;
    Form form_;
    std::map<std::string, std::vector<AnswerOption>> answer_sets_;
};

}  // namespace

Form load_form(const std::filesystem::path& file, const Constants& constants,
               const std::set<std::string>& dated_names) {
    const YAML::Node root = load_yaml_file(file);
    return FormReader(file.string(), constants, dated_names).read(root);
}

}  // namespace selfcheck
