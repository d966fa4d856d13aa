// Display hours on a real X server (Xvfb, which has no DPMS): outside them the
// kiosk shows black and draws no frames while its sources keep polling; a
// click wakes it.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "local_http_server.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <nlohmann/json.hpp>

#include <fstream>

using namespace kiosk::test;

namespace {

nlohmann::json status_of(const std::filesystem::path& dir) {
    return nlohmann::json::parse(file_text((dir / "status.json").string()), nullptr, false);
}

} // namespace

TEST_CASE("outside its display hours the kiosk draws no frames, shows black, keeps polling, and a click wakes it",
          "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("display-sleep");
    std::filesystem::remove_all(dir / "status");
    // The demo feed over HTTP, counting the kiosk's polls.
    LocalHttpServer http;
    const std::string feed = file_text(std::string(SOURCE_DIR) + "/config/demo-feed.json");
    std::atomic<int> polls{0};
    http.server().Get("/feed.json", [&](const httplib::Request&, httplib::Response& res) {
        ++polls;
        res.set_content(feed, "application/json");
    });
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << nlohmann::json{{"status_dir", (dir / "status").string()},
                                            {"data_dir", (dir / "data").string()},
                                            {"cache_dir", (dir / "cache").string()},
                                            {"feed", http.url("/feed.json")},
                                            {"feed_poll_seconds", 5},
                                            {"display_hours", {{"daily", "09:00-21:00"}, {"sun", "off"}}},
                                            {"wake_minutes", 1}}
                                .dump();
    const std::string log = (dir / "kiosk.log").string();
    // 03:00 on Saturday: asleep from the start.
    KioskProcess kiosk(display, {"--config", config.string(), "--now", "2020-05-16T03:00:00+08:00"}, log);
    REQUIRE(wait_for_text(log, "display asleep"));
    // The status round after the sleep began (every 15 s) says so, with no frame drawn.
    REQUIRE(wait_for_text((dir / "status" / "status.json").string(), "\"display_asleep\": true"));
    const auto asleep = status_of(dir / "status");
    INFO(asleep.dump());
    CHECK(asleep.at("frames_drawn").get<int>() == 0);
    const int polls_asleep = polls;
    std::this_thread::sleep_for(std::chrono::seconds(6));
    CHECK(polls > polls_asleep);   // the feed is polled on while the display sleeps
    CHECK_THAT(file_text((dir / "status" / "kiosk.prom").string()), Catch::Contains("kiosk_display_asleep 1"));
    CHECK_FALSE(std::filesystem::exists(dir / "status" / "screen.png"));   // a dark panel has no picture to take
    const Picture black = display.capture();
    REQUIRE(black.width == 1920);
    CHECK(colours_in(black, 0, 0, black.width, black.height, 7) == 1);   // one colour all over…
    CHECK(black.at(960, 540)[0] + black.at(960, 540)[1] + black.at(960, 540)[2] == 0);   // …and that is black
    CHECK(count_of(file_text(log), "first frame") == 0);

    // A visitor touches the dark screen: it wakes and draws (the attract loop).
    REQUIRE(display.xdotool("mousemove 960 540 click 1"));
    REQUIRE(wait_for_text(log, "first frame"));
    CHECK_THAT(file_text(log), Catch::Contains("display on"));
    kiosk.terminate();
    REQUIRE(kiosk.wait_exit() == std::optional<int>(0));
    const auto awake = status_of(dir / "status");
    INFO(awake.dump());
    CHECK(awake.at("frames_drawn").get<int>() > 0);
    CHECK(awake.at("display_asleep") == false);
}
