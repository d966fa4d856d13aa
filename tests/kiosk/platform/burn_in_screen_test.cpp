// The burn-in shift on a real X server: the panel shows the UI moved by the
// shift (turned on a rotated panel), exactly where ui_to_panel says, the
// function whose inverse the runner applies to every touch.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/burn_in.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <cmath>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Share of UI pixels (away from the edges) the panel shows where ui_to_panel puts them.
double match_share(const Picture& panel, const Picture& ui, int rotation, Point2 shift) {
    const Size2 size{float(panel.width), float(panel.height)};
    std::size_t same = 0, all = 0;
    for (int y = 8; y < ui.height - 8; y += 3)
        for (int x = 8; x < ui.width - 8; x += 3) {
            const Point2 p = ui_to_panel({x + 0.5f, y + 0.5f}, size, rotation, shift);
            const unsigned char* a = panel.at(int(p.x), int(p.y));
            const unsigned char* b = ui.at(x, y);
            same += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 24;
            ++all;
        }
    return double(same) / all;
}

} // namespace

TEST_CASE("burn-in: the panel shows the UI moved by the shift, on every rotation", "[xvfb]") {
    const int rotation = GENERATE(0, 90);
    INFO("rotation " << rotation);
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("burn-in");
    const std::string r = std::to_string(rotation);
    const std::vector<std::string> common{"--screen", "schedule", "--now", "2020-05-16T20:00:00+08:00", "--rotation", r};
    // The UI upright and unshifted: a screenshot.
    std::vector<std::string> shot_args = common;
    const std::string png = (dir / ("ui-" + r + ".png")).string();
    shot_args.insert(shot_args.end(), {"--size", "1920x1080", "--screenshot", png});
    KioskProcess shot(display, shot_args, png + ".log");
    REQUIRE(shot.wait_exit() == std::optional<int>(0));
    Picture ui;
    REQUIRE(load_picture(png, ui));

    // The running kiosk, its burn-in clock four steps on: the shift is (4, 4).
    const double ahead = 4.5 * kBurnInStepSeconds;
    const Point2 shift = burn_in_shift(ahead);
    REQUIRE(shift.x == 4);
    REQUIRE(shift.y == 4);
    const std::string log = (dir / ("kiosk-" + r + ".log")).string();
    KioskProcess kiosk(display, common, log, {"KIOSK_DEBUG_BURN_IN_SECONDS=" + std::to_string(ahead)});
    REQUIRE(wait_for_text(log, "first frame"));
    double shifted = 0, unshifted = 0;
    for (int attempt = 0; attempt < 40 && shifted < 0.97; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        const Picture panel = display.capture();
        shifted = match_share(panel, ui, rotation, shift);
        unshifted = match_share(panel, ui, rotation, {0, 0});
    }
    CHECK(shifted > 0.97);
    CHECK(unshifted < shifted - 0.02);   // the shift is really there, not a picture that matches anyway
}
