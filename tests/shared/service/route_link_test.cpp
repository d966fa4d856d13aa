#include "service/route_link.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("route_url templates get the kiosk node and the door and the area URL-encoded", "[route_link]") {
    CHECK(fill_route_url("https://example.org/map?from={from}&to={to}", "entrance", "2f-studio-3-door", "studio-3") ==
          "https://example.org/map?from=entrance&to=2f-studio-3-door");
    CHECK(fill_route_url("https://e.org/a/{area}?f={from}&t={to}&a={area}", "n 1", "d&2", "展厅") ==
          "https://e.org/a/%E5%B1%95%E5%8E%85?f=n%201&t=d%262&a=%E5%B1%95%E5%8E%85");
    CHECK(fill_route_url("https://e.org/{unknown}{to", "a", "b", "c") == "https://e.org/{unknown}{to");
    CHECK(fill_route_url("", "a", "b", "c").empty());
    CHECK(url_encode("A-z_0.9~/?=") == "A-z_0.9~%2F%3F%3D");
}
