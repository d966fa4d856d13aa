// The real kiosk writes its health files while it runs, and on SIGTERM (as
// systemctl stop sends) ends cleanly with a last round of statistics.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "run_kiosk.h"
#include "x_session.h"

#include <nlohmann/json.hpp>

#include <fstream>

using namespace kiosk::test;

TEST_CASE("the running kiosk writes status files and its last statistics on SIGTERM", "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("health");
    std::filesystem::remove_all(dir / "status");
    std::filesystem::remove_all(dir / "data");
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << nlohmann::json{{"status_dir", (dir / "status").string()},
                                            {"data_dir", (dir / "data").string()},
                                            {"cache_dir", (dir / "cache").string()}}.dump();
    const std::string log = (dir / "kiosk.log").string();
    KioskProcess kiosk(display, {"--config", config.string(), "--now", "2020-05-16T20:00:00+08:00"}, log);
    REQUIRE(wait_for_text(log, "first frame"));
    REQUIRE(wait_for_text((dir / "status" / "kiosk.prom").string(), "kiosk_uptime_seconds"));

    // A visitor opens the schedule from Home (the first card of the home screen's row).
    const Picture home = display.capture();
    REQUIRE(display.xdotool("mousemove 250 520 click 1"));
    bool changed = false;   // the schedule is on screen once a good part of the picture changed
    for (int i = 0; i < 160 && !changed; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        const Picture now = display.capture();
        std::size_t differ = 0;
        for (std::size_t p = 0; p < now.rgba.size(); p += 4 * 7) differ += now.rgba[p] != home.rgba[p];
        changed = differ > now.rgba.size() / (4 * 7) / 10;
    }
    REQUIRE(changed);
    kiosk.terminate();
    const auto code = kiosk.wait_exit();
    INFO(file_text(log));
    REQUIRE(code == std::optional<int>(0));
    CHECK_THAT(file_text(log), Catch::Contains("stopping on SIGTERM"));

    const auto status = nlohmann::json::parse(file_text((dir / "status" / "status.json").string()));
    CHECK(status.at("frames_drawn").get<int>() > 0);
    CHECK(status.at("resident_bytes").get<std::uint64_t>() > (10u << 20));
    CHECK(status.at("texture_bytes").get<std::uint64_t>() > 0);
    CHECK(status.at("uptime_seconds").get<int>() >= 0);
    CHECK(status.at("feed").is_null());   // the embedded demo: no source configured

    std::string statistics;
    REQUIRE(std::filesystem::is_directory(dir / "data"));
    for (const auto& entry : std::filesystem::directory_iterator(dir / "data")) {
        CHECK_THAT(entry.path().filename().string(), Catch::StartsWith("stats-") && Catch::EndsWith(".jsonl"));
        statistics += file_text(entry.path().string());
    }
    CHECK_THAT(statistics, Catch::Contains("\"screen_views\":{\"schedule\":1}"));
}
