#include "widgets/accessible_button.h"

#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImRect accessible_button_rect(const Theme& theme, const ImRect& strip) {
    const float w = std::min(theme.px(kAccessibleButtonWidth), strip.GetWidth() - 2 * theme.margin());
    const float h = std::min(theme.px(kAccessibleButtonHeight), strip.GetHeight());
    const ImVec2 min(strip.Max.x - theme.margin() - w, std::round(strip.GetCenter().y - h * 0.5f));
    return ImRect(min, ImVec2(min.x + w, min.y + h));
}

void draw_accessible_strip(ImDrawList* dl, const Theme& theme, const ImRect& strip) {
    dl->AddRectFilled(strip.Min, strip.Max, theme.card);
    dl->AddRectFilled(strip.Min, ImVec2(strip.Max.x, strip.Min.y + std::max(1.0f, theme.px(2))), theme.card_border);
}

void draw_accessibility_symbol(ImDrawList* dl, ImVec2 c, float d, ImU32 ink, float stroke) {
    const float r = d * 0.5f;
    dl->AddCircle(c, r - stroke * 0.5f, ink, 48, stroke);
    dl->AddCircleFilled(ImVec2(c.x, c.y - r * 0.52f), r * 0.14f, ink, 24);                                  // head
    dl->AddLine(ImVec2(c.x - r * 0.5f, c.y - r * 0.22f), ImVec2(c.x + r * 0.5f, c.y - r * 0.22f), ink, stroke);   // open arms
    dl->AddLine(ImVec2(c.x, c.y - r * 0.3f), ImVec2(c.x, c.y + r * 0.12f), ink, stroke);                   // body
    dl->AddLine(ImVec2(c.x, c.y + r * 0.1f), ImVec2(c.x - r * 0.3f, c.y + r * 0.58f), ink, stroke);        // legs
    dl->AddLine(ImVec2(c.x, c.y + r * 0.1f), ImVec2(c.x + r * 0.3f, c.y + r * 0.58f), ink, stroke);
}

void draw_accessible_button(ImDrawList* dl, const Theme& theme, Lang lang, const ImRect& r, bool on, bool held) {
    // A deep blue of its own (the accessibility symbol's colour), white when the mode is on: it stands out on every screen.
    const ImU32 blue = IM_COL32(0, 62, 140, 255);
    const ImU32 fill = held ? IM_COL32(0, 40, 100, 255) : on ? IM_COL32_WHITE : blue;
    const ImU32 ink = on && !held ? blue : IM_COL32_WHITE;
    dl->AddRectFilled(ImVec2(r.Min.x, r.Min.y + theme.px(4)), ImVec2(r.Max.x, r.Max.y + theme.px(4)), IM_COL32(0, 0, 0, 50),
                      theme.rounding());
    dl->AddRectFilled(r.Min, r.Max, fill, theme.rounding());
    dl->AddRect(r.Min, r.Max, blue, theme.rounding(), 0, std::max(2.0f, theme.px(4)));
    const float d = r.GetHeight() - 2 * theme.px(10);
    const ImVec2 centre(r.Min.x + theme.px(14) + d * 0.5f, r.GetCenter().y);
    draw_accessibility_symbol(dl, centre, d, ink, std::max(2.0f, theme.px(6)));
    const float left = centre.x + d * 0.5f + theme.px(10);
    const ImRect label(ImVec2(left, r.Min.y), ImVec2(r.Max.x - theme.px(10), r.Max.y));
    const std::string& text = ui_text("accessible", lang);
    ImFont* font = theme.fonts_for(lang).heading;   // the body size when the heading's does not fit (1.5× English)
    if (text_size(font, text).x > label.GetWidth()) font = theme.fonts_for(lang).body;
    draw_text_centered(dl, font, label, ink, fit_line(font, text, label.GetWidth()));
}

} // namespace kiosk
