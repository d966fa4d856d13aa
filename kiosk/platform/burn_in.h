// Burn-in guard: while the display is on, the whole UI moves a few pixels
// every few minutes, so days of the same dashboard do not mark the panel. The
// runner draws the UI `shift` pixels right and down (before any rotation) and
// takes the shift off every touch, so a tap still lands where the finger is.
#pragma once

#include "platform/rotation.h"

namespace kiosk {

constexpr double kBurnInStepSeconds = 180;   // one step every three minutes
constexpr int kBurnInMaxPixels = 4;          // the shift stays within 0..4 px each way

// The shift at `seconds` of the run: (0, 0) for the first step, then round a small square.
Point2 burn_in_shift(double seconds);

// Seconds until the shift next moves.
double seconds_until_shift(double seconds);

// Where a touch at `physical` on a panel of `physical_size`, turned by `rotation`,
// lands in a UI drawn shifted by `shift`.
Point2 touch_to_ui(Point2 physical, Size2 physical_size, int rotation, Point2 shift);

// Where a UI point appears on that panel (the inverse of touch_to_ui).
Point2 ui_to_panel(Point2 ui, Size2 physical_size, int rotation, Point2 shift);

} // namespace kiosk
