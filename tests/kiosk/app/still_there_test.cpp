// [Issue 19] The 还在吗？/ Still there? countdown before an idle reset: the pure
// decision (StillThere) and the app fed input frame by frame, headless.
#include "app/app.h"
#include "app/still_there.h"
#include "base/embedded.h"
#include "drawn_text.h"
#include "feed/validator.h"
#include "headless_ui.h"
#include "widgets/still_there_view.h"
#include "widgets/ui_strings.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const Route kProduct{ScreenId::product, "jc-junzao"};

std::shared_ptr<const Feed> demo_feed() {
    static const FeedParseResult demo = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(demo.ok());
    return demo.feed;
}

AppOptions starting_on(Route start) {
    AppOptions o;
    o.start = std::move(start);
    return o;
}

} // namespace

TEST_CASE("still there: pages mid-visit are interrupted by an idle reset and Home and the overviews are not") {
    for (const Route& r : {Route{ScreenId::product, "p"}, Route{ScreenId::session, "s"}, Route{ScreenId::county, "c"},
                           Route{ScreenId::map_route, "a"}, Route{ScreenId::search, "jcjz"}})
        CHECK(interrupts_visitor(r));
    for (const Route& r : {Route{ScreenId::home}, Route{ScreenId::attract}, Route{ScreenId::schedule},
                           Route{ScreenId::catalogue}, Route{ScreenId::live}, Route{ScreenId::map}, Route{ScreenId::search}})
        CHECK_FALSE(interrupts_visitor(r));
}

TEST_CASE("still there: the countdown shows the last 10 of 90 idle seconds and reads 10 down to 1") {
    const StillThere st(90);
    const double touch = 100;
    CHECK_FALSE(st.shown(kProduct, touch, touch + 79.99));
    CHECK(st.shown(kProduct, touch, touch + 80));
    CHECK(st.seconds_left(touch, touch + 80) == 10);
    CHECK(st.seconds_left(touch, touch + 80.5) == 10);
    CHECK(st.seconds_left(touch, touch + 81) == 9);
    CHECK(st.seconds_left(touch, touch + 89.5) == 1);
    CHECK(st.shown(kProduct, touch, touch + 89.9));
    CHECK_FALSE(st.reset_due(touch, touch + 90));
    CHECK(st.reset_due(touch, touch + 90.01));
    CHECK_FALSE(st.shown(Route{ScreenId::home}, touch, touch + 85));
}

TEST_CASE("still there: the next change is the countdown's start then each whole second then the reset") {
    const StillThere st(90);
    CHECK(st.seconds_until_change(kProduct, 0, 30, 0) == Approx(50));      // it appears at 80 s
    CHECK(st.seconds_until_change(kProduct, 0, 80.01, 0) == 0);            // due, not drawn yet
    CHECK(st.seconds_until_change(kProduct, 0, 80, 10) == Approx(1));      // 10 → 9
    CHECK(st.seconds_until_change(kProduct, 0, 80.25, 10) == Approx(0.75));
    CHECK(st.seconds_until_change(kProduct, 0, 81.5, 10) == 0);            // 9 is due
    CHECK(st.seconds_until_change(kProduct, 0, 89.5, 1) == Approx(0.5));   // 1 → the reset
    CHECK(st.seconds_until_change(kProduct, 0, 91, 1) == 0);
    // Home wakes only for the reset, as before.
    CHECK(st.seconds_until_change(Route{ScreenId::home}, 0, 30, 0) == Approx(60));
    CHECK(st.seconds_until_change(Route{ScreenId::home}, 0, 85, 0) == Approx(5));
}

TEST_CASE("still there: an idle time of 10 s gets a countdown of half of it") {
    const StillThere st(10);
    CHECK(st.countdown() == Approx(5));
    CHECK_FALSE(st.shown(kProduct, 0, 4.9));
    CHECK(st.shown(kProduct, 0, 5));
    CHECK(st.seconds_left(0, 5) == 5);
}

TEST_CASE("still there: the stay button is a large touch target in landscape and portrait") {
    for (const ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 720)}) {
        Theme theme;
        theme.scale = std::min(display.x, display.y) / 1080.0f;
        const ImRect b = still_there_button(theme, display);
        CHECK(b.GetHeight() >= 2 * theme.touch_min());
        CHECK(b.GetWidth() >= 4 * theme.touch_min());
        CHECK(b.Min.x >= 0);
        CHECK(b.Max.x <= display.x);
        // 15 mm on a panel whose short side (1080 px at scale 1) is 108 mm, an 8-inch tablet's.
        CHECK(b.GetHeight() / (1080.0f * theme.scale) * 108.0f >= 15.0f);
    }
}

TEST_CASE("still there: idle on a product page the countdown appears at 80 s and a tap on its button stays on the page") {
    KioskApp app(demo_feed(), starting_on(kProduct));
    HeadlessUi ui(app);
    ui.idle(79.5, 0.25);   // the first frame counts as a touch at 1.25 s: 79.25 s untouched
    CHECK_FALSE(app.still_there_shown());
    CHECK_FALSE(drew_text(ui_text("still_there", Lang::zh)));
    ui.idle(1.0, 0.25);    // 80.25 s
    REQUIRE(app.still_there_shown());
    CHECK(drew_text(ui_text("still_there", Lang::zh)));
    CHECK(drew_text(ui_text("still_here", Lang::zh)));
    ui.idle(5.0, 0.25);    // 85.25 s: still counting
    CHECK(app.still_there_shown());
    CHECK(app.route() == kProduct);

    Theme theme;
    ui.tap(still_there_button(theme, ImVec2(1920, 1080)).GetCenter());
    CHECK_FALSE(app.still_there_shown());
    CHECK(app.route() == kProduct);   // the tap fired nothing beneath the overlay
    ui.idle(79.0, 0.25);              // the idle timer started again with the tap
    CHECK(app.route() == kProduct);
    CHECK_FALSE(app.still_there_shown());
    ui.idle(2.0, 0.25);
    CHECK(app.still_there_shown());
}

TEST_CASE("still there: untouched through the countdown a product page resets to the attract loop at 90 s and a touch goes Home") {
    AppOptions o = starting_on(kProduct);
    o.lang = Lang::zh;
    KioskApp app(demo_feed(), o);
    HeadlessUi ui(app);
    ui.tap(ImVec2(1828, 48));   // the top bar's EN: the reset brings back the default language
    REQUIRE(app.lang() == Lang::en);
    ui.idle(89.5, 0.25);
    CHECK(app.still_there_shown());
    CHECK(drew_text(ui_text("still_there", Lang::en)));
    CHECK(app.route() == kProduct);
    ui.idle(1.0, 0.25);
    CHECK(app.route().screen == ScreenId::attract);
    CHECK(app.lang() == Lang::zh);
    CHECK_FALSE(app.still_there_shown());
    ui.tap(ImVec2(960, 540));
    CHECK(app.route().screen == ScreenId::home);
}

TEST_CASE("still there: a touch anywhere during the countdown dismisses it without firing what is beneath") {
    KioskApp app(demo_feed(), starting_on(kProduct));
    HeadlessUi ui(app);
    ui.idle(85, 0.25);
    REQUIRE(app.still_there_shown());
    ui.tap(ImVec2(1541, 48));   // where the top bar's Home button is, under the dimmed overlay
    CHECK_FALSE(app.still_there_shown());
    CHECK(app.route() == kProduct);
}

TEST_CASE("still there: Home never shows the countdown and resets at 90 s as before") {
    KioskApp app(demo_feed(), AppOptions{});
    HeadlessUi ui(app);
    bool shown = false;
    for (int i = 0; i < 89 * 4; ++i) {
        ui.idle(0.25, 0.25);
        shown = shown || app.still_there_shown() || drew_text(ui_text("still_there", Lang::zh));
    }
    CHECK_FALSE(shown);
    CHECK(app.route().screen == ScreenId::home);
    ui.idle(1.5, 0.25);
    CHECK(app.route().screen == ScreenId::attract);
}

TEST_CASE("still there: the countdown draws one frame a second and the screens around it no more than before") {
    const std::int64_t noon = parse_iso8601("2020-05-16T12:00:00+08:00")->unix_seconds;
    auto frames_in_countdown = [&](Route start) {
        KioskApp app(demo_feed(), starting_on(std::move(start)));
        app.set_wall_clock([noon] { return noon; });   // no minute passes on the clock
        HeadlessUi ui(app);
        ui.step_idle(79.0, 0.01);   // the first frames; 78.99 s untouched
        const int before = ui.frames_stepped();
        ui.step_idle(10.98, 0.01);  // up to 89.97 s untouched: the whole countdown before the reset
        return std::pair<int, int>(before, ui.frames_stepped() - before);
    };
    const auto [product_before, product_countdown] = frames_in_countdown(kProduct);
    const auto [home_before, home_countdown] = frames_in_countdown(Route{ScreenId::home});
    INFO("product: " << product_before << " frames in the first 79 s, " << product_countdown << " in the countdown");
    INFO("home: " << home_before << " frames in the first 79 s, " << home_countdown << " in the same 11 s");
    CHECK(product_countdown == 10);   // 10 appearing, then 9 … 1
    CHECK(home_countdown == 0);
    CHECK(product_before <= 5);       // nothing between the first frames and the countdown
}
