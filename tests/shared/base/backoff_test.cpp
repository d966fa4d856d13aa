#include "base/backoff.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

TEST_CASE("backoff doubles from the poll interval and stops at the cap", "[backoff]") {
    const BackoffPolicy policy{30s, 5min, 0.2};
    CHECK(backoff_delay(policy, 0, 0.0) == 30s);
    CHECK(backoff_delay(policy, 1, 0.0) == 30s);
    CHECK(backoff_delay(policy, 2, 0.0) == 60s);
    CHECK(backoff_delay(policy, 3, 0.0) == 120s);
    CHECK(backoff_delay(policy, 4, 0.0) == 240s);
    CHECK(backoff_delay(policy, 5, 0.0) == 300s);
    CHECK(backoff_delay(policy, 1000000, 0.0) == 300s);
}

TEST_CASE("jitter spreads delays below the nominal one, never under the poll interval", "[backoff]") {
    const BackoffPolicy policy{2s, 5min, 0.2};
    CHECK(backoff_delay(policy, 4, 0.5) == milliseconds(14400));   // 16 s less 10 %
    CHECK(backoff_delay(policy, 4, 0.999) > milliseconds(12800));
    CHECK(backoff_delay(policy, 30, 0.5) == milliseconds(270000));  // jitter also applies at the cap
    CHECK(backoff_delay(policy, 1, 0.9) == 2s);                     // clamped to the poll interval
    for (double u : {0.0, 0.3, 0.7, 0.9999}) {
        for (int failures = 0; failures < 40; ++failures) {
            const milliseconds d = backoff_delay(policy, failures, u);
            CHECK(d >= 2s);
            CHECK(d <= 5min);
        }
    }
}

TEST_CASE("a cap below the poll interval never shortens the poll interval", "[backoff]") {
    CHECK(backoff_delay(BackoffPolicy{10s, 1s, 0.2}, 3, 0.0) == 10s);
}
