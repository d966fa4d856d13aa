// [Issue 19] The accessibility audit, from the headless draw lists: every visitor screen of the demo
// event at a pinned clock, zh and en, landscape 1920×1080 and portrait 1080×1920, without and with the
// accessible mode, on the default panel of config (AppOptions::panel: 55", its lower edge 750 mm up):
// - every touch target (each rect a frame asks TouchInput::tapped about, recorded with its name) is at
//   least 15 mm wide and high on the panel, and apart from every other target: no overlap and a gap of
//   at least 1 mm between the parts of two distinct controls on screen;
// - every run of text has a contrast of at least 4.5:1 (WCAG 2) against what was drawn beneath it,
//   7:1 in the accessible mode;
// - in the accessible mode every control and scrolling list lies 380–1220 mm above the floor.
// A failure names the screen, the language, the orientation, the control or text and the measure.
#include "app/app.h"
#include "service/reach_band.h"
#include "app_options_at.h"
#include "drawn_contrast.h"
#include "headless_ui.h"
#include "test_feeds.h"
#include "widgets/contrast.h"
#include "widgets/widgets.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;

namespace {

constexpr float kMinTargetMm = static_cast<float>(kMinTouchTargetMm);   // 15 mm, EN 301 549
constexpr float kMinGapMm = 1;   // "apart from its neighbours": no overlap and at least 1 mm between
// WCAG 2 for text (asked of every size): AA, and AAA in the accessible mode.
double min_contrast(bool accessible) { return accessible ? 7.0 : 4.5; }

const char* const kNow = "2020-05-16T20:30:00+08:00";   // during the 交城 live sale: something on air

// A visitor screen as the audit visits it: its --screen name, and a target tapped there first (optional).
// The attract loop is visited without the mode only: the idle reset that starts it ends the mode.
struct Visit {
    const char* screen;
    const char* then_tap = nullptr;   // the name of a target to tap (at its centre) before the audit's frame
    // In the accessible mode, where then_tap lies above the reach band untouchable (the map's plan): what to tap instead.
    const char* then_tap_accessible = nullptr;
};
const Visit kVisits[] = {
    {"home"}, {"schedule"}, {"session:live-jiaocheng"}, {"session:opening"}, {"catalogue"}, {"county:jiaocheng"},
    {"product:jc-junzao"}, {"live"}, {"attract"}, {"search"}, {"search:jcjz"}, {"map"},
    // The area at the plan's centre chosen: its card with 带我去 / Take me there. In the accessible mode the plan is
    // above the reach band: a county's booth chosen from the place list in the band.
    {"map", "floor plan", "booth-jiaocheng"},
    {"map:booth-jiaocheng"},       // the route there
};

// What one frame of one screen showed.
struct Shot {
    std::string where;   // "product:jc-junzao en portrait" (+ " accessible")
    ImVec2 display;
    ReachBand band;      // the panel under the display: its mm, the rows 380–1220 mm above the floor
    bool accessible;
    std::vector<TouchTarget> targets;
    std::vector<DrawnRun> runs;
};

std::string visit_name(const Visit& v) {
    return v.then_tap ? std::string(v.screen) + " (" + v.then_tap + " tapped)" : std::string(v.screen);
}

// One frame of the app's current screen, its targets recorded.
void shoot(KioskApp& app, HeadlessUi& ui, Shot& shot) {
    app.record_touch_targets(&shot.targets, ImGui::GetBackgroundDrawList());
    ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
    app.record_touch_targets(nullptr);
    shot.runs = drawn_text_runs(Theme{}.background);
}

// Every visit in `lang` on a display of `display`, one app for them all (as a visitor goes from screen to screen).
void shoot_all(Lang lang, ImVec2 display, bool accessible, std::vector<Shot>& shots) {
    AppOptions options = app_options_at(lang, Route{}, parse_iso8601(kNow)->unix_seconds);
    options.kiosk_location = "entrance";   // the demo venue's: the map shows "you are here", routes start there
    options.accessible = accessible;
    KioskApp app(demo_feed(), options);
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    const bool portrait = display.y > display.x;
    ui.idle(0.05);
    for (const Visit& v : kVisits) {
        if (accessible && std::string_view(v.screen) == "attract") continue;
        Route route;
        REQUIRE(parse_route(v.screen, route));
        app.go(route);
        ui.idle(0.1);
        INFO(visit_name(v));
        REQUIRE(app.accessible() == accessible);
        Shot shot{visit_name(v) + (lang == Lang::zh ? " zh " : " en ") + (portrait ? "portrait" : "landscape") +
                      (accessible ? " accessible" : ""),
                  display, ReachBand(options.panel, display.x, display.y), accessible, {}, {}};
        if (v.then_tap) {
            shoot(app, ui, shot);
            const char* tap = accessible && v.then_tap_accessible ? v.then_tap_accessible : v.then_tap;
            const auto it = std::find_if(shot.targets.begin(), shot.targets.end(),
                                         [&](const TouchTarget& t) { return t.name == tap; });
            std::string names;
            for (const TouchTarget& t : shot.targets) names += " '" + t.name + "'";
            INFO(shot.where << ": no " << tap << " among" << names);
            REQUIRE(it != shot.targets.end());
            ui.tap(it->visible.GetCenter());
            ui.idle(0.1);
            shot.targets.clear();
        }
        shoot(app, ui, shot);
        shots.push_back(std::move(shot));
    }
}

// Every screen, both languages, both orientations; once per test process.
const std::vector<Shot>& all_shots() {
    static const std::vector<Shot> shots = [] {
        std::vector<Shot> s;
        for (const bool accessible : {false, true})
            for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
                for (const Lang lang : {Lang::zh, Lang::en}) shoot_all(lang, display, accessible, s);
        return s;
    }();
    return shots;
}

std::string mm(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f mm", static_cast<double>(v));
    return buf;
}

std::string hex(ImU32 c) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c & 0xFF, (c >> 8) & 0xFF, (c >> 16) & 0xFF);
    return buf;
}

std::string target_name(const TouchTarget& t) {
    if (!t.name.empty()) return "'" + t.name + "'";
    char buf[96];
    std::snprintf(buf, sizeof buf, "the unnamed target at (%.0f,%.0f)-(%.0f,%.0f)", static_cast<double>(t.rect.Min.x),
                  static_cast<double>(t.rect.Min.y), static_cast<double>(t.rect.Max.x), static_cast<double>(t.rect.Max.y));
    return buf;
}

// The distinct controls on screen: each rect once (a screen may ask about one rect twice), the named one kept;
// with `lists`, the scrolling lists' viewports too (a finger drags them), else the tapped controls alone.
std::vector<TouchTarget> distinct_on_screen(const std::vector<TouchTarget>& targets, bool lists = false) {
    std::vector<TouchTarget> out;
    for (const TouchTarget& t : targets) {
        if (t.visible.GetWidth() <= 0 || t.visible.GetHeight() <= 0) continue;   // scrolled out of view
        if (t.kind == TouchTarget::held || (t.kind == TouchTarget::scroll && !lists)) continue;   // held: a tapped rect's look
        auto same = std::find_if(out.begin(), out.end(), [&](const TouchTarget& o) {
            return o.rect.Min.x == t.rect.Min.x && o.rect.Min.y == t.rect.Min.y && o.rect.Max.x == t.rect.Max.x &&
                   o.rect.Max.y == t.rect.Max.y;
        });
        if (same == out.end()) out.push_back(t);
        else if (same->name.empty()) same->name = t.name;
    }
    return out;
}

// What is wrong with the shot's touch targets, one line each.
std::vector<std::string> target_failures(const Shot& s) {
    std::vector<std::string> failures;
    const float px_per_mm = static_cast<float>(s.band.px_per_mm());
    const std::vector<TouchTarget> targets = distinct_on_screen(s.targets);
    for (const TouchTarget& t : targets) {
        // The whole rect: a list's row cut by its edge comes whole into view when scrolled.
        const float w = t.rect.GetWidth() / px_per_mm, h = t.rect.GetHeight() / px_per_mm;
        if (w < kMinTargetMm) failures.push_back(s.where + ": " + target_name(t) + " is " + mm(w) + " wide (< " + mm(kMinTargetMm) + ")");
        if (h < kMinTargetMm) failures.push_back(s.where + ": " + target_name(t) + " is " + mm(h) + " high (< " + mm(kMinTargetMm) + ")");
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j) {
            const ImRect& a = targets[i].visible;
            const ImRect& b = targets[j].visible;
            const float dx = std::max(a.Min.x - b.Max.x, b.Min.x - a.Max.x) / px_per_mm;
            const float dy = std::max(a.Min.y - b.Max.y, b.Min.y - a.Max.y) / px_per_mm;
            const std::string pair = target_name(targets[i]) + " and " + target_name(targets[j]);
            if (dx < 0 && dy < 0)
                failures.push_back(s.where + ": " + pair + " overlap by " + mm(-dx) + " x " + mm(-dy));
            else {
                const float gap = dx > 0 && dy > 0 ? std::hypot(dx, dy) : std::max(dx, dy);
                if (gap < kMinGapMm) failures.push_back(s.where + ": " + pair + " are " + mm(gap) + " apart (< " + mm(kMinGapMm) + ")");
            }
        }
    return failures;
}

// What is wrong with the shot's text contrast, one line per text, colour and background.
std::vector<std::string> contrast_failures(const Shot& s) {
    std::vector<std::string> failures;
    std::set<std::string> said;
    for (const DrawnRun& run : s.runs) {
        const double ratio = run.contrast();
        if (ratio >= min_contrast(s.accessible)) continue;
        char measure[64];
        std::snprintf(measure, sizeof measure, "%.2f:1 (< %.1f:1)", ratio, min_contrast(s.accessible));
        const std::string under = run.on_picture() ? "a picture under " + hex(run.under_dark) + "/" + hex(run.under_light)
                                                   : hex(run.under_dark);
        char at[48];
        std::snprintf(at, sizeof at, " at (%.0f,%.0f)", static_cast<double>(run.box.Min.x), static_cast<double>(run.box.Min.y));
        const std::string line = s.where + ": text \"" + run.text + "\"" + at + " " + hex(run.colour) + " on " + under + " is " + measure;
        if (said.insert(line).second) failures.push_back(line);
    }
    return failures;
}

// Controls and lists of the accessible mode outside the reach band, one line each.
std::vector<std::string> reach_failures(const Shot& s) {
    std::vector<std::string> failures;
    const ImRect glass(ImVec2(0, 0), s.display);
    for (TouchTarget t : distinct_on_screen(s.targets, true)) {
        t.visible.ClipWithFull(glass);
        if (s.band.contains_rows(t.visible.Min.y, t.visible.Max.y)) continue;
        const std::string what = t.kind == TouchTarget::scroll ? "the scrolling list at y " + std::to_string(int(t.rect.Min.y)) : target_name(t);
        const double top = s.band.row_height_mm(t.visible.Min.y), bottom = s.band.row_height_mm(t.visible.Max.y);
        if (top > kReachHighMm + 0.5)
            failures.push_back(s.where + ": " + what + " reaches " + mm(float(top)) + " above the floor (> " + mm(float(kReachHighMm)) + ")");
        if (bottom < kReachLowMm - 0.5)
            failures.push_back(s.where + ": " + what + " comes down to " + mm(float(bottom)) + " above the floor (< " + mm(float(kReachLowMm)) + ")");
    }
    return failures;
}

} // namespace

TEST_CASE("contrast ratio follows WCAG 2 on known pairs", "[audit]") {
    CHECK(contrast_ratio(IM_COL32_BLACK, IM_COL32_WHITE) == Approx(21.0));
    CHECK(contrast_ratio(IM_COL32_WHITE, IM_COL32_BLACK) == Approx(21.0));
    CHECK(contrast_ratio(IM_COL32(0x77, 0x77, 0x77, 255), IM_COL32_WHITE) == Approx(4.48).margin(0.005));
    CHECK(contrast_ratio(IM_COL32(0x76, 0x76, 0x76, 255), IM_COL32_WHITE) == Approx(4.54).margin(0.005));
    CHECK(contrast_ratio(IM_COL32(255, 0, 0, 255), IM_COL32_WHITE) == Approx(4.0).margin(0.005));
    CHECK(contrast_ratio(IM_COL32(0x33, 0x66, 0x99, 255), IM_COL32(0x33, 0x66, 0x99, 255)) == Approx(1.0));
    CHECK(relative_luminance(IM_COL32_WHITE) == Approx(1.0));
    CHECK(relative_luminance(IM_COL32_BLACK) == Approx(0.0));
    CHECK(blend_over(IM_COL32(0, 0, 0, 0), IM_COL32(10, 20, 30, 255)) == IM_COL32(10, 20, 30, 255));
    CHECK(blend_over(IM_COL32(255, 255, 255, 255), IM_COL32(10, 20, 30, 255)) == IM_COL32_WHITE);
    CHECK(blend_over(IM_COL32(255, 255, 255, 128), IM_COL32(0, 0, 0, 255)) == IM_COL32(128, 128, 128, 255));
}

TEST_CASE("touch input records the rects asked about with their names only while recording", "[audit]") {
    ImGuiIO io;
    TouchInput touch;
    touch.begin_frame(io, 1.0, 14);
    std::vector<TouchTarget> targets;
    touch.tapped(ImRect(0, 0, 10, 10), "before");
    touch.record_targets(&targets);
    touch.tapped(ImRect(0, 0, 100, 50), "京东");
    touch.tapped(ImRect(0, 60, 100, 110));
    touch.record_targets(nullptr);
    touch.tapped(ImRect(0, 0, 10, 10), "after");
    REQUIRE(targets.size() == 2);
    CHECK(targets[0].name == "京东");
    CHECK(targets[0].rect.Max.x == 100);
    CHECK(targets[0].visible.Max.y == 50);   // no clip given: all of it
    CHECK(targets[1].name.empty());
}

TEST_CASE("the audit finds low contrast and small or crowded targets in a frame made to fail", "[audit]") {
    KioskApp app(demo_feed(), app_options_at(Lang::en, Route{}, parse_iso8601(kNow)->unix_seconds));
    HeadlessUi ui(app);
    ui.idle(0.05);
    // A frame of our own over the app's: #777 on white, and two 20 px buttons 1 px apart.
    ImGui::NewFrame();
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImFont* font = ImGui::GetIO().Fonts->Fonts[0];
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(1920, 1080), IM_COL32_WHITE);
    dl->AddRectFilled(ImVec2(100, 100), ImVec2(600, 200), IM_COL32(0, 0, 0, 200));   // a scrim: white under it is #373737
    dl->AddText(const_cast<ImFont*>(font), font->FontSize, ImVec2(120, 300), IM_COL32(0x77, 0x77, 0x77, 255), "grey");
    dl->AddText(const_cast<ImFont*>(font), font->FontSize, ImVec2(120, 120), IM_COL32_WHITE, "scrim");
    Theme theme;
    theme.fonts.body = ImGui::GetIO().Fonts->Fonts[0];
    std::vector<TouchTarget> targets;
    TouchInput touch;
    touch.record_targets(&targets, dl);
    touch_button(dl, theme, touch, ImRect(700, 700, 720, 720), "A");
    touch_button(dl, theme, touch, ImRect(721, 700, 741, 720), "B");
    touch_button(dl, theme, touch, ImRect(1000, 0, 1100, 100), "C");   // at the panel's top: 1430 mm up
    touch.record_targets(nullptr);
    ImGui::Render();
    Shot shot{"made-up en landscape", ImVec2(1920, 1080), ReachBand(PanelGeometry{1209.6, 680.4, 750}, 1920, 1080), false,
              targets, drawn_text_runs(IM_COL32_WHITE)};

    const std::vector<std::string> contrast = contrast_failures(shot);
    REQUIRE(contrast.size() == 1);
    CHECK(contrast[0].rfind("made-up en landscape: text \"grey\" at (120,", 0) == 0);
    CHECK(contrast[0].find(" #777777 on #FFFFFF is 4.48:1 (< 4.5:1)") != std::string::npos);
    const auto scrim = std::find_if(shot.runs.begin(), shot.runs.end(), [](const DrawnRun& r) { return r.text == "scrim"; });
    REQUIRE(scrim != shot.runs.end());
    CHECK(scrim->under_dark == IM_COL32(55, 55, 55, 255));
    CHECK(scrim->contrast() == Approx(contrast_ratio(IM_COL32_WHITE, IM_COL32(55, 55, 55, 255))));

    const std::vector<std::string> sizes = target_failures(shot);
    // 20 px at 1920 px over 1209.6 mm: 12.6 mm; 1 px apart: 0.6 mm.
    CHECK(std::count(sizes.begin(), sizes.end(), "made-up en landscape: 'A' is 12.6 mm wide (< 15.0 mm)") == 1);
    CHECK(std::count(sizes.begin(), sizes.end(), "made-up en landscape: 'B' is 12.6 mm high (< 15.0 mm)") == 1);
    CHECK(std::count(sizes.begin(), sizes.end(), "made-up en landscape: 'A' and 'B' are 0.6 mm apart (< 1.0 mm)") == 1);
    CHECK(sizes.size() == 5);
    const std::vector<std::string> reach = reach_failures(shot);
    REQUIRE(reach.size() == 1);
    CHECK(reach[0] == "made-up en landscape: 'C' reaches 1430.4 mm above the floor (> 1220.0 mm)");
}

TEST_CASE("every visitor screen's touch targets are at least 15 mm and apart in zh and en landscape and portrait with and without the accessible mode", "[audit]") {
    std::size_t checked = 0;
    for (const Shot& s : all_shots()) {
        checked += distinct_on_screen(s.targets).size();
        for (const std::string& failure : target_failures(s)) FAIL_CHECK(failure);
    }
    CHECK(checked > 200);   // the audit saw the screens' controls (a recording that broke would pass on nothing)
}

TEST_CASE("every text drawn on a visitor screen has at least 4.5 to 1 contrast and 7 to 1 in the accessible mode in zh and en landscape and portrait", "[audit]") {
    std::size_t runs = 0;
    for (const Shot& s : all_shots()) {
        runs += s.runs.size();
        for (const std::string& failure : contrast_failures(s)) FAIL_CHECK(failure);
    }
    CHECK(runs > 500);
}

TEST_CASE("in the accessible mode every control and list of every visitor screen lies 380 to 1220 mm above the floor", "[audit]") {
    std::size_t checked = 0;
    for (const Shot& s : all_shots()) {
        if (!s.accessible) continue;
        checked += distinct_on_screen(s.targets, true).size();
        for (const std::string& failure : reach_failures(s)) FAIL_CHECK(failure);
    }
    CHECK(checked > 100);
}
