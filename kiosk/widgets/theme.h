// Colours and sizes. Sizes are given at 1080p and scaled with the screen, so
// touch targets stay ≥ 64 px and body text ≥ 28 px at 1080p.
#pragma once

#include "feed/localized_text.h"
#include "platform/fonts.h"

#include <imgui.h>

#include <cmath>
#include <vector>

namespace kiosk {

// The colours text and shapes are drawn in. Its defaults are the normal palette; high_contrast() is
// the accessible mode's twin.
struct Palette {
    // A warm festival palette: deep red bars, gold accents, paper-white cards.
    ImU32 background = IM_COL32(250, 245, 238, 255);
    ImU32 bar = IM_COL32(168, 24, 36, 255);
    ImU32 bar_text = IM_COL32(255, 246, 230, 255);
    ImU32 card = IM_COL32(255, 255, 255, 255);
    ImU32 card_pressed = IM_COL32(246, 228, 214, 255);
    ImU32 card_border = IM_COL32(226, 212, 198, 255);
    ImU32 text = IM_COL32(40, 30, 28, 255);
    ImU32 text_muted = IM_COL32(118, 100, 92, 255);
    ImU32 accent = IM_COL32(168, 92, 0, 255);     // white text on it ≥ 4.5:1 (the gold of old was 2.8:1)
    ImU32 highlight = IM_COL32(255, 236, 200, 255);
    ImU32 live = IM_COL32(200, 30, 30, 255);
    ImU32 good = IM_COL32(22, 128, 72, 255);
    ImU32 warning = IM_COL32(160, 82, 0, 255);    // on highlight, cards and the background ≥ 4.5:1
    double min_contrast = 4.5;                     // [Issue 19] of text on its ground (WCAG 2 AA); readable_on() keeps it

    // Black on white, darker reds and golds, firm borders: every pair of text_pairs() ≥ 7:1.
    static Palette high_contrast();
};

struct Theme : Palette {
    float scale = 1.0f;      // 1 at 1080p: min(width, height) / 1080
    FontRoles fonts;         // the visitor language's (use_language): what screens draw that language's text with
    FontSet font_set;        // both languages'

    // [Issue 19] The accessible mode's text: fonts_for() gives the × kLargeTextScale roles once the atlas has them.
    bool large_text = false;
    bool high_contrast = false;   // use_high_contrast(): every text on its ground ≥ 7:1 (≥ 4.5:1 without)

    // Text of one language drawn whatever the visitor's (the 中文/EN switch, bilingual notices).
    const FontRoles& fonts_for(Lang lang) const {
        if (large_text && font_set.has_large) return lang == Lang::en ? font_set.en_large : font_set.zh_large;
        return lang == Lang::en ? font_set.en : font_set.zh;
    }
    void use_language(Lang lang) { fonts = fonts_for(lang); }
    // Whether the fonts drawn now are the accessible mode's bigger ones.
    bool large_fonts_shown() const { return large_text && font_set.has_large; }
    // The normal palette, or its high-contrast twin (the accessible mode).
    void use_high_contrast(bool on);

    float px(float at_1080p) const { return std::round(at_1080p * scale); }
    // [Issue 19] A size that holds text: px(), × kLargeTextScale while the accessible mode's fonts draw.
    float text_px(float at_1080p) const { return px(large_fonts_shown() ? at_1080p * kLargeTextScale : at_1080p); }

    float touch_min() const { return px(64); }
    float margin() const { return px(32); }
    float gap() const { return px(16); }
    float rounding() const { return px(14); }

    // Applies sizes and colours to the ImGui style of the current context.
    void apply_to_style() const;
};

// [Issue 19] The WCAG 2 contrast ratio of two opaque colours (1 … 21).
float contrast_ratio(ImU32 a, ImU32 b);

// One ink the widgets and screens write text with on one ground they put it on.
struct TextPair {
    const char* name;   // "text_muted on card"
    ImU32 ink;
    ImU32 ground;
};

// Every text/ground pair the widgets and screens use with `theme`'s palette.
std::vector<TextPair> text_pairs(const Theme& theme);

} // namespace kiosk
