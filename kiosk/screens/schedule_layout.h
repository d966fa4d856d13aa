// Where the schedule puts its day tabs and how tall its session rows are, from sizes
// alone (no fonts, no data), so tests can tap a tab by position and check the rows.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstddef>

namespace kiosk {

// Schedule in portrait: the screen's area is taller than wide.
inline bool schedule_portrait(ImVec2 size) { return size.y > size.x; }

// The day tabs: rows of `per_row` tabs of tab_w × tab_h, `gap` apart, filling `block`.
struct ScheduleTabs {
    ImRect block;
    int per_row = 1;
    float tab_w = 0, tab_h = 0, gap = 0;
    ImRect tab(int index) const;   // the index-th day's tab
};

// Landscape: under the top of `area`, 96 px high. Portrait: at the bottom of `area`,
// 128 px high, where a child or a wheelchair user reaches them; the list goes above.
ScheduleTabs schedule_tabs(const Theme& t, const ImRect& area, int days, bool portrait);

// A session row's height, its 16 px gap included. Landscape: 128 px on a wide list,
// else 176 (three lines). Portrait: the list's height shared among the day's `sessions`,
// from 176 up to room for `max_about_lines` lines of `about_line_h` (the description), so
// a short day fills the panel and a long one keeps 176 px rows, more of them in view.
float schedule_row_height(const Theme& t, float list_width, float list_height, std::size_t sessions, bool portrait,
                          float about_line_h, int max_about_lines);

// How many lines of description a portrait row of `row_h` has room for (0 for the plain row).
int schedule_about_lines(const Theme& t, float row_h, float about_line_h, int max_about_lines);

} // namespace kiosk
