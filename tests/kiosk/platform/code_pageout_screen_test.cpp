// After the settled kiosk gave back llvmpipe's code pages, it still draws: a
// frame drawn afterwards (the burn-in shift's, the whole UI moved) shows the
// UI exactly as a screenshot does.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/burn_in.h"
#include "platform/code_pageout.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <cmath>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Share of UI pixels (away from the edges) the panel shows moved by `shift`.
double match_share(const Picture& panel, const Picture& ui, Point2 shift) {
    std::size_t same = 0, all = 0;
    for (int y = 8; y < ui.height - 8; y += 3)
        for (int x = 8; x < ui.width - 8; x += 3) {
            const unsigned char* a = panel.at(x + int(shift.x), y + int(shift.y));
            const unsigned char* b = ui.at(x, y);
            same += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 24;
            ++all;
        }
    return double(same) / all;
}

// Resident kB of this process's llvmpipe code mappings (what code_mappings_of chooses).
long resident_code_kb(pid_t pid) {
    const std::string smaps = file_text("/proc/" + std::to_string(pid) + "/smaps");
    long kb = 0;
    for (const CodeMapping& mapping : code_mappings_of(smaps, kJitLibraries)) {
        char header[40];
        std::snprintf(header, sizeof header, "%lx-%lx ", static_cast<unsigned long>(mapping.start),
                      static_cast<unsigned long>(mapping.end));
        const std::size_t at = smaps.find(header);
        const std::size_t rss = smaps.find("Rss:", at);
        if (at != std::string::npos && rss != std::string::npos) kb += std::atol(smaps.c_str() + rss + 4);
    }
    return kb;
}

} // namespace

TEST_CASE("a kiosk draws correctly after giving back llvmpipe's code pages", "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("code-pageout");
    const std::vector<std::string> common{"--screen", "schedule", "--now", "2020-05-16T20:00:00+08:00"};
    std::vector<std::string> shot_args = common;
    const std::string png = (dir / "ui.png").string();
    shot_args.insert(shot_args.end(), {"--size", "1920x1080", "--screenshot", png});
    KioskProcess shot(display, shot_args, png + ".log");
    REQUIRE(shot.wait_exit() == std::optional<int>(0));
    Picture ui;
    REQUIRE(load_picture(png, ui));

    // The burn-in clock set so its next step comes 20 s into the loop: well after the page-out (3 s after the first frame).
    const double ahead = 4 * kBurnInStepSeconds - 20;
    const Point2 before = burn_in_shift(ahead), after = burn_in_shift(ahead + 21);
    REQUIRE((before.x != after.x || before.y != after.y));
    const std::string log = (dir / "kiosk.log").string();
    KioskProcess kiosk(display, common, log, {"KIOSK_DEBUG_BURN_IN_SECONDS=" + std::to_string(ahead)});
    REQUIRE(wait_for_text(log, "compiler code dropped from memory"));
    const long resident_kb = resident_code_kb(kiosk.pid());
    INFO("llvmpipe code resident after the page-out: " << resident_kb << " kB");
    CHECK(resident_kb < 4096);   // of ~50 MB before: what the frames since ran again
    // Shown before the page-out (a loaded machine that reached the shift first would prove nothing).
    REQUIRE(match_share(display.capture(), ui, before) > 0.97);
    double shifted = 0;
    for (int attempt = 0; attempt < 160 && shifted < 0.97; ++attempt) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        shifted = match_share(display.capture(), ui, after);
    }
    CHECK(shifted > 0.97);
    CHECK(match_share(display.capture(), ui, before) < shifted - 0.02);   // a new frame, really moved
}
