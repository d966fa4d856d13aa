#include "widgets/theme.h"

#include "widgets/contrast.h"

#include <algorithm>

namespace kiosk {

void Theme::apply_to_style() const {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FramePadding = ImVec2(px(16), px(12));
    style.ItemSpacing = ImVec2(gap(), gap());
    style.FrameRounding = rounding();
    style.ScrollbarSize = 0;   // lists scroll by dragging; a scrollbar only steals touches
    style.TouchExtraPadding = ImVec2(px(4), px(4));
    style.AntiAliasedFill = true;
    style.AntiAliasedLines = true;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(background);
    style.Colors[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(text);
    ImGui::GetStyle() = style;
}

Palette Palette::high_contrast() {
    Palette p;
    p.min_contrast = 7;
    p.background = IM_COL32(255, 255, 255, 255);
    p.bar = IM_COL32(110, 0, 10, 255);
    p.bar_text = IM_COL32(255, 255, 255, 255);
    p.card = IM_COL32(255, 255, 255, 255);
    p.card_pressed = IM_COL32(232, 232, 232, 255);
    p.card_border = IM_COL32(40, 40, 40, 255);
    p.text = IM_COL32(0, 0, 0, 255);
    p.text_muted = IM_COL32(55, 45, 40, 255);
    p.accent = IM_COL32(110, 56, 0, 255);
    p.highlight = IM_COL32(255, 240, 205, 255);
    p.live = IM_COL32(150, 0, 0, 255);
    p.good = IM_COL32(0, 90, 40, 255);
    p.warning = IM_COL32(115, 50, 0, 255);
    return p;
}

void Theme::use_high_contrast(bool on) {
    if (on == high_contrast) return;
    high_contrast = on;
    static_cast<Palette&>(*this) = on ? Palette::high_contrast() : Palette{};
}

float contrast_ratio(ImU32 a, ImU32 b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return static_cast<float>((std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05));
}

std::vector<TextPair> text_pairs(const Theme& t) {
    const ImU32 white = IM_COL32_WHITE;
    return {
        {"text on background", t.text, t.background},     {"text on card", t.text, t.card},
        {"text on card_pressed", t.text, t.card_pressed}, {"text on highlight", t.text, t.highlight},
        {"text_muted on background", t.text_muted, t.background}, {"text_muted on card", t.text_muted, t.card},
        {"text_muted on highlight", t.text_muted, t.highlight},
        {"bar_text on bar", t.bar_text, t.bar},            // the top bar, primary buttons
        {"bar on card", t.bar, t.card},                    // the Still there? seconds, secondary labels
        {"white on accent", white, t.accent},              // selected buttons, 精选 badges
        {"white on live", white, t.live},                  // 直播中 badges
        {"white on text_muted", white, t.text_muted},      // cancelled badges
        {"white on warning", white, t.warning},            // changed-session badges
        {"warning on highlight", t.warning, t.highlight},  // tag badges, the offline badge
        {"warning on card", t.warning, t.card},            {"warning on background", t.warning, t.background},
        {"live on card", t.live, t.card},                  {"live on background", t.live, t.background},
        {"good on card", t.good, t.card},
    };
}

} // namespace kiosk
