// [Issue 19] Before the idle reset takes a visitor away from something they were
// in the middle of, a 还在吗？/ Still there? countdown: which screens, when it
// shows, how many seconds it shows and when the next frame is due. Pure: the
// app feeds it the route, the last touch and the clock (runner seconds).
#pragma once

#include "screens/screen.h"

namespace kiosk {

// The countdown's length when idle_seconds leaves room for it (shorter idle times get half of theirs).
inline constexpr double kStillThereSeconds = 10;

// Whether an idle reset on `route` would interrupt the visitor: a product, session or county page,
// a walking route, a search with letters typed. Home, the overviews and the attract loop are not.
bool interrupts_visitor(const Route& route);

class StillThere {
public:
    explicit StillThere(double idle_seconds);
    // [Issue 19] With a countdown of its own length (the accessible mode's, three times as long).
    StillThere(double idle_seconds, double countdown_seconds);

    // The idle time is up: the reset is due (strictly after idle_seconds untouched, as always).
    bool reset_due(double last_touch, double now) const { return now - last_touch > idle_seconds_; }
    // Whether the countdown shows on `route` at `now` (from idle_seconds - countdown() until the reset).
    bool shown(const Route& route, double last_touch, double now) const;
    // The whole seconds the countdown reads: 10 when it appears, 1 in its last second.
    int seconds_left(double last_touch, double now) const;
    // What the countdown should read on `route` at `now`: seconds_left(), or 0 when it does not show.
    int reading(const Route& route, double last_touch, double now) const;
    // Seconds until this decides something new on `route`, given what the last frame showed (`drawn`:
    // its reading, 0 for none): 0 when that is out of date, else until the countdown appears, its next
    // number, the reset. Never sooner, so an idle screen draws no frame in between.
    double seconds_until_change(const Route& route, double last_touch, double now, int drawn) const;
    double countdown() const { return countdown_; }
    double idle_seconds() const { return idle_seconds_; }

private:
    double idle_seconds_;
    double countdown_;
};

} // namespace kiosk
