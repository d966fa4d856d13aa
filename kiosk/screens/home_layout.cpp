#include "screens/home_layout.h"

#include <algorithm>

namespace kiosk {

namespace {

// Rows of three at the bottom, each row's tiles sharing its width.
std::vector<ImRect> portrait_tiles(const Theme& t, ImVec2 origin, ImVec2 size, int count) {
    const float m = t.margin(), gap = t.px(24);
    const float x = origin.x + m, width = size.x - 2 * m;
    const float tile_h = t.px(260);   // larger than landscape's: the lower screen is where hands reach
    const int cols = 3;
    const int rows = (count + cols - 1) / cols;
    const float bottom = origin.y + size.y - t.px(24);
    const float top = bottom - rows * tile_h - (rows - 1) * gap;
    std::vector<ImRect> tiles;
    for (int i = 0; i < count; ++i) {
        const int row = i / cols, in_row = std::min(cols, count - row * cols);
        const float tile_w = (width - gap * (in_row - 1)) / in_row;
        const float tx = x + (i % cols) * (tile_w + gap);
        const float ty = top + row * (tile_h + gap);
        tiles.emplace_back(ImVec2(tx, ty), ImVec2(tx + tile_w, ty + tile_h));
    }
    return tiles;
}

} // namespace

std::vector<ImRect> home_entry_tiles(const Theme& t, ImVec2 origin, ImVec2 size, float top, int count) {
    if (count <= 0) return {};
    if (home_portrait(size)) return portrait_tiles(t, origin, size, count);
    const float m = t.margin(), gap = t.px(24);
    const float x = origin.x + m, width = size.x - 2 * m;
    const float tile_w = (width - gap * (count - 1)) / count;
    const float tile_h = t.px(240);
    std::vector<ImRect> tiles;
    for (int i = 0; i < count; ++i) {
        const float tx = x + i * (tile_w + gap);
        tiles.emplace_back(ImVec2(tx, top), ImVec2(tx + tile_w, top + tile_h));
    }
    return tiles;
}

} // namespace kiosk
