#pragma once
// Plays clips and machine speech through SDL2 audio, one list of parts after another.
// A worker thread decodes each clip lazily, a few tens of milliseconds ahead of the device,
// into a fixed quarter-second buffer, so memory stays flat however long she listens. stop()
// empties that buffer at once: what she hears ends within one device buffer (about 5 ms).
// The device is opened on the first play and closed again after a short quiet spell, since
// an open SDL device wakes the CPU every buffer even when silent.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace selfcheck::audio {

class SpeechSynth;

// One thing to say: a clip file, or a text a machine voice says now.
struct PlayPart {
    std::filesystem::path clip;
    std::string voice;  // with `text`, when `clip` is empty
    std::string text;

    static PlayPart file(std::filesystem::path clip) { return {std::move(clip), {}, {}}; }
    static PlayPart speech(std::string voice, std::string text) { return {{}, std::move(voice), std::move(text)}; }
};

class Player {
public:
    struct Options {
        int device_rate = 48000;
        int device_frames = 256;           // a device buffer: 5.3 ms at 48 kHz
        double close_after_seconds = 2.0;  // quiet this long, the device is closed
    };

    // Starts SDL's audio subsystem (the driver SDL_AUDIODRIVER names, or the first that
    // works). Throws AudioError when there is none.
    Player();
    explicit Player(Options options);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    // Stops whatever plays, then plays `parts` in order. A part that cannot be played (a clip
    // gone bad since start) is skipped and named by last_problem().
    void play(std::vector<PlayPart> parts);
    // Silent from the next device buffer on. Returns at once.
    void stop();
    bool playing() const { return playing_; }
    // Linear gain on every sample, 0 to 1, for what is decoded from now on (what is queued,
    // at most a quarter second, plays as it was).
    void set_gain(float gain);
    float gain() const { return gain_; }

    // Measurements for tests and bench/audio_latency.
    bool device_open() const;
    uint64_t frames_out() const;  // frames handed to the device since it opened, silence included
    // From the last play() to its first non-silent sample handed to the device; < 0: none yet.
    double first_sound_seconds() const;
    std::string last_problem() const;

private:
    static void fill(void* self, uint8_t* stream, int bytes);
    void run();
    bool open_device();
    void close_device(std::unique_lock<std::mutex>& lock);
    bool play_part(const PlayPart& part, uint64_t generation);
    // Queues device frames (interleaved stereo 16-bit); false once `generation` is stale.
    bool push(uint64_t generation, const int16_t* frames, size_t count);

    Options options_;
    mutable std::mutex mutex_;  // everything below, and the ring, which the SDL thread reads
    std::condition_variable wake_;
    std::vector<int16_t> ring_;  // stereo frames, fixed size
    size_t ring_start_ = 0;      // first queued frame
    size_t ring_frames_ = 0;     // frames queued
    std::vector<PlayPart> pending_;
    bool job_ = false;
    bool quit_ = false;
    uint64_t generation_ = 0;  // bumped by play() and stop(): older work is dropped
    uint32_t device_ = 0;
    uint64_t frames_out_ = 0;
    bool awaiting_sound_ = false;
    std::chrono::steady_clock::time_point play_called_;
    double first_sound_seconds_ = -1;
    std::chrono::steady_clock::time_point quiet_since_;
    std::string last_problem_;
    std::atomic<bool> playing_{false};
    std::atomic<float> gain_{1.0f};
    std::unique_ptr<SpeechSynth> synth_;  // made on the worker when first needed
    std::thread worker_;
};

}  // namespace selfcheck::audio
