#include "admin/corner_hold.h"

#include "screens/screen.h"   // kNoChange

namespace kiosk {

bool CornerHold::update(TouchInput& touch, const ImRect& corner, double now) {
    touch.note_target(corner, "admin corner hold", TouchTarget::gesture);   // [Issue 19] for the audit
    if (touch.pressed()) {
        holding_ = corner.Contains(touch.press_position());
        fired_ = false;
        since_ = now;
    }
    // Sliding out of the corner or dragging ends it; only a still finger counts.
    if (!touch.down() || touch.dragging() || !corner.Contains(touch.position())) holding_ = false;
    if (!holding_ || fired_ || now - since_ < kHoldSeconds) return false;
    fired_ = true;
    holding_ = false;
    touch.consume();
    return true;
}

double CornerHold::seconds_until_done(double now) const {
    if (!holding_) return kNoChange;
    const double left = since_ + kHoldSeconds - now;
    return left > 0 ? left : 0;
}

} // namespace kiosk
