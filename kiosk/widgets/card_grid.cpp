#include "widgets/card_grid.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

float CardGrid::content_height() const {
    const int n = rows();
    return n == 0 ? 0.0f : 2 * pad_top + n * card.y + (n - 1) * gap;
}

std::pair<int, int> CardGrid::visible(float offset) const {
    if (count <= 0 || row_pitch() <= 0) return {0, 0};
    // Row r spans [pad_top + r * pitch, … + card.y) in content coordinates.
    const float top = offset - pad_top, bottom = offset + viewport.GetHeight() - pad_top;
    const int first_row = std::max(0, static_cast<int>(std::floor((top - card.y) / row_pitch())) + 1);
    const int last_row = std::min(rows(), static_cast<int>(std::ceil(bottom / row_pitch())));
    if (last_row <= first_row) return {0, 0};
    return {first_row * columns, std::min(count, last_row * columns)};
}

ImRect CardGrid::rect(int index, float offset) const {
    const int row = index / columns, col = index % columns;
    const float x = std::round(viewport.Min.x + col * (card.x + gap));
    const float y = std::round(viewport.Min.y + pad_top + row * row_pitch() - offset);
    return ImRect(ImVec2(x, y), ImVec2(x + std::round(card.x), y + std::round(card.y)));
}

int grid_columns(float width, float min_card_width, float gap, int min_columns) {
    const int fit = static_cast<int>(std::floor((width + gap) / (min_card_width + gap)));
    return std::max({1, min_columns, fit});
}

CardGrid make_card_grid(const ImRect& viewport, int count, int columns, float gap, float image_aspect,
                        float text_height) {
    CardGrid g;
    g.viewport = viewport;
    g.count = std::max(0, count);
    g.columns = std::max(1, columns);
    g.gap = gap;
    g.pad_top = std::round(gap * 0.5f);
    const float w = std::floor((viewport.GetWidth() - gap * (g.columns - 1)) / g.columns);
    g.card = ImVec2(w, std::round(w * image_aspect + text_height));
    return g;
}

} // namespace kiosk
