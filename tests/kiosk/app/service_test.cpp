// The kiosk as systemd runs it (Type=notify, WatchdogSec): READY=1 after the
// first frame, then watchdog pings from the UI loop while the screen is idle.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "notify_socket.h"
#include "run_kiosk.h"
#include "x_session.h"

using namespace kiosk::test;

TEST_CASE("under systemd the kiosk says READY and pings the watchdog at least every half interval while idle",
          "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    const auto dir = temp_dir("notify");
    NotifySocket receiver((dir / "notify").string());
    REQUIRE(receiver.ok());
    const std::string log = (dir / "kiosk.log").string();
    // A 1 s watchdog: pings are due every 0.5 s, sooner than the loop's usual 1 s idle sleep.
    KioskProcess kiosk(display, {"--now", "2020-05-16T20:00:00+08:00"}, log,
                       {"NOTIFY_SOCKET=" + receiver.path(), "WATCHDOG_USEC=1000000"});

    std::optional<std::string> message;
    while ((message = receiver.receive(kPatience)) && message->find("READY=1") == std::string::npos) {}
    INFO(file_text(log));
    REQUIRE(message);
    CHECK_THAT(*message, Catch::Contains("STATUS=showing 1920×1080"));
    CHECK(file_text(log).find("first frame") != std::string::npos);

    // Home with nobody touching it draws nothing; the pings must still come.
    using Clock = std::chrono::steady_clock;
    auto last = Clock::now();
    double longest_gap = 0;
    int pings = 0;
    while (pings < 8) {
        message = receiver.receive(5);
        REQUIRE(message);
        if (*message != "WATCHDOG=1") continue;
        const auto now = Clock::now();
        if (pings++ > 0) longest_gap = std::max(longest_gap, std::chrono::duration<double>(now - last).count());
        last = now;
    }
    CHECK(longest_gap < 0.95);   // systemd would restart the kiosk after 1 s without one
    CHECK(kiosk.running());
}
