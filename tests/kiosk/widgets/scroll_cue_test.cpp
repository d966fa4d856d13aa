// [Issue 19] Lists that show they scroll in the accessible mode: a ScrollArea with more below keeps a strip at its
// foot for the 更多 ↓ / more ↓ cue and the fade, gone at the list's end; headless, the map's place list and the
// search results on a portrait panel (the place list showed six rows, the seventh cut, and no sign of more).
#include "app/app.h"
#include "app_options_at.h"
#include "drawn_text.h"
#include "headless_ui.h"
#include "test_feeds.h"
#include "widgets/touch.h"
#include "widgets/ui_strings.h"

#include <catch2/catch.hpp>

#include <cfloat>

using namespace kiosk;
using namespace kiosk::test;

namespace {

// A ScrollArea over 2000 px of rows in an 800 px viewport, updated once a frame.
struct List {
    ImGuiIO io;
    TouchInput touch;
    ScrollArea scroll;
    ImRect viewport{ImVec2(0, 100), ImVec2(1000, 900)};
    double now = 1.0;
    void frame(float strip, ImVec2 pos = ImVec2(-FLT_MAX, -FLT_MAX), bool down = false) {
        now += 1.0 / 60;
        io.MousePos = pos;
        io.MouseDown[0] = down;
        touch.begin_frame(io, now, 14.0f);
        touch.show_scroll_cues(strip);
        scroll.update(touch, viewport, 2000.0f, now);
    }
};

// The accessible mode's first frame of `route` on a portrait panel in `lang`.
struct Portrait {
    KioskApp app;
    HeadlessUi ui;
    Portrait(const Route& route, Lang lang, bool accessible = true) : app(demo_feed(), options(route, lang, accessible)), ui(app, 1080, 1920) {
        ui.idle(0.1);
    }
    static AppOptions options(const Route& route, Lang lang, bool accessible) {
        AppOptions o = app_options_at(lang, route, parse_iso8601("2020-05-16T20:30:00+08:00")->unix_seconds);
        o.kiosk_location = "entrance";
        o.accessible = accessible;
        return o;
    }
    // The scrolling list in the reach band (the last frame's only one).
    ImRect list() {
        std::vector<TouchTarget> targets;
        app.record_touch_targets(&targets);
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
        app.record_touch_targets(nullptr);
        for (const TouchTarget& t : targets)
            if (t.kind == TouchTarget::scroll) return t.rect;
        FAIL("no scrolling list");
        return {};
    }
    // Flings the list up, its height at a time, until it rests at its end (33 results are some 2500 px).
    void scroll_to_end(const ImRect& list) {
        for (int i = 0; i < 12; ++i) {
            ui.drag(ImVec2(list.GetCenter().x, list.Max.y - 10), ImVec2(0, -(list.GetHeight() - 20)), 4);
            ui.idle(0.2, 0.05);
        }
        ui.idle(1.5, 0.05);
    }
};

// Where the cue was drawn in the last frame: the runs of 更多 ↓ / more ↓.
std::vector<DrawnTextRun> cues(Lang lang) { return drawn_runs_of(ui_text("scroll_more", lang)); }

} // namespace

TEST_CASE("a scroll area with more below keeps a strip at its foot for the cue until its end", "[scroll_cue]") {
    List l;
    l.frame(0);
    CHECK(l.scroll.rows_clip().Max.y == 900);   // cues off (the normal mode): the rows take the viewport
    CHECK(l.touch.scroll_cues().empty());
    l.frame(40);
    CHECK(l.scroll.more_below());
    CHECK(l.scroll.rows_clip().Max.y == 860);
    REQUIRE(l.touch.scroll_cues().size() == 1);
    CHECK(l.touch.scroll_cues()[0].Max.y == 900);
    l.scroll.scroll_to(1200);   // at the end: nothing below, no strip, no cue
    l.frame(40);
    CHECK_FALSE(l.scroll.more_below());
    CHECK(l.scroll.rows_clip().Max.y == 900);
    CHECK(l.touch.scroll_cues().empty());
    l.viewport.Max.y = 200;   // too low for three strips: the rows keep it all
    l.scroll.reset();
    l.frame(40);
    CHECK(l.scroll.rows_clip().Max.y == 200);
    CHECK(l.touch.scroll_cues().empty());
}

TEST_CASE("In the accessible mode the map's place list and the search results show more below until scrolled to their end", "[scroll_cue][accessible]") {
    for (const Lang lang : {Lang::zh, Lang::en})
        for (const Route& route : {Route{ScreenId::map}, Route{ScreenId::search, "j"}}) {
            INFO(route_name(route) << (lang == Lang::zh ? " zh" : " en"));
            Portrait p(route, lang);
            const ImRect list = p.list();
            const std::vector<DrawnTextRun> at = cues(lang);
            REQUIRE(at.size() == 1);
            CHECK(list.Contains(at[0].at));   // at the list's foot, in the reach band
            CHECK(at[0].at.y > list.Max.y - list.GetHeight() * 0.4f);
            p.scroll_to_end(list);
            p.list();
            CHECK(cues(lang).empty());
        }
}

TEST_CASE("Without the accessible mode no list draws a scroll cue", "[scroll_cue]") {
    Portrait p(Route{ScreenId::search, "j"}, Lang::en, false);   // its results overflow
    p.list();
    CHECK(cues(Lang::en).empty());
}
