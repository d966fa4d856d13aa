// When the runner draws a frame: input keeps a few coming, new data or a
// finished worker asks for one, and the app's own clock (animations, timers)
// for more when it says the screen changes now. The headless tests step by
// the same rule, so a result nobody asks a frame for fails there too.
#pragma once

#include <algorithm>

namespace kiosk {

class FramePolicy {
public:
    // Hover, active ids and releases each take a frame to show.
    static constexpr int kFramesAfterInput = 3;

    void input() { wanted_ = kFramesAfterInput; }
    void want_one() { wanted_ = std::max(wanted_, 1); }
    // `seconds_until_change`: the app's (RunnerApp::seconds_until_change) at this moment.
    bool draw_now(double seconds_until_change) const { return wanted_ > 0 || seconds_until_change <= 0; }
    void drew() { wanted_ = std::max(0, wanted_ - 1); }
    bool wants_frames() const { return wanted_ > 0; }

private:
    int wanted_ = kFramesAfterInput;   // the first frames, before any input
};

} // namespace kiosk
