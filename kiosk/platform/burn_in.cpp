#include "platform/burn_in.h"

#include <cmath>

namespace kiosk {

namespace {

// Round the edge of a 4×4 px square, one corner or edge middle per step.
constexpr Point2 kSteps[] = {{0, 0}, {2, 0}, {4, 0}, {4, 2}, {4, 4}, {2, 4}, {0, 4}, {0, 2}};
constexpr int kStepCount = sizeof kSteps / sizeof kSteps[0];

} // namespace

Point2 burn_in_shift(double seconds) {
    if (!(seconds > 0)) return kSteps[0];
    const auto step = static_cast<long long>(std::floor(seconds / kBurnInStepSeconds));
    return kSteps[step % kStepCount];
}

double seconds_until_shift(double seconds) {
    if (!(seconds > 0)) return kBurnInStepSeconds;
    return kBurnInStepSeconds - std::fmod(seconds, kBurnInStepSeconds);
}

Point2 touch_to_ui(Point2 physical, Size2 physical_size, int rotation, Point2 shift) {
    const Point2 logical = to_logical(physical, physical_size, rotation);
    return {logical.x - shift.x, logical.y - shift.y};
}

Point2 ui_to_panel(Point2 ui, Size2 physical_size, int rotation, Point2 shift) {
    return to_physical({ui.x + shift.x, ui.y + shift.y}, physical_size, rotation);
}

} // namespace kiosk
