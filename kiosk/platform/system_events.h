#pragma once
// What the kiosk asks of the system through SDL besides drawing: the power supply, and a way
// for another thread to wake the event loop so its result shows.
namespace selfcheck::platform {

struct PowerInfo {
    enum class Source { Unknown, Mains, OnBattery, Charging, Charged };
    Source source = Source::Unknown;
    int percent = -1;  // battery charge; -1 when not known
};

// SDL's view of the power supply (may go over D-Bus: call it only when it is shown).
PowerInfo read_power();

// Safe from any thread: the event loop wakes and draws a frame.
void wake_event_loop();

}  // namespace selfcheck::platform
