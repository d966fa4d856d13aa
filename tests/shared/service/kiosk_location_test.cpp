#include "service/kiosk_location.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Venue one_floor() {
    Venue v;
    v.floors.push_back({"1f", {"1 层", "1F"}, 40, 30});
    v.nodes.push_back({"entrance", {2, 15}, "1f"});
    v.nodes.push_back({"n-hall", {15, 15}, "1f"});
    v.edges.push_back({"entrance", "n-hall", 13, true});
    v.index();
    return v;
}

} // namespace

TEST_CASE("kiosk_location is checked against the feed's venue, naming a node it lacks", "[kiosk_location]") {
    const Venue venue = one_floor();
    CHECK_FALSE(check_kiosk_location("entrance", venue));
    CHECK_FALSE(check_kiosk_location("n-hall", venue));

    const auto unknown = check_kiosk_location("n-lobby", venue);
    REQUIRE(unknown);
    CHECK(unknown->level == LogLevel::warning);
    CHECK_THAT(unknown->message, Catch::StartsWith("kiosk_location \"n-lobby\" is not a node of the feed's venue"));
    CHECK_THAT(unknown->message, Catch::Contains("no \"you are here\" marker"));

    const auto nowhere = check_kiosk_location("", venue);
    REQUIRE(nowhere);
    CHECK(nowhere->level == LogLevel::info);

    // A feed without a venue has no map: nothing to say.
    CHECK_FALSE(check_kiosk_location("n-lobby", Venue{}));
    CHECK_FALSE(check_kiosk_location("", Venue{}));
}
