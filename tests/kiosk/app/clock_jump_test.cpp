// The wall clock jumping (NTP correcting a PC that booted with a wrong clock,
// staff setting it by hand): the idle timer runs on the monotonic clock, so a
// jump neither starts the attract loop early nor holds it off; the screens
// follow the new wall time.
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("a wall clock jumping a day forward and back neither starts nor holds off the attract loop") {
    const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(demo.ok());
    std::int64_t wall = parse_iso8601("2020-05-16T20:30:00+08:00")->unix_seconds;
    KioskApp app(demo.feed, AppOptions{});
    app.set_wall_clock([&wall] { return wall; });
    HeadlessUi ui(app);
    ui.tap(ImVec2(250, 500));   // Home → Schedule
    REQUIRE(app.route().screen == ScreenId::schedule);

    ui.idle(30, 0.25);
    wall += 86400;              // a day forward…
    ui.idle(30, 0.25);
    CHECK(app.now_unix() == wall);
    CHECK(app.route().screen == ScreenId::schedule);   // …but nobody's 90 s are up
    wall -= 3 * 86400;          // two days back, before the event
    ui.idle(25, 0.25);
    CHECK(app.route().screen == ScreenId::schedule);
    ui.idle(10, 0.25);          // 95 s untouched by the monotonic clock
    CHECK(app.route().screen == ScreenId::attract);
    ui.tap(ImVec2(960, 540));
    CHECK(app.route().screen == ScreenId::home);
}
