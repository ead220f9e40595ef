#pragma once
// The anonymised record: the only thing a completed session leaves behind, and only ever
// inside a sealed box (docs/protocol.md, "The record"). Built from an allow-list: each
// field below is copied on purpose; nothing else of the session can reach it.
#include "answers.h"

#include <string>
#include <vector>

namespace selfcheck {

struct Assessment;
struct Form;

inline constexpr int kRecordSchema = 1;

struct AnonymisedRecord {
    int schema = kRecordSchema;
    std::string record_id;  // random, never a counter
    std::string form_id;
    int form_version = 0;
    std::string language;
    std::string site;
    std::string completed_on;             // YYYY-MM-DD in Hong Kong time: a date, never a time of day
    Answers answers;                      // asked and answered; "prefer not to say" is absent
    std::vector<std::string> indicators;  // ILO indicator ids raised, sorted
    std::string result_level;
};

// 128 random bits as 32 lower-case hex digits (libsodium's CSPRNG).
std::string random_record_id();

// What a completed session hands over. `asked_answers` must hold only the questions that
// were actually asked; "prefer not to say" answers are dropped here. Throws RecordError
// when an answer is not one the form offers (a code not in the question, a number out of
// range), so free text can never slip into a record.
AnonymisedRecord build_record(const Form& form, const std::string& language, const Answers& asked_answers,
                              const Assessment& assessment, const std::string& site, const std::string& completed_on);

// The record as the JSON that is sealed. Passes through check_record_json (record_allow_list.h)
// first, so a record that would carry any field off the list is never produced.
std::string to_json(const AnonymisedRecord& record);

}  // namespace selfcheck
