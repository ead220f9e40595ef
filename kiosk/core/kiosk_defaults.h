#pragma once
// Every default of the kiosk, in one place. kiosk.yaml's optional keys, the command line and
// the modules' own settings all start from these, so a default is changed here or nowhere.
#include "kiosk/core/audio_mode.h"

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace selfcheck::defaults {

// Quiet time before "Still there?", then how long she has to answer it before the wipe.
inline constexpr std::chrono::seconds kIdlePromptAfter{90};
inline constexpr std::chrono::seconds kIdleCountdown{20};

// The outbox's caps; counts() warns once either is this full.
inline constexpr std::int64_t kMaxQueuedRecords = 20000;
inline constexpr int kMaxQueuedDays = 180;
inline constexpr int kOutboxWarnPercent = 80;

// A fresh record waits a random time between these before it is sent, so arrival time does
// not point at when someone used the kiosk.
inline constexpr std::chrono::milliseconds kSyncMinDelay{30 * 1000};
inline constexpr std::chrono::milliseconds kSyncMaxDelay{5 * 60 * 1000};
inline constexpr std::chrono::milliseconds kSyncPollInterval{15 * 60 * 1000};
// A request to the collector is given up only when nothing moved (no byte acknowledged or
// received) for the stall time, never for being slow; a connection may take the connect time
// (SYN retries on a lossy link).
inline constexpr std::chrono::milliseconds kSyncStallTimeout{60 * 1000};
inline constexpr std::chrono::milliseconds kSyncConnectTimeout{30 * 1000};
// Records per batch: at most this many, halved after a batch that timed out or was cut,
// down to one, and grown back by a quarter after each batch that got through in under
// kSyncGrowBelow.
inline constexpr std::size_t kSyncMaxBatch = 50;
inline constexpr std::chrono::milliseconds kSyncGrowBelow{30 * 1000};
// A check-in follows every round, failed ones too, but one that says the same as the last
// waits this long.
inline constexpr std::chrono::milliseconds kSyncCheckInEvery{5 * 60 * 1000};

// A kiosk offers staff no way out of the app unless its kiosk.yaml says `locked: false`.
inline constexpr bool kLocked = true;

// Read aloud through headphones: the kiosk stands where an employer or agent may be near,
// so the voice stays in her ears, at a capped volume (kiosk/audio/read_aloud.h).
inline constexpr AudioMode kAudio = AudioMode::Headphones;

// Where records say they come from before a kiosk.yaml names a site (demo mode keeps none).
inline constexpr const char* kDemoSite = "demo-site";
// The chrome's language before she chooses one.
inline constexpr const char* kChromeLocale = "en";

}  // namespace selfcheck::defaults
