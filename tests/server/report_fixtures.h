#pragma once
// Hand-made records for report tests: only what reports read (form, language, site, date,
// answers, indicators, level), against the repository's content/ form version 1.

#include "protocol/content/content.h"
#include "protocol/content/content_messages.h"
#include "protocol/record/record.h"
#include "protocol/time/dates.h"
#include "server/reports/report_labels.h"

#include <nlohmann/json.hpp>

#include <memory>
#include <string>
#include <vector>

inline const selfcheck::Content& report_content() {
    static const selfcheck::Content content = selfcheck::load_content(SELFCHECK_SOURCE_DIR "/content");
    return content;
}

// Labels from the compiled bundles, as `collector serve` reads them.
inline const selfcheck::collector::ReportLabels& report_labels() {
    static const selfcheck::collector::ReportLabels labels = [] {
        auto messages = std::make_shared<selfcheck::Messages>(SELFCHECK_BINARY_DIR "/locales");
        messages->set_shared_args(selfcheck::content_args(report_content(), selfcheck::hong_kong_today()));
        return selfcheck::collector::ReportLabels(messages);
    }();
    return labels;
}

// Builds records one at a time; each gets a distinct id.
class RecordMaker {
public:
    RecordMaker& add(const std::string& language, const nlohmann::json& answers,
                     const std::string& level = "no_concerns", const std::vector<std::string>& indicators = {},
                     const std::string& completed_on = "2026-11-22", const std::string& site = "demo-site") {
        selfcheck::Record record;
        std::string id = "00000000000000000000000000000000";
        const std::string n = std::to_string(++next_);
        record.record_id = id.replace(id.size() - n.size(), n.size(), n);
        record.form_id = "hk-mdw-self-assessment";
        record.form_version = 1;
        record.language = language;
        record.site = site;
        record.completed_on = completed_on;
        record.answers = selfcheck::answers_from_json(answers.dump());
        record.indicators = indicators;
        record.result_level = level;
        records_.push_back(std::move(record));
        return *this;
    }
    // `times` copies of one respondent.
    RecordMaker& repeat(int times, const std::string& language, const nlohmann::json& answers,
                        const std::string& level = "no_concerns", const std::vector<std::string>& indicators = {}) {
        for (int i = 0; i < times; ++i) add(language, answers, level, indicators);
        return *this;
    }
    const std::vector<selfcheck::Record>& records() const { return records_; }

private:
    int next_ = 0;
    std::vector<selfcheck::Record> records_;
};
