// A rotated kiosk on a real X server: the panel shows the UI picture of the
// --screenshot (which is the UI upright) turned as rotation.h says.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/rotation.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <cmath>
#include <cstdlib>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Share of panel pixels that show the UI pixel they should at this rotation.
double match_share(const Picture& panel, const Picture& ui, int rotation) {
    const Size2 size{float(panel.width), float(panel.height)};
    std::size_t same = 0;
    for (int y = 0; y < panel.height; y += 3)
        for (int x = 0; x < panel.width; x += 3) {
            const Point2 l = to_logical({x + 0.5f, y + 0.5f}, size, rotation);
            const unsigned char* a = panel.at(x, y);
            const unsigned char* b = ui.at(int(l.x), int(l.y));
            same += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 24;
        }
    return double(same) / ((panel.width + 2) / 3 * ((panel.height + 2) / 3));
}

// Shows `args` as a screenshot on `display` and loads it.
Picture screenshot(const VirtualDisplay& display, std::vector<std::string> args, const std::string& png) {
    args.insert(args.end(), {"--size", "1920x1080", "--screenshot", png});
    KioskProcess shot(display, args, png + ".log");
    Picture out;
    if (shot.wait_exit() == std::optional<int>(0)) load_picture(png, out);
    return out;
}

// Looks at the panel until it shows `ui` turned (the frames after an event settle within a moment).
double wait_for_match(const VirtualDisplay& display, const Picture& ui, int rotation) {
    double share = 0;
    for (int attempt = 0; attempt < 40 && share < 0.98; ++attempt) {
        share = match_share(display.capture(), ui, rotation);
        if (share < 0.98) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
    return share;
}

} // namespace

TEST_CASE("a rotated kiosk shows the upright screenshot turned on the panel", "[xvfb]") {
    const int rotation = GENERATE(90, 180, 270);
    INFO("rotation " << rotation);
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("rotation");
    const std::string r = std::to_string(rotation);
    const std::vector<std::string> common{"--screen", "schedule", "--now", "2020-05-16T20:00:00+08:00",
                                          "--rotation", r};

    const Picture ui = screenshot(display, common, (dir / ("ui-" + r + ".png")).string());
    REQUIRE(ui.width == (rotation == 180 ? 1920 : 1080));   // the UI upright: portrait at 90 and 270
    REQUIRE(ui.height == (rotation == 180 ? 1080 : 1920));
    std::vector<std::string> english_args = common;
    english_args.insert(english_args.end(), {"--lang", "en"});
    const Picture english = screenshot(display, english_args, (dir / ("ui-en-" + r + ".png")).string());
    REQUIRE(english.width == ui.width);

    std::vector<std::string> args = common;
    args.push_back("--kiosk");
    const std::string log = (dir / "kiosk.log").string();
    KioskProcess kiosk(display, args, log);
    REQUIRE(wait_for_text(log, "first frame"));
    INFO(file_text(log));
    CHECK(wait_for_match(display, ui, rotation) >= 0.98);
    // Turned the other way it would not match: the comparison can tell.
    CHECK(match_share(display.capture(), ui, (rotation + 180) % 360) < 0.9);

    // A tap where the panel shows the EN button (the UI's top-right corner) switches to English.
    const Size2 panel{1920, 1080};
    const Point2 en = to_physical({float(ui.width) - 32 - 60, 48}, panel, rotation);
    const std::string click = "mousemove " + std::to_string(int(en.x)) + " " + std::to_string(int(en.y)) + " click 1";
    REQUIRE(display.xdotool(click));
    CHECK(wait_for_match(display, english, rotation) >= 0.98);
}
