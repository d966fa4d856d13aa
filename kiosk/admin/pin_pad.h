// The admin PIN pad: a dot per digit typed, a 3×4 grid of large keys (1–9,
// erase, 0, OK; ≥ 96 px at 1080p, above the 64 px touch minimum), a line
// saying what happened last, and Cancel. Drawing only: PinEntry holds the logic.
#pragma once

#include "admin/pin_entry.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <string_view>

namespace kiosk {

// Where the keys were drawn; '0'–'9', kPinErase, kPinOk, kPinCancel.
inline constexpr char kPinErase = '<', kPinOk = '#', kPinCancel = 'x';

struct PinPadLayout {
    std::array<ImRect, 12> keys;   // 1 2 3 / 4 5 6 / 7 8 9 / erase 0 OK
    ImRect cancel;
    ImRect rect_of(char key) const;   // an empty rectangle for other characters
};

// Lays the pad out centred in `area`.
PinPadLayout layout_pin_pad(const Theme& theme, const ImRect& area);

struct PinPadText {
    std::string_view title, erase, ok, cancel;
    std::string_view message;   // what happened last; may be ""
    bool message_is_warning = false;
};

// Draws it; returns the key tapped this frame, or 0. A locked pad greys its
// digit keys and taps on them return nothing.
char draw_pin_pad(ImDrawList* dl, const Theme& theme, TouchInput& touch, const PinPadLayout& layout,
                  const PinPadText& text, std::size_t digits_typed, bool locked);

} // namespace kiosk
