// A grid of equal cards scrolling inside a viewport: where card i is and which
// cards a scroll offset shows, so screens build only the visible ones.
#pragma once

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

#include <utility>

namespace kiosk {

struct CardGrid {
    ImRect viewport;        // the visible area; the content scrolls inside it
    int count = 0;
    int columns = 1;
    ImVec2 card;            // one card's size
    float gap = 0;          // between cards, both ways
    float pad_top = 0;      // above the first row and below the last (room for shadows)

    float row_pitch() const { return card.y + gap; }
    int rows() const { return (count + columns - 1) / columns; }
    float content_height() const;
    // The cards whose rows show in the viewport at scroll `offset`: [first, last).
    std::pair<int, int> visible(float offset) const;
    ImRect rect(int index, float offset) const;
};

// As many columns as fit cards at least `min_card_width` wide, and at least `min_columns`.
int grid_columns(float width, float min_card_width, float gap, int min_columns = 1);

// A grid filling the viewport's width; card height = width * `image_aspect` + `text_height`.
CardGrid make_card_grid(const ImRect& viewport, int count, int columns, float gap, float image_aspect,
                        float text_height);

} // namespace kiosk
