// Touch semantics on synthetic input, frame by frame: taps fire on release,
// drags scroll and fire nothing, flings coast and stop, a touch stops a coast.
#include "widgets/touch.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

struct Finger {
    ImGuiIO io;
    TouchInput touch;
    ScrollArea scroll;
    ImRect viewport{ImVec2(0, 100), ImVec2(1000, 900)};
    ImRect button{ImVec2(100, 300), ImVec2(400, 400)};
    double now = 1.0;
    int taps = 0;

    void frame(ImVec2 pos, bool down, double dt = 1.0 / 60) {
        now += dt;
        io.MousePos = pos;
        io.MouseDown[0] = down;
        touch.begin_frame(io, now, 14.0f);
        scroll.update(touch, viewport, 5000.0f, now);
        if (touch.tapped(button)) ++taps;
    }
};

} // namespace

TEST_CASE("a tap fires once, on release, inside the button") {
    Finger f;
    f.frame({200, 350}, false);
    f.frame({200, 350}, true);
    f.frame({202, 351}, true);
    CHECK(f.taps == 0);   // not on press
    f.frame({202, 351}, false);
    CHECK(f.taps == 1);
    f.frame({202, 351}, false);
    CHECK(f.taps == 1);
}

TEST_CASE("a drag that starts on a button scrolls and fires nothing") {
    Finger f;
    f.frame({200, 350}, false);
    f.frame({200, 350}, true);
    for (int i = 1; i <= 20; ++i) f.frame({200, 350.0f - 10 * i}, true);
    for (int i = 0; i < 10; ++i) f.frame({200, 150}, true);   // rest before lifting: no fling
    f.frame({200, 150}, false);
    CHECK(f.taps == 0);
    CHECK(f.scroll.offset() == Approx(200).margin(1));
    CHECK_FALSE(f.scroll.coasting());
}

TEST_CASE("a press that slides off the button and back still fires nothing") {
    Finger f;
    f.frame({200, 350}, true);
    f.frame({600, 350}, true);
    f.frame({200, 350}, true);
    f.frame({200, 350}, false);
    CHECK(f.taps == 0);
}

TEST_CASE("a fling coasts, slows down and stops by itself") {
    Finger f;
    f.frame({500, 800}, false);
    f.frame({500, 800}, true);
    for (int i = 1; i <= 10; ++i) f.frame({500, 800.0f - 40 * i}, true);
    f.frame({500, 400}, false);
    REQUIRE(f.scroll.coasting());
    float last = f.scroll.offset();
    int frames = 0;
    while (f.scroll.coasting() && frames < 600) {
        f.frame({500, 400}, false);
        CHECK(f.scroll.offset() >= last);   // keeps moving the same way
        last = f.scroll.offset();
        ++frames;
    }
    CHECK(frames > 10);    // it coasted for a while…
    CHECK(frames < 600);   // …and stopped
    CHECK(last > 400);     // further than the finger moved
}

TEST_CASE("a touch during a coast stops it and fires nothing") {
    Finger f;
    f.frame({500, 800}, false);
    f.frame({500, 800}, true);
    for (int i = 1; i <= 10; ++i) f.frame({500, 800.0f - 40 * i}, true);
    f.frame({500, 400}, false);
    for (int i = 0; i < 5; ++i) f.frame({500, 400}, false);
    REQUIRE(f.scroll.coasting());
    f.frame({200, 350}, true);   // lands on the button while the list moves
    CHECK_FALSE(f.scroll.coasting());
    const float stopped_at = f.scroll.offset();
    f.frame({200, 350}, true);
    f.frame({200, 350}, false);
    CHECK(f.taps == 0);
    CHECK(f.scroll.offset() == Approx(stopped_at));
}

TEST_CASE("pulling past the top springs back to the start") {
    Finger f;
    f.frame({500, 300}, true);
    for (int i = 1; i <= 10; ++i) f.frame({500, 300.0f + 20 * i}, true);
    CHECK(f.scroll.offset() < 0);
    f.frame({500, 500}, false);
    for (int i = 0; i < 120; ++i) f.frame({500, 500}, false);
    CHECK(f.scroll.offset() == Approx(0).margin(0.01));
}
