#include "kiosk/core/staff_pin.h"

#include <catch2/catch.hpp>

#include <climits>
#include <vector>

using namespace selfcheck;
using namespace std::chrono_literals;

namespace {

const std::string kPin = "4821";

// Each hash costs ~0.1 s of Argon2id: the gate tests share one.
const std::string& shared_hash() {
    static const std::string hash = hash_staff_pin(kPin);
    return hash;
}

// A steady clock the test moves by hand, so lockouts are checked without sleeping.
struct FakeClock {
    std::chrono::steady_clock::time_point now = std::chrono::steady_clock::time_point{} + 1000h;
    PinGate::Clock fn() {
        return [this] { return now; };
    }
};

// Replaces the first `from` in `s` with `to` (for making malformed hashes from a good one).
std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const size_t at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

}  // namespace

TEST_CASE("a hashed PIN verifies; a wrong PIN does not") {
    const std::string hash = shared_hash();
    CHECK(hash.rfind("$argon2id$", 0) == 0);
    CHECK(hash.find("m=65536,t=2,p=1") != std::string::npos);  // libsodium's INTERACTIVE cost
    CHECK(is_valid_pin_hash(hash));
    CHECK(verify_staff_pin(hash, kPin));
    CHECK_FALSE(verify_staff_pin(hash, "4822"));
    CHECK_FALSE(verify_staff_pin(hash, "48210"));
    CHECK_FALSE(verify_staff_pin(hash, "0000"));
}

TEST_CASE("the shortest and longest PINs round-trip") {
    const std::string shortest = "0000";
    const std::string longest = "123456789012";
    CHECK(verify_staff_pin(hash_staff_pin(shortest), shortest));
    const std::string hash = hash_staff_pin(longest);
    CHECK(verify_staff_pin(hash, longest));
    CHECK_FALSE(verify_staff_pin(hash, "12345678901"));  // a prefix is not the PIN
}

TEST_CASE("two hashes of the same PIN differ (each has its own salt)") {
    const std::string again = hash_staff_pin(kPin);
    CHECK(again != shared_hash());
    CHECK(verify_staff_pin(again, kPin));
}

TEST_CASE("a PIN that is not 4 to 12 digits is refused, naming the rule") {
    const std::vector<std::string> bad = {
        "123",            // too short
        "1234567890123",  // too long
        "12a4",           // letters
        "abcd",
        "",       // empty
        "12 34",  // spaces
        " 1234",
        "1234 ",
        "1234\n",
        "-123",
        "\xef\xbc\x91\xef\xbc\x92\xef\xbc\x93\xef\xbc\x94",  // full-width "１２３４": digits, not ASCII
        std::string("12\0"
                    "34",
                    5),  // embedded NUL
    };
    for (const auto& pin : bad) {
        INFO("PIN of " << pin.size() << " bytes");
        CHECK_THROWS_WITH(hash_staff_pin(pin), Catch::Contains("4 to 12 digits"));
        CHECK_THROWS_AS(hash_staff_pin(pin), std::invalid_argument);
        CHECK_NOTHROW(verify_staff_pin(shared_hash(), pin));
        CHECK_FALSE(verify_staff_pin(shared_hash(), pin));
    }
}

TEST_CASE("the refusal does not repeat the PIN") {
    try {
        hash_staff_pin("98765432109876");
        FAIL("expected a refusal");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("98765") == std::string::npos);
    }
}

TEST_CASE("malformed or refused hashes fail validation and verification without throwing") {
    const std::string good = shared_hash();
    const std::vector<std::string> bad = {
        "",
        "4821",  // a PIN in the clear
        "garbage",
        "$argon2id$",                      // prefix only
        good.substr(0, good.size() - 10),  // truncated hash
        good.substr(0, good.rfind('$')),   // no hash part
        good + "$extra",
        replaced(good, "$argon2id$", "$argon2i$"),  // the older variant: refused
        replaced(good, "$argon2id$", "$2y$10$"),    // bcrypt-style
        replaced(good, "m=65536", "m=abc"),         // unreadable parameter
        replaced(good, "m=65536", "m=4194304"),     // 4 GiB per attempt: refused, not tried
        replaced(good, "t=2", "t=1000"),            // 1000 passes per attempt: refused
        replaced(good, "v=19", "v=99"),             // unknown version
        good.substr(0, good.rfind('$') + 1) + "!!!!" + good.substr(good.rfind('$') + 5),  // not base64
        good + std::string(200, 'A'),           // longer than libsodium's buffer
        std::string(good).insert(12, 1, '\0'),  // embedded NUL
        " " + good,                             // leading space (config trimming is the caller's job)
    };
    for (size_t i = 0; i < bad.size(); ++i) {
        INFO("malformed hash #" << i << ": " << bad[i]);
        CHECK_FALSE(is_valid_pin_hash(bad[i]));
        CHECK_NOTHROW(verify_staff_pin(bad[i], kPin));
        CHECK_FALSE(verify_staff_pin(bad[i], kPin));
    }
}

TEST_CASE("a hash of cheaper or moderate cost is still accepted") {
    // Only the bound matters for validation; verification uses what the string says.
    CHECK(is_valid_pin_hash(replaced(shared_hash(), "m=65536,t=2", "m=262144,t=3")));
    CHECK(is_valid_pin_hash(replaced(shared_hash(), "m=65536,t=2", "m=8,t=1")));
    CHECK_FALSE(is_valid_pin_hash(replaced(shared_hash(), "m=65536,t=2", "m=262145,t=3")));
    CHECK_FALSE(is_valid_pin_hash(replaced(shared_hash(), "m=65536,t=2", "m=65536,t=4")));
}

TEST_CASE("wipe_pin empties the string") {
    std::string pin = "123456";
    wipe_pin(pin);
    CHECK(pin.empty());
    wipe_pin(pin);  // already empty: harmless
    CHECK(pin.empty());
}

TEST_CASE("the lockout schedule: 3 free, then 30 s doubling to a 15-minute cap") {
    CHECK(PinGate::lockout_after(-1) == 0s);
    CHECK(PinGate::lockout_after(0) == 0s);
    CHECK(PinGate::lockout_after(1) == 0s);
    CHECK(PinGate::lockout_after(3) == 0s);
    CHECK(PinGate::lockout_after(4) == 30s);
    CHECK(PinGate::lockout_after(5) == 60s);
    CHECK(PinGate::lockout_after(6) == 120s);
    CHECK(PinGate::lockout_after(7) == 240s);
    CHECK(PinGate::lockout_after(8) == 480s);
    CHECK(PinGate::lockout_after(9) == 900s);  // 960 s, capped
    CHECK(PinGate::lockout_after(10) == 900s);
    CHECK(PinGate::lockout_after(1000) == 900s);
    CHECK(PinGate::lockout_after(INT_MAX) == 900s);
}

TEST_CASE("PinGate: three wrong PINs are free, the fourth locks for 30 s") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    CHECK(gate.failures() == 0);
    CHECK(gate.locked_for() == 0s);
    for (int i = 1; i <= 3; ++i) {
        CHECK(gate.attempt("1111") == PinGate::Outcome::Rejected);
        CHECK(gate.failures() == i);
        CHECK(gate.locked_for() == 0s);
    }
    CHECK(gate.attempt("2222") == PinGate::Outcome::Rejected);
    CHECK(gate.failures() == 4);
    CHECK(gate.locked_for() == 30s);
}

TEST_CASE("PinGate: while locked, even the right PIN is not checked") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    for (int i = 0; i < 4; ++i) gate.attempt("1111");
    REQUIRE(gate.locked_for() == 30s);

    CHECK(gate.attempt(kPin) == PinGate::Outcome::LockedOut);
    CHECK(gate.attempt("1111") == PinGate::Outcome::LockedOut);
    CHECK(gate.failures() == 4);      // not counted
    CHECK(gate.locked_for() == 30s);  // not extended

    clock.now += 29s;
    CHECK(gate.locked_for() == 1s);
    clock.now += 500ms;
    CHECK(gate.locked_for() == 1s);  // rounded up: never "0 s" while still locked
    CHECK(gate.attempt(kPin) == PinGate::Outcome::LockedOut);
    clock.now += 500ms;
    CHECK(gate.locked_for() == 0s);
}

TEST_CASE("PinGate: each wrong PIN after a lock doubles it, up to 15 minutes") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    for (int i = 0; i < 3; ++i) gate.attempt("1111");

    const std::vector<std::chrono::seconds> expected = {30s, 60s, 120s, 240s, 480s, 900s, 900s};
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("wrong PIN #" << i + 4);
        CHECK(gate.attempt("1111") == PinGate::Outcome::Rejected);
        CHECK(gate.locked_for() == expected[i]);
        CHECK(gate.attempt("1111") == PinGate::Outcome::LockedOut);
        clock.now += expected[i];
        CHECK(gate.locked_for() == 0s);
    }
    CHECK(gate.failures() == 10);
}

TEST_CASE("PinGate: the right PIN after a lock expires resets failures and lock") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    for (int i = 0; i < 5; ++i) {
        gate.attempt("1111");
        clock.now += gate.locked_for();
    }
    CHECK(gate.failures() == 5);

    CHECK(gate.attempt("1111") == PinGate::Outcome::Rejected);
    CHECK(gate.locked_for() == 120s);
    clock.now += 120s;
    CHECK(gate.attempt(kPin) == PinGate::Outcome::Accepted);
    CHECK(gate.failures() == 0);
    CHECK(gate.locked_for() == 0s);

    // Back to the start: three free wrong PINs, then 30 s again.
    for (int i = 0; i < 3; ++i) CHECK(gate.attempt("1111") == PinGate::Outcome::Rejected);
    CHECK(gate.locked_for() == 0s);
    CHECK(gate.attempt("1111") == PinGate::Outcome::Rejected);
    CHECK(gate.locked_for() == 30s);
}

TEST_CASE("PinGate: the right PIN among the free failures resets the count") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    gate.attempt("1111");
    gate.attempt("1111");
    CHECK(gate.attempt(kPin) == PinGate::Outcome::Accepted);
    CHECK(gate.failures() == 0);
    for (int i = 0; i < 3; ++i) gate.attempt("1111");
    CHECK(gate.locked_for() == 0s);  // three more are free again
}

TEST_CASE("PinGate: a PIN breaking the rule counts as a wrong PIN") {
    FakeClock clock;
    PinGate gate(shared_hash(), clock.fn());
    CHECK(gate.attempt("") == PinGate::Outcome::Rejected);
    CHECK(gate.attempt("12") == PinGate::Outcome::Rejected);
    CHECK(gate.failures() == 2);
}

TEST_CASE("PinGate refuses a hash it could never accept, and a missing clock") {
    FakeClock clock;
    CHECK_THROWS_AS(PinGate("", clock.fn()), std::invalid_argument);
    CHECK_THROWS_WITH(PinGate("not a hash", clock.fn()), Catch::Contains("$argon2id$"));
    CHECK_THROWS_AS(PinGate(shared_hash(), PinGate::Clock{}), std::invalid_argument);
}
