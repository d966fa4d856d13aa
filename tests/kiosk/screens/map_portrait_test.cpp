// The map overview and the route screen in portrait (issue 19), headless: the route's words card as tall
// as its content at the bottom, its steps in the title font, the plan over it zoomed in on the route
// (focused_plan) so the booths' names are drawn; the overview's card lists every place of the floor in
// large type, each row opening the place's card.
#include "app/app.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "screens/map_layout.h"
#include "screens/route_layout.h"
#include "test_feeds.h"
#include "widgets/plan_transform.h"

#include "widgets/accessible_button.h"

#include <catch2/catch.hpp>

#include <imgui_internal.h>

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct PortraitKiosk {
    KioskApp app;
    HeadlessUi ui;
    PortraitKiosk(Route start, Lang lang) : app(demo_feed(), options(std::move(start), lang)), ui(app, 1080, 1920) { ui.idle(0.1); }
    static AppOptions options(Route start, Lang lang) {
        AppOptions o;
        o.start = std::move(start);
        o.lang = lang;
        o.pinned_now = parse_iso8601("2020-05-16T20:30:00+08:00")->unix_seconds;
        o.kiosk_location = "entrance";
        return o;
    }
};

// Where the last frame drew `text` `size` px high (within a pixel), the lowest such run when several:
// the top left of its first glyph; none: (-1, -1).
ImVec2 drawn_at(const std::string& text, float size) {
    ImVec2 lowest(-1, -1);
    for (const DrawnTextRun& run : drawn_runs_of(text))
        if (std::abs(run.size - size) <= 1 && run.at.y > lowest.y) lowest = run.at;
    return lowest;
}

bool inside(const ImRect& r, ImVec2 p) { return p.x >= r.Min.x - 0.5f && p.x <= r.Max.x + 0.5f && p.y >= r.Min.y - 0.5f && p.y <= r.Max.y + 0.5f; }

} // namespace

TEST_CASE("focused_plan zooms in on its points keeps them in view and stays on the plan", "[map][portrait]") {
    const ImRect box(ImVec2(56, 300), ImVec2(1024, 1500));
    for (const double heading : {0.0, 90.0, 45.0, 180.0}) {
        INFO("heading " << heading);
        const PlanTransform whole(120, 80, heading, box.Min, box.Max);
        // Entrance to a booth: a route of one leg, portrait-shaped at heading 0.
        const std::vector<PlanPoint> route = {{60, 78}, {60, 50}, {95, 50}, {95, 12}};
        const PlanTransform zoomed = focused_plan(120, 80, heading, box.Min, box.Max, route, 10, 2.5);
        CHECK(zoomed.pixels_per_metre() >= whole.pixels_per_metre());
        CHECK(zoomed.pixels_per_metre() <= 2.5f * whole.pixels_per_metre() + 1e-3f);
        for (const PlanPoint& p : route) CHECK(inside(box, zoomed.to_screen(p)));
        // One point: as far in as allowed, the point in view.
        const PlanTransform one = focused_plan(120, 80, heading, box.Min, box.Max, {{110, 75}}, 10, 2.5);
        CHECK(one.pixels_per_metre() == Approx(2.5f * whole.pixels_per_metre()));
        CHECK(inside(box, one.to_screen({110, 75})));
        // The whole floor as focus, or none: the whole floor fitted.
        CHECK(focused_plan(120, 80, heading, box.Min, box.Max, {{0, 0}, {120, 80}}, 10, 2.5).pixels_per_metre() ==
              Approx(whole.pixels_per_metre()));
        CHECK(focused_plan(120, 80, heading, box.Min, box.Max, {}, 10, 2.5).pixels_per_metre() == Approx(whole.pixels_per_metre()));
    }
    // Heading 0: the view is narrower than the floor across, so it stays on the floor across.
    const PlanTransform corner = focused_plan(120, 80, 0, box.Min, box.Max, {{118, 78}}, 10, 2.5);
    CHECK(corner.to_plan(box.Max).x == Approx(120).margin(0.01));
    CHECK(corner.to_plan(box.Min).x > 0);
}

TEST_CASE("The route's portrait card is as tall as its content and the plan takes the rest", "[map][portrait]") {
    const Theme t;
    const ImRect body(ImVec2(32, 116), ImVec2(1048, 1896));
    const RoutePortrait short_route = route_portrait_layout(t, body, 300);
    CHECK(short_route.panel.Max.y == body.Max.y);
    CHECK(short_route.panel.GetHeight() == Approx(300 + 2 * 28));
    CHECK(short_route.plan.Min.y == body.Min.y);
    CHECK(short_route.plan.Max.y == Approx(short_route.panel.Min.y - 20));
    CHECK(short_route.plan.GetHeight() > 1300);   // the plan is most of the page
    CHECK(route_portrait_layout(t, body, 3000).panel.GetHeight() == Approx(body.GetHeight() * 0.5f));
}

TEST_CASE("A one-leg route in portrait: its step in the title font under a zoomed plan that names the booths", "[map][portrait]") {
    for (const Lang lang : {Lang::en, Lang::zh}) {
        INFO((lang == Lang::en ? "en" : "zh"));
        PortraitKiosk k(Route{ScreenId::map_route, "booth-linxian"}, lang);
        const std::string step = lang == Lang::en ? "Walk 95 m to Linxian booth" : "步行 95 米到临县展位";
        const std::vector<float> sizes = drawn_text_sizes(step);
        REQUIRE(sizes.size() == 1);
        CHECK(sizes.front() >= 59);   // the title font (60 px at scale 1)
        CHECK(drawn_at(step, sizes.front()).y > 1500);   // in the card at the bottom
        // Booths away from the destination are named on the plan (before the zoom, English numbered none here).
        for (const Area& a : k.app.feed().venue.areas)
            if (a.kind == AreaKind::booth && a.id != "booth-linxian") {
                INFO(a.id);
                CHECK(drew_text(a.name.in(lang)));
            }
        // The step-free toggle at the card's foot (the area ends at the accessible strip) still answers.
        k.ui.tap(ImVec2(540, 1920 - kAccessibleStripHeight - 24 - 28 - 40));
        CHECK(drew_text(lang == Lang::en ? "Step-free route: on" : "无障碍路线：开"));
    }
}

TEST_CASE("The portrait map's card lists every place of the floor and a row opens its card", "[map][portrait]") {
    const Theme t;
    const MapDirectory d = map_directory(t, ImRect(ImVec2(60, 1100), ImVec2(1020, 1860)), 20);
    REQUIRE(d.fits());
    CHECK(d.rows == 10);
    CHECK(d.row_h >= t.touch_min());
    CHECK(d.row(19).Max.y <= 1860);
    CHECK(d.row(10).Min.x > d.row(9).Max.x);   // column by column
    CHECK(map_directory(t, ImRect(ImVec2(60, 1100), ImVec2(1020, 1860)), 4).step == t.px(112));   // grown, not without end
    const MapDirectory three = map_directory(t, ImRect(ImVec2(60, 1300), ImVec2(1020, 1860)), 20);
    CHECK(three.columns == 3);   // two would not fit
    CHECK(three.rows == 7);
    CHECK(three.row(19).Max.y <= 1860);
    CHECK_FALSE(map_directory(t, ImRect(ImVec2(60, 1500), ImVec2(1020, 1860)), 20).fits());      // whole or not at all

    for (const Lang lang : {Lang::zh, Lang::en}) {
        INFO((lang == Lang::en ? "en" : "zh"));
        PortraitKiosk k(Route{ScreenId::map, {}}, lang);
        for (const Area& a : k.app.feed().venue.areas)
            if (a.floor == "1f") {
                INFO(a.id);
                CHECK(drawn_at(a.name.in(lang), 40).y > 1000);   // in the heading font, under the plan
            }
        const std::string toilets = lang == Lang::en ? "Toilets" : "卫生间";
        const ImVec2 row = drawn_at(toilets, 40);
        REQUIRE(row.y > 0);
        k.ui.tap(ImVec2(row.x + 20, row.y + 10));
        CHECK(drew_text(lang == Lang::en ? "Take me there" : "带我去"));
        // A place without products keeps the other places listed under its own card, to tap on from there.
        const std::string aid = lang == Lang::en ? "First aid" : "医务室";
        const ImVec2 next = drawn_at(aid, 28);   // three columns in the body font under the toilets' card
        REQUIRE(next.y > 1000);
        k.ui.tap(ImVec2(next.x + 20, next.y + 10));
        k.ui.idle(0.1);
        const ImVec2 go = drawn_at(lang == Lang::en ? "Take me there" : "带我去", 60);
        REQUIRE(go.y > 0);
        k.ui.tap(ImVec2(go.x + 10, go.y + 10));
        CHECK(k.app.route() == Route{ScreenId::map_route, "first-aid"});
    }
}
