#include "screens/map_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImRect MapDirectory::row(int index) const {
    const ImVec2 at(origin.x + static_cast<float>(index / rows) * col_w, origin.y + static_cast<float>(index % rows) * step);
    return ImRect(at, ImVec2(at.x + col_w - (columns > 1 ? col_gap : 0.0f), at.y + row_h));
}

MapDirectory map_directory(const Theme& t, const ImRect& room, int count, int max_columns) {
    MapDirectory d;
    if (count <= 0) return d;
    const float gap = t.px(8), least = t.touch_min() + gap;
    d.columns = 2;
    if (static_cast<float>((count + 1) / 2) * least > room.GetHeight() && max_columns > 2) d.columns = 3;   // three when two do not fit
    const int rows = (count + d.columns - 1) / d.columns;
    if (static_cast<float>(rows) * least > room.GetHeight()) return d;   // whole or not at all
    d.col_w = room.GetWidth() / static_cast<float>(d.columns);
    d.col_gap = t.px(16);
    d.rows = rows;
    d.step = std::clamp(room.GetHeight() / static_cast<float>(rows), least, t.px(112));
    d.row_h = d.step - gap;
    d.origin = room.Min;
    return d;
}

ImRect MapPlaceGrid::row(int index, float offset) const {
    const ImVec2 at(view.Min.x + static_cast<float>(index % columns) * (col_w + col_gap),
                    view.Min.y - offset + static_cast<float>(index / columns) * step);
    return ImRect(at, ImVec2(at.x + col_w, at.y + row_h));
}

MapPlaceGrid map_place_grid(const Theme& t, const ImRect& view, int count, float line_h) {
    MapPlaceGrid g;
    g.view = view;
    g.col_gap = t.px(16);
    g.columns = std::clamp(static_cast<int>((view.GetWidth() + g.col_gap) / (t.px(420) + g.col_gap)), 1, 4);
    g.col_w = (view.GetWidth() - g.col_gap * static_cast<float>(g.columns - 1)) / static_cast<float>(g.columns);
    g.rows = (std::max(count, 0) + g.columns - 1) / g.columns;
    g.row_h = std::max(t.touch_min(), std::ceil(2 * line_h + t.px(16)));
    g.step = g.row_h + t.px(8);
    return g;
}

} // namespace kiosk
