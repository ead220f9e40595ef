#pragma once
// A microphone through SDL's audio capture, for kiosk-audio record.
#include "kiosk/audio/clip_file.h"

#include <functional>

namespace selfcheck::audio {

class Recorder {
public:
    struct Options {
        int rate = 48000;
        double max_seconds = kMaxSeconds;
        double stop_after_quiet = 1.5;  // once she has spoken, this much quiet ends the take
        static constexpr double kMaxSeconds = 90;
    };

    // Starts SDL's audio subsystem. Throws AudioError when there is no driver.
    Recorder();
    ~Recorder();
    Recorder(const Recorder&) = delete;
    Recorder& operator=(const Recorder&) = delete;

    // Records from the default capture device until `stop_requested()` returns true, the
    // longest take passes, or quiet follows speech. Throws AudioError when no microphone opens.
    MonoClip record(const std::function<bool()>& stop_requested, const Options& options) const;
};

}  // namespace selfcheck::audio
