// The hidden admin panel, driven headless frame by frame: the 3 s corner hold,
// the keyboard shortcut, the PIN pad with its lockout, and the panel's actions.
// Index of this file:
// [SECTION] Helpers: options with a PIN, a hold, typing on the pad
// [SECTION] The corner hold
// [SECTION] The PIN pad: the check, waking the loop, lock-out
// [SECTION] Other ways in: no PIN, Ctrl+Alt+A
// [SECTION] The panel's actions: reload, language, exit, touch test, closing
#include "admin/pin_hash.h"
#include "app/app.h"
#include "base/embedded.h"
#include "feed/validator.h"
#include "headless_ui.h"

#include <GLFW/glfw3.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

using namespace kiosk;
using namespace kiosk::test;

// [SECTION] Helpers: options with a PIN, a hold, typing on the pad
namespace {

std::shared_ptr<const Feed> demo() {
    static const FeedParseResult parsed = parse_feed(*embedded_file("config/demo-feed.json"));
    return parsed.feed;
}

// A real stored hash of "2468", with few iterations so the test is quick.
std::string stored_pin() { return hash_pin_with_salt("2468", "0123456789abcdef", 1000); }

AppOptions options_with(AdminAccess access) {
    AppOptions o;
    o.pinned_now = parse_iso8601("2020-05-16T20:00:00+08:00")->unix_seconds;
    o.admin.access = access;
    o.admin.pin_hash = stored_pin();
    o.admin.kiosk_mode = true;
    return o;
}

const ImVec2 kCorner(40, 40);   // inside the 120 px square at the top-left

// Holds a finger still on `at` for `seconds` in 0.1 s frames (the first frame lands it).
void hold(HeadlessUi& ui, ImVec2 at, double seconds) {
    ui.frame(at, false, 0.1);
    ui.frame(at, true, 0.1);
    for (double held = 0.1; held < seconds - 1e-9; held += 0.1) ui.frame(at, true, 0.1);
}

// Types on the pad, taps OK and draws frames until the check (on its own thread) is done.
void type_pin(HeadlessUi& ui, const KioskApp& app, std::string_view digits) {
    for (char c : digits) ui.tap(app.admin().pin_layout().rect_of(c).GetCenter());
    ui.tap(app.admin().pin_layout().rect_of(kPinOk).GetCenter());
    while (app.admin().pin().checking()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.idle(0.01, 0.01);
    }
}

} // namespace

// [SECTION] The corner hold
TEST_CASE("a corner hold opens the PIN pad only after 3 seconds") {
    KioskApp app(demo(), options_with(AdminAccess::pin));
    HeadlessUi ui(app);
    ui.idle(0.5);
    hold(ui, kCorner, 2.9);
    CHECK(app.admin().view() == AdminView::closed);
    ui.frame(kCorner, true, 0.2);   // 3.1 s
    CHECK(app.admin().view() == AdminView::pin_pad);
    ui.frame(kCorner, false);
    CHECK(app.admin().view() == AdminView::pin_pad);   // lifting the finger types nothing
    CHECK(app.admin().pin().length() == 0);
}

TEST_CASE("a corner hold that is lifted slides out or starts elsewhere opens nothing") {
    KioskApp app(demo(), options_with(AdminAccess::pin));
    HeadlessUi ui(app);
    hold(ui, kCorner, 2.0);
    ui.frame(kCorner, false, 0.1);
    hold(ui, kCorner, 2.0);   // two short holds do not add up
    CHECK(app.admin().view() == AdminView::closed);
    ui.frame(kCorner, false, 0.1);
    hold(ui, ImVec2(200, 40), 4.0);   // outside the square
    CHECK(app.admin().view() == AdminView::closed);
    ui.frame(ImVec2(200, 40), false, 0.1);
    hold(ui, kCorner, 1.0);
    for (int i = 0; i < 30; ++i) ui.frame(ImVec2(40 + 10 * i, 40), true, 0.1);   // slides away
    CHECK(app.admin().view() == AdminView::closed);
}

TEST_CASE("the corner hold does not fire the Back button under it") {
    const AppOptions o = options_with(AdminAccess::pin);
    {
        KioskApp app(demo(), o);
        HeadlessUi ui(app);
        app.go(Route{ScreenId::schedule, {}});   // an inner screen: Back sits in the top-left corner
        ui.idle(0.2);
        hold(ui, kCorner, 3.1);
        ui.frame(kCorner, false);
        ui.frame(kCorner, false);
        CHECK(app.admin().view() == AdminView::pin_pad);
        CHECK(app.route().screen == ScreenId::schedule);
    }
    // Whereas a plain tap there is Back (one ImGui context at a time).
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    app.go(Route{ScreenId::schedule, {}});
    ui.tap(kCorner);
    CHECK(app.route().screen == ScreenId::home);
}

// [SECTION] The PIN pad: the check, waking the loop, lock-out
TEST_CASE("the right PIN opens the panel") {
    KioskApp app(demo(), options_with(AdminAccess::pin));
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    REQUIRE(app.admin().view() == AdminView::pin_pad);
    for (const ImRect& key : app.admin().pin_layout().keys) {   // large enough for a finger
        CHECK(key.GetWidth() >= 64);
        CHECK(key.GetHeight() >= 64);
    }
    type_pin(ui, app, "2468");
    CHECK(app.admin().view() == AdminView::panel);
}

TEST_CASE("the frames go on while the PIN is checked and the pad says so") {
    AppOptions options = options_with(AdminAccess::pin);
    options.admin.pin_hash = hash_pin_with_salt("2468", "0123456789abcdef");   // the real 600,000 iterations
    KioskApp app(demo(), options);
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    for (char c : std::string_view("2468")) ui.tap(app.admin().pin_layout().rect_of(c).GetCenter());
    ui.tap(app.admin().pin_layout().rect_of(kPinOk).GetCenter());
    REQUIRE(app.admin().pin().checking());   // the tap returned before the hash was done
    CHECK(app.admin().view() == AdminView::pin_pad);
    int frames = 0;
    while (app.admin().pin().checking()) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        ui.idle(0.01, 0.01);
        ++frames;
    }
    CHECK(frames > 1);   // frames were drawn while the check ran
    CHECK(app.admin().view() == AdminView::panel);
}

// Issue 18: frames come only as the runner draws them, so the check's answer
// needs someone to ask for a frame; nothing moves after OK.
TEST_CASE("the PIN check's answer is drawn with no further input when frames come as the runner draws them") {
    const std::string real_hash = hash_pin_with_salt("2468", "0123456789abcdef");   // ~0.3 s: outlasts the tap's frames
    for (const bool right : {true, false}) {
        INFO((right ? "the right PIN" : "a wrong PIN"));
        AppOptions options = options_with(AdminAccess::pin);
        options.admin.pin_hash = real_hash;
        KioskApp app(demo(), options);
        HeadlessUi ui(app);
        ui.step_key(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
        ui.step_idle(0.1);
        REQUIRE(app.admin().view() == AdminView::pin_pad);
        for (char c : std::string_view(right ? "2468" : "1357")) ui.step_tap(app.admin().pin_layout().rect_of(c).GetCenter());
        ui.step_tap(app.admin().pin_layout().rect_of(kPinOk).GetCenter());
        REQUIRE(app.admin().pin().checking());
        auto answered = [&] { return right ? app.admin().view() == AdminView::panel : app.admin().pin().failures() == 1; };
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        int drawn = 0;
        while (!answered() && std::chrono::steady_clock::now() < give_up) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
            drawn += ui.step_idle(0.005, 0.005);
        }
        REQUIRE(answered());
        CHECK(drawn >= 1);   // and the answer was drawn
        CHECK(app.admin().view() == (right ? AdminView::panel : AdminView::pin_pad));
    }
}

TEST_CASE("the PIN check's end wakes the sleeping loop and the next step draws its answer") {
    const std::string real_hash = hash_pin_with_salt("2468", "0123456789abcdef");   // ~0.3 s: outlasts the tap's frames
    for (const bool right : {true, false}) {
        INFO((right ? "the right PIN" : "a wrong PIN"));
        std::atomic<int> wakes{0};
        AppOptions options = options_with(AdminAccess::pin);
        options.admin.pin_hash = real_hash;
        options.admin.wake_ui = [&wakes] { ++wakes; };
        KioskApp app(demo(), options);
        HeadlessUi ui(app);
        ui.step_key(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
        ui.step_idle(0.1);
        for (char c : std::string_view(right ? "2468" : "1357")) ui.step_tap(app.admin().pin_layout().rect_of(c).GetCenter());
        ui.step_tap(app.admin().pin_layout().rect_of(kPinOk).GetCenter());
        while (ui.wants_frames()) ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false);   // the tap's frames, then the loop sleeps
        REQUIRE(app.admin().pin().checking());
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (wakes == 0 && std::chrono::steady_clock::now() < give_up)
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        REQUIRE(wakes == 1);
        CHECK(ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false, 0.001));   // the woken loop's one pass draws
        CHECK(app.admin().view() == (right ? AdminView::panel : AdminView::pin_pad));
        CHECK(app.admin().pin().failures() == (right ? 0 : 1));
        CHECK_FALSE(app.admin().pin().checking());
    }
}

TEST_CASE("a PIN check that ends after the pad was cancelled opens nothing") {
    AppOptions options = options_with(AdminAccess::pin);
    options.admin.pin_hash = hash_pin_with_salt("2468", "0123456789abcdef");   // outlasts the Cancel tap
    KioskApp app(demo(), options);
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    for (char c : std::string_view("2468")) ui.tap(app.admin().pin_layout().rect_of(c).GetCenter());
    ui.tap(app.admin().pin_layout().rect_of(kPinOk).GetCenter());
    REQUIRE(app.admin().pin().checking());
    ui.tap(app.admin().pin_layout().rect_of(kPinCancel).GetCenter());
    REQUIRE(app.admin().view() == AdminView::closed);
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (app.admin().pin().checking() && std::chrono::steady_clock::now() < give_up) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        ui.idle(0.01, 0.01);
    }
    CHECK_FALSE(app.admin().pin().checking());   // taken, though nobody draws the pad
    CHECK(app.admin().view() == AdminView::closed);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);   // and opening it again asks for the PIN
    ui.idle(0.1);
    CHECK(app.admin().view() == AdminView::pin_pad);
}

TEST_CASE("the open panel shows the sources' new status with no further input") {
    AppOptions o = options_with(AdminAccess::open);
    SourceStatus status;
    status.name = "feed";
    o.admin.feed_status = [&status] { return std::optional<SourceStatus>(status); };
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    ui.step_key(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.step_idle(0.1);
    REQUIRE(app.admin().view() == AdminView::panel);
    ui.step_idle(0.5);
    REQUIRE_FALSE(ui.wants_frames());
    const int before = ui.frames_stepped();
    status.published = 1;   // the pipeline published between two steps: nothing moved on screen
    CHECK(ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false));
    CHECK(ui.frames_stepped() == before + 1);
    CHECK_FALSE(ui.step(ImVec2(-FLT_MAX, -FLT_MAX), false));   // and once is enough
}
TEST_CASE("five wrong PINs lock the pad for 60 seconds") {
    KioskApp app(demo(), options_with(AdminAccess::pin));
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    for (int i = 0; i < 4; ++i) type_pin(ui, app, "1111");
    CHECK_FALSE(app.admin().pin().locked(ui.now()));
    type_pin(ui, app, "1111");
    CHECK(app.admin().pin().locked(ui.now()));
    CHECK(app.admin().pin().seconds_locked(ui.now()) > 59);
    type_pin(ui, app, "2468");   // even the right PIN is not taken now
    CHECK(app.admin().view() == AdminView::pin_pad);
    ui.idle(61, 0.5);
    CHECK_FALSE(app.admin().pin().locked(ui.now()));
    type_pin(ui, app, "2468");
    CHECK(app.admin().view() == AdminView::panel);
}

// [SECTION] Other ways in: no PIN, Ctrl+Alt+A
TEST_CASE("without a PIN the panel opens at once on a development machine and never in kiosk mode") {
    {
        KioskApp open_app(demo(), options_with(AdminAccess::open));
        HeadlessUi ui(open_app);
        open_app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
        ui.idle(0.1);
        CHECK(open_app.admin().view() == AdminView::panel);
    }

    KioskApp closed_app(demo(), options_with(AdminAccess::closed));
    HeadlessUi closed_ui(closed_app);
    closed_app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    hold(closed_ui, kCorner, 3.5);
    CHECK(closed_app.admin().view() == AdminView::closed);
}

TEST_CASE("Ctrl+Alt+A opens the panel and plain A or Ctrl+A do not") {
    KioskApp app(demo(), options_with(AdminAccess::open));
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, 0);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL);
    ui.idle(0.1);
    CHECK(app.admin().view() == AdminView::closed);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    CHECK(app.admin().view() == AdminView::panel);
}

// [SECTION] The panel's actions: reload, language, exit, touch test, closing
TEST_CASE("the panel reloads sets the default language and exits the kiosk on a second tap") {
    AppOptions o = options_with(AdminAccess::open);
    int reloads = 0;
    o.admin.reload = [&reloads] { ++reloads; };
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    REQUIRE(app.admin().view() == AdminView::panel);
    const AdminPanelLayout& layout = app.admin().panel_layout();
    CHECK(layout.clear_images.GetWidth() == 0);   // no image cache: the action is hidden
    ui.tap(layout.reload.GetCenter());
    CHECK(reloads == 1);
    ui.tap(app.admin().panel_layout().lang_en.GetCenter());
    CHECK(app.default_lang() == Lang::en);
    CHECK(app.lang() == Lang::en);   // applied now
    ui.tap(app.admin().panel_layout().exit.GetCenter());
    CHECK_FALSE(app.exit_code());
    ui.tap(app.admin().panel_layout().exit.GetCenter());
    CHECK(app.exit_code() == std::optional<int>(kStaffExitCode));
}

TEST_CASE("the touch test draws where touches land and Done returns to the panel") {
    KioskApp app(demo(), options_with(AdminAccess::open));
    HeadlessUi ui(app);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    ui.tap(app.admin().panel_layout().touch_test.GetCenter());
    REQUIRE(app.admin().view() == AdminView::touch_test);
    // A finger at (700, 600): the frame's draw data has a shape around that point.
    ui.frame(ImVec2(700, 600), true);
    const ImDrawData* data = ImGui::GetDrawData();
    bool drawn_there = false;
    for (int l = 0; l < data->CmdListsCount; ++l)
        for (const ImDrawVert& v : data->CmdLists[l]->VtxBuffer)
            drawn_there = drawn_there || (std::abs(v.pos.x - 700) < 20 && std::abs(v.pos.y - 600) < 20 &&
                                          (std::abs(v.pos.x - 700) > 2 || std::abs(v.pos.y - 600) > 2));
    CHECK(drawn_there);
    ui.frame(ImVec2(700, 600), false);
    ui.tap(ImVec2(1920 - 32 - 100, 32 + 40));   // Done, top right
    CHECK(app.admin().view() == AdminView::panel);
}

TEST_CASE("the panel closes by itself when nobody touches it and the default language returns") {
    AppOptions o = options_with(AdminAccess::open);
    o.idle_seconds = 30;
    KioskApp app(demo(), o);
    HeadlessUi ui(app);
    ui.tap(ImVec2(1920 - 32 - 60, 48));   // EN in the top bar
    CHECK(app.lang() == Lang::en);
    app.key_pressed(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT);
    ui.idle(0.1);
    REQUIRE(app.admin().is_open());
    ui.idle(31, 0.5);
    CHECK_FALSE(app.admin().is_open());
    CHECK(app.route().screen == ScreenId::attract);
    CHECK(app.lang() == Lang::zh);
}
