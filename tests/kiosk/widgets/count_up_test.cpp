// CountUp: rises smoothly to a higher value, lands on it after the duration,
// and drops at once to a lower one.
#include "widgets/count_up.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

using namespace kiosk;

TEST_CASE("the first value shows at once") {
    CountUp c(1.0);
    c.set(1234, 5.0);
    CHECK(c.value(5.0) == 1234);
    CHECK_FALSE(c.animating(5.0));
}

TEST_CASE("a higher value counts up monotonically and lands on it after the duration") {
    CountUp c(1.0);
    c.set(100, 0.0);
    c.set(1100, 10.0);
    CHECK(c.value(10.0) == 100);   // starts from what was shown
    CHECK(c.animating(10.0));
    std::int64_t last = c.value(10.0);
    int distinct = 0;
    for (double t = 10.0; t <= 11.2; t += 0.02) {
        const std::int64_t v = c.value(t);
        CHECK(v >= last);
        CHECK(v <= 1100);
        if (v != last) ++distinct;
        last = v;
    }
    CHECK(distinct > 20);   // many small steps, not one jump
    const std::int64_t mid = c.value(10.5);
    CHECK(mid > 100);
    CHECK(mid < 1100);
    CHECK(c.value(11.0) == 1100);
    CHECK_FALSE(c.animating(11.0));
    CHECK(c.target() == 1100);
}

TEST_CASE("a lower value replaces the shown one without animation") {
    CountUp c(1.0);
    c.set(5000, 0.0);
    c.set(4000, 3.0);
    CHECK(c.value(3.0) == 4000);
    CHECK_FALSE(c.animating(3.0));

    // A correction in the middle of a count-up stops it where the new value is.
    c.set(9000, 4.0);
    const std::int64_t shown = c.value(4.5);
    REQUIRE(shown > 4000);
    c.set(shown - 1, 4.5);
    CHECK(c.value(4.5) == shown - 1);
    CHECK(c.value(4.6) == shown - 1);
    CHECK_FALSE(c.animating(4.5));
}

TEST_CASE("a new higher value during a count-up continues from what is shown") {
    CountUp c(1.0);
    c.set(0, 0.0);
    c.set(1000, 1.0);
    const std::int64_t shown = c.value(1.5);
    c.set(3000, 1.5);
    CHECK(c.value(1.5) == shown);   // no jump
    CHECK(c.value(2.0) > shown);
    CHECK(c.value(2.5) == 3000);
}

TEST_CASE("the same value again does not restart anything") {
    CountUp c(1.0);
    c.set(10, 0.0);
    c.set(20, 1.0);
    c.set(20, 1.9);
    CHECK(c.value(2.0) == 20);
    CHECK_FALSE(c.animating(2.0));
}

TEST_CASE("huge totals count up without overflow") {
    CountUp c(1.0);
    const std::int64_t big = std::numeric_limits<std::int64_t>::max() - 10;
    c.set(0, 0.0);
    c.set(big, 1.0);
    std::int64_t last = 0;
    for (double t = 1.0; t <= 2.0; t += 0.05) {
        const std::int64_t v = c.value(t);
        CHECK(v >= last);
        CHECK(v <= big);
        last = v;
    }
    CHECK(c.value(2.0) == big);
}
