// The hidden way into the admin panel by touch: a finger held still on the
// screen's top-left corner for 3 s. The corner holds only the event title on
// Home; on inner screens the Back button reaches into it, so the completed
// hold consumes the touch and its release fires nothing.
#pragma once

#include "widgets/touch.h"

namespace kiosk {

class CornerHold {
public:
    static constexpr double kHoldSeconds = 3.0;
    static constexpr float kCornerPx = 120;   // the square's side at 1080p

    // Once per frame after TouchInput::begin_frame. True on the frame the hold completes.
    bool update(TouchInput& touch, const ImRect& corner, double now);

    // Seconds until a hold in progress completes (the UI loop must wake then,
    // though a still finger sends no events); infinity when none is.
    double seconds_until_done(double now) const;

private:
    bool holding_ = false;
    bool fired_ = false;   // this touch already opened the panel
    double since_ = 0;
};

} // namespace kiosk
