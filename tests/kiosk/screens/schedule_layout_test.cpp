// The schedule in portrait (issue 19), headless: on a 1080×1920 panel the day tabs sit in
// the lower part at no less than the touch-target minimum and each shows its day; a short
// day's rows grow with the sessions' descriptions so the list reaches the tabs, a long
// day keeps its 176 px rows; landscape keeps its tabs under the top bar.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_extent.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/schedule_layout.h"
#include "test_feeds.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

const char* const kEvening = "2020-05-16T20:30:00+08:00";   // the demo's 16 May: four sessions

// The area below the 96 px top bar, with the screen's 32 px margins and 24 px top gap.
// The schedule's area: below the top bar, above the accessible strip (the screen fills what it is given).
ImRect area_at(ImVec2 display) { return ImRect(ImVec2(32, 96 + 24), ImVec2(display.x - 32, display.y - kAccessibleStripHeight)); }

// The lowest point the schedule draws at `display`, in `lang`, as a share of the height.
float drawn_share(ImVec2 display, Lang lang) {
    KioskApp app(demo_feed(), app_options_at(lang, Route{ScreenId::schedule, {}}, at(kEvening)));
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    ui.idle(0.1);
    return drawn_bottom(Theme{}.background) / display.y;
}

// The session that a tap at `pos` opens ("" when none), then back to the schedule.
std::string open_at(KioskApp& app, HeadlessUi& ui, ImVec2 pos) {
    ui.tap(pos);
    if (app.route().screen != ScreenId::session) return {};
    std::string id = app.route().id;
    app.back();
    ui.idle(0.1);
    return id;
}

} // namespace

TEST_CASE("The schedule in portrait draws down to the lower tenth of a 1080x1920 panel in zh and en", "[schedule][portrait]") {
    for (const Lang lang : {Lang::zh, Lang::en}) {
        INFO((lang == Lang::zh ? "zh" : "en"));
        CHECK(drawn_share(ImVec2(1080, 1920), lang) >= 0.9f);
    }
}

TEST_CASE("The schedule's portrait day tabs are large and in the lower part and each shows its day", "[schedule][portrait]") {
    const Theme theme;
    const ScheduleTabs tabs = schedule_tabs(theme, area_at(ImVec2(1080, 1920)), 5, true);
    KioskApp app(demo_feed(), app_options_at(Lang::zh, Route{ScreenId::schedule, {}}, at(kEvening)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    // The demo's first session of each day, in its first row (the list opens at the top of a day that has ended).
    const char* const first[] = {"market-01", "market-02", "market-03", "market-04", "market-05"};
    for (int day = 0; day < 5; ++day) {
        INFO("day " << day);
        const ImRect tab = tabs.tab(day);
        CHECK(tab.GetHeight() >= theme.touch_min());
        CHECK(tab.GetWidth() >= theme.touch_min());
        CHECK(tab.Min.y >= 1920 * 0.8f);
        CHECK(tab.Max.y <= 1920 - kAccessibleStripHeight);
        ui.tap(tab.GetCenter());
        REQUIRE(app.route().screen == ScreenId::schedule);
        ui.idle(0.1);
        CHECK(open_at(app, ui, ImVec2(540, 400)) == first[day]);   // under today's changes, inside the first (grown) row
    }
}

TEST_CASE("A short day's portrait rows grow with the descriptions and a long day's keep 176 px", "[schedule][portrait]") {
    const Theme theme;
    const float about = 28, list = 1600;
    const float four = schedule_row_height(theme, 1016, list, 4, true, about, 6);
    CHECK(four > 176);
    CHECK(four * 4 >= list * 0.85f);   // four rows nearly fill the list
    CHECK(schedule_about_lines(theme, four, about, 6) == 6);
    CHECK(schedule_about_lines(theme, schedule_row_height(theme, 1016, list, 4, true, about, 4), about, 4) == 4);
    CHECK(schedule_row_height(theme, 1016, list, 24, true, about, 4) == 176);
    CHECK(schedule_about_lines(theme, 176, about, 4) == 0);
    CHECK(schedule_row_height(theme, 1016, list, 0, true, about, 4) == 176);

    // The demo's 16 May in portrait: each session's description shows (its first words).
    KioskApp app(demo_feed(), app_options_at(Lang::en, Route{ScreenId::schedule, {}}, at(kEvening)));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    for (const Session& s : app.feed().schedule) {
        if (s.start.unix_seconds < at("2020-05-16T00:00:00+08:00") || s.start.unix_seconds >= at("2020-05-17T00:00:00+08:00"))
            continue;
        const std::string& about_text = s.description.en;
        REQUIRE(about_text.size() > 12);
        INFO(s.id);
        CHECK(drew_text(about_text.substr(0, about_text.find(' ', 8))));
    }
}

TEST_CASE("The schedule in landscape keeps its day tabs under the top bar and its rows", "[schedule][landscape]") {
    const Theme theme;
    const ScheduleTabs tabs = schedule_tabs(theme, area_at(ImVec2(1920, 1080)), 5, false);
    CHECK(tabs.tab(0).Min.y == 120);
    CHECK(tabs.tab(0).GetHeight() == 96);
    CHECK(tabs.tab(4).Max.x <= 1920 - 32);
    CHECK(schedule_row_height(theme, 1856, 800, 4, false, 28, 4) == 128);
    CHECK(schedule_row_height(theme, 1016, 800, 4, false, 28, 4) == 176);
}
