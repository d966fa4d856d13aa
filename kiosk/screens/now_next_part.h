// [Issue 19] 进行中 / On now and 即将开始 / Up next in large type: the session running now and the next to
// start, each on a card with its time, place and (where the card is tall) its description. The schedule
// draws it above the reach band in the accessible mode; nothing on it reacts to a touch.
#pragma once

#include "screens/screen.h"

namespace kiosk {

// The first session running at the frame's time and the next to start (either may be null; cancelled never).
struct NowAndNext {
    const Session* now = nullptr;
    const Session* next = nullptr;
    bool empty() const { return !now && !next; }
};
NowAndNext now_and_next(const Feed& feed, std::int64_t now_unix);

// The cards in `r`: side by side where `r` is wide and short, else one over the other. Nothing when `sessions` is empty.
void draw_now_and_next(FrameContext& f, const ImRect& r, const NowAndNext& sessions);

} // namespace kiosk
