// Drawing helpers shared by the screens: text that wraps or shortens to fit,
// cards and buttons that respond to TouchInput. All draw into a draw list.
#pragma once

#include "widgets/theme.h"
#include "widgets/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <string_view>

namespace kiosk {

ImVec2 text_size(ImFont* font, std::string_view text, float wrap_width = 0.0f);

// Draws `text` at `pos`; wraps at `wrap_width` when > 0. Returns its height.
float draw_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text,
                float wrap_width = 0.0f);

// One line shortened with "…" to fit `max_width`.
std::string fit_line(ImFont* font, std::string_view text, float max_width);

// `text` in `font`, scaled down (never up) to fit `max_width`; returns the size used.
float fitted_font_size(ImFont* font, std::string_view text, float max_width);

// Draws `text` centred in `r`, shortened to fit its width.
void draw_text_centered(ImDrawList* dl, ImFont* font, const ImRect& r, ImU32 color, std::string_view text);

// At most `max_lines` wrapped lines within `width`, the last one shortened with "…".
std::string clamp_lines(ImFont* font, std::string_view text, float width, int max_lines);

enum class ButtonStyle { primary, secondary, on_bar, selected };

// A touch button: fires on the release of a tap inside `r`.
bool touch_button(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view label,
                  ButtonStyle style = ButtonStyle::secondary, ImFont* font = nullptr);

// [Issue 19] A touch button like touch_button whose face is an icon, not a label: `draw_icon` draws it in
// `r` (inset by the label's padding) in the label's colour. `name` is what the button is (TouchInput's recording).
using IconDrawer = void (*)(ImDrawList* dl, const ImRect& r, ImU32 color, float thickness);
bool touch_icon_button(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view name,
                       IconDrawer draw_icon, ButtonStyle style = ButtonStyle::secondary);

// A card background; pressed while a finger holds it. Returns true when tapped. `name`: what the card is
// (an item's id), for TouchInput's recording.
bool touch_card(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& r, std::string_view name = {});

// A panel that does not respond to touch: the card's background and border on `r`.
// Returns `r` inset by `padding` (px at 1080p), where its content goes.
ImRect draw_card_panel(ImDrawList* dl, const Theme& theme, const ImRect& r, float padding);

// [Issue 19] `preferred` when it reads on `fill` at the theme's min_contrast, else the theme's text
// colour or white, whichever reads better there (a badge's or a lit button's label).
ImU32 readable_on(const Theme& theme, ImU32 fill, ImU32 preferred);

// A small rounded label, e.g. 非遗 or 售罄. Returns its width.
float draw_badge(ImDrawList* dl, const Theme& theme, ImVec2 pos, std::string_view text, ImU32 fill, ImU32 color);

} // namespace kiosk
