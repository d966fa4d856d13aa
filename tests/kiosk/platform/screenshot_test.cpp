// The real program under Xvfb: the screenshot has the requested size, is not
// blank, and the title region holds text pixels.
#include "run_kiosk.h"

#include <catch2/catch.hpp>

using namespace kiosk::test;

TEST_CASE("the home screenshot has the requested size, is not blank and shows the title", "[xvfb]") {
    const auto dir = temp_dir("screenshot");
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1920}}) {
        const auto png = dir / ("home-" + std::to_string(w) + "x" + std::to_string(h) + ".png");
        std::filesystem::remove(png);
        const auto log = dir / "log.txt";
        const int code = run_kiosk("--screenshot '" + png.string() + "' --size " + std::to_string(w) + "x" +
                                       std::to_string(h) + " --now 2020-05-16T20:00:00+08:00",
                                   kUnderXvfb, log.string());
        INFO(read_text(log));
        REQUIRE(code == 0);
        Picture pic;
        REQUIRE(load_picture(png, pic));
        CHECK(pic.width == w);
        CHECK(pic.height == h);
        CHECK(colours_in(pic, 0, 0, pic.width, pic.height) > 50);
        // The event title is drawn in dark ink below the top bar, at the left margin.
        const float s = std::min(w, h) / 1080.0f;
        CHECK(dark_pixels_in(pic, int(32 * s), int(110 * s), int(900 * s), int(200 * s)) > 2000 * s * s);
    }
}

TEST_CASE("without a display the kiosk says so and points to --screenshot") {
    const auto log = temp_dir("nodisplay") / "log.txt";
    CHECK(run_kiosk("", kWithoutDisplay, log.string()) == 1);
    const std::string said = read_text(log);
    CHECK_THAT(said, Catch::Contains("no X display") && Catch::Contains("--screenshot"));
}

TEST_CASE("bad flags and values exit 2 with a message naming them") {
    const auto log = temp_dir("flags") / "log.txt";
    CHECK(run_kiosk("--size 12by7", "", log.string()) == 2);
    CHECK_THAT(read_text(log), Catch::Contains("--size"));
    CHECK(run_kiosk("--lang fr", "", log.string()) == 2);
    CHECK_THAT(read_text(log), Catch::Contains("--lang"));
    CHECK(run_kiosk("--screen product", "", log.string()) == 2);
    CHECK_THAT(read_text(log), Catch::Contains("--screen"));
    CHECK(run_kiosk("--now yesterday", "", log.string()) == 2);
    CHECK_THAT(read_text(log), Catch::Contains("--now"));
    CHECK(run_kiosk("--frobnicate", "", log.string()) == 2);
    CHECK_THAT(read_text(log), Catch::Contains("frobnicate"));
    CHECK(run_kiosk("--version", "", log.string()) == 0);
    CHECK_THAT(read_text(log), Catch::StartsWith("kiosk "));
}

TEST_CASE("with no Chinese font installed the kiosk exits naming the package to install", "[xvfb]") {
    const auto dir = temp_dir("nofont");
    // A fontconfig setup that knows one empty font directory: no face covers zh-cn.
    std::filesystem::create_directories(dir / "fonts");
    const auto conf = dir / "fonts.conf";
    if (FILE* f = std::fopen(conf.c_str(), "w")) {
        std::fprintf(f, "<?xml version=\"1.0\"?>\n<fontconfig><dir>%s</dir><cachedir>%s</cachedir></fontconfig>\n",
                     (dir / "fonts").c_str(), (dir / "cache").c_str());
        std::fclose(f);
    }
    const auto log = dir / "log.txt";
    const int code = run_kiosk("--screenshot '" + (dir / "x.png").string() + "'",
                               std::string("FONTCONFIG_FILE='") + conf.string() + "' " + kUnderXvfb, log.string());
    CHECK(code == 1);
    CHECK_THAT(read_text(log), Catch::Contains("fonts-noto-cjk"));
    CHECK_FALSE(std::filesystem::exists(dir / "x.png"));
}
