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
    // One row; on a narrow area (a portrait panel's reach band in the accessible mode) rows of three.
    const int cols = (width - gap * (count - 1)) / count < t.px(260) ? std::min(3, count) : count;
    const int rows = (count + cols - 1) / cols;
    const float tile_w = (width - gap * (cols - 1)) / cols;
    // 240 px, or what is left above the area's foot (a short area: the accessible mode's band).
    const float room = (origin.y + size.y - t.px(24) - top - gap * (rows - 1)) / rows;
    const float tile_h = std::max(t.touch_min(), std::min(t.px(240), room));
    std::vector<ImRect> tiles;
    for (int i = 0; i < count; ++i) {
        const float tx = x + (i % cols) * (tile_w + gap), ty = top + (i / cols) * (tile_h + gap);
        tiles.emplace_back(ImVec2(tx, ty), ImVec2(tx + tile_w, ty + tile_h));
    }
    return tiles;
}

} // namespace kiosk
