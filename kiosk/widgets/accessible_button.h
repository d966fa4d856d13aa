// [Issue 19] The 无障碍 / Accessible button: on every visitor screen, in a strip
// of its own under the screen's area (never over what a screen shows), with the
// accessibility symbol (a figure with open arms in a circle). Draws only; the
// app says where and what a tap does.
#pragma once

#include "feed/localized_text.h"
#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

namespace kiosk {

// The button's size at 1080p: over 15 mm each way on any panel whose short side is over 23 cm.
inline constexpr float kAccessibleButtonWidth = 320;
inline constexpr float kAccessibleButtonHeight = 72;
inline constexpr float kAccessibleStripHeight = 88;   // the strip it sits in, under the screen's area

// Where the button goes in its strip: at the right, centred on the strip's height.
ImRect accessible_button_rect(const Theme& theme, const ImRect& strip);

// The strip under the screen's area (the button's ground).
void draw_accessible_strip(ImDrawList* dl, const Theme& theme, const ImRect& strip);

// The button in `lang`; lit while the mode is `on`, pressed while `held`.
void draw_accessible_button(ImDrawList* dl, const Theme& theme, Lang lang, const ImRect& r, bool on, bool held);

// The accessibility symbol in a circle of `diameter` centred on `centre`.
void draw_accessibility_symbol(ImDrawList* dl, ImVec2 centre, float diameter, ImU32 ink, float stroke);

} // namespace kiosk
