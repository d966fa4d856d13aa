// The 无障碍 / Accessible mode above the reach band (issue 19), headless: the schedule, catalogue, county,
// search, live, map and route screens draw what a visitor only looks at above the band (what is on now and
// next, the headings with their counts, the letters typed, the figures, the plan with you-are-here) and keep
// every control in the band, landscape and portrait; the map's place names show whole, zh and en.
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/live_layout.h"
#include "screens/map_layout.h"
#include "screens/now_next_part.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <cfloat>

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

const char* const kEvening = "2020-05-16T20:30:00+08:00";   // the 交城 live sale on, the next session to come
const ImVec2 kLandscape(1920, 1080), kPortrait(1080, 1920);

// One accessible-mode frame of `route` at `display` in `lang`, the kiosk standing at the demo venue's entrance.
struct AccessibleFrame {
    KioskApp app;
    HeadlessUi ui;
    std::vector<TouchTarget> targets;
    AccessibleFrame(const Route& route, ImVec2 display, Lang lang)
        : app(demo_feed(), options(route, lang)), ui(app, static_cast<int>(display.x), static_cast<int>(display.y)) {
        ui.idle(0.1);
        app.record_touch_targets(&targets, ImGui::GetBackgroundDrawList());
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
        app.record_touch_targets(nullptr);
    }
    static AppOptions options(const Route& route, Lang lang) {
        AppOptions o = app_options_at(lang, route, at(kEvening));
        o.kiosk_location = "entrance";
        o.accessible = true;
        return o;
    }
    float band_top() const { return app.reach_band().top(); }
};

// Whether `text` was drawn above the reach band's top (it may be drawn in the band too: "Viewers by platform").
bool drawn_above(const std::string& text, float band_top) {
    for (const DrawnTextRun& run : drawn_runs_of(text))
        if (run.at.y < band_top) return true;
    return false;
}

const char* name_of(ImVec2 display) { return display.x > display.y ? "landscape" : "portrait"; }

} // namespace

TEST_CASE("In the accessible mode each visitor screen shows what is looked at above the reach band", "[accessible][above]") {
    const std::shared_ptr<const Feed> shared = demo_feed();
    const Feed& feed = *shared;
    const County& jiaocheng = *feed.county("jiaocheng");
    struct Case {
        Route route;
        std::vector<std::string> above;   // en texts drawn above the band
    };
    const Case cases[] = {
        {Route{ScreenId::schedule}, {"On now", "Up next"}},
        {Route{ScreenId::catalogue}, {"County products", std::to_string(feed.counties.size()) + " counties"}},
        {Route{ScreenId::county, "jiaocheng"}, {jiaocheng.name.en, std::to_string(feed.products_of("jiaocheng").size()) + " products"}},
        {Route{ScreenId::search, "jcjz"}, {"jcjz"}},
        {Route{ScreenId::live}, {"Viewers", "Orders", "Revenue"}},
        {Route{ScreenId::map}, {"Venue map", "You are here"}},
        {Route{ScreenId::map_route, "booth-jiaocheng"}, {"You are here"}},
    };
    for (const ImVec2 display : {kLandscape, kPortrait})
        for (const Case& c : cases) {
            AccessibleFrame frame(c.route, display, Lang::en);
            for (const std::string& text : c.above) {
                INFO(route_name(c.route) << " " << name_of(display) << ": '" << text << "' above " << frame.band_top());
                CHECK(drawn_above(text, frame.band_top()));
            }
        }
}

TEST_CASE("In the accessible mode the map and route keep their plan above the reach band and their controls in it", "[accessible][above][map]") {
    for (const ImVec2 display : {kLandscape, kPortrait})
        for (const Route& route : {Route{ScreenId::map}, Route{ScreenId::map_route, "booth-jiaocheng"}}) {
            AccessibleFrame frame(route, display, Lang::en);
            INFO(route_name(route) << " " << name_of(display));
            CHECK(drawn_above("You are here", frame.band_top()));
            bool plan_tappable = false, place_rows = false, toggle = false;
            for (const TouchTarget& t : frame.targets) {
                if (t.kind == TouchTarget::held || t.kind == TouchTarget::gesture) continue;   // gesture: staff's corner hold
                INFO("'" << t.name << "' at y " << t.rect.Min.y);
                CHECK(t.rect.Min.y >= frame.band_top() - 0.5f);   // every control in the band
                plan_tappable = plan_tappable || t.name == "floor plan";
                place_rows = place_rows || t.name == "booth-jiaocheng";
                toggle = toggle || t.name == "Step-free route: off";
            }
            CHECK_FALSE(plan_tappable);
            if (route.screen == ScreenId::map) CHECK(place_rows);   // the places are listed in the band
            else CHECK(toggle);
        }
}

TEST_CASE("In the accessible mode the map's place rows in view show their names whole in zh and en", "[accessible][map]") {
    const std::shared_ptr<const Feed> shared = demo_feed();
    const Feed& feed = *shared;
    for (const ImVec2 display : {kLandscape, kPortrait})
        for (const Lang lang : {Lang::zh, Lang::en}) {
            AccessibleFrame frame(Route{ScreenId::map}, display, lang);
            int rows = 0;
            for (const TouchTarget& t : frame.targets) {
                const Area* a = feed.venue.area(t.name);
                // A place's row wholly in view (the list scrolls: rows cut by its edge come whole when scrolled).
                if (!a || t.kind != TouchTarget::control || t.visible.GetHeight() < t.rect.GetHeight()) continue;
                ++rows;
                bool whole = false;
                for (const DrawnTextRun& run : drawn_runs_of(a->name.in(lang))) whole = whole || t.rect.Contains(run.at);
                INFO(name_of(display) << (lang == Lang::zh ? " zh: " : " en: ") << a->name.in(lang));
                CHECK(whole);
            }
            INFO(name_of(display) << (lang == Lang::zh ? " zh" : " en"));
            // The list shows places in the band, not the key of a few numbers: on the default portrait panel, under
            // the mode's 1.5× top bar, three rows of two columns are wholly in view (on landscape two rows of four).
            CHECK(rows >= (display.x > display.y ? 8 : 6));
        }
}

TEST_CASE("The accessible mode's place list has columns of at least 420 px and rows for two lines that scroll", "[accessible][map]") {
    const Theme t;
    const float line = 42;   // the body font at 1.5x
    const MapPlaceGrid wide = map_place_grid(t, ImRect(ImVec2(32, 560), ImVec2(1888, 930)), 19, line);   // a landscape band
    CHECK(wide.columns == 4);
    const MapPlaceGrid narrow = map_place_grid(t, ImRect(ImVec2(32, 1400), ImVec2(1048, 1770)), 19, line);   // a portrait one
    CHECK(narrow.columns == 2);
    for (const MapPlaceGrid& g : {wide, narrow}) {
        CHECK(g.col_w >= 420);
        CHECK(g.row_h >= t.touch_min());
        CHECK(g.row_h >= 2 * line);
        CHECK(g.content_height() > g.view.GetHeight());   // 19 places do not fit: the list scrolls
        CHECK(g.row(1, 0).Min.x >= g.row(0, 0).Max.x + t.px(8));   // apart side by side
        CHECK(g.row(g.columns, 0).Min.y >= g.row(0, 0).Max.y + t.px(8));   // and one under the other
        CHECK(g.row(g.columns - 1, 0).Max.x <= g.view.Max.x + 0.5f);
        CHECK(g.row(0, 50).Min.y == g.row(0, 0).Min.y - 50);
    }
}

TEST_CASE("Live panels without the trend give the lists the height and the on-air card the right third", "[accessible][live]") {
    const Theme t;
    const ImRect band(ImVec2(32, 430), ImVec2(1888, 940));   // a landscape panel's band
    LivePanelNeeds needs;
    needs.platforms = needs.counties = needs.top = 300;
    needs.two_rows = 150;
    needs.on_air = 420;
    needs.trend = false;
    const LivePanels p = live_panels(t, band, false, needs);
    CHECK(p.trend.GetArea() == 0);
    CHECK(p.top.GetArea() == 0);   // the card in its place
    CHECK(p.platforms.GetHeight() == 300);
    CHECK(p.on_air.Min.x > p.counties.Max.x);
    CHECK(p.on_air.GetHeight() >= needs.on_air);
    CHECK(p.on_air.Max.x <= band.Max.x);
    needs.on_air = 0;   // nothing on air: the top products take the right third
    const LivePanels q = live_panels(t, band, false, needs);
    CHECK(q.top.GetHeight() == 300);
    CHECK(q.top.Min.x > q.counties.Max.x);
    CHECK(q.trend.GetArea() == 0);
    // A portrait panel's band: thirds too narrow for the card, which takes the right half beside the stacked lists.
    needs.on_air = 420;
    const ImRect narrow(ImVec2(32, 1290), ImVec2(1048, 1800));
    const LivePanels r = live_panels(t, narrow, false, needs);
    CHECK(r.on_air.GetWidth() >= narrow.GetWidth() / 2 - t.px(24));
    CHECK(r.platforms.Max.x < r.on_air.Min.x);
    CHECK(r.counties.Min.y > r.platforms.Max.y);
    CHECK(r.counties.Max.y <= narrow.Max.y);
    CHECK(r.platforms.GetHeight() >= needs.two_rows);
    CHECK(r.trend.GetArea() == 0);
}

TEST_CASE("In the accessible mode each schedule row is tall enough for its 1.5x lines", "[accessible][schedule]") {
    const std::shared_ptr<const Feed> shared = demo_feed();
    for (const ImVec2 display : {kLandscape, kPortrait})
        for (const Lang lang : {Lang::zh, Lang::en}) {
            AccessibleFrame frame(Route{ScreenId::schedule}, display, lang);
            int rows = 0;
            for (const TouchTarget& t : frame.targets) {
                const Session* s = shared->session(t.name);
                if (!s || t.visible.GetHeight() < t.rect.GetHeight()) continue;   // a row wholly in view
                // A row starts its place line, the row's last (today's changes chips, named by the session too,
                // draw none): the line's glyphs end inside the row, not over the next one.
                std::vector<DrawnTextRun> places;
                for (const DrawnTextRun& run : drawn_runs_of(s->location.in(lang)))
                    if (t.rect.Contains(run.at)) places.push_back(run);
                if (places.empty()) continue;
                INFO(name_of(display) << (lang == Lang::zh ? " zh: " : " en: ") << s->id << " row " << t.rect.Min.y << "–"
                                      << t.rect.Max.y << ", its place line from " << places.front().at.y);
                CHECK(places.front().at.y + 0.8f * places.front().size <= t.rect.Max.y);
                ++rows;
            }
            INFO(name_of(display));
            CHECK(rows >= 1);
        }
}

TEST_CASE("In the accessible mode a portrait Home shows what is on now and next above the reach band", "[accessible][above][home]") {
    const std::shared_ptr<const Feed> shared = demo_feed();
    const NowAndNext sessions = now_and_next(*shared, at(kEvening));
    REQUIRE(sessions.now);
    REQUIRE(sessions.next);
    for (const Lang lang : {Lang::zh, Lang::en}) {
        AccessibleFrame frame(Route{ScreenId::home}, kPortrait, lang);
        INFO((lang == Lang::zh ? "zh" : "en"));
        CHECK(drawn_above(shared->event.title.in(lang), frame.band_top()));
        CHECK(drawn_above(sessions.now->title.in(lang), frame.band_top()));
        CHECK(drawn_above(sessions.next->title.in(lang), frame.band_top()));
    }
}
