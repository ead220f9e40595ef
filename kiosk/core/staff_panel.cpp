#include "kiosk/core/staff_panel.h"

namespace selfcheck {

StaffPanel::StaffPanel(const std::string& pin_hash, PinGate::Clock clock) {
    if (!pin_hash.empty()) gate_.emplace(pin_hash, std::move(clock));
    pin_.reserve(kMaxPinDigits);  // kept inside the string object: no heap copy to leak
}

StaffPanel::~StaffPanel() { wipe_pin(pin_); }

void StaffPanel::ask_for_pin() {
    if (!gate_) return;
    wipe_pin(pin_);
    last_outcome_.reset();
    view_ = View::Pin;
}

void StaffPanel::type_digit(int digit) {
    if (view_ != View::Pin || digit < 0 || digit > 9 || pin_.size() >= kMaxPinDigits) return;
    pin_.push_back(char('0' + digit));
    last_outcome_.reset();
}

void StaffPanel::erase_digit() {
    if (view_ == View::Pin && !pin_.empty()) pin_.pop_back();
}

PinGate::Outcome StaffPanel::submit() {
    if (view_ != View::Pin || !gate_) return PinGate::Outcome::Rejected;
    const auto outcome = gate_->attempt(pin_);
    wipe_pin(pin_);
    last_outcome_ = outcome;
    if (outcome == PinGate::Outcome::Accepted) view_ = View::Open;
    return outcome;
}

std::chrono::seconds StaffPanel::locked_for() const { return gate_ ? gate_->locked_for() : std::chrono::seconds(0); }

void StaffPanel::open_wifi() {
    if (view_ == View::Open) view_ = View::Wifi;
}

void StaffPanel::ask_for_passphrase(const std::string& ssid) {
    if (view_ != View::Wifi) return;
    passphrase_.wipe();
    network_ = ssid;
    view_ = View::WifiPassphrase;
}

void StaffPanel::back() {
    if (view_ == View::WifiPassphrase) {
        passphrase_.wipe();
        view_ = View::Wifi;
    } else if (view_ == View::Wifi) {
        view_ = View::Open;
    }
}

void StaffPanel::close() {
    passphrase_.wipe();
    network_.clear();
    wipe_pin(pin_);
    last_outcome_.reset();
    view_ = View::Closed;
}

}  // namespace selfcheck
