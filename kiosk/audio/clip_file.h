#pragma once
// Reading and writing clips with libsndfile: WAV, FLAC, Ogg Vorbis and Ogg Opus in, Ogg
// Vorbis out. A clip is decoded in chunks as it plays (ClipReader) or whole for the tools
// (read_mono_clip); errors name the file and what libsndfile said.
#include <sndfile.h>

#include <filesystem>
#include <string>
#include <vector>

namespace selfcheck::audio {

// The file names a clip may have: <message key><extension>.
const std::vector<std::string>& clip_extensions();  // ".flac", ".wav", ".ogg", ".opus"

// Mono audio as floats in [-1, 1], the form every tool works on.
struct MonoClip {
    int rate = 0;
    std::vector<float> samples;
    double seconds() const { return rate ? double(samples.size()) / rate : 0; }
};

class ClipReader {
public:
    // Throws AudioError when the file is missing or not audio libsndfile can decode.
    explicit ClipReader(const std::filesystem::path& file);
    ~ClipReader();
    ClipReader(const ClipReader&) = delete;
    ClipReader& operator=(const ClipReader&) = delete;

    int rate() const { return info_.samplerate; }
    int channels() const { return info_.channels; }
    double seconds() const { return info_.samplerate ? double(info_.frames) / info_.samplerate : 0; }
    // Up to `frames` frames, interleaved, into `out`; returns the frames read (0: the end).
    size_t read(float* out, size_t frames);

private:
    std::filesystem::path file_;
    SF_INFO info_{};
    SNDFILE* sf_ = nullptr;
};

// The whole clip, its channels mixed to one.
MonoClip read_mono_clip(const std::filesystem::path& file);

// Writes Ogg Vorbis at `quality` (libsndfile's compression level: 0 best, 1 smallest) through
// a temporary file renamed into place, so a clip is never half written. Throws AudioError.
void write_vorbis_clip(const std::filesystem::path& file, const MonoClip& clip, double compression_level);

}  // namespace selfcheck::audio
