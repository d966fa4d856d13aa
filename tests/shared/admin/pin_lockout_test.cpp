#include "admin/pin_lockout.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("five wrong PINs in a row lock the pad for 60 seconds", "[pin_lockout]") {
    PinLockout lockout;
    double now = 1000;   // an injected clock: seconds, whatever the origin
    for (int i = 0; i < 4; ++i) {
        REQUIRE(lockout.allows_attempt(now));
        lockout.record_failure(now);
        now += 2;
    }
    CHECK(lockout.allows_attempt(now));
    lockout.record_failure(now);   // the fifth
    const double locked_at = now;
    CHECK_FALSE(lockout.allows_attempt(now));
    CHECK(lockout.seconds_left(now) == Approx(60));
    CHECK_FALSE(lockout.allows_attempt(locked_at + 59.9));
    CHECK(lockout.seconds_left(locked_at + 30) == Approx(30));
    CHECK(lockout.allows_attempt(locked_at + 60));
    CHECK(lockout.seconds_left(locked_at + 60) == 0);
}

TEST_CASE("tries during the lock do not extend it and after it a fresh series starts", "[pin_lockout]") {
    PinLockout lockout;
    for (int i = 0; i < 5; ++i) lockout.record_failure(0);
    lockout.record_failure(30);   // a caller that checked anyway
    CHECK(lockout.allows_attempt(60));

    lockout.record_failure(61);   // one wrong PIN after the lock: not locked again
    CHECK(lockout.allows_attempt(61));
    for (int i = 0; i < 3; ++i) lockout.record_failure(62);
    CHECK(lockout.allows_attempt(62));
    lockout.record_failure(63);   // five in the new series
    CHECK_FALSE(lockout.allows_attempt(63));
    CHECK(lockout.allows_attempt(123));
}

TEST_CASE("a right PIN forgets earlier wrong ones", "[pin_lockout]") {
    PinLockout lockout;
    for (int i = 0; i < 4; ++i) lockout.record_failure(i);
    lockout.record_success();
    CHECK(lockout.failures() == 0);
    for (int i = 0; i < 4; ++i) lockout.record_failure(10 + i);
    CHECK(lockout.allows_attempt(14));
    lockout.record_failure(15);
    CHECK_FALSE(lockout.allows_attempt(15));
}

TEST_CASE("the limit and the lock time can be chosen", "[pin_lockout]") {
    PinLockout lockout(3, 10);
    for (int i = 0; i < 3; ++i) lockout.record_failure(0);
    CHECK_FALSE(lockout.allows_attempt(9.5));
    CHECK(lockout.allows_attempt(10));
}
