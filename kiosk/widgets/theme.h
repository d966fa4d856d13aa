// Colours and sizes. Sizes are given at 1080p and scaled with the screen, so
// touch targets stay ≥ 64 px and body text ≥ 28 px at 1080p.
#pragma once

#include "feed/localized_text.h"
#include "platform/fonts.h"

#include <imgui.h>

#include <cmath>

namespace kiosk {

struct Theme {
    float scale = 1.0f;      // 1 at 1080p: min(width, height) / 1080
    FontRoles fonts;         // the visitor language's (use_language): what screens draw that language's text with
    FontSet font_set;        // both languages'

    // Text of one language drawn whatever the visitor's (the 中文/EN switch, bilingual notices).
    const FontRoles& fonts_for(Lang lang) const { return lang == Lang::en ? font_set.en : font_set.zh; }
    void use_language(Lang lang) { fonts = fonts_for(lang); }

    float px(float at_1080p) const { return std::round(at_1080p * scale); }

    // A warm festival palette: deep red bars, gold accents, paper-white cards.
    ImU32 background = IM_COL32(250, 245, 238, 255);
    ImU32 bar = IM_COL32(168, 24, 36, 255);
    ImU32 bar_text = IM_COL32(255, 246, 230, 255);
    ImU32 card = IM_COL32(255, 255, 255, 255);
    ImU32 card_pressed = IM_COL32(246, 228, 214, 255);
    ImU32 card_border = IM_COL32(226, 212, 198, 255);
    ImU32 text = IM_COL32(40, 30, 28, 255);
    ImU32 text_muted = IM_COL32(118, 100, 92, 255);
    ImU32 accent = IM_COL32(214, 140, 20, 255);
    ImU32 highlight = IM_COL32(255, 236, 200, 255);
    ImU32 live = IM_COL32(200, 32, 32, 255);       // [Issue 19] was (220, 38, 38): 4.45:1 on the background
    ImU32 good = IM_COL32(22, 128, 72, 255);
    ImU32 warning = IM_COL32(160, 88, 0, 255);     // [Issue 19] was (190, 110, 0): 3.34:1 on highlight
    double min_contrast = 4.5;                      // [Issue 19] of text on its background (WCAG 2 AA)

    float touch_min() const { return px(64); }
    float margin() const { return px(32); }
    float gap() const { return px(16); }
    float rounding() const { return px(14); }

    // Applies sizes and colours to the ImGui style of the current context.
    void apply_to_style() const;
};

} // namespace kiosk
