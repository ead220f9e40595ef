#pragma once
// The build's machine-voice clips: for each language with a voice (voices.h), a clip for
// every spoken message that no recording covers, said with espeak-ng as the screen shows it
// (the content's constants filled in by the same Messages code), trimmed and normalised to
// EBU R128, as Ogg Vorbis. Incremental: a clip whose texts.tsv entry has the same text and
// the same origin (espeak-ng version, voice, settings) is kept, so a rebuild after one
// changed message remakes one clip.
#include "kiosk/audio/clip_catalog.h"

#include <ostream>

namespace selfcheck::audio {

struct SynthesisSummary {
    size_t made = 0;
    size_t kept = 0;
    size_t removed = 0;       // clips no longer needed (a recording came, a message went)
    size_t recorded = 0;      // messages a recording covers
    double seconds_made = 0;  // of audio made this run
};

// Writes into dirs.synthesised/<locale>/; reads recordings from dirs.recorded. Throws
// AudioError when a clip cannot be written or espeak-ng cannot be started.
SynthesisSummary synthesise_clips(const Messages& messages, const std::vector<std::string>& keys,
                                  const std::vector<std::string>& locales, const ClipDirs& dirs,
                                  std::ostream& progress);

}  // namespace selfcheck::audio
