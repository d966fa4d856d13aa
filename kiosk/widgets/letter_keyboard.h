// An on-screen letter keyboard for visitors who cannot or will not type on a
// real one: a–z as large keys in QWERTY rows, a backspace and a clear key.
// A key fires on the release of a tap (TouchInput::tapped): a finger that
// slides across the keys, or lands on one and moves off, types nothing.
#pragma once

#include "feed/localized_text.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk {

enum class KeyAction { none, letter, backspace, clear };

struct KeyTyped {
    KeyAction action = KeyAction::none;
    char letter = 0;   // 'a'…'z' for KeyAction::letter
};

struct LetterKey {
    KeyAction action = KeyAction::letter;
    char letter = 0;
    ImRect rect;
};

// The keys laid out in `area`: three rows (qwertyuiop, asdfghjkl, then clear two
// keys wide, zxcvbnm and backspace), as large as the area allows, centred at its top.
std::vector<LetterKey> letter_keyboard_layout(const Theme& theme, const ImRect& area);

// The height the keyboard takes at `width` (keys no larger than touch needs).
float letter_keyboard_height(const Theme& theme, float width);
// The narrowest the keys fit in: ten keys of the least touch size and their gaps (a narrower area overflows).
float letter_keyboard_least_width(const Theme& theme);

// The backspace key's face (⌫) fitted to `r`: a left-pointing key outline with an × in it.
void draw_backspace_icon(ImDrawList* dl, const ImRect& r, ImU32 color, float thickness);

// Draws the keys (a held key looks pressed; backspace as its icon) and returns what this frame's tap typed.
KeyTyped draw_letter_keyboard(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& area, Lang lang);

} // namespace kiosk
