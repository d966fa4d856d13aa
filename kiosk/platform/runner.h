// The runner owns the window, the GL context, the ImGui context, the fonts and
// the idling policy: it draws a frame only when something on screen changes.
#pragma once

#include "platform/fonts.h"
#include "platform/screen_picture.h"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace kiosk {

// The runner's numbers for another thread (the status writer), updated after each frame.
struct RenderCounters {
    std::atomic<std::uint64_t> frames_drawn{0};
    std::atomic<std::uint64_t> texture_bytes{0};
    std::atomic<std::int64_t> last_touch_unix{0};   // Unix seconds of the last touch or click; 0: none yet
    std::atomic<bool> display_asleep{false};              // outside the display hours (RunnerApp::display_wanted)
    std::atomic<std::int64_t> screen_picture_unix_ms{0};  // when the last screen picture was written; 0: none yet
};

// One of several screenshots taken in one window and GL context (kiosk preview).
struct Screenshot {
    std::string path;
    int width = 1920, height = 1080;   // the UI's size, upright
    float pixel_scale = 0;             // the fonts' scale; 0: from the size (1 at 1080p)
};

// The window: where, how big, how turned. (hello_imgui's RunnerParams is split
// by concern the same way.)
struct WindowOptions {
    int width = 1920;
    int height = 1080;
    std::string title = "吕梁广场 · Kiosk";
    bool kiosk_mode = false;       // fullscreen on the chosen monitor, no pointer, close requests ignored
    int monitor_index = 0;         // kiosk mode's monitor, as GLFW counts them…
    std::string monitor_name;      // …or as GLFW names it (chosen over the index when present)
    int rotation = 0;              // the UI turned clockwise on the panel: 0, 90, 180, 270 (rotation.h)
};

// Pictures of the UI instead of a window on screen.
struct ScreenshotOptions {
    std::string path;              // when set: render offscreen, write a PNG of the UI upright, return
                                   // (width×height turned by `rotation`: 1920×1080 at 90 gives 1080×1920)
    // Several screenshots instead of `path`: called before each, it readies the app
    // and fills in the next; false when there are no more.
    std::function<bool(Screenshot&)> next;
    // Called with each picture's pixels (RGBA, rows bottom-up as GL reads them) on the UI thread, before
    // they go to a worker to be written: the preview's contact sheet shrinks them instead of reading files.
    std::function<void(const Screenshot&, const std::vector<std::uint8_t>&)> taken;
    int frames = 4;                // frames drawn before the capture, so layout and animations settle
    double load_wait = 10;         // then, seconds at most to keep drawing while pictures load
    bool wanted() const { return !path.empty() || static_cast<bool>(next); }
};

// What benchmarks ask of a run.
struct BenchmarkOptions {
    double exit_after_seconds = 0; // > 0: close after this long and print "frames drawn: N" and the frame times
};

struct RunnerOptions {
    WindowOptions window;
    ScreenshotOptions screenshots;
    BenchmarkOptions benchmark;
    ScreenPictureOptions screen_pictures;   // the running kiosk's pictures for monitoring (not screenshots)
    bool burn_in_shift = true;              // the running kiosk moves its UI a few pixels now and then (burn_in.h)
    RenderCounters* counters = nullptr;   // the status writer's view of the frames; may be null
};

// What the runner knows about drawing, for the admin panel and the status files.
struct RenderStats {
    std::size_t glyphs = 0;
    int atlas_width = 0, atlas_height = 0;
    std::uint64_t texture_bytes = 0;         // all of it: the two below and a rotated screen's UI buffer
    std::uint64_t font_texture_bytes = 0;    // the font atlas
    std::uint64_t image_texture_bytes = 0;   // the app's pictures (RunnerApp::image_texture_bytes)
    std::uint64_t frames_drawn = 0;
    std::uint64_t frames_last_minute = 0;
};

// What the runner drives. All calls come from the UI thread.
class RunnerApp {
public:
    virtual ~RunnerApp() = default;
    // Every text the screens may draw, so the atlas can hold exactly those glyphs:
    // a function holding the current data that may run on another thread.
    virtual GlyphSource glyph_source() const = 0;
    // Fonts are (re)built, a set per language; `pixel_scale` is 1 at 1080p.
    virtual void set_fonts(const FontSet& fonts, float pixel_scale) = 0;
    // Between frames: take new data. True when something visible changed. Sets
    // `new_text` when the new data may hold glyphs the atlas lacks (an app may hold such data off screen
    // until glyphs_ready(); glyph_source() then names the glyphs of what it holds).
    virtual bool update(double now, bool& new_text) = 0;
    // Between frames, once no atlas build is running or queued: the installed atlas holds every glyph
    // glyph_source() named (or the build failed: what exists must do). Held data shows now, in the
    // frame after the atlas came in. True when something visible changed.
    virtual bool glyphs_ready() { return false; }
    // One frame's content, inside ImGui::NewFrame()/Render().
    virtual void draw(double now) = 0;
    // Seconds until the screen changes by itself (0 while animating; a large
    // value when nothing will change until input or data arrives).
    virtual double seconds_until_change(double now) const = 0;
    // Pictures the screen asked for are still coming: a screenshot waits for them (a while).
    virtual bool busy_loading() const { return false; }
    // The GL context is about to go: delete textures made in update().
    virtual void release_gpu() {}
    // A key went down (GLFW key and modifier codes). Delivered before the next draw(),
    // every press, even one released within the same frame (ImGui 1.86 would miss it).
    virtual void key_pressed(int key, int mods) {
        (void)key;
        (void)mods;
    }
    // Before each frame's draw(): what the runner knows (the admin panel shows it).
    virtual void set_render_stats(const RenderStats& stats) { (void)stats; }
    // GPU memory held by the app's own textures (product pictures).
    virtual std::uint64_t image_texture_bytes() const { return 0; }
    // Set once the app wants the program to end (the admin panel's exit): the runner returns it.
    virtual std::optional<int> exit_code() const { return std::nullopt; }
    // Whether the display should be on (display hours, a touch, an emergency). While not, the
    // runner puts the panel to sleep, draws nothing, and still calls update() (asked about once a second).
    virtual bool display_wanted(double now) {
        (void)now;
        return true;
    }
    // A touch, click or key while the display sleeps (it reaches no screen).
    virtual void input_while_asleep(double now) { (void)now; }
};

// Wakes the UI loop from any thread (a worker published new data). Harmless
// before the window exists or after it is gone.
void wake_ui();

// The first steps of set-up, which need no app: the font files found and the X display opened.
// main() takes them while the first feed is parsed on a worker (its thread would only wait), then
// hands them to run(). Default-made: not taken yet (run() takes them itself).
struct DisplayStart {
    bool taken = false;
    int exit_code = 0;   // when taken: 0, or 1 with the message on stderr (no display, no CJK font)
    FontFaces fonts;
    std::chrono::steady_clock::time_point started;   // "first frame after" counts from here
};
DisplayStart open_display();

// Returns the process exit code: 0, or 1 with a message on stderr when the
// window, GL or fonts cannot be set up (no display, no CJK font…), or the
// app's exit_code(). SIGTERM and SIGINT end the loop cleanly (within a second).
int run(RunnerApp& app, const RunnerOptions& options, DisplayStart start = {});

} // namespace kiosk
