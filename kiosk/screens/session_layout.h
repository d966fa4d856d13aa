// [Issue 19] The session page in portrait: the room under the description holds the
// session's county's product cards. Where they go, from sizes alone, for tests.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk {

// Up to `columns` × `rows` cards of `card` size, `gap` apart, from the top left of the room.
struct SessionCards {
    int columns = 3, rows = 0;
    ImVec2 card;
    float gap = 0;
    ImVec2 origin;
    int shown(int count) const { return rows > 0 ? (count < columns * rows ? count : columns * rows) : 0; }
    ImRect rect(int index) const;
};

// Three cards to a row across `room`, as many rows as the `count` products need and the room holds at
// cards no shorter than `text_h` plus 0.4 of their width (the picture), each no taller than a square
// picture over its text; no rows when one does not fit.
SessionCards session_product_cards(const Theme& t, const ImRect& room, int count, float text_h);

// The least height of one row of those cards across `width`: `text_h` and 0.4 of a card's width.
float session_cards_least_height(const Theme& t, float width, float text_h);

} // namespace kiosk
