#include "widgets/scroll_cue.h"

#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>

namespace kiosk {

namespace {

// The cue's text: the normal body size (a small sign, not what is read), so the strip takes little of a short list.
ImFont* cue_font(const Theme& theme, Lang lang) { return (lang == Lang::en ? theme.font_set.en : theme.font_set.zh).body; }

float cue_font_size(const Theme& theme) { return theme.font_set.zh.body ? theme.font_set.zh.body->FontSize : theme.px(28); }

} // namespace

float scroll_cue_strip_height(const Theme& theme) { return cue_font_size(theme) + theme.px(6 + 4); }

void draw_scroll_cues(ImDrawList* dl, const Theme& theme, const std::vector<ImRect>& viewports, Lang lang) {
    ImFont* font = cue_font(theme, lang);
    if (!font) return;
    const std::string& text = ui_text("scroll_more", lang);
    const float strip = scroll_cue_strip_height(theme), fade = theme.px(28);
    const ImU32 clear = theme.background & ~IM_COL32_A_MASK;
    for (const ImRect& v : viewports) {
        const float cut = v.Max.y - strip;   // where the rows end (ScrollArea::rows_clip)
        dl->PushClipRect(v.Min, v.Max, true);
        const float top = std::max(v.Min.y, cut - fade);
        dl->AddRectFilledMultiColor(ImVec2(v.Min.x, top), ImVec2(v.Max.x, cut), clear, clear, theme.background, theme.background);
        const ImVec2 size = text_size(font, text);
        const float pad = theme.px(16), h = size.y + theme.px(6);
        const ImVec2 min(std::round(v.GetCenter().x - size.x * 0.5f - pad), std::round(v.Max.y - h - theme.px(2)));
        const ImVec2 max(min.x + size.x + 2 * pad, min.y + h);
        dl->AddRectFilled(min, max, theme.bar, h * 0.5f);
        draw_text(dl, font, ImVec2(min.x + pad, min.y + theme.px(3)), theme.bar_text, text);
        dl->PopClipRect();
    }
}

} // namespace kiosk
