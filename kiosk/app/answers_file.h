#pragma once
// A chosen path through the form for `kiosk --walk DIR --answers FILE`, for trainers and
// tests: a YAML map from question id to answer code (or amount), e.g.
//   violence: "yes"
//   monthly_salary: 4000
// Questions it leaves out get their first answer, as a plain --walk does.
#include "kiosk/app/scripted_walk.h"

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>

namespace selfcheck {

class AnswersFileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Reads and checks the file against the form: every id a question, every code one of its
// answers (or I prefer not to say), every amount within the question's range. Throws
// AnswersFileError naming the file, line and question.
std::map<std::string, AnswerValue> load_answers_file(const std::filesystem::path& file, const Form& form);

// Answers from `chosen` where it names the question, else the first answer.
AnswerPolicy answers_policy(std::map<std::string, AnswerValue> chosen);

}  // namespace selfcheck
