#include "kiosk/audio/player.h"

#include "kiosk/audio/audio_error.h"
#include "kiosk/audio/clip_file.h"
#include "kiosk/audio/speech_synth.h"

#include <SDL.h>

#include <algorithm>
#include <cstring>
#include <iostream>

namespace selfcheck::audio {

namespace {

constexpr int kChannels = 2;            // headphones are stereo; clips are mono or stereo
constexpr int kRingDivisor = 4;         // the ring holds a quarter of a second
constexpr size_t kDecodeFrames = 1024;  // per read: under 50 ms of a 22 kHz clip

using Clock = std::chrono::steady_clock;

// Converts a clip's samples to the device's rate and format (SDL does the resampling).
class Converter {
public:
    Converter(int channels, int rate, int device_rate)
        : stream_(SDL_NewAudioStream(AUDIO_F32SYS, Uint8(channels), rate, AUDIO_S16SYS, kChannels, device_rate)) {
        if (!stream_) throw AudioError(std::string("audio: cannot convert the clip: ") + SDL_GetError());
    }
    ~Converter() { SDL_FreeAudioStream(stream_); }
    Converter(const Converter&) = delete;
    Converter& operator=(const Converter&) = delete;

    void put(const float* samples, size_t count) {
        if (SDL_AudioStreamPut(stream_, samples, int(count * sizeof(float))) != 0)
            throw AudioError(std::string("audio: conversion failed: ") + SDL_GetError());
    }
    void flush() { SDL_AudioStreamFlush(stream_); }
    // The converted frames so far.
    const std::vector<int16_t>& take() {
        out_.resize(size_t(SDL_AudioStreamAvailable(stream_)) / sizeof(int16_t));
        const int got = SDL_AudioStreamGet(stream_, out_.data(), int(out_.size() * sizeof(int16_t)));
        out_.resize(got > 0 ? size_t(got) / sizeof(int16_t) : 0);
        return out_;
    }

private:
    SDL_AudioStream* stream_;
    std::vector<int16_t> out_;
};

}  // namespace

Player::Player() : Player(Options{}) {}

Player::Player(Options options) : options_(options) {
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        throw AudioError(std::string("audio: SDL found no audio driver: ") + SDL_GetError());
    ring_.assign(size_t(options_.device_rate / kRingDivisor) * kChannels, 0);
    quiet_since_ = Clock::now();
    worker_ = std::thread([this] { run(); });
}

Player::~Player() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quit_ = true;
        ++generation_;
    }
    wake_.notify_all();
    worker_.join();
    SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

void Player::play(std::vector<PlayPart> parts) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        ring_frames_ = 0;
        pending_ = std::move(parts);
        job_ = true;
        playing_ = !pending_.empty();
        awaiting_sound_ = playing_;
        play_called_ = Clock::now();
        first_sound_seconds_ = -1;
    }
    wake_.notify_all();
}

void Player::stop() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        ++generation_;
        ring_frames_ = 0;  // the SDL thread takes nothing more of this sound
        pending_.clear();
        job_ = false;
        awaiting_sound_ = false;
        playing_ = false;
        quiet_since_ = Clock::now();
    }
    wake_.notify_all();
}

void Player::set_gain(float gain) { gain_ = std::clamp(gain, 0.0f, 1.0f); }

bool Player::device_open() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return device_ != 0;
}

uint64_t Player::frames_out() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return frames_out_;
}

double Player::first_sound_seconds() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return first_sound_seconds_;
}

std::string Player::last_problem() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return last_problem_;
}

// On SDL's audio thread: the next device buffer, from the ring or silence.
void Player::fill(void* self_ptr, uint8_t* stream, int bytes) {
    auto* self = static_cast<Player*>(self_ptr);
    auto* out = reinterpret_cast<int16_t*>(stream);
    const size_t frames = size_t(bytes) / (sizeof(int16_t) * kChannels);
    std::lock_guard<std::mutex> lock(self->mutex_);
    const size_t capacity = self->ring_.size() / kChannels;
    const size_t n = std::min(frames, self->ring_frames_);
    bool audible = false;
    for (size_t i = 0; i < n; ++i) {
        const size_t at = (self->ring_start_ + i) % capacity;
        for (size_t c = 0; c < kChannels; ++c) {
            const int16_t s = self->ring_[at * kChannels + c];
            out[i * kChannels + c] = s;
            audible = audible || s != 0;
        }
    }
    std::memset(out + n * kChannels, 0, (frames - n) * kChannels * sizeof(int16_t));
    self->ring_start_ = (self->ring_start_ + n) % capacity;
    self->ring_frames_ -= n;
    self->frames_out_ += frames;
    if (audible && self->awaiting_sound_) {
        self->awaiting_sound_ = false;
        self->first_sound_seconds_ = std::chrono::duration<double>(Clock::now() - self->play_called_).count();
    }
}

bool Player::open_device() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (device_) return true;
    }
    SDL_AudioSpec want{};
    want.freq = options_.device_rate;
    want.format = AUDIO_S16SYS;
    want.channels = kChannels;
    want.samples = Uint16(options_.device_frames);
    want.callback = &Player::fill;
    want.userdata = this;
    SDL_AudioSpec have{};
    // No changes allowed: SDL converts to the hardware itself, and the ring stays in one format.
    const SDL_AudioDeviceID device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    std::lock_guard<std::mutex> lock(mutex_);
    if (device == 0) {
        last_problem_ = std::string("audio: cannot open the output device: ") + SDL_GetError();
        return false;
    }
    device_ = device;
    frames_out_ = 0;
    SDL_PauseAudioDevice(device_, 0);
    return true;
}

void Player::close_device(std::unique_lock<std::mutex>& lock) {
    const SDL_AudioDeviceID device = device_;
    device_ = 0;
    lock.unlock();  // closing waits for SDL's thread, which takes the mutex in fill()
    SDL_CloseAudioDevice(device);
    lock.lock();
}

bool Player::push(uint64_t generation, const int16_t* frames, size_t count) {
    std::unique_lock<std::mutex> lock(mutex_);
    const size_t capacity = ring_.size() / kChannels;
    while (count > 0) {
        if (generation != generation_) return false;
        const size_t space = capacity - ring_frames_;
        if (space == 0) {
            wake_.wait_for(lock, std::chrono::milliseconds(3));
            continue;
        }
        const size_t n = std::min(space, count);
        for (size_t i = 0; i < n; ++i) {
            const size_t at = (ring_start_ + ring_frames_ + i) % capacity;
            for (size_t c = 0; c < kChannels; ++c) ring_[at * kChannels + c] = frames[i * kChannels + c];
        }
        ring_frames_ += n;
        frames += n * kChannels;
        count -= n;
    }
    return generation == generation_;
}

bool Player::play_part(const PlayPart& part, uint64_t generation) {
    const auto drain = [&](Converter& converter) {
        const std::vector<int16_t>& frames = converter.take();
        return push(generation, frames.data(), frames.size() / kChannels);
    };
    try {
        if (!part.clip.empty()) {
            ClipReader reader(part.clip);
            Converter converter(reader.channels(), reader.rate(), options_.device_rate);
            std::vector<float> chunk(kDecodeFrames * size_t(reader.channels()));
            for (size_t got; (got = reader.read(chunk.data(), kDecodeFrames)) > 0;) {
                const float gain = gain_;
                for (size_t i = 0; i < got * size_t(reader.channels()); ++i) chunk[i] *= gain;
                converter.put(chunk.data(), got * size_t(reader.channels()));
                if (!drain(converter)) return false;
            }
            converter.flush();
            return drain(converter);
        }
        if (!synth_) synth_ = std::make_unique<SpeechSynth>();
        Converter converter(1, synth_->rate(), options_.device_rate);
        std::vector<float> chunk;
        bool current = true;
        synth_->speak(part.voice, part.text, [&](const int16_t* samples, size_t count) {
            const float gain = gain_ / 32768.0f;
            chunk.resize(count);
            for (size_t i = 0; i < count; ++i) chunk[i] = float(samples[i]) * gain;
            try {
                converter.put(chunk.data(), count);
                current = drain(converter);
            } catch (const AudioError&) {
                current = false;  // never throw through espeak-ng
            }
            return current;
        });
        if (!current) return false;
        converter.flush();
        return drain(converter);
    } catch (const AudioError& e) {
        std::cerr << "kiosk: " << e.what() << " (skipped)\n";
        std::lock_guard<std::mutex> lock(mutex_);
        last_problem_ = e.what();
        return generation == generation_;
    }
}

void Player::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!quit_) {
        if (!job_) {
            const auto quiet = Clock::now() - quiet_since_;
            if (device_ && !playing_ && quiet >= std::chrono::duration<double>(options_.close_after_seconds)) {
                close_device(lock);
                continue;
            }
            if (device_)
                wake_.wait_for(lock, std::chrono::milliseconds(50));
            else
                wake_.wait(lock);
            continue;
        }
        std::vector<PlayPart> parts = std::move(pending_);
        pending_.clear();
        job_ = false;
        const uint64_t generation = generation_;
        lock.unlock();
        bool current = !parts.empty() && open_device();
        for (const PlayPart& part : parts) {
            if (!current) break;
            current = play_part(part, generation);
        }
        lock.lock();
        while (generation == generation_ && ring_frames_ > 0 && !quit_ && device_)
            wake_.wait_for(lock, std::chrono::milliseconds(5));  // the last of it is heard
        if (generation == generation_) {
            playing_ = false;
            awaiting_sound_ = false;
        }
        quiet_since_ = Clock::now();
    }
    if (device_) close_device(lock);
    lock.unlock();
    synth_.reset();
}

}  // namespace selfcheck::audio
