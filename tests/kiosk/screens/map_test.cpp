// The venue map and the route screens: the heading-up plan transform, the
// routes the command line names, headless taps on the demo venue (an area's
// card, 带我去, the step-free toggle, 在哪 on county, session and product pages
// and its absence where an item has no place), a feed without a
// venue, under Xvfb the route_url QR code read back by zbarimg, and the
// numbered markers and key of names too long for the plan.
//
// Index of this file:
// [SECTION] Helpers
// [SECTION] The plan, taps on it, routes and the route's QR code
// [SECTION] 在哪 / Where? on session, product and county pages
// [SECTION] Numbered markers and the key
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "feed/venue_route.h"
#include "drawn_text.h"
#include "headless_ui.h"
#include "run_kiosk.h"
#include "test_feeds.h"
#include "widgets/plan_transform.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

using namespace kiosk;
using namespace kiosk::test;

// [SECTION] Helpers
namespace {

struct Kiosk {
    KioskApp app;
    HeadlessUi ui;
    Kiosk(std::shared_ptr<const Feed> feed, Route start, std::string location = "entrance", int width = 1920, int height = 1080,
          Lang lang = Lang::zh)
        : app(std::move(feed), options(std::move(start), std::move(location), lang)), ui(app, width, height) {
        ui.idle(0.1);
    }
    static AppOptions options(Route start, std::string location, Lang lang) {
        AppOptions o;
        o.start = std::move(start);
        o.lang = lang;
        o.pinned_now = parse_iso8601("2020-05-16T20:30:00+08:00")->unix_seconds;
        o.kiosk_location = std::move(location);
        return o;
    }
};

// The layout at 1920×1080 (scale 1; top bar 96, title font 60 px, the 无障碍 strip's 88 px under the
// screen): map_screen.cpp and route_screen.cpp.
// Map: the plan box (32,208)–(1304,968), the plan inside it from (56,272) to (1280,944); the card's
// 带我去 button across its bottom, (1356,844)–(1860,940).
const PlanTransform kMapPlan(120, 80, 0, ImVec2(56, 272), ImVec2(1280, 944));
const ImVec2 kTakeMeThere(1608, 892);
// Route: the plan from (56,268) to (1220,944) under the floor tabs; the step-free toggle (1296,860)–(1860,940).
const PlanTransform kRoutePlan(120, 80, 0, ImVec2(56, 268), ImVec2(1220, 944));
const ImVec2 kStepFree(1578, 900);

// Whether the route's blue line (or a floor-change tag) has a vertex within `r` px of `at`.
bool route_ink_near(ImVec2 at, float r = 6, ImU32 colour = IM_COL32(37, 99, 235, 255)) {
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i)
        for (const ImDrawVert& v : data->CmdLists[i]->VtxBuffer)
            if (v.col == colour && std::hypot(v.pos.x - at.x, v.pos.y - at.y) <= r) return true;
    return false;
}

// The boxes of patches filled in `colour` below `below_y`: triangles wholly in that colour gathered
// into clusters (each within 1 px of the last), left to right and top to bottom.
std::vector<ImRect> colour_patches(ImU32 colour, float below_y = 96) {
    std::vector<ImRect> clusters;   // triangles wholly in `colour`, merged where they touch
    const ImDrawData* data = ImGui::GetDrawData();
    for (int i = 0; i < data->CmdListsCount; ++i) {
        const ImDrawList* list = data->CmdLists[i];
        for (int t = 0; t + 2 < list->IdxBuffer.Size; t += 3) {
            const ImDrawVert* v[3] = {&list->VtxBuffer[list->IdxBuffer[t]], &list->VtxBuffer[list->IdxBuffer[t + 1]],
                                      &list->VtxBuffer[list->IdxBuffer[t + 2]]};
            if (v[0]->col != colour || v[1]->col != colour || v[2]->col != colour || v[0]->pos.y <= below_y + 1) continue;
            ImRect tri(v[0]->pos, v[0]->pos);
            tri.Add(v[1]->pos);
            tri.Add(v[2]->pos);
            tri.Expand(1);
            for (auto c = clusters.begin(); c != clusters.end();) {   // absorb every cluster it touches
                if (c->Overlaps(tri)) {
                    tri.Add(*c);
                    c = clusters.erase(c);
                } else {
                    ++c;
                }
            }
            clusters.push_back(tri);
        }
    }
    std::sort(clusters.begin(), clusters.end(), [](const ImRect& a, const ImRect& b) {
        return a.Min.x != b.Min.x ? a.Min.x < b.Min.x : a.Min.y < b.Min.y;
    });
    return clusters;
}

// The boxes of button-sized patches filled in `colour` below the top bar (96 px): kept when 72 px high
// (t.px(72) and its border) and 80–400 px wide. The 在哪 / Where? button is the only primary button (the
// bar's red) on the session, product and county pages; red text and badges are not that shape.
std::vector<ImRect> button_boxes(ImU32 colour, float below_y = 96) {
    std::vector<ImRect> out;
    for (const ImRect& c : colour_patches(colour, below_y))
        if (c.GetHeight() >= 70 && c.GetHeight() <= 80 && c.GetWidth() >= 80 && c.GetWidth() <= 400) out.push_back(c);
    return out;
}

const ImU32 kPrimary = IM_COL32(168, 24, 36, 255);   // theme.bar: a primary button's fill
const ImU32 kMarker = IM_COL32(92, 62, 50, 255);     // floor_plan_view.cpp: a numbered marker's disc

// The map card's 带我去 / Take me there: the primary button 96 px high across its foot; taps it.
bool tap_take_me_there(Kiosk& k) {
    for (const ImRect& c : colour_patches(kPrimary))
        if (c.GetHeight() >= 90 && c.GetHeight() <= 104) {
            k.ui.tap(c.GetCenter());
            return true;
        }
    return false;
}

// The numbered markers' discs: those on the plan and those in the key below or beside it (further
// down or right), each in reading order: the plan's row by row, the key's column by column.
struct Discs {
    std::vector<ImRect> plan, key;
};
Discs marker_discs(bool portrait) {
    std::vector<ImRect> all = colour_patches(kMarker);
    const auto beyond = [portrait](const ImRect& a, const ImRect& b) { return portrait ? a.Min.y < b.Min.y : a.Min.x < b.Min.x; };
    std::sort(all.begin(), all.end(), beyond);   // the plan's first
    Discs d;
    for (std::size_t i = 0; i < all.size(); ++i) (i < all.size() / 2 ? d.plan : d.key).push_back(all[i]);
    std::sort(d.plan.begin(), d.plan.end(), [](const ImRect& a, const ImRect& b) {
        return std::lround(a.Min.y) != std::lround(b.Min.y) ? a.Min.y < b.Min.y : a.Min.x < b.Min.x;
    });
    std::sort(d.key.begin(), d.key.end(), [](const ImRect& a, const ImRect& b) {
        return std::lround(a.Min.x) != std::lround(b.Min.x) ? a.Min.x < b.Min.x : a.Min.y < b.Min.y;
    });
    return d;
}

// Taps the page's one 在哪 / Where? button, found by its fill; false when the page has none.
bool tap_where(Kiosk& k) {
    const auto boxes = button_boxes(kPrimary);
    if (boxes.empty()) return false;
    CHECK(boxes.size() == 1);
    k.ui.tap(boxes.front().GetCenter());
    return true;
}

} // namespace

// [SECTION] The plan, taps on it, routes and the route's QR code
TEST_CASE("the plan is drawn heading-up: what is ahead of the kiosk is at the top of the screen", "[map]") {
    const PlanPoint kiosk{60, 40};
    for (int heading : {0, 45, 90, 180, 270}) {
        INFO("heading " << heading);
        const PlanTransform plan(120, 80, heading, ImVec2(100, 200), ImVec2(1100, 900));
        const double a = heading * 3.14159265358979323846 / 180;
        const PlanPoint ahead{kiosk.x + 10 * std::sin(a), kiosk.y - 10 * std::cos(a)};
        const ImVec2 k = plan.to_screen(kiosk), p = plan.to_screen(ahead);
        CHECK(p.y < k.y - 10 * plan.pixels_per_metre() + 0.5f);   // straight up, the whole 10 m
        CHECK(p.x == Approx(k.x).margin(0.01));
        const PlanPoint back = plan.to_plan(p);   // and back again
        CHECK(back.x == Approx(ahead.x).margin(1e-3));
        CHECK(back.y == Approx(ahead.y).margin(1e-3));
        for (const PlanPoint c : {PlanPoint{0, 0}, PlanPoint{120, 0}, PlanPoint{0, 80}, PlanPoint{120, 80}}) {   // fits whole
            const ImVec2 s = plan.to_screen(c);
            CHECK(s.x >= 100 - 0.01f);
            CHECK(s.x <= 1100 + 0.01f);
            CHECK(s.y >= 200 - 0.01f);
            CHECK(s.y <= 900 + 0.01f);
        }
    }
    // 180: plan-south is up, so the plan's top-left corner ends at the bottom right.
    const PlanTransform turned(120, 80, 180, ImVec2(0, 0), ImVec2(1200, 800));
    CHECK(turned.to_screen({0, 0}).x == Approx(1200).margin(0.01));
    CHECK(turned.to_screen({0, 0}).y == Approx(800).margin(0.01));
}

TEST_CASE("a tap on the plan finds the smallest area there: a booth inside the market", "[map]") {
    const auto feed = demo_feed();
    CHECK(area_at(feed->venue, "1f", {72, 12})->id == "booth-jiaocheng");
    CHECK(area_at(feed->venue, "1f", {90, 20})->id == "market");
    CHECK(area_at(feed->venue, "2f", {72, 12})->id == "studio-1");
    CHECK(area_at(feed->venue, "1f", {60, 40}) == nullptr);   // the corridor
}

TEST_CASE("the command line names the map as map and the route to an area as map:AREA_ID", "[map]") {
    Route r;
    REQUIRE(parse_route("map", r));
    CHECK(r == Route{ScreenId::map, {}});
    REQUIRE(parse_route("map:studio-3", r));
    CHECK(r == Route{ScreenId::map_route, "studio-3"});
    CHECK(route_name(r) == "map:studio-3");
    CHECK(route_name(Route{ScreenId::map, {}}) == "map");
    CHECK_FALSE(parse_route("route:studio-3", r));
    CHECK(parse_route("map:", r));   // "map:" alone is the map
    CHECK(r == Route{ScreenId::map, {}});
}

TEST_CASE("a tap on an area opens its card and 带我去 opens the route to it but a drag selects nothing", "[map]") {
    Kiosk k(demo_feed(), Route{ScreenId::map, {}});
    k.ui.tap(kTakeMeThere);   // nothing chosen: the card is a hint without the button
    CHECK(k.app.route() == Route{ScreenId::map, {}});
    const ImVec2 booth = kMapPlan.to_screen({72, 12});
    k.ui.drag(booth, ImVec2(0, 200), 12, true);
    k.ui.tap(kTakeMeThere);
    CHECK(k.app.route() == Route{ScreenId::map, {}});
    k.ui.tap(booth);
    k.ui.tap(kTakeMeThere);
    CHECK(k.app.route() == Route{ScreenId::map_route, "booth-jiaocheng"});
    k.app.back();
    k.ui.idle(0.1);
    k.ui.tap(kMapPlan.to_screen({20, 55}));   // 交城展厅
    k.ui.tap(kTakeMeThere);
    CHECK(k.app.route() == Route{ScreenId::map_route, "jiaocheng-hall"});
}

TEST_CASE("the step-free toggle routes studio 3 by the lift instead of the stairs", "[map]") {
    const auto feed = demo_feed();
    CHECK(std::lround(route_to_area(feed->venue, "entrance", "studio-3").metres) == 114);
    CHECK(std::lround(route_to_area(feed->venue, "entrance", "studio-3", WalkOptions{true}).metres) == 134);
    Kiosk k(feed, Route{ScreenId::map_route, "studio-3"});
    const ImVec2 stairs = kRoutePlan.to_screen(feed->venue.node("1f-stairs")->at);
    const ImVec2 lift = kRoutePlan.to_screen(feed->venue.node("1f-lift")->at);
    CHECK(route_ink_near(stairs));
    CHECK_FALSE(route_ink_near(lift));
    k.ui.tap(kStepFree);
    CHECK(route_ink_near(lift));
    CHECK_FALSE(route_ink_near(stairs));
    k.ui.tap(kStepFree);
    CHECK(route_ink_near(stairs));
}

TEST_CASE("a route on the kiosk's own floor ends at a green pin on the door where the line ends", "[map]") {
    const auto feed = demo_feed();
    const ImVec2 door = kRoutePlan.to_screen(feed->venue.node("2f-studio-3-door")->at);
    const ImVec2 pin_head(door.x, door.y - 46);   // a circle of 22 px: its vertices lie on the rim
    const ImU32 green = IM_COL32(22, 128, 72, 255);   // theme.good
    {
        Kiosk k(feed, Route{ScreenId::map_route, "studio-3"}, "2f-c23");
        CHECK(route_ink_near(pin_head, 24, green));
        CHECK(route_ink_near(door));
    }
    {
        Kiosk k(feed, Route{ScreenId::map_route, "studio-3"});   // from the entrance: 1F shows first, without the pin
        CHECK_FALSE(route_ink_near(pin_head, 24, green));
    }
}

TEST_CASE("在哪 on a county page opens the route to its booth", "[map]") {
    Kiosk k(demo_feed(), Route{ScreenId::county, "jiaocheng"});
    k.ui.tap(ImVec2(1920 - 32 - 12, 96 + 24 + 30));   // the right end of the title row
    CHECK(k.app.route() == Route{ScreenId::map_route, "booth-jiaocheng"});
}

TEST_CASE("routes to unknown areas or from nowhere draw a message and a feed without a venue has no map", "[map]") {
    auto plain = std::make_shared<Feed>(*demo_feed());
    plain->venue = Venue{};
    for (County& c : plain->counties) c.booth_area.clear();
    plain->index();
    {
        Kiosk k(demo_feed(), Route{ScreenId::map_route, "atlantis"});
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
    }
    {
        Kiosk k(plain, Route{ScreenId::map, {}});
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
        k.ui.tap(ImVec2(960, 600));
        CHECK(k.app.route() == Route{ScreenId::map, {}});
        k.app.go(Route{ScreenId::map_route, "studio-3"});
        k.ui.idle(0.05);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
    }
    // Home: the fifth of six tiles is the map with a venue; without it that place is in the fourth of five (featured).
    const ImVec2 fifth(1430, 96 + 28 + 400);
    for (const bool with_venue : {true, false}) {
        Kiosk k(with_venue ? demo_feed() : std::shared_ptr<const Feed>(plain), Route{});
        INFO("with venue " << with_venue);
        k.ui.tap(fifth);
        CHECK((k.app.route() == Route{ScreenId::map, {}}) == with_venue);
    }
}

TEST_CASE("the route screen shows route_url as a QR code of the filled link and no QR code without it", "[xvfb][map]") {
    const auto dir = temp_dir("map-qr");
    const auto config = dir / "kiosk.json";
    std::ofstream(config) << R"({"route_url": "https://example.org/map?from={from}&to={to}&a={area}"})";
    struct Shot { std::string args, png, expect; };
    const std::vector<Shot> shots{
        {"--config '" + config.string() + "' --screen map:studio-3 --lang zh --size 1920x1080", "zh-l.png",
         "https://example.org/map?from=entrance&to=2f-studio-3-door&a=studio-3"},
        {"--config '" + config.string() + "' --screen map:booth-jiaocheng --lang en --size 1080x1920", "en-p.png",
         "https://example.org/map?from=entrance&to=1f-aisle-72&a=booth-jiaocheng"},
        {"--screen map:studio-3 --lang en --size 1920x1080", "none.png", ""},
    };
    for (const Shot& s : shots) {
        const auto png = dir / s.png;
        INFO(s.args);
        REQUIRE(run_kiosk(s.args + " --now 2020-05-16T20:30:00+08:00 --screenshot '" + png.string() + "'", kUnderXvfb,
                          (dir / (s.png + ".log")).string()) == 0);
        const std::string decoded = zbar_read(png);
        CHECK(decoded == s.expect);
    }
}

// [SECTION] 在哪 / Where? on session, product and county pages
TEST_CASE("在哪 on a session page opens the route to its area and on a product page to its county's booth", "[map]") {
    struct Case { Route page, expect; };
    const std::vector<Case> cases{
        {Route{ScreenId::session, "live-jiaocheng"}, Route{ScreenId::map_route, "jiaocheng-hall"}},
        {Route{ScreenId::session, "live-wenshui"}, Route{ScreenId::map_route, "wenshui-studio"}},
        {Route{ScreenId::session, "opening"}, Route{ScreenId::map_route, "main-hall"}},
        {Route{ScreenId::product, "jc-junzao"}, Route{ScreenId::map_route, "booth-jiaocheng"}},
        {Route{ScreenId::county, "wenshui"}, Route{ScreenId::map_route, "booth-wenshui"}},
    };
    const auto feed = demo_feed();
    for (const Case& c : cases)
        for (const bool portrait : {false, true}) {
            INFO(route_name(c.page) << (portrait ? " portrait" : " landscape"));
            Kiosk k(feed, c.page, "entrance", portrait ? 1080 : 1920, portrait ? 1920 : 1080);
            REQUIRE(k.app.route() == c.page);
            REQUIRE(tap_where(k));
            CHECK(k.app.route() == c.expect);
        }
}

TEST_CASE("a session, product or county with no place on the map has no 在哪 button", "[map]") {
    // The venue stays; the 交城 county loses its booth (so do its products) and live-jiaocheng its area.
    auto feed = std::make_shared<Feed>(*demo_feed());
    for (County& c : feed->counties)
        if (c.id == "jiaocheng") c.booth_area.clear();
    for (Session& s : feed->schedule)
        if (s.id == "live-jiaocheng") s.area.clear();
    feed->index();
    for (const Route& page : {Route{ScreenId::session, "live-jiaocheng"}, Route{ScreenId::product, "jc-junzao"},
                              Route{ScreenId::county, "jiaocheng"}}) {
        INFO(route_name(page));
        Kiosk k(feed, page);
        REQUIRE(k.app.route() == page);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
        CHECK(button_boxes(kPrimary).empty());
        k.ui.tap(ImVec2(1920 - 32 - 12, 96 + 24 + 30));   // where the county page's button was
        CHECK(k.app.route().screen != ScreenId::map_route);
    }
    // The same pages with their places have the button: the check above can fail.
    for (const Route& page : {Route{ScreenId::session, "live-jiaocheng"}, Route{ScreenId::product, "jc-junzao"},
                              Route{ScreenId::county, "jiaocheng"}}) {
        Kiosk k(demo_feed(), page);
        CHECK(button_boxes(kPrimary).size() == 1);
    }
}

// [SECTION] Numbered markers and the key
TEST_CASE("on a portrait panel the English map numbers the booths, and a tap on a marker or a key row opens its card", "[map]") {
    const auto feed = demo_feed();
    std::vector<std::string> booths;   // in feed order: the top row left to right, then the bottom row
    for (const Area& a : feed->venue.areas)
        if (a.kind == AreaKind::booth) booths.push_back(a.id);
    REQUIRE(booths.size() == 10);
    Kiosk k(feed, Route{ScreenId::map, {}}, "entrance", 1080, 1920, Lang::en);
    const Discs d = marker_discs(true);
    REQUIRE(d.plan.size() == 10);   // one on each booth
    REQUIRE(d.key.size() == 10);    // and a row each in the key, below the plan
    CHECK(d.plan.back().Max.y < d.key.front().Min.y);
    for (std::size_t i = 0; i < 10; ++i) {   // markers and key rows as big as a finger
        CHECK(d.plan[i].GetWidth() >= 40);
        if (i + 1 < 10 && d.key[i + 1].Min.x == d.key[i].Min.x) CHECK(d.key[i + 1].Min.y - d.key[i].Min.y >= 64);
    }
    CHECK_FALSE(tap_take_me_there(k));   // nothing chosen yet: the card is the hint and the key
    for (const std::size_t i : {std::size_t{0}, std::size_t{7}}) {
        INFO("key row " << i);
        // On the row's name, 30 px below its marker's centre: still the row (rows are 64 px high).
        k.ui.tap(ImVec2(d.key[i].GetCenter().x + 200, d.key[i].GetCenter().y + 30));
        REQUIRE(tap_take_me_there(k));
        CHECK(k.app.route() == Route{ScreenId::map_route, booths[i]});
        k.app.back();
        k.ui.idle(0.1);
    }
    for (const std::size_t i : {std::size_t{2}, std::size_t{6}}) {
        INFO("marker " << i);
        k.ui.tap(d.plan[i].GetCenter());
        REQUIRE(tap_take_me_there(k));
        CHECK(k.app.route() == Route{ScreenId::map_route, booths[i]});
        k.app.back();
        k.ui.idle(0.1);
    }
}

TEST_CASE("English landscape numbers the booths too, and Chinese, whose booth names fit, numbers nothing", "[map]") {
    const auto feed = demo_feed();
    {
        Kiosk k(feed, Route{ScreenId::map, {}}, "entrance", 1920, 1080, Lang::en);
        const Discs d = marker_discs(false);
        CHECK(d.plan.size() == 10);
        CHECK(d.key.size() == 10);   // beside the plan
        k.ui.tap(ImVec2(d.key[3].GetCenter().x + 200, d.key[3].GetCenter().y - 30));
        REQUIRE(tap_take_me_there(k));
        CHECK(k.app.route() == Route{ScreenId::map_route, "booth-linxian"});
    }
    for (const bool portrait : {false, true}) {
        INFO((portrait ? "portrait" : "landscape"));
        Kiosk k(feed, Route{ScreenId::map, {}}, "entrance", portrait ? 1080 : 1920, portrait ? 1920 : 1080, Lang::zh);
        CHECK(ImGui::GetDrawData()->TotalVtxCount > 0);
        CHECK(colour_patches(kMarker).empty());
    }
}

TEST_CASE("the route's plan draws no area name below the readable size in either language or orientation", "[map]") {
    const auto feed = demo_feed();
    for (const Lang lang : {Lang::en, Lang::zh})
        for (const bool portrait : {false, true}) {
            INFO((lang == Lang::en ? "en " : "zh ") << (portrait ? "portrait" : "landscape"));
            Kiosk k(feed, Route{ScreenId::map_route, "booth-linxian"}, "entrance", portrait ? 1080 : 1920, portrait ? 1920 : 1080, lang);
            int names_drawn = 0;
            for (const Area& a : feed->venue.areas) {
                if (a.floor != "1f") continue;
                for (const float size : drawn_text_sizes(a.name.in(lang))) {
                    INFO(a.id << " at " << size << " px");
                    CHECK(size >= 21.5f);   // kReadableLabelPx at a 1080-pixel panel's scale of 1
                    ++names_drawn;
                }
            }
            CHECK(names_drawn >= 3);   // the halls and the destination in the title still say where
        }
}
