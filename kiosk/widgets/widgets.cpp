#include "widgets/widgets.h"

#include "widgets/contrast.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

ImVec2 text_size(ImFont* font, std::string_view text, float wrap_width) {
    if (text.empty()) text = "";   // a null data(): ImGui would take the end for "up to the NUL" (strlen(nullptr))
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap_width, text.data(), text.data() + text.size());
}

float fitted_font_size(ImFont* font, std::string_view text, float max_width) {
    const float width = text_size(font, text).x;
    if (width <= max_width || width <= 0) return font->FontSize;
    return std::max(1.0f, std::floor(font->FontSize * max_width / width));
}

float draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text, float wrap_width) {
    if (text.empty()) text = "";   // as in text_size
    dl->AddText(font, font->FontSize, ImVec2(std::round(pos.x), std::round(pos.y)), color, text.data(),
                text.data() + text.size(), wrap_width);
    return text_size(font, text, wrap_width).y;
}

std::string fit_line(ImFont* font, std::string_view text, float max_width) {
    if (text_size(font, text).x <= max_width) return std::string(text);
    static constexpr std::string_view kEllipsis = "…";
    const float room = std::max(0.0f, max_width - text_size(font, kEllipsis).x);
    const char* end = font->CalcWordWrapPositionA(1.0f, text.data(), text.data() + text.size(), room);
    // CalcWordWrapPositionA prefers word breaks; for a single line cut exactly.
    std::string_view head = text.substr(0, static_cast<std::size_t>(end - text.data()));
    while (!head.empty() && text_size(font, head).x > room) head.remove_suffix(1);
    while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0) == 0x80) head.remove_suffix(1);
    if (!head.empty() && static_cast<unsigned char>(head.back()) >= 0xC0) head.remove_suffix(1);
    std::string out(head);
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + std::string(kEllipsis);
}

void draw_text_centered(ImDrawList* dl, ImFont* font, const ImRect& r, ImU32 color, std::string_view text) {
    const std::string line = fit_line(font, text, r.GetWidth());
    const ImVec2 size = text_size(font, line);
    draw_text(dl, font, ImVec2(r.Min.x + (r.GetWidth() - size.x) * 0.5f, r.Min.y + (r.GetHeight() - size.y) * 0.5f),
              color, line);
}

std::string clamp_lines(ImFont* font, std::string_view text, float width, int max_lines) {
    std::string out;
    const char* p = text.data();
    const char* end = text.data() + text.size();
    for (int line = 0; line < max_lines && p < end; ++line) {
        const char* wrap = font->CalcWordWrapPositionA(1.0f, p, end, width);
        if (wrap == p) wrap = p + 1;   // a glyph wider than the line: take it anyway
        const char* newline = std::find(p, wrap, '\n');
        if (newline != wrap) wrap = newline;
        if (line == max_lines - 1 && wrap < end) {
            out += fit_line(font, std::string_view(p, static_cast<std::size_t>(end - p)), width);
            return out;
        }
        out.append(p, wrap);
        p = wrap;
        while (p < end && (*p == ' ' || *p == '\n')) ++p;
        if (p < end && line < max_lines - 1) out += '\n';
    }
    return out;
}

namespace {

// A button's fill, label colour and border in `style`, pressed while `held`.
struct ButtonLook {
    ImU32 fill, color, border;
};
ButtonLook button_look(const Theme& theme, ButtonStyle style, bool held) {
    ButtonLook look{theme.card, theme.text, theme.card_border};
    switch (style) {
    case ButtonStyle::primary: look = {theme.bar, theme.bar_text, theme.bar}; break;
    case ButtonStyle::selected: look = {theme.accent, readable_on(theme, theme.accent, IM_COL32_WHITE), theme.accent}; break;
    case ButtonStyle::on_bar: look = {IM_COL32(255, 255, 255, 40), theme.bar_text, IM_COL32(255, 255, 255, 90)}; break;
    case ButtonStyle::secondary: break;
    }
    if (held) look.fill = style == ButtonStyle::secondary ? theme.card_pressed : IM_COL32(255, 255, 255, 90);
    return look;
}

ImRect draw_button_face(ImDrawList* dl, const Theme& theme, const ImRect& r, const ButtonLook& look) {
    dl->AddRectFilled(r.Min, r.Max, look.fill, theme.rounding());
    dl->AddRect(r.Min, r.Max, look.border, theme.rounding(), 0, std::max(1.0f, theme.px(2)));
    ImRect inner = r;
    inner.Expand(ImVec2(-theme.px(12), 0));
    return inner;
}

} // namespace

bool touch_button(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view label,
                  ButtonStyle style, ImFont* font) {
    const ButtonLook look = button_look(theme, style, touch.holding(r));
    draw_text_centered(dl, font ? font : theme.fonts.body, draw_button_face(dl, theme, r, look), look.color, label);
    return touch.tapped(r, label);
}

bool touch_icon_button(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view name,
                       IconDrawer draw_icon, ButtonStyle style) {
    const ButtonLook look = button_look(theme, style, touch.holding(r));
    draw_icon(dl, draw_button_face(dl, theme, r, look), look.color, std::max(2.0f, theme.px(4)));
    return touch.tapped(r, name);
}

bool touch_card(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view name) {
    const bool held = touch.holding(r);
    dl->AddRectFilled(ImVec2(r.Min.x, r.Min.y + theme.px(3)), ImVec2(r.Max.x, r.Max.y + theme.px(3)),
                      IM_COL32(0, 0, 0, 18), theme.rounding());
    dl->AddRectFilled(r.Min, r.Max, held ? theme.card_pressed : theme.card, theme.rounding());
    dl->AddRect(r.Min, r.Max, theme.card_border, theme.rounding(), 0, std::max(1.0f, theme.px(1.5f)));
    return touch.tapped(r, name);
}

ImRect draw_card_panel(ImDrawList* dl, const Theme& theme, const ImRect& r, float padding) {
    dl->AddRectFilled(r.Min, r.Max, theme.card, theme.rounding());
    dl->AddRect(r.Min, r.Max, theme.card_border, theme.rounding(), 0, std::max(1.0f, theme.px(1.5f)));
    ImRect in = r;
    in.Expand(-theme.px(padding));
    return in;
}

ImU32 readable_on(const Theme& theme, ImU32 fill, ImU32 preferred) {
    const ImU32 under = blend_over(fill, theme.background);
    if (contrast_ratio(blend_over(preferred, under), under) >= theme.min_contrast) return preferred;
    return contrast_ratio(theme.text, under) >= contrast_ratio(IM_COL32_WHITE, under) ? theme.text : IM_COL32_WHITE;
}

float draw_badge(ImDrawList* dl, const Theme& theme, ImVec2 pos, std::string_view text, ImU32 fill, ImU32 color) {
    color = readable_on(theme, fill, color);
    ImFont* font = theme.fonts.body;
    const ImVec2 size = text_size(font, text);
    const float pad = theme.px(10);
    dl->AddRectFilled(pos, ImVec2(pos.x + size.x + 2 * pad, pos.y + size.y + theme.px(4)), fill, theme.px(8));
    draw_text(dl, font, ImVec2(pos.x + pad, pos.y + theme.px(2)), color, text);
    return size.x + 2 * pad;
}

} // namespace kiosk
