#pragma once
// The one error type of the audio module: a clip that cannot be read or written, a device
// that cannot be opened, a voice that cannot be loaded. The message names the file or device.
#include <stdexcept>
#include <string>

namespace selfcheck::audio {

class AudioError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace selfcheck::audio
