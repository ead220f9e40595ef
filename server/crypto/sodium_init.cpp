#include "server/crypto/sodium_init.h"

#include <sodium.h>

#include <stdexcept>

namespace collector {

void ensure_sodium() {
    static const bool ready = sodium_init() >= 0;  // sodium_init itself is safe to race
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace collector
