// [Issue 19] What a screen shows above the reach band in the 无障碍 / Accessible mode: the room
// (FrameContext::above) where a visitor only looks, never touches; a heading with its lines drawn there.
#pragma once

#include "screens/screen.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The room above the reach band when the mode is on and leaves at least `min_h` of it; else an empty rect.
ImRect above_room(const FrameContext& f, float min_h);

// While it lives, what is drawn is clipped to FrameContext::above (the screen's own clip is the band), and the
// app is told the screen drew there (it then draws no title of its own).
class AboveScope {
public:
    explicit AboveScope(FrameContext& f);
    ~AboveScope();
    AboveScope(const AboveScope&) = delete;
    AboveScope& operator=(const AboveScope&) = delete;

private:
    ImDrawList* draw_;
};

// A screen's heading at the top of `r`: `title` in the title font, then each of
// `lines` in the heading font, muted, wrapped to at most two lines each; lines that do not fit are left out.
// Returns the bottom of what was drawn.
float draw_above_heading(FrameContext& f, const ImRect& r, std::string_view title, const std::vector<std::string>& lines);

} // namespace kiosk
