#pragma once
// The PIN that opens the hidden staff panel. Outreach workers type it on the on-screen
// number pad; the kiosk's config holds only its Argon2id hash (libsodium's
// crypto_pwhash_str format), made by kiosk-hash-pin.
#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace selfcheck {

// A staff PIN is 4 to 12 ASCII digits: what the number pad can type, and short enough to
// remember. Throws std::invalid_argument naming that rule (never the PIN) otherwise.
// Argon2id with libsodium's INTERACTIVE cost (2 passes over 64 MiB): slow enough to make
// guessing from a stolen config expensive, fast enough to check on a cheap kiosk.
// Each call uses a fresh random salt, so hashing the same PIN twice gives different strings.
std::string hash_staff_pin(const std::string& pin);

// True when `pin` matches `stored_hash`. False for a wrong PIN, a PIN that breaks the rule
// above, and a malformed or refused hash (see is_valid_pin_hash); never throws on bad input.
// Takes as long as one hash, about 0.1 s on a server core (expect a few times that on a
// low-end kiosk CPU) and blocks meanwhile: call it once per attempt, not every frame.
bool verify_staff_pin(const std::string& stored_hash, const std::string& pin);

// For config validation: a well-formed libsodium "$argon2id$v=19$m=...,t=...,p=...$salt$hash"
// string whose cost is at most libsodium's MODERATE level (3 passes, 256 MiB). A costlier
// hash is refused, so a bad config cannot make each attempt exhaust the kiosk's memory.
bool is_valid_pin_hash(const std::string& stored_hash);

// Overwrites the characters with zeros (sodium_memzero, which the compiler may not drop),
// then clears the string. For the number pad's buffer and any copy of a PIN, so it does not
// linger in freed memory or a core dump. Copies the string made earlier when it grew are
// out of reach: reserve() the buffer up front (libstdc++ keeps up to 15 characters inside the
// string object itself, so a 12-digit PIN never reaches the heap).
void wipe_pin(std::string& pin);

// Lockout for PINs typed at the kiosk. Policy:
//   - the first 3 wrong PINs in a row are free (typos on a touchscreen are common);
//   - from the 4th wrong PIN on, each wrong PIN locks the gate, for 30 s, then 60 s, 120 s,
//     ... doubling up to 15 minutes;
//   - while locked, attempt() answers LockedOut without checking the PIN, and such attempts
//     neither count as failures nor extend the lock;
//   - a correct PIN (once any lock has expired) resets the count.
// The count lives in memory only: restarting the kiosk resets it. That is acceptable for the
// threat it answers, someone at the kiosk guessing: a restart is rare, visible and takes
// time. It does nothing against someone who copied the config; the hash's cost does that.
// Not thread-safe: the UI thread owns it.
class PinGate {
public:
    using Clock = std::function<std::chrono::steady_clock::time_point()>;

    static constexpr int kFreeFailures = 3;
    static constexpr std::chrono::seconds kFirstLockout{30};
    static constexpr std::chrono::seconds kMaxLockout{15 * 60};

    // Throws std::invalid_argument when the hash fails is_valid_pin_hash (the panel could
    // never open; better to say so at start-up) or the clock is empty.
    // Production passes std::chrono::steady_clock::now; tests pass a fake.
    PinGate(std::string stored_hash, Clock clock);

    enum class Outcome {
        Accepted,   // right PIN: open the panel
        Rejected,   // wrong PIN (check locked_for(): this one may have started a lock)
        LockedOut,  // locked: the PIN was not checked
    };
    Outcome attempt(const std::string& pin);

    // Time left on the lock, rounded up to a whole second; 0 when not locked.
    std::chrono::seconds locked_for() const;
    // Wrong PINs in a row since the last correct one.
    int failures() const { return failures_; }

    // The lock that the `failures`-th wrong PIN in a row starts (0 for the free ones).
    static std::chrono::seconds lockout_after(int failures);

private:
    std::string stored_hash_;
    Clock clock_;
    int failures_ = 0;
    std::optional<std::chrono::steady_clock::time_point> locked_until_;
};

}  // namespace selfcheck
