// Disclosure control on random data full of zeros and small cells: every published figure is
// recounted from the raw records, no count from 1 to k-1 is shown, no small group that
// answered alike is shown, and an attacker who solves every line of the published tables
// (column sums, rows across groups, answered + declined = the group, group sizes adding to
// the respondents, the nationality table giving group sizes) by repeated substitution and
// zero sums recovers no suppressed figure.

#include "server/reports/report_builder.h"
#include "tests/server/report_fixtures.h"

#include <catch2/catch.hpp>

#include <map>
#include <random>

using namespace selfcheck;
using namespace selfcheck::collector;

namespace {

struct Figure {
    bool known;
    std::int64_t value;
};

// Unknowns are named by strings; an equation says the named terms (sign +1 or -1) sum to 0.
struct Attack {
    std::map<std::string, Figure> figures;
    std::vector<std::vector<std::pair<std::string, int>>> equations;

    void figure(const std::string& name, const Count& count) { figures[name] = {!count.suppressed, count.value}; }
    // A figure never published, with its true value (used once the attack works it out).
    void hidden(const std::string& name, std::int64_t value) { figures.emplace(name, Figure{false, value}); }
    void sum(const std::vector<std::string>& parts, const std::string& total) {
        std::vector<std::pair<std::string, int>> equation;
        for (const auto& part : parts) equation.emplace_back(part, 1);
        equation.emplace_back(total, -1);
        equations.push_back(std::move(equation));
    }
    // Names of suppressed figures the attack pins down.
    std::vector<std::string> recovered() {
        std::map<std::string, bool> solved;
        for (bool changed = true; changed;) {
            changed = false;
            for (const auto& equation : equations) {
                std::int64_t rest = 0;
                std::vector<std::pair<std::string, int>> open;
                for (const auto& [name, sign] : equation) {
                    const Figure& f = figures.at(name);
                    if (f.known || solved[name]) {
                        rest += sign * f.value;
                    } else {
                        open.emplace_back(name, sign);
                    }
                }
                bool one_sign = !open.empty();
                for (const auto& term : open) one_sign = one_sign && term.second == open.front().second;
                if (open.size() == 1 || (one_sign && rest == 0)) {
                    for (const auto& term : open) solved[term.first] = changed = true;
                }
            }
        }
        std::vector<std::string> out;
        for (const auto& [name, yes] : solved) {
            if (yes && name.rfind("size:", 0) != 0) out.push_back(name);
        }
        return out;
    }
};

}  // namespace

TEST_CASE("no suppressed figure of a random report can be worked out, and every shown one is right", "[disclosure]") {
    std::mt19937 random(20261201);
    const std::vector<std::string> nationalities = {"indonesia", "philippines", "", ""};
    const std::vector<std::string> languages = {"id", "fil", "en", "zh_Hant_HK"};
    const std::vector<std::string> yes_no = {"yes", "no", "not_sure", ""};
    for (int round = 0; round < 40; ++round) {
        const std::int64_t k = 3 + round % 4;
        RecordMaker maker;
        const int people = 5 + static_cast<int>(random() % 40);
        for (int i = 0; i < people; ++i) {
            nlohmann::json answers = nlohmann::json::object();
            const std::string nationality = nationalities[random() % nationalities.size()];
            if (!nationality.empty()) answers["nationality"] = nationality;
            const std::string fear = yes_no[random() % (round % 2 ? 2 : 4)];  // half the rounds: everyone alike-ish
            if (!fear.empty()) answers["fear_consequences"] = fear;
            maker.add(languages[random() % (1 + round % 4)], answers);
        }
        ReportRequest request;
        request.filter = {"2026-11-01", "2026-11-30", ""};
        request.k = k;
        const Report report = build_report(report_content(), report_labels(), maker.records(), request);
        INFO("round " << round << ", " << people << " respondents, k " << k);

        Attack attack;
        attack.figure("N", report.respondents);
        for (const QuestionReport& q : report.questions) {
            std::vector<std::pair<std::string, const AnswerColumn*>> columns = {{"all", &q.overall}};
            for (const Breakdown& b : q.breakdowns) {
                for (const AnswerColumn& c : b.columns) columns.emplace_back(b.by + ":" + c.group, &c);
            }
            // Recount from the raw records.
            for (const auto& [name, column] : columns) {
                std::int64_t answered = 0, declined = 0, members = 0;
                std::vector<std::int64_t> by_code(q.codes.size(), 0);
                for (const Record& record : maker.records()) {
                    const auto nat = record.answers.find("nationality");
                    const std::string n =
                        nat == record.answers.end() ? "not_stated" : std::get<std::string>(nat->second);
                    if (name != "all" && name != "nationality:" + n && name != "language:" + record.language) continue;
                    ++members;
                    const selfcheck::Question* asked = report_content().form.find(q.id);
                    if (asked->show_if && !asked->show_if->holds(record.answers)) continue;
                    const auto answer = record.answers.find(q.id);
                    if (answer == record.answers.end()) {
                        ++declined;
                        continue;
                    }
                    const auto at = std::find(q.codes.begin(), q.codes.end(), std::get<std::string>(answer->second));
                    ++answered;
                    ++by_code[static_cast<std::size_t>(at - q.codes.begin())];
                }
                const auto check = [&](const Count& count, std::int64_t truth) {
                    if (!count.suppressed) CHECK(count.value == truth);
                    if (truth > 0 && truth < k) CHECK(count.suppressed);
                };
                check(column->answered, answered);
                check(column->declined, declined);
                std::size_t nonzero = 0;
                for (std::size_t c = 0; c < q.codes.size(); ++c) {
                    check(column->by_code[c], by_code[c]);
                    nonzero += by_code[c] > 0;
                }
                if (answered > 0 && answered < 2 * k && nonzero <= 1) CHECK(column->answered.suppressed);

                const std::string prefix = q.id + "/" + name + "/";
                attack.figure(prefix + "answered", column->answered);
                attack.figure(prefix + "declined", column->declined);
                std::vector<std::string> codes;
                for (std::size_t c = 0; c < q.codes.size(); ++c) {
                    attack.figure(prefix + q.codes[c], column->by_code[c]);
                    codes.push_back(prefix + q.codes[c]);
                }
                attack.sum(codes, prefix + "answered");
                const std::string size = name == "all" ? "N" : "size:" + name;
                if (name != "all") attack.hidden(size, members);
                if (!report_content().form.find(q.id)->show_if)
                    attack.sum({prefix + "answered", prefix + "declined"}, size);
            }
            for (const Breakdown& b : q.breakdowns) {
                std::vector<std::string> item = q.codes;
                item.push_back("answered");
                item.push_back("declined");
                std::vector<std::string> sizes;
                for (const AnswerColumn& c : b.columns) sizes.push_back("size:" + b.by + ":" + c.group);
                attack.sum(sizes, "N");
                for (const std::string& what : item) {
                    std::vector<std::string> parts;
                    for (const AnswerColumn& c : b.columns)
                        parts.push_back(q.id + "/" + b.by + ":" + c.group + "/" + what);
                    attack.sum(parts, q.id + "/all/" + what);
                }
            }
            if (q.id == "nationality") {
                for (const std::string& code : q.codes)
                    attack.sum({"nationality/all/" + code}, "size:nationality:" + code);
            }
        }
        std::vector<std::string> levels;
        for (const LevelCount& level : report.levels) {
            attack.figure("level/" + level.id, level.count);
            levels.push_back("level/" + level.id);
        }
        attack.sum(levels, "N");
        const std::vector<std::string> recovered = attack.recovered();
        CAPTURE(recovered);
        CHECK(recovered.empty());
    }
}
