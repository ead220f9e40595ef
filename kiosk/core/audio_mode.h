#pragma once
// How the kiosk may sound (kiosk.yaml `audio:`). Headphones: read aloud at a capped volume,
// with a headphone sign on the welcome screen. Speaker: a private room. Off: no sound at all.

namespace selfcheck {

enum class AudioMode { Headphones, Speaker, Off };

}  // namespace selfcheck
