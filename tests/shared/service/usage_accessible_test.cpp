// [Issue 19] The 无障碍 / Accessible mode's switch-ons in the usage statistics: counted per batch,
// written as "accessible_mode" only when there were some.
#include "service/usage_stats.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("usage: accessible mode switch-ons are counted and written only when there were some", "[usage][accessible]") {
    const auto start = std::chrono::system_clock::time_point(std::chrono::seconds(1589630400));
    UsageCounter usage(start);
    usage.accessible_mode_on();
    usage.accessible_mode_on();
    const UsageBatch batch = usage.take(start + std::chrono::seconds(15));
    CHECK(batch.accessible_mode == 2);
    CHECK_FALSE(batch.empty());   // a batch with only switch-ons is written
    const TimeZone zone = TimeZone::fixed_offset(8 * 3600);
    CHECK(format_usage_line(batch, zone).find("\"accessible_mode\":2") != std::string::npos);

    usage.screen_view("home");
    const UsageBatch next = usage.take(start + std::chrono::seconds(30));
    CHECK(next.accessible_mode == 0);
    CHECK(format_usage_line(next, zone).find("accessible_mode") == std::string::npos);
}
