#pragma once
// The hidden staff panel's state: closed, asking for the PIN, or open. Holds the PIN being
// typed (wiped after every attempt) and the lockout; knows nothing of how it is drawn.
#include "kiosk/core/staff_pin.h"

#include <optional>
#include <string>

namespace selfcheck {

class StaffPanel {
public:
    enum class View { Closed, Pin, Open };
    static constexpr size_t kMaxPinDigits = 12;

    // No hash: the panel cannot be opened at all (no default PIN, ever).
    StaffPanel(const std::string& pin_hash, PinGate::Clock clock);
    ~StaffPanel();
    StaffPanel(const StaffPanel&) = delete;
    StaffPanel& operator=(const StaffPanel&) = delete;

    bool available() const { return gate_.has_value(); }
    View view() const { return view_; }

    // The corner hold completed: ask for the PIN. Does nothing when unavailable.
    void ask_for_pin();
    void type_digit(int digit);
    void erase_digit();
    size_t digits_typed() const { return pin_.size(); }
    // Checks the typed PIN (blocks for one Argon2id hash) and wipes it either way.
    PinGate::Outcome submit();
    // The last attempt's outcome, for the message under the dots; cleared by typing.
    std::optional<PinGate::Outcome> last_outcome() const { return last_outcome_; }
    std::chrono::seconds locked_for() const;

    void close();

private:
    std::optional<PinGate> gate_;
    View view_ = View::Closed;
    std::string pin_;
    std::optional<PinGate::Outcome> last_outcome_;
};

}  // namespace selfcheck
