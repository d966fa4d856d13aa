// Rotation: the UI's size, and where touches on the panel land in the UI.
#include "platform/rotation.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

const Size2 kPanel{1920, 1080};   // a landscape panel

void check_maps(Point2 physical, int rotation, Point2 expected) {
    const Point2 got = to_logical(physical, kPanel, rotation);
    INFO("rotation " << rotation << ": panel (" << physical.x << ", " << physical.y << ") -> UI (" << got.x << ", "
                     << got.y << "), expected (" << expected.x << ", " << expected.y << ")");
    CHECK(got.x == Approx(expected.x));
    CHECK(got.y == Approx(expected.y));
    const Point2 back = to_physical(got, kPanel, rotation);
    CHECK(back.x == Approx(physical.x));
    CHECK(back.y == Approx(physical.y));
}

} // namespace

TEST_CASE("the UI lays out for the panel turned: portrait at 90 and 270") {
    CHECK(logical_size(kPanel, 0).width == 1920);
    CHECK(logical_size(kPanel, 0).height == 1080);
    CHECK(logical_size(kPanel, 90).width == 1080);
    CHECK(logical_size(kPanel, 90).height == 1920);
    CHECK(logical_size(kPanel, 180).width == 1920);
    CHECK(logical_size(kPanel, 270).width == 1080);
    CHECK(logical_size(kPanel, 270).height == 1920);
}

TEST_CASE("a touch at each corner of the panel maps to the right UI corner for 0 90 180 and 270") {
    const Point2 tl{0, 0}, tr{1920, 0}, bl{0, 1080}, br{1920, 1080};
    // Unturned: each corner is itself.
    check_maps(tl, 0, {0, 0});
    check_maps(tr, 0, {1920, 0});
    check_maps(bl, 0, {0, 1080});
    check_maps(br, 0, {1920, 1080});
    // 90 clockwise: the UI (1080 wide, 1920 tall) has its top-left at the panel's top-right.
    check_maps(tr, 90, {0, 0});
    check_maps(br, 90, {1080, 0});
    check_maps(tl, 90, {0, 1920});
    check_maps(bl, 90, {1080, 1920});
    // 180: upside down.
    check_maps(br, 180, {0, 0});
    check_maps(bl, 180, {1920, 0});
    check_maps(tr, 180, {0, 1080});
    check_maps(tl, 180, {1920, 1080});
    // 270 clockwise: the UI's top-left at the panel's bottom-left.
    check_maps(bl, 270, {0, 0});
    check_maps(tl, 270, {1080, 0});
    check_maps(br, 270, {0, 1920});
    check_maps(tr, 270, {1080, 1920});
}

TEST_CASE("a touch off the corners turns with the panel and is not mirrored") {
    // Near the panel's top-right corner, 100 px left of the edge and 10 px down.
    check_maps({1820, 10}, 0, {1820, 10});
    check_maps({1820, 10}, 90, {10, 100});     // near the UI's top-left: 10 along its top, 100 down its left
    check_maps({1820, 10}, 180, {100, 1070});
    check_maps({1820, 10}, 270, {1070, 1820});
}

TEST_CASE("only quarter turns are rotations") {
    for (int r : {0, 90, 180, 270}) CHECK(is_valid_rotation(r));
    for (int r : {-90, 45, 360}) CHECK_FALSE(is_valid_rotation(r));
    check_maps({5, 7}, 45, {5, 7});   // treated as 0
}
