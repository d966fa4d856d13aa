// The usage line's search results opened and routes shown (what `kiosk report`
// counts per county): only in lines that had them, so older lines stay as they were.
#include "service/usage_stats.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("usage: search results opened and routes shown are counted and written only when there were any") {
    const auto start = std::chrono::system_clock::time_point(std::chrono::seconds(1589630400));
    const TimeZone zone = TimeZone::fixed_offset(8 * 3600);
    UsageCounter counter(start);
    counter.screen_view("home");
    CHECK(format_usage_line(counter.take(start + std::chrono::seconds(15)), zone).find("search_opens") == std::string::npos);
    counter.search_open("product", "jc-junzao");
    counter.search_open("product", "jc-junzao");
    counter.route_shown("booth-jiaocheng");
    const UsageBatch batch = counter.take(start + std::chrono::seconds(30));
    CHECK_FALSE(batch.empty());
    const std::string line = format_usage_line(batch, zone);
    CHECK_THAT(line, Catch::Contains("\"search_opens\":{\"product:jc-junzao\":2}"));
    CHECK_THAT(line, Catch::EndsWith("\"routes\":{\"booth-jiaocheng\":1}}\n"));
}
