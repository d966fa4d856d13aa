// Where the search screen puts its parts, from the area below the top bar alone
// (no fonts), so tests can tap a key or a result by position.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk {

struct SearchLayout {
    ImRect field;      // the letters typed
    ImRect note;       // landscape: between the letters and the keys (how much was found); empty in portrait
    ImRect results;    // the result list, which scrolls
    ImRect keyboard;   // the letter keys (widgets/letter_keyboard.h)
};

// Landscape: the letters and the keys on the left, the results on the right.
// Portrait: the letters at the top, the results below, the keys at the bottom.
// `field_above`: the letters and the note are drawn elsewhere (above the reach band in the accessible
// mode): both empty, the keys and the results take the area.
SearchLayout search_layout(const Theme& t, ImVec2 origin, ImVec2 size, bool field_above = false);

// The result list's rows: a kind's heading, a result, and "N more".
float search_heading_height(const Theme& t);
float search_hit_height(const Theme& t);
float search_more_height(const Theme& t);

// [Issue 19] The list's rows on one line each (a result's name · a short detail), for a band too short for two
// results of two lines (the accessible mode on a portrait panel): never lower than the least touch target.
float search_line_heading_height(const Theme& t);
float search_line_hit_height(const Theme& t);   // the card and the gap under it
float search_line_more_height(const Theme& t);
// Whether a result list in `results` takes the one-line rows: fewer than two results of two lines fit under a heading.
bool search_lists_on_one_line(const Theme& t, const ImRect& results);

} // namespace kiosk
