#pragma once
// The messages a worker can hear: every message the content names (sections, questions,
// help lines, answers, results, rights, help entries) and the kiosk's own words on her
// screens. The staff panel's words are for outreach workers and are not read aloud.
#include "protocol/content/content.h"

#include <string>
#include <vector>

namespace selfcheck::audio {

std::vector<std::string> spoken_message_keys(const Content& content);

// The arguments of `key` that only the running kiosk knows (a countdown, a question number,
// a typed amount). The content's constants are not among them: they are known at build time.
// A message with any cannot have a clip made in advance.
const std::vector<std::string>& run_time_arguments(const std::string& key);

}  // namespace selfcheck::audio
