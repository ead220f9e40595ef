#include "kiosk/audio/clip_file.h"

#include "kiosk/audio/audio_error.h"

#include <algorithm>

namespace selfcheck::audio {

const std::vector<std::string>& clip_extensions() {
    static const std::vector<std::string> extensions{".flac", ".wav", ".ogg", ".opus"};
    return extensions;
}

ClipReader::ClipReader(const std::filesystem::path& file) : file_(file) {
    sf_ = sf_open(file.c_str(), SFM_READ, &info_);
    if (!sf_) throw AudioError(file.string() + ": cannot be read as audio: " + sf_strerror(nullptr));
    if (info_.channels < 1 || info_.samplerate < 1) {
        sf_close(sf_);
        throw AudioError(file.string() + ": has no audio channels");
    }
}

ClipReader::~ClipReader() { sf_close(sf_); }

size_t ClipReader::read(float* out, size_t frames) {
    const sf_count_t got = sf_readf_float(sf_, out, sf_count_t(frames));
    if (got < 0) throw AudioError(file_.string() + ": decoding failed: " + sf_strerror(sf_));
    return size_t(got);
}

MonoClip read_mono_clip(const std::filesystem::path& file) {
    ClipReader reader(file);
    MonoClip clip;
    clip.rate = reader.rate();
    const size_t channels = size_t(reader.channels());
    std::vector<float> chunk(4096 * channels);
    for (size_t got; (got = reader.read(chunk.data(), 4096)) > 0;) {
        for (size_t frame = 0; frame < got; ++frame) {
            float sum = 0;
            for (size_t c = 0; c < channels; ++c) sum += chunk[frame * channels + c];
            clip.samples.push_back(sum / float(channels));
        }
    }
    if (clip.samples.empty()) throw AudioError(file.string() + ": holds no samples");
    return clip;
}

void write_vorbis_clip(const std::filesystem::path& file, const MonoClip& clip, double compression_level) {
    std::filesystem::create_directories(file.parent_path());
    const std::filesystem::path partial = file.string() + ".partial";
    SF_INFO info{};
    info.samplerate = clip.rate;
    info.channels = 1;
    info.format = SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    SNDFILE* sf = sf_open(partial.c_str(), SFM_WRITE, &info);
    if (!sf) throw AudioError(file.string() + ": cannot be written: " + sf_strerror(nullptr));
    sf_command(sf, SFC_SET_COMPRESSION_LEVEL, &compression_level, sizeof compression_level);
    // In chunks: libsndfile 1.2's Vorbis writer crashes on one very large write.
    constexpr size_t kChunk = 4096;
    for (size_t at = 0; at < clip.samples.size(); at += kChunk) {
        const size_t n = std::min(kChunk, clip.samples.size() - at);
        if (sf_writef_float(sf, clip.samples.data() + at, sf_count_t(n)) != sf_count_t(n)) {
            const std::string why = sf_strerror(sf);
            sf_close(sf);
            std::filesystem::remove(partial);
            throw AudioError(file.string() + ": writing failed: " + why);
        }
    }
    if (sf_close(sf) != 0) throw AudioError(file.string() + ": writing failed on close");
    std::filesystem::rename(partial, file);
}

}  // namespace selfcheck::audio
