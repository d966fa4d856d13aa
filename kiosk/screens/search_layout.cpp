#include "screens/search_layout.h"

#include "widgets/letter_keyboard.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

SearchLayout search_layout(const Theme& t, ImVec2 origin, ImVec2 size, bool field_above) {
    const float m = t.margin();
    const ImRect area(ImVec2(origin.x + m, origin.y + t.px(24)), ImVec2(origin.x + size.x - m, origin.y + size.y - t.px(24)));
    const float field_h = field_above ? 0.0f : t.px(112);
    const float under_field = field_above ? 0.0f : t.px(20);
    SearchLayout l;
    if (size.y > size.x) {   // portrait: the keys at the bottom, in reach
        const float kb_h = letter_keyboard_height(t, area.GetWidth());
        l.field = ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + field_h));
        l.keyboard = ImRect(ImVec2(area.Min.x, area.Max.y - kb_h), area.Max);
        l.results = ImRect(ImVec2(area.Min.x, l.field.Max.y + under_field), ImVec2(area.Max.x, l.keyboard.Min.y - t.px(24)));
        l.note = ImRect(l.field.Max, l.field.Max);
        return l;
    }
    // [Issue 19] Never narrower than the keys (a short wide area, the accessible mode's on a portrait panel).
    const float left_w = std::max(std::round(area.GetWidth() * 0.56f), std::min(letter_keyboard_min_width(t), area.GetWidth()));
    const float kb_h = letter_keyboard_height(t, left_w);
    l.field = ImRect(area.Min, ImVec2(area.Min.x + left_w, area.Min.y + field_h));
    l.keyboard = ImRect(ImVec2(area.Min.x, area.Max.y - kb_h), ImVec2(area.Min.x + left_w, area.Max.y));
    l.note = field_above ? ImRect(l.field.Max, l.field.Max)
                         : ImRect(ImVec2(area.Min.x, l.field.Max.y + t.px(24)), ImVec2(area.Min.x + left_w, l.keyboard.Min.y - t.px(24)));
    l.results = ImRect(ImVec2(l.field.Max.x + t.px(40), area.Min.y), area.Max);
    return l;
}

float search_heading_height(const Theme& t) { return t.px(64); }
float search_hit_height(const Theme& t) { return t.px(112); }
float search_more_height(const Theme& t) { return t.px(56); }

} // namespace kiosk
