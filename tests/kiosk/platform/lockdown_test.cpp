// Kiosk mode on a real X server: fullscreen at the monitor's own size, and
// neither close requests nor the usual quit keys end it; without kiosk mode a
// close request does.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/kiosk_window.h"
#include "platform/lockdown.h"
#include "run_kiosk.h"
#include "x_session.h"

#include <GLFW/glfw3.h>

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the exit shortcuts are Alt+F4 Esc Ctrl+Q and Ctrl+W and no other key") {
    CHECK(std::string(exit_shortcut_name(GLFW_KEY_F4, GLFW_MOD_ALT)) == "Alt+F4");
    CHECK(std::string(exit_shortcut_name(GLFW_KEY_ESCAPE, 0)) == "Esc");
    CHECK(std::string(exit_shortcut_name(GLFW_KEY_Q, GLFW_MOD_CONTROL)) == "Ctrl+Q");
    CHECK(std::string(exit_shortcut_name(GLFW_KEY_W, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT)) == "Ctrl+W");
    CHECK(exit_shortcut_name(GLFW_KEY_F4, 0) == nullptr);
    CHECK(exit_shortcut_name(GLFW_KEY_Q, 0) == nullptr);
    CHECK(exit_shortcut_name(GLFW_KEY_W, GLFW_MOD_ALT) == nullptr);
    CHECK(exit_shortcut_name(GLFW_KEY_A, GLFW_MOD_CONTROL | GLFW_MOD_ALT) == nullptr);
}

TEST_CASE("the kiosk monitor is the named one else the numbered one else the first") {
    const std::vector<std::string> monitors{"HDMI-1", "DP-2"};
    std::string note;
    CHECK(choose_monitor(monitors, 0, "DP-2", note) == 1);
    CHECK(note.empty());
    CHECK(choose_monitor(monitors, 1, "", note) == 1);
    CHECK(note.empty());
    CHECK(choose_monitor(monitors, 1, "VGA-9", note) == 1);
    CHECK_THAT(note, Catch::Contains("VGA-9") && Catch::Contains("using monitor 1 (DP-2)"));
    CHECK(choose_monitor(monitors, 5, "", note) == 0);
    CHECK_THAT(note, Catch::Contains("no monitor 5") && Catch::Contains("using monitor 0 (HDMI-1)"));
    CHECK(choose_monitor({}, 0, "", note) == 0);
    CHECK_THAT(note, Catch::Contains("no monitor was found"));
}

TEST_CASE("in kiosk mode close requests and the quit keys are ignored and logged once each", "[xvfb]") {
    VirtualDisplay display("1600x900x24");   // not the 1920x1080 default: the window must take the monitor's size
    REQUIRE(display.ok());
    const std::string log = (temp_dir("lockdown") / "kiosk.log").string();
    KioskProcess kiosk(display, {"--kiosk", "--now", "2020-05-16T20:00:00+08:00"}, log);
    REQUIRE(wait_for_text(log, "first frame"));
    const Window window = display.window_of(kiosk.pid());
    REQUIRE(window != 0);
    XWindowAttributes attributes{};
    REQUIRE(XGetWindowAttributes(display.x(), window, &attributes));
    CHECK(attributes.x == 0);
    CHECK(attributes.y == 0);
    CHECK(attributes.width == 1600);
    CHECK(attributes.height == 900);

    for (const char* keys : {"alt+F4", "Escape", "ctrl+q", "ctrl+w"}) REQUIRE(display.press_keys(keys));
    REQUIRE(display.send_close_request(window));
    for (const char* line : {"ignored Alt+F4", "ignored Esc", "ignored Ctrl+Q", "ignored Ctrl+W",
                             "ignored a window close request"}) {
        INFO(line);
        CHECK(wait_for_text(log, line));
    }
    CHECK(kiosk.running());
    const std::string said = file_text(log);
    INFO(said);
    CHECK(count_of(said, "ignored Alt+F4") == 1);
    CHECK(count_of(said, "ignored Esc") == 1);
    CHECK(count_of(said, "ignored a window close request") == 1);
    kiosk.terminate();
    CHECK(kiosk.wait_exit().has_value());
}

TEST_CASE("without kiosk mode a close request ends the program normally", "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const std::string log = (temp_dir("windowed") / "kiosk.log").string();
    KioskProcess kiosk(display, {"--now", "2020-05-16T20:00:00+08:00"}, log);
    REQUIRE(wait_for_text(log, "first frame"));
    REQUIRE(display.press_keys("Escape"));   // does nothing special without kiosk mode either
    const Window window = display.window_of(kiosk.pid());
    REQUIRE(window != 0);
    REQUIRE(display.send_close_request(window));
    const auto code = kiosk.wait_exit();
    INFO(file_text(log));
    REQUIRE(code.has_value());
    CHECK(*code == 0);
    CHECK(file_text(log).find("ignored") == std::string::npos);
}
