// [Issue 19] The accessible mode's sign that a list in the reach band scrolls: over each list with more below
// (TouchInput::scroll_cues), a fade into the background at its rows' cut edge and, in the strip under it that
// the rows leave free (ScrollArea::rows_clip), a small 更多 ↓ / more ↓. At the list's end both are gone.
#pragma once

#include "feed/localized_text.h"
#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <vector>

namespace kiosk {

// The strip a list keeps at its foot for the cue (TouchInput::show_scroll_cues): the cue's small text and a margin.
float scroll_cue_strip_height(const Theme& theme);

// Over each of `viewports` (lists with more below): the fade above its strip and the cue in it.
void draw_scroll_cues(ImDrawList* dl, const Theme& theme, const std::vector<ImRect>& viewports, Lang lang);

} // namespace kiosk
