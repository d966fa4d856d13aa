// [Issue 19] The 还在吗？/ Still there? overlay: the screen dimmed, a full-width band
// with the question, the seconds left and one large 我还在 / I'm still here button.
// Draws only; the app decides when it shows and what a touch does.
#pragma once

#include "feed/localized_text.h"
#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

namespace kiosk {

// The stay button's height at 1080p: 150 px is 15 mm on any panel whose short side is over 108 mm.
inline constexpr float kStillThereButtonHeight = 150;

// Where the stay button is on a display of `display` size; the band is centred on the rows from `top` down
// ([Issue 19] the accessible mode keeps it in the reach band).
ImRect still_there_button(const Theme& theme, ImVec2 display, float top = 0);

// The overlay over the whole display in `lang`, reading `seconds_left` of `seconds_total` (the ring's
// share). No pressed look: the finger landing anywhere dismisses it.
void draw_still_there(ImDrawList* dl, const Theme& theme, Lang lang, ImVec2 display, int seconds_left, int seconds_total,
                      float top = 0);

} // namespace kiosk
