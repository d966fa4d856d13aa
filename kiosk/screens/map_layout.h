// [Issue 19] The map overview in portrait: under the plan, the card lists every place on the floor as
// a row a finger can tap (its number when the plan numbers it, else its colour), in large type, in two
// columns, the rows grown to fill the card. Where they go, from sizes alone, for tests.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk {

// `count` rows in `columns` columns, filled column by column from `origin`.
struct MapDirectory {
    int columns = 2, rows = 0;   // rows 0: they do not fit
    float col_w = 0, col_gap = 0, step = 0, row_h = 0;
    ImVec2 origin;
    bool fits() const { return rows > 0; }
    ImRect row(int index) const;
    float bottom() const { return origin.y + static_cast<float>(rows) * step; }
};

// The places' rows in `room`: two columns (three, up to `max_columns`, when two do not fit; their names then in a smaller
// font), each row at least a touch target (64 px) with 8 px between and at most 112 px a row, as tall as
// the room allows; no rows when they do not all fit.
MapDirectory map_directory(const Theme& t, const ImRect& room, int count, int max_columns = 3);

// [Issue 19] The accessible mode's place list in the reach band (the plan is above it, untouched): every place
// of the floor as a row with room for two lines of `line_h`, at least a touch target high, in as many columns of
// at least 420 px as `view` holds (at most four), filled row by row, scrolling when they do not all fit.
struct MapPlaceGrid {
    ImRect view;
    int columns = 1, rows = 0;
    float col_w = 0, col_gap = 0, row_h = 0, step = 0;
    float content_height() const { return static_cast<float>(rows) * step; }
    ImRect row(int index, float offset) const;   // the index-th place's row, the list scrolled by `offset`
};
MapPlaceGrid map_place_grid(const Theme& t, const ImRect& view, int count, float line_h);

} // namespace kiosk
