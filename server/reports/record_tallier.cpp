#include "server/reports/record_tallier.h"

#include <cstdint>
#include <variant>

namespace selfcheck::collector {
namespace {

// FNV-1a, 64 bits: enough to tell one form's questions from another's.
void mix(std::uint64_t& hash, const std::string& text) {
    for (const unsigned char c : text + '\x1f') {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
}

void mix_condition(std::uint64_t& hash, const selfcheck::Condition& condition) {
    mix(hash, std::to_string(static_cast<int>(condition.kind)) + condition.question + condition.dated_threshold +
                  std::to_string(condition.threshold));
    for (const std::string& code : condition.codes) mix(hash, code);
    mix(hash, "(");
    for (const selfcheck::Condition& child : condition.children) mix_condition(hash, child);
    mix(hash, ")");
}

}  // namespace

std::string tally_fingerprint(const selfcheck::Content& content) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (const selfcheck::Question& question : content.form.questions) {
        if (question.type != selfcheck::QuestionType::Choice) continue;
        mix(hash, question.id);
        if (question.show_if) mix_condition(hash, *question.show_if);
    }
    return "tallies 1; form " + content.form.id + " v" + std::to_string(content.form.version) + "; " +
           std::to_string(hash);
}

std::string tally_fingerprint(const FormVersions& versions) {
    std::string fingerprint;
    for (const selfcheck::Content* version : versions)
        fingerprint += (fingerprint.empty() ? "" : " + ") + tally_fingerprint(*version);
    return fingerprint;
}

ContentTallier::ContentTallier(const selfcheck::Content& content) : ContentTallier(FormVersions{&content}) {}

ContentTallier::ContentTallier(std::shared_ptr<const selfcheck::Content> content)
    : ContentTallier(std::vector<std::shared_ptr<const selfcheck::Content>>{std::move(content)}) {}

ContentTallier::ContentTallier(std::vector<std::shared_ptr<const selfcheck::Content>> versions)
    : owned_(std::move(versions)) {
    for (const auto& version : owned_) versions_.push_back(version.get());
    fingerprint_ = tally_fingerprint(versions_);
}

ContentTallier::ContentTallier(FormVersions versions)
    : versions_(std::move(versions)), fingerprint_(tally_fingerprint(versions_)) {}

const selfcheck::Content& ContentTallier::version_of(const Record& record) const {
    for (const selfcheck::Content* version : versions_)
        if (version->form.version == record.form_version) return *version;
    return *versions_.back();
}

void ContentTallier::tally(const Record& record, const std::string& first, Tallies& into) const {
    TallyCell cell{record.form_id, record.language, "", "r", "", ""};
    const auto nationality = record.answers.find(kNationalityQuestion);
    if (nationality != record.answers.end()) {
        if (const auto* code = std::get_if<std::string>(&nationality->second)) cell.nationality = *code;
    }
    auto add = [&](const char* kind, const std::string& item, const std::string& value) {
        cell.kind = kind;
        cell.item = item;
        cell.value = value;
        into[cell].add(1, first);
    };
    add("r", "", "");
    const selfcheck::Content& content = version_of(record);
    if (record.form_id != content.form.id) return;
    add("l", "", record.result_level);
    for (const std::string& indicator : record.indicators) add("i", indicator, "");
    for (const selfcheck::Question& question : content.form.questions) {
        if (question.type != selfcheck::QuestionType::Choice) continue;
        if (question.show_if && !question.show_if->holds(record.answers)) continue;  // not asked
        const auto answer = record.answers.find(question.id);
        if (answer == record.answers.end()) {
            add("d", question.id, "");
        } else if (const auto* code = std::get_if<std::string>(&answer->second)) {
            add("a", question.id, *code);
        }
    }
}

}  // namespace selfcheck::collector
