#include "kiosk/audio/read_aloud.h"

#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/spoken_messages.h"
#include "kiosk/audio/voices.h"
#include "protocol/content/content.h"

#include <algorithm>
#include <iostream>

namespace selfcheck::audio {

float max_gain(AudioMode mode) {
    switch (mode) {
    case AudioMode::Headphones: return 0.5f;
    case AudioMode::Speaker: return 1.0f;
    case AudioMode::Off: return 0.0f;
    }
    return 0.0f;
}

ClipDirs default_clip_dirs() { return {SELFCHECK_DEFAULT_RECORDED_AUDIO_DIR, SELFCHECK_DEFAULT_SYNTHESISED_AUDIO_DIR}; }

ClipCatalog make_clip_catalog(const Content& content, const Messages& messages, const ClipDirs& dirs,
                              ClipCatalog::Check check) {
    std::vector<std::string> locales;
    for (const auto& language : content.form.languages) locales.push_back(language.locale);
    return ClipCatalog(messages, spoken_message_keys(content), locales, dirs, check);
}

ReadAloud::ReadAloud(AudioMode mode, const Messages& messages, ClipCatalog catalog, Player::Options options)
    : mode_(mode), messages_(messages), catalog_(std::move(catalog)) {
    if (mode_ == AudioMode::Off) return;
    try {
        player_ = std::make_unique<Player>(options);
        player_->set_gain(max_gain(mode_) * volume_);
    } catch (const AudioError& e) {
        problem_ = e.what();
    }
}

ReadAloud::~ReadAloud() = default;

bool ReadAloud::has_clip(const std::string& locale, const std::string& key) const {
    return enabled() && catalog_.choice(locale, key).source != ClipSource::None;
}

bool ReadAloud::can_read(const std::string& locale, const Utterance& what) const {
    if (!enabled() || what.empty()) return false;
    for (const SpokenPart& part : what)
        if (part.key.empty() ? !catalog_.speaks_text(locale) : !has_clip(locale, part.key)) return false;
    return true;
}

bool ReadAloud::to_parts(const std::string& locale, const Utterance& what, std::vector<PlayPart>& parts) const {
    const std::optional<std::string> voice = machine_voice(locale);
    for (const SpokenPart& part : what) {
        const ClipChoice clip =
            part.key.empty() ? ClipChoice{ClipSource::RunTime, {}} : catalog_.choice(locale, part.key);
        if (clip.source != ClipSource::RunTime) {
            parts.push_back(PlayPart::file(clip.file));
            continue;
        }
        try {
            parts.push_back(PlayPart::speech(*voice, speech_text(messages_, locale, part)));
        } catch (const MessageError& e) {
            std::cerr << "kiosk: read aloud: " << e.what() << "\n";
            return false;
        }
    }
    return true;
}

bool ReadAloud::read(const std::string& locale, const Utterance& what) {
    stop();
    std::vector<PlayPart> parts;
    if (!can_read(locale, what) || !to_parts(locale, what, parts)) return false;
    player_->play(std::move(parts));
    return true;
}

void ReadAloud::stop() {
    if (player_) player_->stop();
}

void ReadAloud::show(const std::string& screen, const std::string& locale, const Utterance& what) {
    const std::string shown = screen + '\n' + locale;
    if (shown == shown_) return;
    shown_ = shown;
    stop();
    if (auto_read_) read(locale, what);
}

void ReadAloud::wipe() {
    stop();
    auto_read_ = false;
    shown_.clear();
}

void ReadAloud::set_volume(float volume) {
    volume_ = std::clamp(volume, 0.0f, 1.0f);
    if (player_) player_->set_gain(max_gain(mode_) * volume_);
}

bool ReadAloud::test_sound(const std::string& locale) {
    const Utterance prompt{SpokenPart::message("welcome.prompt")};
    if (read(locale, prompt)) return true;
    for (const LocaleCoverage& coverage : catalog_.coverage())
        if (read(coverage.locale, prompt)) return true;
    return false;
}

}  // namespace selfcheck::audio
