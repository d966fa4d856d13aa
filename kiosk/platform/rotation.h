// Screen rotation: the UI is laid out for the logical (rotated) size and its
// picture turned on the panel; touches are turned back before the UI sees them.
//
// `rotation` is how far the UI picture is turned clockwise on the panel (as
// xrandr --rotate right is 90): at 90 the UI's top edge runs down the panel's
// right edge, so its top-left corner is the panel's top-right corner.
// Points are continuous coordinates: (0, 0) is a screen's top-left corner,
// (width, height) its bottom-right.
#pragma once

namespace kiosk {

struct Size2 {
    float width = 0, height = 0;
};
struct Point2 {
    float x = 0, y = 0;
};

// 0, 90, 180 and 270 are rotations; anything else is treated as 0.
bool is_valid_rotation(int degrees);

// The size the UI lays out for: the panel's, with width and height swapped at 90 and 270.
Size2 logical_size(Size2 physical, int rotation);

// Where a touch at `physical` on a panel of `physical_size` lands in the UI.
Point2 to_logical(Point2 physical, Size2 physical_size, int rotation);

// Where a UI point appears on the panel (the inverse of to_logical).
Point2 to_physical(Point2 logical, Size2 physical_size, int rotation);

} // namespace kiosk
