#pragma once
// Read aloud, as the kiosk's screens use it: what each screen hands over (an Utterance), the
// speaker control's question "can this be read here?", play and stop, auto-read, and the
// volume cap for headphones. Everything runs on the UI thread and returns at once; sound is
// made on the Player's thread.
//
// What the app calls (see kiosk/audio/README.md):
//   every frame, per screen shown:  show(screen id, locale, what the screen shows)
//     (a new screen or a new language stops the sound; with auto-read on, reads the new one)
//   speaker control:                can_read(...) to draw it at all; read(...) on a tap
//   quick exit, idle wipe, finish:  wipe()   (stops, and auto-read is off for the next person)
//   staff panel "test sound":       test_sound(locale)
#include "kiosk/audio/clip_catalog.h"
#include "kiosk/audio/player.h"
#include "kiosk/audio/utterance.h"
#include "kiosk/core/device_config.h"

#include <memory>
#include <string>

namespace selfcheck {
struct Content;
}

namespace selfcheck::audio {

// The loudest a mode lets a clip play, as a linear gain on samples normalised to EBU R128:
// headphones 0.5 (-6 dB), so a worker is never blasted; speaker 1; off 0.
float max_gain(AudioMode mode);

// Where the clips are in this build: the source and build trees, or the package's
// .../share/selfcheck/audio/{recorded,synthesised} (cmake/InstallLayout.cmake).
ClipDirs default_clip_dirs();

// The catalog of the content's spoken messages in the form's languages.
ClipCatalog make_clip_catalog(const Content& content, const Messages& messages, const ClipDirs& dirs,
                              ClipCatalog::Check check = ClipCatalog::Check::NamesOnly);

class ReadAloud {
public:
    // With AudioMode::Off, or when no audio device can be had (problem() says why), nothing is
    // ever heard and every question answers no. Never throws for want of sound.
    ReadAloud(AudioMode mode, const Messages& messages, ClipCatalog catalog, Player::Options options = {});
    ~ReadAloud();

    bool enabled() const { return player_ != nullptr; }
    // The welcome screen shows the headphone sign.
    bool headphones() const { return enabled() && mode_ == AudioMode::Headphones; }
    const std::string& problem() const { return problem_; }

    // A clip, or run-time speech, for this message in this language: else no speaker control.
    bool has_clip(const std::string& locale, const std::string& key) const;
    // Every part can be heard (and there is at least one): the screen may show its control.
    bool can_read(const std::string& locale, const Utterance& what) const;

    // Stops whatever plays and reads `what`; false (and silence) unless can_read().
    bool read(const std::string& locale, const Utterance& what);
    void stop();  // heard within one device buffer (about 5 ms)
    bool reading() const { return player_ && player_->playing(); }

    // Once a frame for the screen on show: `screen` names it (its kind and, say, question id).
    // A different screen or locale than last time stops the sound, and with auto-read on
    // reads the new one (if it can be read).
    void show(const std::string& screen, const std::string& locale, const Utterance& what);

    // Her choice at the start; a new person starts with it off (wipe()).
    void set_auto_read(bool on) { auto_read_ = on; }
    bool auto_read() const { return auto_read_; }

    // Quick exit, the idle wipe, Finish: silence, and auto-read off.
    void wipe();

    // 0 to 1 of the mode's loudest (max_gain): with headphones never more than -6 dB.
    void set_volume(float volume);
    float volume() const { return volume_; }

    // The staff panel's test: the welcome prompt in `locale`, or in the first language that
    // has it. False when nothing can be heard.
    bool test_sound(const std::string& locale);

    Player* player() { return player_.get(); }
    const ClipCatalog& catalog() const { return catalog_; }

private:
    // The parts as the player takes them; false when one cannot be formatted.
    bool to_parts(const std::string& locale, const Utterance& what, std::vector<PlayPart>& parts) const;

    AudioMode mode_;
    const Messages& messages_;
    ClipCatalog catalog_;
    std::unique_ptr<Player> player_;
    std::string problem_;
    std::string shown_;  // the screen and locale show() saw last
    bool auto_read_ = false;
    float volume_ = 1.0f;
};

}  // namespace selfcheck::audio
