// A headless ImGui context for timing frames: the kiosk's real fonts and
// screens, no window or GL. Like the runner, a frame that brings new text
// rebuilds the font atlas when it lacks glyphs (on the CPU; the GL upload the
// runner then does is not part of the figure).
#pragma once

#include "app.h"
#include "fonts.h"

#include <imgui.h>

namespace kiosk::bench {

// Where one frame's time went, in milliseconds.
struct FrameTimes {
    double total = 0;
    double update = 0;        // KioskApp::update: take a snapshot
    double glyphs = 0;        // collect the new feed's glyphs and compare with the atlas
    double atlas = 0;         // rebuild the atlas (only when glyphs were missing)
    double draw = 0;          // NewFrame → draw → Render
    bool new_data = false;
    bool rebuilt = false;
};

class BenchUi {
public:
    explicit BenchUi(KioskApp& app, int width = 1920, int height = 1080);
    ~BenchUi();
    BenchUi(const BenchUi&) = delete;
    BenchUi& operator=(const BenchUi&) = delete;

    // One frame with the finger at `pos`, 1/60 s after the last.
    FrameTimes frame(ImVec2 pos, bool down);
    FrameTimes idle() { return frame(ImVec2(-FLT_MAX, -FLT_MAX), false); }
    const FontAtlas& atlas() const { return atlas_; }

private:
    KioskApp& app_;
    FontFile font_;
    FontAtlas atlas_;
    float scale_ = 1;
    double now_ = 1.0;
};

} // namespace kiosk::bench
