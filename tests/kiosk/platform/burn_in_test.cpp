// The burn-in shift: small, moving every few minutes, and touches still land
// on what the finger is on, on every rotation.
#include "platform/burn_in.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <set>

using namespace kiosk;

TEST_CASE("burn-in: the shift starts at zero, stays within a few pixels and moves every few minutes", "[burn_in]") {
    CHECK(burn_in_shift(0).x == 0);
    CHECK(burn_in_shift(kBurnInStepSeconds - 1).y == 0);
    std::set<std::pair<int, int>> seen;
    for (double t = 0; t < 24 * 3600; t += kBurnInStepSeconds) {
        const Point2 s = burn_in_shift(t + 1);
        CHECK(s.x >= 0);
        CHECK(s.y >= 0);
        CHECK(s.x <= kBurnInMaxPixels);
        CHECK(s.y <= kBurnInMaxPixels);
        seen.insert({int(s.x), int(s.y)});
    }
    CHECK(seen.size() >= 8);   // round the square, not back and forth between two places
    const Point2 a = burn_in_shift(kBurnInStepSeconds - 0.5), b = burn_in_shift(kBurnInStepSeconds + 0.5);
    CHECK((a.x != b.x || a.y != b.y));
    CHECK(seconds_until_shift(kBurnInStepSeconds - 2) == Approx(2));
}

TEST_CASE("burn-in: a tap on a shifted button lands on that button, on every rotation", "[burn_in]") {
    const int rotation = GENERATE(0, 90, 180, 270);
    INFO("rotation " << rotation);
    const Size2 panel{1920, 1080};
    const Size2 ui = logical_size(panel, rotation);
    // A 40×40 button at the UI's top-left corner and one at its far corner.
    struct Rect {
        float x0, y0, x1, y1;
        bool holds(Point2 p) const { return p.x >= x0 && p.x < x1 && p.y >= y0 && p.y < y1; }
    };
    const Rect buttons[] = {{0, 0, 40, 40}, {ui.width - 44, ui.height - 44, ui.width - 4, ui.height - 4}};
    for (double t : {0.0, 1.5 * kBurnInStepSeconds, 4.5 * kBurnInStepSeconds}) {
        const Point2 shift = burn_in_shift(t);
        for (const Rect& b : buttons) {
            // Where the panel shows the button's corners and centre: a finger there hits the button.
            for (Point2 p : {Point2{b.x0 + 0.5f, b.y0 + 0.5f}, Point2{b.x1 - 0.5f, b.y1 - 0.5f},
                             Point2{(b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2}}) {
                const Point2 on_panel = ui_to_panel(p, panel, rotation, shift);
                CHECK(on_panel.x >= 0);
                CHECK(on_panel.x <= panel.width);
                const Point2 back = touch_to_ui(on_panel, panel, rotation, shift);
                CHECK(b.holds(back));
                CHECK(std::abs(back.x - p.x) < 1e-3);
                CHECK(std::abs(back.y - p.y) < 1e-3);
            }
        }
        if (shift.x == 0 && shift.y == 0) continue;
        // The panel point where the unshifted UI had the button's top-left pixel: now the
        // button has moved away from it, and a tap there lands above or left of the button.
        const Point2 old_corner = to_physical({0.5f, 0.5f}, panel, rotation);
        const Point2 lands = touch_to_ui(old_corner, panel, rotation, shift);
        CHECK_FALSE(buttons[0].holds(lands));
        CHECK(lands.x == Approx(0.5f - shift.x));
        CHECK(lands.y == Approx(0.5f - shift.y));
    }
}
