// The runner owns the window, the GL context, the ImGui context, the fonts and
// the idling policy: it draws a frame only when something on screen changes.
#pragma once

#include "fonts.h"

#include <string>

namespace kiosk {

struct RunnerOptions {
    int width = 1920;
    int height = 1080;
    std::string window_title = "吕梁广场 · Kiosk";
    std::string screenshot_path;   // when set: render offscreen at width×height, write a PNG, return
    int screenshot_frames = 4;     // frames drawn before the capture, so layout and animations settle
    double exit_after_seconds = 0; // > 0: close after this long and print "frames drawn: N" (benchmarks)
};

// What the runner drives. All calls come from the UI thread.
class RunnerApp {
public:
    virtual ~RunnerApp() = default;
    // Every text the screens may draw, so the atlas can hold exactly those glyphs.
    virtual void collect_glyphs(FontGlyphs& glyphs) const = 0;
    // Fonts are (re)built; `pixel_scale` is 1 at 1080p.
    virtual void set_fonts(const FontRoles& fonts, float pixel_scale) = 0;
    // Between frames: take new data. True when something visible changed. Sets
    // `new_text` when the new data may hold glyphs the atlas lacks.
    virtual bool update(double now, bool& new_text) = 0;
    // One frame's content, inside ImGui::NewFrame()/Render().
    virtual void draw(double now) = 0;
    // Seconds until the screen changes by itself (0 while animating; a large
    // value when nothing will change until input or data arrives).
    virtual double seconds_until_change(double now) const = 0;
};

// Wakes the UI loop from any thread (a worker published new data). Harmless
// before the window exists or after it is gone.
void wake_ui();

// Returns the process exit code: 0, or 1 with a message on stderr when the
// window, GL or fonts cannot be set up (no display, no CJK font…).
int run(RunnerApp& app, const RunnerOptions& options);

} // namespace kiosk
