#pragma once
// The hidden staff panel's state: closed, asking for the PIN, open, or on its Wi-Fi screens
// (the network list, a passphrase). Holds the PIN being typed (wiped after every attempt),
// the lockout and the passphrase being typed (wiped on leaving its screen); knows nothing of
// how it is drawn.
#include "kiosk/core/passphrase_entry.h"
#include "kiosk/core/staff_pin.h"

#include <optional>
#include <string>

namespace selfcheck {

class StaffPanel {
public:
    enum class View { Closed, Pin, Open, Wifi, WifiPassphrase };
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

    // Wi-Fi, from the open panel: the network list, then a passphrase for `ssid`.
    void open_wifi();
    void ask_for_passphrase(const std::string& ssid);
    PassphraseEntry& passphrase() { return passphrase_; }
    const std::string& network() const { return network_; }
    // One screen back: passphrase to list (the passphrase wiped), list to panel.
    void back();

    // Closes everything, wiping the PIN and any passphrase.
    void close();

private:
    std::optional<PinGate> gate_;
    View view_ = View::Closed;
    std::string pin_;
    std::optional<PinGate::Outcome> last_outcome_;
    PassphraseEntry passphrase_;
    std::string network_;  // the network the passphrase is for
};

}  // namespace selfcheck
