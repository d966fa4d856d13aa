// [Issue 19] The accessibility audit, from the headless draw lists: every visitor screen of the demo
// event at a pinned clock, zh and en, landscape 1920×1080 and portrait 1080×1920, without and with the
// accessible mode, on the default panel of config (AppOptions::panel: 55", its lower edge 750 mm up):
// - every touch target (each rect a frame asks TouchInput::tapped about, recorded with its name) is at
//   least 15 mm wide and high on the panel, and apart from every other target: no overlap and a gap of
//   at least 1 mm between the parts of two distinct controls on screen;
// - every run of text has a contrast of at least 4.5:1 (WCAG 2) against what was drawn beneath it,
//   7:1 in the accessible mode;
// - in the accessible mode every control and scrolling list lies 380–1220 mm above the floor.
// Besides the screens: the attract loop's slides and its touch-anywhere (the whole display is the target);
// the 还在吗？ / Still there? countdown over a page (its touch-anywhere, its stay button, its text over the
// scrim); the admin PIN pad and panel (staff: 15 mm and 4.5:1 too, but no reach band: staff stand at the
// panel and are not the visitors the accessible mode serves, nor is the mode ever on behind it);
// each place on the floor plan as a target of its own (15 mm, or a list row on the screen that picks it);
// every control's label inside the control (the accessible mode's 1.5× text in the top bar's buttons).
// A failure names the screen, the language, the orientation, the control or text and the measure.
#include "admin/pin_hash.h"
#include "app/app.h"
#include "service/airtime_scheduler.h"
#include "service/play_log.h"
#include "service/reach_band.h"
#include "app_options_at.h"
#include "drawn_contrast.h"
#include "headless_ui.h"
#include "test_feeds.h"
#include "widgets/contrast.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <ctime>
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
    double still_there_at = 0;        // > 0: then untouched until the 还在吗？ countdown reads this many seconds
};
const Visit kVisits[] = {
    {"home"}, {"schedule"}, {"session:live-jiaocheng"}, {"session:opening"}, {"catalogue"}, {"county:jiaocheng"},
    {"product:jc-junzao"}, {"live"}, {"attract"}, {"search"}, {"search:jcjz"}, {"map"},
    // The area at the plan's centre chosen: its card with 带我去 / Take me there. In the accessible mode the plan is
    // above the reach band: a county's booth chosen from the place list in the band.
    {"map", "floor plan", "booth-jiaocheng"},
    {"map:booth-jiaocheng"},       // the route there
    {"product:jc-junzao", nullptr, nullptr, 5},     // [Issue 19] the 还在吗？ / Still there? countdown over a page
    {"map:booth-jiaocheng", nullptr, nullptr, 5},   // and over a walking route
};
// [Issue 19] The attract loop's slides are shot one by one (8 s each), mid-slide, until every product of the feed
// and the live totals have each been shot once (the play log says which product is on air); this many turns at most.
constexpr int kAttractTurnsAtMost = 200;
// The slides the attract loop shows: each product of the demo feed on air (none sold out) and the live totals.
std::size_t attract_slides() {
    std::size_t n = 1;
    for (const AirtimeCounty& c : airtime_counties(*demo_feed())) n += c.products.size();
    return n;
}

// The admin panel's visits: its PIN pad (a PIN is set) and the panel (none set, not in kiosk mode).
// [Issue 19] And the panel's touch test pattern (its Touch test button tapped).
enum class AdminVisit { pin_pad, panel, touch_test };

// What one frame of one screen showed.
struct Shot {
    std::string where;   // "product:jc-junzao en portrait" (+ " accessible")
    ImVec2 display;
    ReachBand band;      // the panel under the display: its mm, the rows 380–1220 mm above the floor
    bool accessible;
    std::vector<TouchTarget> targets;
    std::vector<DrawnRun> runs;
    bool staff = false;   // the admin pad or panel: no reach band (see the top)
};

std::string visit_name(const Visit& v) {
    if (v.still_there_at > 0) return std::string(v.screen) + " (Still there? at " + std::to_string(int(v.still_there_at)) + " s)";
    return v.then_tap ? std::string(v.screen) + " (" + v.then_tap + " tapped)" : std::string(v.screen);
}

std::string shot_place(Lang lang, ImVec2 display, bool accessible) {
    return std::string(lang == Lang::zh ? " zh " : " en ") + (display.y > display.x ? "portrait" : "landscape") +
           (accessible ? " accessible" : "");
}

// One frame of the app's current screen, its targets recorded; `finger`: a finger resting there (down) meanwhile.
void shoot(KioskApp& app, HeadlessUi& ui, Shot& shot, std::optional<ImVec2> finger = std::nullopt) {
    app.record_touch_targets(&shot.targets, ImGui::GetBackgroundDrawList());
    if (finger) ui.frame(*finger, true);
    else ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false);
    app.record_touch_targets(nullptr);
    shot.runs = drawn_text_runs(Theme{}.background);
}

// Untouched (the last touch at most a few seconds ago) until the 还在吗？ countdown of `countdown` seconds before
// the idle reset at `idle` appears (its touch-anywhere recorded), then until it reads `at`.
void wait_for_still_there(KioskApp& app, HeadlessUi& ui, double idle, double countdown, double at) {
    ui.idle(idle - countdown - 5, 1.0);
    std::vector<TouchTarget> seen;
    const auto shown = [&] {
        return std::any_of(seen.begin(), seen.end(), [](const TouchTarget& t) { return t.kind == TouchTarget::anywhere; });
    };
    for (int i = 0; i < 100 && !shown(); ++i) {
        seen.clear();
        app.record_touch_targets(&seen);
        ui.frame(ImVec2(-FLT_MAX, -FLT_MAX), false, 0.1);
        app.record_touch_targets(nullptr);
    }
    REQUIRE(shown());
    ui.idle(countdown - at + 0.05, 0.1);
}

// [Issue 19] The attract loop's slides one by one, each in the middle of its 8 s (no cross-fade), each product's
// and the live totals' once: the turns go on until all have been on air (the play log names the product on air).
void shoot_attract_slides(KioskApp& app, HeadlessUi& ui, Lang lang, ImVec2 display, const ReachBand& band, PlayLog& log,
                          std::vector<Shot>& shots) {
    // The wall clock runs with the frames' time (the play log's entries need their seconds).
    const std::int64_t start = static_cast<std::int64_t>(std::time(nullptr)) - static_cast<std::int64_t>(ui.now());
    app.set_wall_clock([&ui, start] { return start + static_cast<std::int64_t>(ui.now()); });
    const auto wall = [&app] { return std::chrono::system_clock::time_point(std::chrono::seconds(app.now_unix())); };
    Route attract;
    REQUIRE(parse_route("attract", attract));
    app.go(attract);
    ui.idle(4, 0.25);
    log.take(wall());   // what the visits before put on air
    std::set<std::string> shot;   // the products shot, "" the live totals
    const bool live = !app.live().empty();
    for (int turn = 1; turn <= kAttractTurnsAtMost && shot.size() < attract_slides() - (live ? 0 : 1); ++turn) {
        const std::vector<PlayEntry> aired = log.take(wall());
        // The entry cut now is the product on air; none: the live totals (an entry that ended before is the last slide's).
        const std::string on_air = !aired.empty() && aired.back().to == app.now_unix() ? aired.back().product : "";
        if (shot.insert(on_air).second) {
            Shot s{"attract slide " + std::to_string(turn) + " (" + (on_air.empty() ? "live" : on_air) + ")" +
                       shot_place(lang, display, false),
                   display, band, false, {}, {}};
            shoot(app, ui, s);
            shots.push_back(std::move(s));
        }
        ui.idle(8, 8);   // the middle of the next slide
    }
}

// Every visit in `lang` on a display of `display`, one app for them all (as a visitor goes from screen to screen).
void shoot_all(Lang lang, ImVec2 display, bool accessible, std::vector<Shot>& shots) {
    AppOptions options = app_options_at(lang, Route{}, parse_iso8601(kNow)->unix_seconds);
    options.kiosk_location = "entrance";   // the demo venue's: the map shows "you are here", routes start there
    options.accessible = accessible;
    PlayLog log;   // the attract loop says what is on air (shoot_attract_slides)
    options.play_log = &log;
    KioskApp app(demo_feed(), options);
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    ui.idle(0.05);
    const double idle = options.idle_seconds * (accessible ? kAccessibleIdleFactor : 1);
    for (const Visit& v : kVisits) {
        if (accessible && std::string_view(v.screen) == "attract") continue;
        Route route;
        REQUIRE(parse_route(v.screen, route));
        app.go(route);
        ui.idle(0.1);
        INFO(visit_name(v));
        REQUIRE(app.accessible() == accessible);
        Shot shot{visit_name(v) + shot_place(lang, display, accessible), display, ReachBand(options.panel, display.x, display.y),
                  accessible, {}, {}};
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
        if (v.still_there_at > 0) wait_for_still_there(app, ui, idle, kStillThereSeconds * (accessible ? kAccessibleIdleFactor : 1), v.still_there_at);
        shoot(app, ui, shot);
        shots.push_back(std::move(shot));
        if (v.still_there_at > 0) {   // answered: the touch fires nothing beneath, the page stays
            ui.tap(ImVec2(display.x * 0.5f, display.y * 0.5f));
            REQUIRE(app.route().screen == route.screen);
        }
    }
    if (accessible) return;   // the idle reset that starts the attract loop ends the mode
    shoot_attract_slides(app, ui, lang, display, ReachBand(options.panel, display.x, display.y), log, shots);
}

// Holds a finger still on the top-left corner for 3.2 s (the admin panel's hidden entrance), then lifts it.
void hold_corner(HeadlessUi& ui) {
    const ImVec2 corner(40, 40);
    ui.frame(corner, false, 0.1);
    for (double held = 0; held < 3.2; held += 0.1) ui.frame(corner, true, 0.1);
    ui.frame(corner, false, 0.1);
    ui.idle(0.1);
}

// [Issue 19] The admin PIN pad, panel or touch test pattern in `lang` on a display of `display`.
void shoot_admin(AdminVisit visit, Lang lang, ImVec2 display, std::vector<Shot>& shots) {
    AppOptions options = app_options_at(lang, Route{}, parse_iso8601(kNow)->unix_seconds);
    options.admin.access = visit == AdminVisit::pin_pad ? AdminAccess::pin : AdminAccess::open;
    options.admin.pin_hash = hash_pin_with_salt("2468", "0123456789abcdef", 1000);
    KioskApp app(demo_feed(), options);
    HeadlessUi ui(app, static_cast<int>(display.x), static_cast<int>(display.y));
    ui.idle(0.05);
    hold_corner(ui);
    REQUIRE(app.admin().view() == (visit == AdminVisit::pin_pad ? AdminView::pin_pad : AdminView::panel));   // touch_test: open
    const char* what = visit == AdminVisit::pin_pad ? "admin PIN pad" : visit == AdminVisit::panel ? "admin panel" : "admin touch test";
    Shot shot{what + shot_place(lang, display, false), display, ReachBand(options.panel, display.x, display.y), false, {}, {}};
    shot.staff = true;
    shoot(app, ui, shot);
    if (visit == AdminVisit::touch_test) {   // its button tapped: the pattern, with a finger resting mid-screen (its readout)
        const auto button = std::find_if(shot.targets.begin(), shot.targets.end(),
                                         [&](const TouchTarget& t) { return t.name == ui_text("admin_touch_test", lang); });
        REQUIRE(button != shot.targets.end());
        ui.tap(button->rect.GetCenter());
        REQUIRE(app.admin().view() == AdminView::touch_test);
        shot.targets.clear();
        const ImVec2 middle(display.x * 0.5f, display.y * 0.5f);
        ui.frame(middle, false);
        ui.frame(middle, true);
        shoot(app, ui, shot, middle);
        REQUIRE(app.admin().view() == AdminView::touch_test);
    }
    shots.push_back(std::move(shot));
}

// Every screen, both languages, both orientations; once per test process.
const std::vector<Shot>& all_shots() {
    static const std::vector<Shot> shots = [] {
        std::vector<Shot> s;
        for (const bool accessible : {false, true})
            for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
                for (const Lang lang : {Lang::zh, Lang::en}) shoot_all(lang, display, accessible, s);
        for (const AdminVisit visit : {AdminVisit::pin_pad, AdminVisit::panel, AdminVisit::touch_test})
            for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)})
                for (const Lang lang : {Lang::zh, Lang::en}) shoot_admin(visit, lang, display, s);
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

// What a finger can reach: what was recorded from the last touch-anywhere on (TouchTarget::anywhere: the
// attract loop's wake, the 还在吗？ overlay take every touch, so what lies beneath is out of reach; what is
// recorded after one is drawn over it and does what it does, the overlay's 我还在 button).
std::vector<TouchTarget> reachable(const std::vector<TouchTarget>& targets) {
    const auto last = std::find_if(targets.rbegin(), targets.rend(), [](const TouchTarget& t) { return t.kind == TouchTarget::anywhere; });
    return last == targets.rend() ? targets : std::vector<TouchTarget>(std::prev(last.base()), targets.end());
}

// The distinct controls on screen: each rect once (a screen may ask about one rect twice), the named one kept;
// with `lists`, the scrolling lists' viewports too (a finger drags them), else the tapped controls alone.
// A touch-anywhere is checked on its own (anywhere_failures), and so are a plan's places (place_failures):
// they lie within the plan, which is a control here.
std::vector<TouchTarget> distinct_on_screen(const std::vector<TouchTarget>& targets, bool lists = false) {
    std::vector<TouchTarget> out;
    for (const TouchTarget& t : reachable(targets)) {
        if (t.visible.GetWidth() <= 0 || t.visible.GetHeight() <= 0) continue;   // scrolled out of view
        if (t.kind == TouchTarget::held || (t.kind == TouchTarget::scroll && !lists)) continue;   // held: a tapped rect's look
        if (t.kind == TouchTarget::anywhere || t.kind == TouchTarget::place || t.kind == TouchTarget::gesture) continue;
        auto same = std::find_if(out.begin(), out.end(), [&](const TouchTarget& o) {
            return o.rect.Min.x == t.rect.Min.x && o.rect.Min.y == t.rect.Min.y && o.rect.Max.x == t.rect.Max.x &&
                   o.rect.Max.y == t.rect.Max.y;
        });
        if (same == out.end()) out.push_back(t);
        else if (same->name.empty()) same->name = t.name;
    }
    return out;
}

// [Issue 19] A touch-anywhere must take the whole display (a part of it would leave touches that do nothing).
std::vector<std::string> anywhere_failures(const Shot& s) {
    std::vector<std::string> failures;
    for (const TouchTarget& t : reachable(s.targets)) {
        if (t.kind != TouchTarget::anywhere) continue;
        if (t.visible.Min.x > 0 || t.visible.Min.y > 0 || t.visible.Max.x < s.display.x || t.visible.Max.y < s.display.y) {
            char buf[128];
            std::snprintf(buf, sizeof buf, " takes a touch anywhere but covers only (%.0f,%.0f)-(%.0f,%.0f) of the display",
                          double(t.visible.Min.x), double(t.visible.Min.y), double(t.visible.Max.x), double(t.visible.Max.y));
            failures.push_back(s.where + ": '" + t.name + "'" + buf);
        }
    }
    return failures;
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

bool big_enough(const ImRect& r, float px_per_mm) {
    return r.GetWidth() / px_per_mm >= kMinTargetMm && r.GetHeight() / px_per_mm >= kMinTargetMm;
}

// [Issue 19] A plan's places (each area a tap on it picks, TouchTarget::place, recorded after the plan's
// surface): each at least 15 mm wide and high where the plan shows it, or else picked by a list row of its
// own on the screen (the map's key or its list of places, named by the area's id) that is. Places may touch
// and nest (a booth in its hall): the plan's areas tile the floor, and a tap picks the one under the finger.
// A plan that records no place fails: its places would go unchecked.
std::vector<std::string> place_failures(const Shot& s) {
    std::vector<std::string> failures;
    const float px_per_mm = static_cast<float>(s.band.px_per_mm());
    const std::vector<TouchTarget> targets = reachable(s.targets);
    const std::vector<TouchTarget> controls = distinct_on_screen(s.targets);
    std::string surface;
    int places = -1;
    const auto end_surface = [&] {
        if (places == 0) failures.push_back(s.where + ": '" + surface + "' records no places (each should be a target of its own)");
    };
    for (const TouchTarget& t : targets) {
        if (t.kind == TouchTarget::surface) {
            end_surface();
            surface = t.name;
            places = 0;
        }
        if (t.kind != TouchTarget::place) continue;
        ++places;
        if (t.visible.GetWidth() <= 0 || t.visible.GetHeight() <= 0) continue;   // off the plan's view
        if (big_enough(t.visible, px_per_mm)) continue;
        const bool row = std::any_of(controls.begin(), controls.end(), [&](const TouchTarget& c) {
            return c.name == t.name && c.kind == TouchTarget::control && big_enough(c.rect, px_per_mm);
        });
        if (row) continue;
        failures.push_back(s.where + ": place '" + t.name + "' on '" + surface + "' is " + mm(t.visible.GetWidth() / px_per_mm) +
                           " x " + mm(t.visible.GetHeight() / px_per_mm) + " (< " + mm(kMinTargetMm) +
                           ") and no list row on the screen picks it");
    }
    end_surface();
    return failures;
}

// [Issue 19] A control's label drawn inside it: the run of its name centred in it stays within its rect.
std::vector<std::string> label_failures(const Shot& s) {
    std::vector<std::string> failures;
    const float px_per_mm = static_cast<float>(s.band.px_per_mm());
    for (const TouchTarget& t : distinct_on_screen(s.targets)) {
        if (t.name.empty()) continue;
        for (const DrawnRun& run : s.runs) {
            if (run.text != t.name || !t.visible.Contains(run.box.GetCenter())) continue;
            const float over = std::max({t.rect.Min.x - run.box.Min.x, run.box.Max.x - t.rect.Max.x, t.rect.Min.y - run.box.Min.y,
                                         run.box.Max.y - t.rect.Max.y});
            if (over > 0.5f) failures.push_back(s.where + ": the label of " + target_name(t) + " runs " + mm(over / px_per_mm) + " past its edge");
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
    if (s.staff) return failures;   // staff at the admin panel: no reach band (see the top)
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

TEST_CASE("the audit finds a partial touch-anywhere small plan places without rows and labels past their controls", "[audit]") {
    // [Issue 19] Made-up targets on the default panel (1.587 px a mm at 1920 px): 20 px is 12.6 mm.
    const auto target = [](ImRect r, const char* name, TouchTarget::Kind kind) { return TouchTarget{r, r, name, kind}; };
    Shot shot{"made-up en landscape", ImVec2(1920, 1080), ReachBand(PanelGeometry{1209.6, 680.4, 750}, 1920, 1080), false, {}, {}};
    shot.targets = {
        target(ImRect(0, 0, 5, 5), "beneath", TouchTarget::control),   // under the touch-anywhere: out of reach, not checked
        target(ImRect(0, 0, 1920, 540), "half", TouchTarget::anywhere),
        target(ImRect(100, 600, 900, 1000), "plan", TouchTarget::surface),
        target(ImRect(110, 610, 130, 630), "tiny", TouchTarget::place),
        target(ImRect(140, 610, 160, 630), "tiny-listed", TouchTarget::place),
        target(ImRect(200, 700, 400, 900), "big", TouchTarget::place),
        target(ImRect(1000, 600, 1200, 700), "tiny-listed", TouchTarget::control),   // its list row
        target(ImRect(1000, 800, 1800, 1000), "empty plan", TouchTarget::surface),
        target(ImRect(1300, 100, 1400, 160), "Search", TouchTarget::control),
        target(ImRect(1500, 100, 1700, 160), "Home", TouchTarget::control),
    };
    shot.runs = {DrawnRun{"Search", ImRect(1290, 110, 1410, 150), IM_COL32_WHITE, IM_COL32_BLACK, IM_COL32_BLACK},
                 DrawnRun{"Home", ImRect(1550, 110, 1650, 150), IM_COL32_WHITE, IM_COL32_BLACK, IM_COL32_BLACK}};

    const std::vector<std::string> anywhere = anywhere_failures(shot);
    REQUIRE(anywhere.size() == 1);
    CHECK(anywhere[0] == "made-up en landscape: 'half' takes a touch anywhere but covers only (0,0)-(1920,540) of the display");
    const std::vector<std::string> sizes = target_failures(shot);   // 'beneath' is out of reach; places are place_failures'
    CHECK(sizes.empty());
    const std::vector<std::string> places = place_failures(shot);
    REQUIRE(places.size() == 2);
    CHECK(places[0] == "made-up en landscape: place 'tiny' on 'plan' is 12.6 mm x 12.6 mm (< 15.0 mm) and no list row on the screen picks it");
    CHECK(places[1] == "made-up en landscape: 'empty plan' records no places (each should be a target of its own)");
    const std::vector<std::string> labels = label_failures(shot);
    REQUIRE(labels.size() == 1);
    CHECK(labels[0] == "made-up en landscape: the label of 'Search' runs 6.3 mm past its edge");

    // Staff at the admin panel: a control at the panel's top is no reach failure there, and is one for visitors.
    shot.targets = {target(ImRect(1000, 0, 1100, 100), "C", TouchTarget::control)};
    shot.accessible = true;
    CHECK(reach_failures(shot).size() == 1);
    shot.staff = true;
    CHECK(reach_failures(shot).empty());
}

TEST_CASE("every visitor screen's touch targets are at least 15 mm and apart in zh and en landscape and portrait with and without the accessible mode", "[audit]") {
    std::size_t checked = 0;
    for (const Shot& s : all_shots()) {
        checked += distinct_on_screen(s.targets).size();
        for (const std::string& failure : target_failures(s)) FAIL_CHECK(failure);
        for (const std::string& failure : anywhere_failures(s)) FAIL_CHECK(failure);
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

TEST_CASE("the attract loop takes a touch anywhere on the whole display on every slide in zh and en landscape and portrait", "[audit]") {
    std::size_t slides = 0;
    for (const Shot& s : all_shots()) {
        if (s.where.rfind("attract", 0) != 0) continue;
        ++slides;
        const std::vector<TouchTarget> reach = reachable(s.targets);
        INFO(s.where);
        REQUIRE_FALSE(reach.empty());
        CHECK(reach.front().kind == TouchTarget::anywhere);
        CHECK(reach.size() == 1);   // nothing else there reacts
        CHECK(anywhere_failures(s).empty());
    }
    CHECK(slides == 4 * (1 + attract_slides()));   // the visit, then every product's slide and the live totals
}

TEST_CASE("the Still there countdown takes a touch anywhere and shows its stay button over the page in zh and en landscape and portrait with and without the accessible mode", "[audit]") {
    std::size_t overlays = 0;
    for (const Shot& s : all_shots()) {
        if (s.where.find("(Still there? at") == std::string::npos) continue;
        ++overlays;
        INFO(s.where);
        const Lang lang = s.where.find(" zh ") != std::string::npos ? Lang::zh : Lang::en;
        const std::vector<TouchTarget> reach = reachable(s.targets);
        REQUIRE(reach.size() == 2);   // the page's controls lie beneath, out of reach
        CHECK(reach[0].kind == TouchTarget::anywhere);
        CHECK(reach[1].name == ui_text("still_here", lang));
        CHECK(reach[1].rect.GetHeight() / s.band.px_per_mm() >= kMinTargetMm);
        CHECK(std::any_of(s.runs.begin(), s.runs.end(), [&](const DrawnRun& r) { return reach[1].rect.Contains(r.box); }));   // its label
        CHECK(std::any_of(s.runs.begin(), s.runs.end(), [](const DrawnRun& r) { return r.text == "5"; }));   // the seconds left
        if (s.accessible) CHECK(s.band.contains_rows(reach[1].rect.Min.y, reach[1].rect.Max.y));
    }
    CHECK(overlays == 16);   // two pages, zh and en, two orientations, with and without the mode
}

TEST_CASE("the admin PIN pad and panel are audited for staff in zh and en landscape and portrait", "[audit]") {
    std::size_t shots = 0, controls = 0;
    for (const Shot& s : all_shots()) {
        if (!s.staff || s.where.rfind("admin touch test", 0) == 0) continue;
        ++shots;
        INFO(s.where);
        const std::size_t n = distinct_on_screen(s.targets).size();
        CHECK(n >= (s.where.rfind("admin PIN pad", 0) == 0 ? 13u : 8u));   // 12 keys and Cancel; the panel's actions
        controls += n;
    }
    CHECK(shots == 8);
    CHECK(controls > 80);   // 13 on each pad, 9 on each panel
}

// [Issue 19] The touch test pattern's targets and text go through the audit's checks with the rest (15 mm, apart,
// 4.5:1: its hint and the finger's readout on the dark grid); here, that it was shot and what it holds.
TEST_CASE("the admin touch test pattern is audited for staff with a finger on it in zh and en landscape and portrait", "[audit]") {
    std::size_t shots = 0;
    for (const Shot& s : all_shots()) {
        if (s.where.rfind("admin touch test", 0) != 0) continue;
        ++shots;
        INFO(s.where);
        CHECK(s.staff);
        const Lang lang = s.where.find(" zh ") != std::string::npos ? Lang::zh : Lang::en;
        const std::vector<TouchTarget> controls = distinct_on_screen(s.targets);
        REQUIRE(controls.size() == 1);   // Done alone: the rest of the pattern takes touches to show them
        CHECK(controls[0].name == ui_text("admin_done", lang));
        char readout[32];   // where the finger rests, as the pattern writes it (spaces aside: the runs guess them from gaps)
        std::snprintf(readout, sizeof readout, "%.0f,%.0f", double(s.display.x * 0.5f), double(s.display.y * 0.5f));
        const auto unspaced = [](std::string text) {
            text.erase(std::remove(text.begin(), text.end(), ' '), text.end());
            return text;
        };
        CHECK(std::any_of(s.runs.begin(), s.runs.end(), [&](const DrawnRun& r) { return unspaced(r.text) == readout; }));
        CHECK(std::any_of(s.runs.begin(), s.runs.end(), [&](const DrawnRun& r) { return r.text.rfind(ui_text("admin_touch_hint", lang).substr(0, 6), 0) == 0; }));
    }
    CHECK(shots == 4);
}

TEST_CASE("every place on the floor plans is a target of its own at least 15 mm or picked by a list row in zh and en landscape and portrait with and without the accessible mode", "[audit]") {
    std::size_t places = 0;
    for (const Shot& s : all_shots()) {
        for (const TouchTarget& t : reachable(s.targets)) places += t.kind == TouchTarget::place;
        for (const std::string& failure : place_failures(s)) FAIL_CHECK(failure);
    }
    CHECK(places > 80);   // 1f's 19 places on 8 map shots and more
}

TEST_CASE("every control's label lies inside it in zh and en landscape and portrait with and without the accessible mode", "[audit]") {
    for (const Shot& s : all_shots())
        for (const std::string& failure : label_failures(s)) FAIL_CHECK(failure);
}

TEST_CASE("in the accessible mode the top bar's buttons are one and a half times as high as without", "[audit]") {
    std::size_t compared = 0;
    for (const Shot& normal : all_shots()) {
        if (normal.accessible || normal.staff) continue;
        const auto acc = std::find_if(all_shots().begin(), all_shots().end(),
                                      [&](const Shot& s) { return s.accessible && s.where == normal.where + " accessible"; });
        if (acc == all_shots().end()) continue;
        for (const char* key : {"home", "search", "back"}) {
            for (const Lang lang : {Lang::zh, Lang::en}) {
                const std::string& name = ui_text(key, lang);
                const auto find = [&](const Shot& s) {
                    for (const TouchTarget& t : distinct_on_screen(s.targets))
                        if (t.name == name) return t;
                    return TouchTarget{};
                };
                const TouchTarget a = find(normal), b = find(*acc);
                if (a.name.empty() || b.name.empty()) continue;
                INFO(acc->where << ": '" << name << "'");
                CHECK(b.rect.GetHeight() == Approx(a.rect.GetHeight() * 1.5f).margin(2));
                CHECK(b.rect.GetWidth() >= a.rect.GetWidth());
                ++compared;
            }
        }
    }
    CHECK(compared > 40);
}

TEST_CASE("the audit's figures: the smallest control and place of every shot in mm", "[.][audit-figures]") {
    for (const Shot& s : all_shots()) {
        const float px_per_mm = static_cast<float>(s.band.px_per_mm());
        const auto smallest = [&](bool places) {
            float best = FLT_MAX;
            std::string what = "-";
            for (const TouchTarget& t : places ? reachable(s.targets) : distinct_on_screen(s.targets)) {
                if (places && t.kind != TouchTarget::place) continue;
                const ImRect& r = places ? t.visible : t.rect;
                if (r.GetWidth() <= 0 || r.GetHeight() <= 0) continue;
                const float side = std::min(r.GetWidth(), r.GetHeight()) / px_per_mm;
                if (side < best) { best = side; what = target_name(t); }
            }
            return best == FLT_MAX ? std::string("-") : mm(best) + " " + what;
        };
        std::printf("%-58s controls %3zu  smallest %s  smallest place %s\n", s.where.c_str(), distinct_on_screen(s.targets).size(),
                    smallest(false).c_str(), smallest(true).c_str());
    }
}

// [Issue 19] Staff's hidden way in: a finger held still on the top-left corner (admin/corner_hold.h), on every
// screen and over the admin's own; its square at least 15 mm on the panel, wholly on the glass at its corner.
TEST_CASE("the corner hold to the admin panel is a square of at least 15 mm at the display's corner on every screen", "[audit]") {
    std::size_t shots = 0;
    for (const Shot& s : all_shots()) {
        INFO(s.where);
        std::vector<TouchTarget> corners;
        for (const TouchTarget& t : s.targets)
            if (t.kind == TouchTarget::gesture) corners.push_back(t);
        REQUIRE(corners.size() == 1);
        const ImRect& r = corners[0].rect;
        const float px_per_mm = static_cast<float>(s.band.px_per_mm());
        CHECK(r.GetWidth() / px_per_mm >= kMinTargetMm);
        CHECK(r.GetHeight() / px_per_mm >= kMinTargetMm);
        CHECK(r.Min.x == 0);
        CHECK(r.Min.y == 0);
        CHECK(r.Max.x <= s.display.x);
        CHECK(r.Max.y <= s.display.y);
        ++shots;
    }
    CHECK(shots > 200);
}
