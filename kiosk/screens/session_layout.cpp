#include "screens/session_layout.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImRect SessionCards::rect(int index) const {
    const float x = std::round(origin.x + static_cast<float>(index % columns) * (card.x + gap));
    const float y = std::round(origin.y + static_cast<float>(index / columns) * (card.y + gap));
    return ImRect(ImVec2(x, y), ImVec2(x + card.x, y + card.y));
}

namespace {

constexpr int kColumns = 3;

float card_width(const Theme& t, float width) {
    return std::floor((width - t.px(24) * static_cast<float>(kColumns - 1)) / static_cast<float>(kColumns));
}

} // namespace

float session_cards_least_height(const Theme& t, float width, float text_h) {
    return text_h + std::round(card_width(t, width) * 0.4f);
}

SessionCards session_product_cards(const Theme& t, const ImRect& room, int count, float text_h) {
    SessionCards c;
    c.gap = t.px(24);
    c.origin = room.Min;
    if (count <= 0 || room.GetWidth() <= 0) return c;
    c.columns = kColumns;
    const float w = card_width(t, room.GetWidth());
    const float shortest = session_cards_least_height(t, room.GetWidth(), text_h), tallest = text_h + w;
    const int wanted = (count + c.columns - 1) / c.columns;
    c.rows = std::clamp(static_cast<int>(std::floor((room.GetHeight() + c.gap) / (shortest + c.gap))), 0, wanted);
    if (c.rows == 0) return c;
    const float h = (room.GetHeight() - c.gap * static_cast<float>(c.rows - 1)) / static_cast<float>(c.rows);
    c.card = ImVec2(w, std::floor(std::min(h, tallest)));
    return c;
}

} // namespace kiosk
