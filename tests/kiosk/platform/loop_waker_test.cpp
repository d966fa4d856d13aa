// The UI loop's wait ends when a worker wakes it — every time, however the
// wake and the wait interleave (GLFW 3.3's own wake can be lost, glfw#1281) —
// and X input still ends it. GLFW in this process, on its own Xvfb.
#include <catch2/catch.hpp>   // before Xlib, whose macros (None, Status…) it must not see

#include "platform/loop_waker.h"
#include "x_session.h"

#include <GLFW/glfw3.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

using namespace kiosk;
using namespace kiosk::test;

namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// GLFW initialised on `display` for the test's length.
struct GlfwOn {
    explicit GlfwOn(const VirtualDisplay& display) {
        setenv("DISPLAY", display.name().c_str(), 1);
        ok = glfwInit() == GLFW_TRUE;
    }
    ~GlfwOn() {
        if (ok) glfwTerminate();
    }
    bool ok = false;
};

} // namespace

TEST_CASE("a worker's wake ends the UI loop's wait however the two interleave", "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    GlfwOn glfw(display);
    REQUIRE(glfw.ok);

    wait_for_ui_events(0.01);   // a wake left from before the test
    // Without a wake the wait lasts its timeout: the loop sleeps while nothing happens.
    auto start = std::chrono::steady_clock::now();
    wait_for_ui_events(0.2);
    CHECK(seconds_since(start) >= 0.15);

    // Wakes just before, during and just after the wait begins; a lost one would sleep the whole 2 s.
    std::mt19937 random(20200515);
    std::uniform_int_distribution<int> delay_us(0, 400);
    int slept_through = 0;
    const int rounds = 1000;
    for (int i = 0; i < rounds; ++i) {
        std::thread worker([us = delay_us(random)] {
            std::this_thread::sleep_for(std::chrono::microseconds(us));
            wake_ui_loop();
        });
        start = std::chrono::steady_clock::now();
        wait_for_ui_events(2.0);
        if (seconds_since(start) > 1.0) ++slept_through;
        worker.join();
        wait_for_ui_events(0.0);   // a wake that came before the wait began has ended this one already
    }
    INFO(slept_through << " of " << rounds << " waits slept through their wake");
    CHECK(slept_through == 0);
}

TEST_CASE("X input ends the UI loop's wait", "[xvfb]") {
    VirtualDisplay display;
    REQUIRE(display.ok());
    GlfwOn glfw(display);
    REQUIRE(glfw.ok);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    // No GL context: X input is what is tested, and Mesa unloads its driver before the sanitizer
    // build's leak check, leaving allocations of unknown frames no suppression can name (seen in a
    // fresh root, LANG=C.UTF-8: 128 bytes).
    glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
    GLFWwindow* window = glfwCreateWindow(400, 300, "loop waker test", nullptr, nullptr);
    REQUIRE(window != nullptr);
    static std::atomic<int> moves = 0;
    glfwSetCursorPosCallback(window, [](GLFWwindow*, double, double) { ++moves; });
    wait_for_ui_events(0.1);   // the window mapped

    std::thread mover([&display] { display.xdotool("sleep 0.2 mousemove 100 100 sleep 0.1 mousemove 120 110"); });
    const auto start = std::chrono::steady_clock::now();
    while (moves == 0 && seconds_since(start) < 10) wait_for_ui_events(5.0);
    const double took = seconds_since(start);
    mover.join();
    glfwDestroyWindow(window);
    INFO("the first pointer move arrived after " << took << " s");
    CHECK(moves > 0);
    CHECK(took < 4.0);   // the move, not the 5 s timeout, ended the wait
}
