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
    const float left_w = std::round(area.GetWidth() * 0.56f);
    // [Issue 19] A wide band too narrow for the keys beside the results (the accessible mode's on a portrait
    // panel): the least keys at the bottom, the results across above them, rather than keys under the results.
    const bool keys_fit_left = left_w >= letter_keyboard_least_width(t);
    if (size.y > size.x || !keys_fit_left) {   // portrait: the keys at the bottom, in reach
        const float kb_w = size.y > size.x ? area.GetWidth() : letter_keyboard_least_width(t);
        const float kb_h = letter_keyboard_height(t, kb_w);
        l.field = ImRect(area.Min, ImVec2(area.Max.x, area.Min.y + field_h));
        l.keyboard = ImRect(ImVec2(area.Min.x, area.Max.y - kb_h), ImVec2(area.Min.x + kb_w, area.Max.y));
        l.results = ImRect(ImVec2(area.Min.x, l.field.Max.y + under_field), ImVec2(area.Max.x, l.keyboard.Min.y - t.px(24)));
        l.note = ImRect(l.field.Max, l.field.Max);
        return l;
    }
    const float kb_h = letter_keyboard_height(t, left_w);
    l.field = ImRect(area.Min, ImVec2(area.Min.x + left_w, area.Min.y + field_h));
    l.keyboard = ImRect(ImVec2(area.Min.x, area.Max.y - kb_h), ImVec2(area.Min.x + left_w, area.Max.y));
    l.note = field_above ? ImRect(l.field.Max, l.field.Max)
                         : ImRect(ImVec2(area.Min.x, l.field.Max.y + t.px(24)), ImVec2(area.Min.x + left_w, l.keyboard.Min.y - t.px(24)));
    l.results = ImRect(ImVec2(l.field.Max.x + t.px(40), area.Min.y), area.Max);
    return l;
}

// [Issue 19] From the fonts in use (the accessible mode's are 1.5×: a hit's title ran into its second line);
// without fonts (layout tests) their sizes at 1080p: heading 40 px, body 28 px.
namespace {
float line(const Theme& t, const ImFont* font, float at_1080p) { return font ? font->FontSize : t.px(at_1080p); }
} // namespace

float search_heading_height(const Theme& t) { return line(t, t.fonts.heading, 40) + t.px(24); }
float search_hit_height(const Theme& t) { return t.px(10 + 10) + line(t, t.fonts.heading, 40) + line(t, t.fonts.body, 28) + t.px(12 + 12); }
float search_more_height(const Theme& t) { return t.px(10) + line(t, t.fonts.body, 28) + t.px(18); }

float search_line_heading_height(const Theme& t) { return line(t, t.fonts.body, 28) + t.px(8); }
float search_line_hit_height(const Theme& t) { return std::max(t.touch_min(), line(t, t.fonts.body, 28) + t.px(22)) + t.px(6); }
float search_line_more_height(const Theme& t) { return line(t, t.fonts.body, 28) + t.px(14); }

bool search_lists_on_one_line(const Theme& t, const ImRect& results) {
    return results.GetHeight() < search_heading_height(t) + 2 * search_hit_height(t);
}

} // namespace kiosk
