#include "widgets/letter_keyboard.h"

#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <string_view>

namespace kiosk {

namespace {

constexpr std::string_view kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
constexpr float kMaxKey = 124;     // at 1080p: big enough for a fingertip, small enough to reach across
constexpr float kKeyAspect = 1.0f; // height / width

float gap(const Theme& t) { return t.px(12); }

// The width of a letter key when ten of them fill `width`.
float key_width(const Theme& t, float width) {
    return std::clamp((width - 9 * gap(t)) / 10, t.touch_min(), t.px(kMaxKey));
}

float key_height(const Theme& t, float width) { return std::max(t.touch_min(), std::round(key_width(t, width) * kKeyAspect)); }

} // namespace

float letter_keyboard_height(const Theme& theme, float width) { return 3 * key_height(theme, width) + 2 * gap(theme); }

float letter_keyboard_least_width(const Theme& theme) { return 10 * theme.touch_min() + 9 * gap(theme); }

std::vector<LetterKey> letter_keyboard_layout(const Theme& t, const ImRect& area) {
    const float u = key_width(t, area.GetWidth()), h = key_height(t, area.GetWidth()), g = gap(t);
    const float full = 10 * u + 9 * g;   // the top row's width: every row is centred on it
    const float left = area.Min.x + std::max(0.0f, (area.GetWidth() - full) * 0.5f);
    std::vector<LetterKey> keys;
    for (int row = 0; row < 3; ++row) {
        const std::string_view letters = kRows[row];
        const float y = area.Min.y + row * (h + g);
        const float n = static_cast<float>(letters.size());
        float x = left + (full - (n * u + (n - 1) * g)) * 0.5f;
        if (row == 2) {   // clear and backspace fill the bottom row's ends: clear two keys wide (its word whole
                          // in the accessible mode's 1.5× text at the least key size), backspace one (its icon)
            const float clear_w = 2 * u + g;
            keys.push_back({KeyAction::clear, 0, ImRect(ImVec2(left, y), ImVec2(left + clear_w, y + h))});
            keys.push_back({KeyAction::backspace, 0, ImRect(ImVec2(left + full - u, y), ImVec2(left + full, y + h))});
            x = left + clear_w + g;
        }
        for (const char c : letters) {
            keys.push_back({KeyAction::letter, c, ImRect(ImVec2(x, y), ImVec2(x + u, y + h))});
            x += u + g;
        }
    }
    return keys;
}

// [Issue 19] The backspace key's face, drawn to fit `r` whatever the key's size or the language: a key outline
// pointing left with an × in it (⌫). Its word ran out of a key of the least size in the mode's 1.5× text.
void draw_backspace_icon(ImDrawList* dl, const ImRect& r, ImU32 color, float thickness) {
    const float w = std::min(r.GetWidth() * 0.8f, r.GetHeight() * 0.6f), h = std::round(w * 0.62f);
    const ImVec2 c = r.GetCenter();
    const float l = std::round(c.x - w * 0.5f), right = l + std::round(w), top = std::round(c.y - h * 0.5f), bottom = top + h;
    const float stroke = std::clamp(h * 0.1f, 1.5f, thickness);
    const float tip = l + h * 0.5f;   // where the pointed end meets the box
    const ImVec2 outline[] = {ImVec2(l, c.y), ImVec2(tip, top), ImVec2(right, top), ImVec2(right, bottom), ImVec2(tip, bottom)};
    dl->AddPolyline(outline, 5, color, ImDrawFlags_Closed, stroke);
    const ImVec2 x((tip + right) * 0.5f, c.y);   // the × in the box
    const float arm = h * 0.2f;
    dl->AddLine(ImVec2(x.x - arm, x.y - arm), ImVec2(x.x + arm, x.y + arm), color, stroke);
    dl->AddLine(ImVec2(x.x - arm, x.y + arm), ImVec2(x.x + arm, x.y - arm), color, stroke);
}

KeyTyped draw_letter_keyboard(ImDrawList* dl, const Theme& t, TouchInput& touch, const ImRect& area, Lang lang) {
    KeyTyped typed;
    for (const LetterKey& key : letter_keyboard_layout(t, area)) {
        bool fired = false;
        if (key.action == KeyAction::letter) {
            const char label[2] = {key.letter, 0};
            fired = touch_button(dl, t, touch, key.rect, label, ButtonStyle::secondary, t.fonts.heading);
        } else if (key.action == KeyAction::clear) {
            fired = touch_button(dl, t, touch, key.rect, ui_text("key_clear", lang), ButtonStyle::primary, t.fonts.body);
        } else {   // named by its word for the recording (the audit, tests), drawn as ⌫
            fired = touch_icon_button(dl, t, touch, key.rect, ui_text("key_backspace", lang), draw_backspace_icon, ButtonStyle::primary);
        }
        if (fired) typed = KeyTyped{key.action, key.letter};
    }
    return typed;
}

} // namespace kiosk
