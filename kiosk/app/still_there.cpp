#include "app/still_there.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

bool interrupts_visitor(const Route& route) {
    switch (route.screen) {
    case ScreenId::session:
    case ScreenId::county:
    case ScreenId::product:
    case ScreenId::map_route: return true;
    case ScreenId::search: return !route.id.empty();   // the letters typed; an empty keyboard loses nothing
    case ScreenId::home:
    case ScreenId::schedule:
    case ScreenId::catalogue:
    case ScreenId::live:
    case ScreenId::attract:
    case ScreenId::map: return false;
    }
    return false;
}

StillThere::StillThere(double idle_seconds) : StillThere(idle_seconds, kStillThereSeconds) {}

StillThere::StillThere(double idle_seconds, double countdown_seconds)
    : idle_seconds_(idle_seconds), countdown_(std::min(countdown_seconds, idle_seconds / 2)) {}

bool StillThere::shown(const Route& route, double last_touch, double now) const {
    const double idle = now - last_touch;
    return interrupts_visitor(route) && idle >= idle_seconds_ - countdown_ && idle <= idle_seconds_;
}

int StillThere::seconds_left(double last_touch, double now) const {
    const double left = idle_seconds_ - (now - last_touch);
    return std::clamp(static_cast<int>(std::ceil(left)), 0, static_cast<int>(std::ceil(countdown_)));
}

int StillThere::reading(const Route& route, double last_touch, double now) const {
    return shown(route, last_touch, now) ? seconds_left(last_touch, now) : 0;
}

double StillThere::seconds_until_change(const Route& route, double last_touch, double now, int drawn) const {
    const double left = idle_seconds_ - (now - last_touch);   // until the reset
    if (left <= 0 || reading(route, last_touch, now) != drawn) return 0;
    if (!interrupts_visitor(route)) return left;
    if (left > countdown_) return left - countdown_;           // the countdown appears
    return std::min(left, left - std::ceil(left) + 1);         // the next whole second: 10 → 9 … 1 → reset
}

} // namespace kiosk
