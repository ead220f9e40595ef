#include "kiosk/platform/system_events.h"

#include <SDL.h>

namespace selfcheck::platform {

PowerInfo read_power() {
    PowerInfo info;
    int seconds = -1;
    switch (SDL_GetPowerInfo(&seconds, &info.percent)) {
    case SDL_POWERSTATE_NO_BATTERY: info.source = PowerInfo::Source::Mains; break;
    case SDL_POWERSTATE_ON_BATTERY: info.source = PowerInfo::Source::OnBattery; break;
    case SDL_POWERSTATE_CHARGING: info.source = PowerInfo::Source::Charging; break;
    case SDL_POWERSTATE_CHARGED: info.source = PowerInfo::Source::Charged; break;
    default: info.source = PowerInfo::Source::Unknown; break;
    }
    return info;
}

void wake_event_loop() {
    SDL_Event event{};
    event.type = SDL_USEREVENT;
    SDL_PushEvent(&event);  // SDL's event queue is thread-safe
}

}  // namespace selfcheck::platform
