// Screen pictures: the downscale keeps the picture upright, and the running
// kiosk writes a PNG of exactly what the panel shows (turned on a rotated
// panel) into its status directory, again only after the screen changed.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/rotation.h"
#include "platform/screen_picture.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// Share of picture pixels that look like the panel capture's pixel at the same place, scaled.
double match_share(const Picture& small, const Picture& panel) {
    std::size_t same = 0, all = 0;
    for (int y = 2; y < small.height - 2; y += 2)
        for (int x = 2; x < small.width - 2; x += 2) {
            const int px = int((x + 0.5) * panel.width / small.width), py = int((y + 0.5) * panel.height / small.height);
            const unsigned char* a = small.at(x, y);
            const unsigned char* b = panel.at(px, py);
            same += std::abs(a[0] - b[0]) + std::abs(a[1] - b[1]) + std::abs(a[2] - b[2]) < 90;
            ++all;
        }
    return all ? double(same) / all : 0;
}

std::string picture_time(const std::filesystem::path& status_json) {
    const auto status = nlohmann::json::parse(file_text(status_json.string()), nullptr, false);
    if (status.is_discarded() || !status.contains("screen_picture") || status["screen_picture"].is_null()) return "";
    return status["screen_picture"]["time"].get<std::string>();
}

} // namespace

TEST_CASE("screen picture: the downscale fits the long side and turns GL's bottom-up rows upright", "[screen_picture]") {
    // 40×20, GL order: the first 10 rows (the bottom of the picture) blue, the rest red.
    std::vector<unsigned char> gl(40 * 20 * 4);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 40; ++x) {
            unsigned char* p = &gl[(y * 40 + x) * 4];
            p[0] = y < 10 ? 0 : 255;
            p[2] = y < 10 ? 255 : 0;
            p[3] = 0;   // GL's alpha of a cleared window: the PNG is opaque all the same
        }
    int w = 0, h = 0;
    const auto small = downscale_picture(gl.data(), 40, 20, 10, w, h);
    REQUIRE(w == 10);
    REQUIRE(h == 5);
    CHECK(small[0] == 255);                   // top-left: red
    CHECK(small[2] == 0);
    CHECK(small[3] == 255);
    CHECK(small[(4 * 10) * 4 + 2] == 255);    // bottom-left: blue
    CHECK(small[(4 * 10) * 4 + 0] == 0);
    const auto same = downscale_picture(gl.data(), 40, 20, 480, w, h);   // never scaled up
    CHECK(w == 40);
    CHECK(h == 20);
}

TEST_CASE("screen picture: the running kiosk writes what the panel shows, turned, and again only after a change",
          "[xvfb]") {
    const int rotation = GENERATE(0, 90);
    INFO("rotation " << rotation);
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("screen-picture");
    std::filesystem::remove_all(dir / "status");
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << nlohmann::json{{"status_dir", (dir / "status").string()},
                                            {"data_dir", (dir / "data").string()},
                                            {"cache_dir", (dir / "cache").string()},
                                            {"idle_seconds", 3600},
                                            {"screen_picture_seconds", 1},
                                            {"rotation", rotation}}
                                .dump();
    const std::string log = (dir / "kiosk.log").string();
    KioskProcess kiosk(display, {"--config", config.string(), "--screen", "schedule", "--now", "2020-05-16T20:00:00+08:00"},
                       log);
    REQUIRE(wait_for_text(log, "first frame"));
    const auto png = dir / "status" / "screen.png";
    for (int i = 0; i < 80 && !std::filesystem::exists(png); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(250));
    REQUIRE(std::filesystem::exists(png));
    std::this_thread::sleep_for(std::chrono::seconds(2));   // the first frames settle; the last picture is of them
    Picture picture;
    REQUIRE(load_picture(png, picture));   // a PNG stb can read
    CHECK(file_text(png.string()).substr(1, 3) == "PNG");
    // The panel's shape (landscape, also when turned) at 480 px on the long side.
    CHECK(picture.width == 480);
    CHECK(picture.height == 270);
    const Picture panel = display.capture();
    CHECK(match_share(picture, panel) > 0.9);

    // Nothing changes on screen: the picture stays as it was (it is taken each second at most).
    const auto written = std::filesystem::last_write_time(png);
    std::this_thread::sleep_for(std::chrono::milliseconds(3500));
    CHECK(std::filesystem::last_write_time(png) == written);

    // A tap changes the screen (the schedule's first session opens): a new picture follows.
    const Point2 tap = to_physical({400, 400}, {1920, 1080}, rotation);
    REQUIRE(display.xdotool("mousemove " + std::to_string(int(tap.x)) + " " + std::to_string(int(tap.y)) + " click 1"));
    bool rewritten = false;
    for (int i = 0; i < 80 && !rewritten; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        rewritten = std::filesystem::last_write_time(png) != written;
    }
    CHECK(rewritten);
    kiosk.terminate();
    REQUIRE(kiosk.wait_exit() == std::optional<int>(0));
    CHECK_FALSE(picture_time(dir / "status" / "status.json").empty());
    CHECK_THAT(file_text((dir / "status" / "kiosk.prom").string()), Catch::Contains("kiosk_screen_picture_age_seconds "));
}
