#include "kiosk/core/staff_pin.h"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <stdexcept>
#include <utility>

// This file never copies the PIN: libsodium reads it straight from the caller's buffer, so
// the only copies to wipe are the caller's own (wipe_pin).

namespace selfcheck {

namespace {

constexpr size_t kMinDigits = 4;
constexpr size_t kMaxDigits = 12;

// The cost of new hashes, and the most a stored hash may ask for when verified.
constexpr unsigned long long kOpsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
constexpr size_t kMemLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
constexpr unsigned long long kMaxOpsLimit = crypto_pwhash_OPSLIMIT_MODERATE;
constexpr unsigned long long kMaxMemKiB = crypto_pwhash_MEMLIMIT_MODERATE / 1024;

bool sodium_ready() { return sodium_init() >= 0; }

// ASCII digits only: std::isdigit depends on the C locale, and the number pad types 0-9.
bool is_valid_pin(const std::string& pin) {
    if (pin.size() < kMinDigits || pin.size() > kMaxDigits) return false;
    return std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The decimal after `key` ("$m=", ",t=") in an encoded hash; nullopt when absent or too big.
std::optional<unsigned long long> encoded_param(const std::string& encoded, const char* key) {
    const size_t at = encoded.find(key);
    if (at == std::string::npos) return std::nullopt;
    const char* first = encoded.data() + at + std::strlen(key);
    const char* last = encoded.data() + encoded.size();
    unsigned long long value = 0;
    const auto [end, error] = std::from_chars(first, last, value);
    if (error != std::errc() || end == first) return std::nullopt;
    return value;
}

}  // namespace

std::string hash_staff_pin(const std::string& pin) {
    // The message names the rule, never the PIN: it may end up in a log.
    if (!is_valid_pin(pin)) throw std::invalid_argument("a staff PIN must be 4 to 12 digits (0-9)");
    if (!sodium_ready()) throw std::runtime_error("libsodium could not initialise");
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(out, pin.data(), pin.size(), kOpsLimit, kMemLimit) != 0)
        throw std::runtime_error("hashing the staff PIN failed (out of memory?)");
    return out;
}

bool is_valid_pin_hash(const std::string& stored_hash) {
    if (!sodium_ready()) return false;
    // libsodium reads a C string: an embedded NUL would hide the rest, and its buffer is
    // STRBYTES long including the terminator.
    if (stored_hash.size() >= crypto_pwhash_STRBYTES || stored_hash.find('\0') != std::string::npos) return false;
    // Argon2id only: crypto_pwhash_str_verify would also take the older argon2i.
    if (stored_hash.rfind(crypto_pwhash_argon2id_STRPREFIX, 0) != 0) return false;
    // needs_rehash decodes the whole string (parameters, salt, hash); -1 means malformed.
    if (crypto_pwhash_str_needs_rehash(stored_hash.c_str(), kOpsLimit, kMemLimit) < 0) return false;
    const auto mem_kib = encoded_param(stored_hash, "$m=");
    const auto passes = encoded_param(stored_hash, ",t=");
    return mem_kib && passes && *mem_kib <= kMaxMemKiB && *passes <= kMaxOpsLimit;
}

bool verify_staff_pin(const std::string& stored_hash, const std::string& pin) {
    if (!is_valid_pin(pin) || !is_valid_pin_hash(stored_hash)) return false;
    return crypto_pwhash_str_verify(stored_hash.c_str(), pin.data(), pin.size()) == 0;
}

void wipe_pin(std::string& pin) {
    // Plain assignment or clear() may leave the digits in place; sodium_memzero is not
    // optimised away.
    if (!pin.empty()) sodium_memzero(&pin[0], pin.size());
    pin.clear();
}

PinGate::PinGate(std::string stored_hash, Clock clock)
    : stored_hash_(std::move(stored_hash)), clock_(std::move(clock)) {
    if (!is_valid_pin_hash(stored_hash_))
        throw std::invalid_argument("the staff PIN hash is not a libsodium $argon2id$ string of acceptable cost");
    if (!clock_) throw std::invalid_argument("PinGate needs a clock");
}

std::chrono::seconds PinGate::lockout_after(int failures) {
    if (failures <= kFreeFailures) return std::chrono::seconds(0);
    // 30 s doubles five times to 960 s, past the 15-minute cap: stop shifting early so a
    // long run of failures cannot overflow.
    const int doublings = std::min(failures - kFreeFailures - 1, 5);
    return std::min(kFirstLockout * (1 << doublings), kMaxLockout);
}

PinGate::Outcome PinGate::attempt(const std::string& pin) {
    if (locked_for() > std::chrono::seconds(0)) return Outcome::LockedOut;
    const bool right = verify_staff_pin(stored_hash_, pin);
    if (right) {
        failures_ = 0;
        locked_until_.reset();
        return Outcome::Accepted;
    }
    ++failures_;
    const auto lock = lockout_after(failures_);
    // The lock starts when the answer is known, after the (slow) verification.
    if (lock > std::chrono::seconds(0)) locked_until_ = clock_() + lock;
    return Outcome::Rejected;
}

std::chrono::seconds PinGate::locked_for() const {
    if (!locked_until_) return std::chrono::seconds(0);
    const auto now = clock_();
    if (now >= *locked_until_) return std::chrono::seconds(0);
    return std::chrono::ceil<std::chrono::seconds>(*locked_until_ - now);
}

}  // namespace selfcheck
