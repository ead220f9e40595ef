#pragma once
// What each worker screen says when read aloud: its id for ReadAloud::show() and its messages
// in the order the screen shows them (kiosk/audio/README.md's table), built from the session
// alone, so the screens, the speaker control and auto-read agree on one list.
#include "kiosk/audio/utterance.h"
#include "kiosk/core/session.h"

#include <string>

namespace selfcheck::audio {

struct ScreenSpeech {
    std::string id;  // "welcome", "privacy", "question:<id>", "result", "idle", "staff"
    Utterance what;
};

// The screen the session is on. `keeps_records`: an enrolled kiosk (privacy.body, thanks.body)
// rather than a demo one (privacy.body_demo, result.closing_demo), as the screens choose.
ScreenSpeech screen_speech(const Session& session, bool keeps_records);

// "Still there?" over any screen, with the seconds it shows.
ScreenSpeech idle_speech(int seconds_left);

// The staff panel and PIN pad: nothing is read, and showing them stops any sound.
ScreenSpeech staff_speech();

}  // namespace selfcheck::audio
