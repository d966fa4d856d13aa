// Timed frames of the headless UI (tests/support/headless_ui.h): the kiosk's
// real fonts and screens, no window or GL. Between frames new data's fonts are
// built on a worker as in the runner; installing a finished atlas is part of
// the frame, its GL upload is not (there is no GL here).
#pragma once

#include "headless_ui.h"

namespace kiosk::bench {

// Where one frame's time went, in milliseconds.
struct FrameTimes {
    double total = 0;
    double update = 0;   // take a snapshot, ask for its fonts, install a finished atlas
    double draw = 0;     // NewFrame → draw → Render
    double cpu = 0;      // the UI thread's CPU time for the frame: `total` less time other threads had the core
    bool new_data = false;
    bool fonts_installed = false;   // a new atlas came in before this frame
};

class BenchUi {
public:
    explicit BenchUi(KioskApp& app, int width = 1920, int height = 1080) : ui_(app, width, height) {
        ui_.fonts_on_worker(true);   // as the runner: frames go on while the worker builds
    }

    // One frame with the finger at `pos`, 1/60 s after the last.
    FrameTimes frame(ImVec2 pos, bool down);
    FrameTimes idle() { return frame(ImVec2(-FLT_MAX, -FLT_MAX), false); }
    const FontAtlas& atlas() const { return ui_.fonts().atlas(); }
    bool fonts_busy() const { return ui_.fonts().busy(); }

private:
    test::HeadlessUi ui_;
};

} // namespace kiosk::bench
