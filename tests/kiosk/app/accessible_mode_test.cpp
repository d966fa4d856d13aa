// [Issue 19] The 无障碍 / Accessible mode, headless: its button on every visitor screen in
// landscape and portrait, low enough to reach; a tap switches the mode on (1.5× fonts once the
// worker's atlas arrives, the high-contrast palette), a second tap off; the idle reset ends it,
// after three times the idle time; in the mode every touch target of every visitor screen lies
// in the reach band of the default panel.
#include "app/app.h"
#include "app_options_at.h"
#include "base/timestamp.h"
#include "headless_ui.h"
#include "service/reach_band.h"
#include "service/usage_stats.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <chrono>
#include <string>
#include <vector>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kEvening = "2020-05-16T20:30:00+08:00";

struct Display {
    const char* name;
    int width, height;
};
const Display kDisplays[] = {{"landscape", 1920, 1080}, {"portrait", 1080, 1920}};

// Every visitor screen (the attract loop is none: any touch leaves it).
std::vector<Route> visitor_routes() {
    return {Route{},
            Route{ScreenId::schedule},
            Route{ScreenId::session, "live-jiaocheng"},
            Route{ScreenId::catalogue},
            Route{ScreenId::county, "wenshui"},
            Route{ScreenId::product, "jc-tiaoliaomian"},
            Route{ScreenId::live},
            Route{ScreenId::search},
            Route{ScreenId::search, "jcjz"},
            Route{ScreenId::map},
            Route{ScreenId::map_route, "booth-jiaocheng"}};
}

AppOptions options(Lang lang, const Route& start, bool accessible = false) {
    AppOptions o = app_options_at(lang, start, parse_iso8601(kEvening)->unix_seconds);
    o.accessible = accessible;
    return o;
}

std::string describe(const ImRect& r) {
    return "(" + std::to_string(r.Min.x) + ", " + std::to_string(r.Min.y) + ")–(" + std::to_string(r.Max.x) + ", " +
           std::to_string(r.Max.y) + ")";
}

} // namespace

TEST_CASE("the accessible button is on every visitor screen in the lower part and within reach", "[accessible]") {
    for (const Display& d : kDisplays)
        for (const Route& route : visitor_routes())
            for (const bool on : {false, true}) {
                INFO(d.name << " " << route_name(route) << (on ? " in the mode" : ""));
                KioskApp app(demo_feed(), options(Lang::zh, route, on));
                HeadlessUi ui(app, d.width, d.height);
                ui.idle(0.1);
                const ImRect b = app.accessible_button();
                REQUIRE(b.GetWidth() > 0);
                const ReachBand band(PanelGeometry{}, float(d.width), float(d.height));
                CHECK(b.Min.y >= d.height * 0.5f);   // the lower half of the screen
                CHECK(band.contains_rows(b.Min.y, b.Max.y));
                // Large: well over the 15 mm minimum each way, and over the 64 px of the theme.
                CHECK(b.GetHeight() >= 2 * band.min_target_px());
                CHECK(b.GetWidth() >= 2 * band.min_target_px());
                CHECK(b.GetHeight() >= app.theme().touch_min());
            }
}

TEST_CASE("the attract loop has no accessible button", "[accessible]") {
    KioskApp app(demo_feed(), options(Lang::zh, Route{ScreenId::attract}));
    HeadlessUi ui(app);
    ui.idle(0.1);
    CHECK(app.accessible_button().GetWidth() == 0);
}

TEST_CASE("a tap on the accessible button switches the mode on with 1.5x fonts and a second tap off", "[accessible]") {
    for (const Display& d : kDisplays) {
        INFO(d.name);
        UsageCounter usage;
        AppOptions o = options(Lang::zh, Route{ScreenId::schedule});
        o.usage = &usage;
        KioskApp app(demo_feed(), o);
        HeadlessUi ui(app, d.width, d.height);
        ui.idle(0.1);
        const float body = app.theme().fonts.body->FontSize;
        const float title = app.theme().fonts.title->FontSize;
        const ImU32 text = app.theme().text;
        REQUIRE_FALSE(app.accessible());
        ui.tap(app.accessible_button().GetCenter());
        CHECK(app.accessible());
        CHECK(app.route().screen == ScreenId::schedule);   // nothing beneath the button fired
        CHECK(app.theme().text != text);                   // the high-contrast palette at once
        // The 1.5× sizes come from the worker; until then the normal ones draw.
        for (int i = 0; i < 600 && !app.theme().large_fonts_shown(); ++i) {
            ui.fonts().wait();
            ui.idle(1.0 / 60);
        }
        REQUIRE(app.theme().large_fonts_shown());
        CHECK(app.theme().fonts.body->FontSize == Approx(body * kLargeTextScale).margin(1));
        CHECK(app.theme().fonts.title->FontSize == Approx(title * kLargeTextScale).margin(1));
        CHECK(app.theme().fonts_for(Lang::en).body->FontSize == Approx(body * kLargeTextScale).margin(1));
        // Chinese in the big sizes: every glyph of the schedule's texts is in the atlas, none drawn as a box.
        CHECK(app.theme().fonts.body->FindGlyphNoFallback(0x65E5) != nullptr);   // 日
        CHECK(app.theme().fonts.title->FindGlyphNoFallback(0x969C) != nullptr);  // 障
        CHECK(usage.take(std::chrono::system_clock::now()).accessible_mode == 1);

        ui.tap(app.accessible_button().GetCenter());
        CHECK_FALSE(app.accessible());
        CHECK(app.theme().text == text);
        CHECK(app.theme().fonts.body->FontSize == Approx(body));
        CHECK(app.route().screen == ScreenId::schedule);
    }
}

TEST_CASE("the idle reset switches the accessible mode off after three times the idle time", "[accessible]") {
    AppOptions o = options(Lang::zh, Route{ScreenId::catalogue});
    o.idle_seconds = 20;
    KioskApp app(demo_feed(), o);
    HeadlessUi ui(app);
    ui.idle(0.1);
    ui.tap(app.accessible_button().GetCenter());
    REQUIRE(app.accessible());
    CHECK(app.idle_seconds() == Approx(60));
    ui.idle(25, 0.25);   // past the normal idle time: still there, still in the mode
    CHECK(app.route().screen == ScreenId::catalogue);
    CHECK(app.accessible());
    ui.idle(36, 0.25);   // past three times it
    CHECK(app.route().screen == ScreenId::attract);
    CHECK_FALSE(app.accessible());
    CHECK(app.idle_seconds() == Approx(20));
}

TEST_CASE("in the accessible mode the Still there countdown comes three times as long before the reset", "[accessible]") {
    AppOptions o = options(Lang::zh, Route{ScreenId::product, "jc-tiaoliaomian"}, true);
    o.idle_seconds = 90;
    KioskApp app(demo_feed(), o);
    HeadlessUi ui(app);
    ui.idle(240, 0.5);   // 270 − 30: not yet
    CHECK_FALSE(app.still_there_shown());
    ui.idle(1.5, 0.5);
    CHECK(app.still_there_shown());
    CHECK(app.accessible());
    ui.idle(30, 0.5);
    CHECK(app.route().screen == ScreenId::attract);
    CHECK_FALSE(app.accessible());
}

TEST_CASE("in the accessible mode every touch target of every visitor screen lies in the reach band", "[accessible]") {
    for (const Display& d : kDisplays)
        for (const Lang lang : {Lang::zh, Lang::en})
            for (const Route& route : visitor_routes()) {
                INFO(d.name << " " << (lang == Lang::zh ? "zh " : "en ") << route_name(route));
                KioskApp app(demo_feed(), options(lang, route, true));
                HeadlessUi ui(app, d.width, d.height);
                ui.idle(0.1);
                std::vector<TouchTarget> targets;
                app.record_touch_targets(&targets);
                ui.idle(1.0 / 60);
                app.record_touch_targets(nullptr);
                REQUIRE_FALSE(targets.empty());
                const ReachBand& band = app.reach_band();
                CHECK(band.top() > 0);   // the default panel reaches above 1220 mm: the mode moved things
                const ImRect glass(ImVec2(0, 0), ImVec2(float(d.width), float(d.height)));
                int outside = 0;
                for (const TouchTarget& t : targets) {
                    if (t.kind == TouchTarget::gesture) continue;   // staff's corner hold, not the visitors'
                    ImRect r = t.rect;
                    r.ClipWithFull(glass);   // what a finger can reach of it
                    if (r.GetWidth() <= 0 || r.GetHeight() <= 0) continue;
                    if (!band.contains_rows(r.Min.y, r.Max.y)) {
                        ++outside;
                        UNSCOPED_INFO("outside the band " << band.top() << "–" << band.bottom() << ": " << describe(r));
                    }
                }
                CHECK(outside == 0);
            }
}

TEST_CASE("without the mode the top bar stays at the top of the default panel above the band", "[accessible]") {
    KioskApp app(demo_feed(), options(Lang::zh, Route{ScreenId::schedule}));
    HeadlessUi ui(app, 1080, 1920);
    ui.idle(0.1);
    std::vector<TouchTarget> targets;
    app.record_touch_targets(&targets);
    ui.idle(1.0 / 60);
    app.record_touch_targets(nullptr);
    const ReachBand& band = app.reach_band();
    const bool some_above = std::any_of(targets.begin(), targets.end(), [&](const TouchTarget& t) {
        return t.kind != TouchTarget::gesture && t.rect.Max.y < band.top();   // staff's corner hold aside
    });
    CHECK(some_above);   // the audit's finding the mode answers: Home, Back and 中文/EN out of reach
}

namespace {

// The box of the last frame's solid black fills (a QR code's modules: rectangles, not glyphs), each vertex as
// drawn; `clipped` counts the vertices a clip rectangle cut off (a code cut is a code that opens nothing).
ImRect drawn_black_fills(int& clipped) {
    const ImDrawData* data = ImGui::GetDrawData();
    const ImVec2 white_uv = ImGui::GetIO().Fonts->TexUvWhitePixel;
    ImRect box(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
    clipped = 0;
    for (int l = 0; l < data->CmdListsCount; ++l) {
        const ImDrawList* list = data->CmdLists[l];
        if (list == ImGui::GetForegroundDrawList()) continue;
        for (const ImDrawCmd& cmd : list->CmdBuffer)
            for (unsigned int i = 0; i < cmd.ElemCount; ++i) {
                const ImDrawVert& v = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
                if (v.col != IM_COL32_BLACK || v.uv.x != white_uv.x || v.uv.y != white_uv.y) continue;
                box.Add(v.pos);
                if (v.pos.x < cmd.ClipRect.x || v.pos.x > cmd.ClipRect.z || v.pos.y < cmd.ClipRect.y || v.pos.y > cmd.ClipRect.w) ++clipped;
            }
    }
    return box;
}

} // namespace

TEST_CASE("in the accessible mode the product and session pages draw their QR code above the band whole and large", "[accessible]") {
    for (const Display& d : kDisplays)
        for (const Lang lang : {Lang::zh, Lang::en})
            for (const Route& route : {Route{ScreenId::product, "jc-junzao"}, Route{ScreenId::session, "live-jiaocheng"}}) {
                INFO(d.name << " " << (lang == Lang::zh ? "zh " : "en ") << route_name(route));
                KioskApp app(demo_feed(), options(lang, route, true));
                HeadlessUi ui(app, d.width, d.height);
                ui.idle(0.1);
                int clipped = 0;
                const ImRect code = drawn_black_fills(clipped);
                REQUIRE(code.GetWidth() > 0);
                const ReachBand& band = app.reach_band();
                CHECK(code.Max.y <= band.top());   // in the room the mode left above the band
                CHECK(clipped == 0);
                CHECK(std::abs(code.GetWidth() - code.GetHeight()) <= code.GetWidth() * 0.1f);   // a square: one code
                // Larger than the band could hold: over 200 px at 1080p, well over 300 in portrait.
                CHECK(code.GetHeight() >= (d.height > d.width ? 300.0f : 150.0f));
            }
}

TEST_CASE("without the mode the product page's QR code stays below the top bar", "[accessible]") {
    for (const Display& d : kDisplays) {
        INFO(d.name);
        KioskApp app(demo_feed(), options(Lang::zh, Route{ScreenId::product, "jc-junzao"}));
        HeadlessUi ui(app, d.width, d.height);
        ui.idle(0.1);
        int clipped = 0;
        const ImRect code = drawn_black_fills(clipped);
        REQUIRE(code.GetWidth() > 0);
        CHECK(code.Min.y >= app.theme().px(96));   // the top bar (96 px at 1080p) above it
        CHECK(clipped == 0);
    }
}
