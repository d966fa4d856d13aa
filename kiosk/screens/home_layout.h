// Where Home puts its large entries, from the area below the top bar alone (no
// fonts), so tests can tap an entry by position and check its size.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk {

// The entries' rectangles, `count` of them. Landscape: one row from `top` (below the live
// strip), 240 px high or what the area leaves; rows of three where a row of all would make
// tiles under 260 px wide (the accessible mode's band on a portrait panel). Portrait: rows of three at the bottom of the area, in reach of a child or a
// wheelchair user; a shorter last row shares the width. `top` is not used in portrait.
std::vector<ImRect> home_entry_tiles(const Theme& t, ImVec2 origin, ImVec2 size, float top, int count);

// Home in portrait: the screen's size is taller than wide.
inline bool home_portrait(ImVec2 size) { return size.y > size.x; }

} // namespace kiosk
