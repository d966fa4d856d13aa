#include "screens/session_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImRect SessionCards::rect(int index) const {
    const float x = std::round(origin.x + static_cast<float>(index % columns) * (card.x + gap));
    const float y = std::round(origin.y + static_cast<float>(index / columns) * (card.y + gap));
    return ImRect(ImVec2(x, y), ImVec2(x + card.x, y + card.y));
}

SessionCards session_product_cards(const Theme& t, const ImRect& room, int count, float text_h) {
    SessionCards c;
    c.gap = t.px(24);
    c.origin = room.Min;
    if (count <= 0 || room.GetWidth() <= 0) return c;
    const float w = std::floor((room.GetWidth() - c.gap * static_cast<float>(c.columns - 1)) / static_cast<float>(c.columns));
    const float shortest = text_h + std::round(w * 0.4f), tallest = text_h + w;
    const int wanted = (count + c.columns - 1) / c.columns;
    c.rows = std::clamp(static_cast<int>(std::floor((room.GetHeight() + c.gap) / (shortest + c.gap))), 0, wanted);
    if (c.rows == 0) return c;
    const float h = (room.GetHeight() - c.gap * static_cast<float>(c.rows - 1)) / static_cast<float>(c.rows);
    c.card = ImVec2(w, std::floor(std::min(h, tallest)));
    return c;
}

} // namespace kiosk
