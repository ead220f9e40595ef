#pragma once
// What leaves a completed session. Walking-skeleton scope: plain JSON; the anonymising
// allow-list and sealing to the NGO key come with the private store.
#include "answers.h"

#include <string>

namespace selfcheck {

struct CompletedRecord {
    std::string record_id;     // random, never a counter
    std::string form_id;
    int form_version = 0;
    std::string language;
    std::string site;
    std::string completed_on;  // YYYY-MM-DD: a date, never a time of day
    Answers answers;
};

// 128 random bits as 32 lower-case hex digits (libsodium's CSPRNG).
std::string random_record_id();

std::string to_json(const CompletedRecord& record);

}  // namespace selfcheck
