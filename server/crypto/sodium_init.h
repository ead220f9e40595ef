#pragma once

namespace collector {

// Initialises libsodium once (thread-safe); throws std::runtime_error if it cannot.
void ensure_sodium();

}  // namespace collector
