// Where the live screen puts its panels below the big figures, from sizes alone
// (no fonts, no data), so tests can check the trend's shape and that nothing overlaps.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk {

// What the panels would like: each list's height for all its rows (heading included).
struct LivePanelNeeds {
    float platforms = 0, counties = 0, top = 0;
    float two_rows = 0;   // a list with two readable rows: the least a squeezed list keeps
    float on_air = 0;     // the on-air card's height at live_on_air_width(); 0 when nothing is on air
    bool trend = true;    // false: the trend is drawn elsewhere (above the reach band in the accessible mode)
};

struct LivePanels {
    ImRect platforms, counties, top;
    ImRect on_air;   // zero-sized when the card is not drawn
    ImRect trend;
};

// The on-air card's width: the full width in portrait, a third in landscape.
float live_on_air_width(const Theme& t, float width, bool portrait);

// Landscape: the three lists in a row, the trend below with the on-air card beside it.
// Portrait: platforms and counties side by side, top products, the on-air card, then the
// trend taking the rest, at least some 0.6 of the width high before the lists give it
// more room: a chart shaped for the tall panel, not a landscape strip.
// A short area (the accessible strip, 1.5x type) never squeezes a list below two rows or cuts the
// on-air card: panels are left out instead (zero-sized; the screen skips them), see live_layout.cpp.
// Without the trend (needs.trend false): the three lists side by side at the height they want, the on-air
// card in the right third in place of the top products when it fits whole; on a narrow area (thirds under
// 420 px) the card takes the right half and platforms and counties are stacked in the left.
LivePanels live_panels(const Theme& t, const ImRect& area, bool portrait, const LivePanelNeeds& needs);

} // namespace kiosk
