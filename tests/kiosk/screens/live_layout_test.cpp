// The live screen's panels (issue 19): in portrait the trend is a chart shaped for the
// tall panel, not a landscape strip, the lists keep two readable rows and nothing overlaps;
// landscape keeps its row of lists with the trend and the on-air card below. Headless, the
// portrait live screen draws down to the bottom of a 1080×1920 panel.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_extent.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/live_layout.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// The demo's evening at 1080p: five platforms, two counties, four top products (a panel's
// heading and paddings are 84 px, a bar row 60, a product row 64), the on-air card 384 px.
LivePanelNeeds demo_needs(bool on_air) {
    LivePanelNeeds n;
    n.platforms = 84 + 5 * 60;
    n.counties = 84 + 2 * 60;
    n.top = 84 + 4 * 64;
    n.two_rows = 84 + 2 * 40;
    n.on_air = on_air ? 384 : 0;
    return n;
}

bool overlap(const ImRect& a, const ImRect& b) {
    return a.GetArea() > 0 && b.GetArea() > 0 && a.Min.x < b.Max.x && b.Min.x < a.Max.x && a.Min.y < b.Max.y && b.Min.y < a.Max.y;
}

// Below the portrait figures and source line: 1016 px wide, from y 688 to 1896.
const ImRect kPortraitArea(ImVec2(32, 688), ImVec2(1048, 1896));

} // namespace

TEST_CASE("the live trend in portrait is taller than a landscape strip and the panels share the height", "[live][portrait]") {
    const Theme t;
    for (const bool on_air : {true, false}) {
        INFO((on_air ? "with the product on air" : "nothing on air"));
        const LivePanelNeeds n = demo_needs(on_air);
        const LivePanels p = live_panels(t, kPortraitArea, true, n);
        const ImRect trend = p.trend;
        // A landscape strip is some 0.2 of its width high; portrait gets at least twice that.
        CHECK(trend.GetHeight() >= (on_air ? 0.4f : 0.6f) * trend.GetWidth());
        CHECK(trend.Max.y == kPortraitArea.Max.y);
        CHECK((p.on_air.GetArea() > 0) == on_air);
        const ImRect all[] = {p.platforms, p.counties, p.top, p.on_air, p.trend};
        for (std::size_t i = 0; i < 5; ++i) {
            INFO("panel " << i);
            if (all[i].GetArea() == 0) continue;
            CHECK(kPortraitArea.Contains(all[i]));
            for (std::size_t j = i + 1; j < 5; ++j) CHECK_FALSE(overlap(all[i], all[j]));
        }
        for (const ImRect& list : {p.platforms, p.counties, p.top}) CHECK(list.GetHeight() >= n.two_rows);
    }
}

TEST_CASE("the live screen in portrait leaves out the on-air card before the trend drops below a strip", "[live][portrait]") {
    const Theme t;
    const ImRect small(ImVec2(32, 688), ImVec2(1048, 1300));   // banners and a long header: 612 px left
    const LivePanels p = live_panels(t, small, true, demo_needs(true));
    CHECK(p.on_air.GetArea() == 0);
    CHECK(p.trend.GetHeight() >= 220);
}

TEST_CASE("the live screen in landscape keeps its lists in a row and the on-air card beside the trend", "[live][landscape]") {
    const Theme t;
    // An area with room for the on-air card under lists of two rows (demo_needs: two_rows 164).
    const ImRect area(ImVec2(32, 480), ImVec2(1888, 1056));
    const LivePanels p = live_panels(t, area, false, demo_needs(true));
    // A row as high as the tallest list allows, the trend keeping the on-air card's height.
    const float row_h = std::min(384.0f, 576.0f - 24 - 384);
    const float w = (1856.0f - 48) / 3;
    CHECK(p.platforms.Min.x == 32);
    CHECK(p.platforms.GetHeight() == row_h);
    CHECK(p.counties.Min.x == Approx(32 + w + 24));
    CHECK(p.top.Max.x == 1888);
    CHECK(p.trend.Min.y == 480 + row_h + 24);
    CHECK(p.trend.Max.x == Approx(32 + 2 * (w + 24) - 24));
    CHECK(p.on_air.Min.x == Approx(32 + 2 * (w + 24)));
    CHECK(p.on_air.Max.y == 1056);
}

// [Issue 19] Under the accessible strip and with 1.5x type the area is shorter: panels are left out
// (the top products for the on-air card, the card, then the trend, then the lists) rather than squeezed below two rows or cut.
TEST_CASE("the live screen in a short landscape area leaves panels out instead of squeezing them", "[live][landscape]") {
    const Theme t;
    const LivePanelNeeds n = demo_needs(true);
    for (const float top : {500.0f, 700.0f, 850.0f, 950.0f}) {
        INFO(top);
        const ImRect area(ImVec2(32, top), ImVec2(1888, 1056));
        const LivePanels p = live_panels(t, area, false, n);
        const ImRect all[5] = {p.platforms, p.counties, p.top, p.on_air, p.trend};
        for (int i = 0; i < 5; ++i) {
            if (all[i].GetArea() == 0) continue;
            CHECK(area.Contains(all[i]));
            for (int j = i + 1; j < 5; ++j) CHECK_FALSE(overlap(all[i], all[j]));
        }
        for (const ImRect& list : {p.platforms, p.counties, p.top})
            CHECK((list.GetArea() == 0 || list.GetHeight() >= n.two_rows));
        if (p.on_air.GetArea() > 0) CHECK(p.on_air.GetHeight() >= n.on_air);
        if (p.trend.GetArea() > 0) CHECK(p.trend.GetHeight() >= 200);
    }
    // 148 px lists under the card otherwise: the card takes the right third whole, the top products go.
    const LivePanels column = live_panels(t, ImRect(ImVec2(32, 500), ImVec2(1888, 1056)), false, n);
    CHECK(column.on_air.GetHeight() >= n.on_air);
    CHECK(column.on_air.Max.x == 1888);
    CHECK(column.top.GetArea() == 0);
    CHECK(column.platforms.GetHeight() >= n.two_rows);
    CHECK(column.trend.Max.x < column.on_air.Min.x);
    CHECK(live_panels(t, ImRect(ImVec2(32, 700), ImVec2(1888, 1056)), false, n).on_air.GetArea() == 0);   // 356 px: no card
    CHECK(live_panels(t, ImRect(ImVec2(32, 850), ImVec2(1888, 1056)), false, n).trend.GetArea() == 0);
    CHECK(live_panels(t, ImRect(ImVec2(32, 850), ImVec2(1888, 1056)), false, n).platforms.GetHeight() >= n.two_rows);
    CHECK(live_panels(t, ImRect(ImVec2(32, 950), ImVec2(1888, 1056)), false, n).platforms.GetArea() == 0);
    // Portrait below big figures: the lists that fit at two rows, inside the area, no trend.
    for (const float top : {1400.0f, 1600.0f, 1800.0f}) {
        INFO(top);
        const ImRect area(ImVec2(32, top), ImVec2(1048, 1896));
        const LivePanels p = live_panels(t, area, true, n);
        for (const ImRect& list : {p.platforms, p.counties, p.top})
            if (list.GetArea() > 0) CHECK((area.Contains(list) && list.GetHeight() >= n.two_rows));
        CHECK_FALSE((p.top.GetArea() > 0 && overlap(p.top, p.platforms)));
        CHECK(p.trend.GetArea() == 0);
    }
}

TEST_CASE("the live screen in portrait draws down to the lower tenth of a 1080x1920 panel", "[live][portrait]") {
    for (const Lang lang : {Lang::zh, Lang::en})
        for (const char* now : {"2020-05-16T20:30:00+08:00", "2020-05-16T09:00:00+08:00"}) {
            INFO((lang == Lang::zh ? "zh " : "en ") << now);
            KioskApp app(demo_feed(), app_options_at(lang, Route{ScreenId::live, {}}, parse_iso8601(now)->unix_seconds));
            HeadlessUi ui(app, 1080, 1920);
            ui.idle(0.1);
            CHECK(drawn_bottom(Theme{}.background) >= 0.9f * 1920);
        }
}
