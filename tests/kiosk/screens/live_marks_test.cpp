// Issue 16, by screenshot: a live document lower than what the kiosk showed before its restart
// (kept in the cache's live-seen.json) is held, marked 数据校正中 in the orders card and logged
// once; a platform not updated for twice its cadence greys out with its time; the on-air QR reads.
#include "run_kiosk.h"
#include "temp_dir.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace kiosk::test;

namespace {

std::string live_doc(int douyin_orders, const char* douyin_time) {
    auto platform = [](const char* key, const char* zh, int viewers, int orders, long fen, const std::string& at) {
        return nlohmann::json{{"platform", key}, {"name", {{"zh", zh}, {"en", key}}}, {"viewers", viewers}, {"orders", orders},
                              {"revenue_fen", fen}, {"updated_at", "2020-05-16T" + at + "+08:00"}, {"cadence_seconds", 60}};
    };
    return nlohmann::json{{"format", "lvliang-kiosk-feed/1"},
                          {"live", {{"sessions", {{{"session", "live-jiaocheng"}, {"on_air_product", "jc-junzao"},
                                                   {"platforms", {platform("douyin", "抖音", 412600, douyin_orders, 12986420, douyin_time),
                                                                  platform("kuaishou", "快手", 286300, 2716, 9251360, "20:25:00")}}}}}}}}
        .dump();
}

// Pixels of the mark's pale pill (theme highlight 255,236,200) in the orders card's top-right corner.
std::size_t mark_pixels(const Picture& p) {
    std::size_t n = 0;
    for (int y = 190; y < 270; ++y)
        for (int x = 1100; x < 1262; ++x) {
            const unsigned char* c = p.at(x, y);
            n += c[0] == 255 && c[1] == 236 && c[2] == 200;
        }
    return n;
}

} // namespace

TEST_CASE("a lower live figure after a restart is held, marked under review and logged once, and a stale platform greys", "[xvfb]") {
    const auto dir = temp_dir("live-marks");
    std::ofstream(dir / "high.json") << live_doc(3820, "20:29:00");
    std::ofstream(dir / "low.json") << live_doc(3790, "20:29:30");
    const std::string common = " --cache-dir '" + (dir / "cache").string() +
                               "' --screen live --lang zh --size 1920x1080 --now 2020-05-16T20:30:00+08:00 --screenshot ";
    REQUIRE(run_kiosk("--live '" + (dir / "high.json").string() + "'" + common + "'" + (dir / "first.png").string() + "'",
                      kUnderXvfb, (dir / "first.log").string()) == 0);
    REQUIRE(std::filesystem::exists(dir / "cache" / "live-seen.json"));
    REQUIRE(run_kiosk("--live '" + (dir / "low.json").string() + "'" + common + "'" + (dir / "held.png").string() + "'",
                      kUnderXvfb, (dir / "held.log").string()) == 0);
    const std::string log = read_text(dir / "held.log");
    INFO(log);
    const auto first_line = log.find("orders fell from 3820 to 3790");
    CHECK(first_line != std::string::npos);
    CHECK(log.find("fell from", first_line + 20) == std::string::npos);   // once
    Picture first, held;
    REQUIRE(load_picture(dir / "first.png", first));
    REQUIRE(load_picture(dir / "held.png", held));
    CHECK(mark_pixels(first) == 0);
    CHECK(mark_pixels(held) > 300);
    // 快手, last updated 20:25 with a 60 s cadence, is grey at 20:30: its bar is the border colour, not the viewers' ochre.
    std::size_t grey_bar = 0;
    for (int y = 610; y < 650; ++y)
        for (int x = 240; x < 400; ++x) {
            const unsigned char* c = held.at(x, y);
            grey_bar += c[0] == 226 && c[1] == 212 && c[2] == 198;
        }
    CHECK(grey_bar > 1000);
}
