// The admin panel's touch test pattern: a grid with ruled edges, a dot and
// cross-hair under the finger, its trail, and a ring where each touch landed,
// so staff see at once whether touches land where the finger is (calibration,
// rotation) and reach the screen's edges.
#pragma once

#include "widgets/theme.h"
#include "widgets/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <deque>
#include <string_view>

namespace kiosk {

class TouchTestView {
public:
    void reset();
    // Draws over `area`; true when Done was tapped.
    bool draw(ImDrawList* dl, const Theme& theme, TouchInput& touch, const ImRect& area, std::string_view hint,
              std::string_view done_label);

private:
    std::deque<ImVec2> trail_;     // positions while the finger is down, newest last
    std::deque<ImVec2> landings_;  // where touches landed
};

} // namespace kiosk
