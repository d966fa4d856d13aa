// Keeps the font atlas holding every glyph the app's texts need. New data's
// glyphs are collected, and a new atlas is built when some are missing, on a
// worker thread (a 10,000-product feed takes ~60 ms to collect and ~160 ms to
// build): the old atlas keeps drawing until the new one is ready and
// installed between two frames. `on_ready` runs on the worker once a build can
// be installed (the runner wakes its loop, which may be waiting for input).
#pragma once

#include "platform/fonts.h"

#include <functional>
#include <future>
#include <optional>
#include <string>

namespace kiosk {

class FontKeeper {
public:
    FontKeeper(FontFaces faces, float pixel_scale, std::function<void()> on_ready = {})
        : faces_(std::move(faces)), pixel_scale_(pixel_scale), on_ready_(std::move(on_ready)) {}
    ~FontKeeper();   // waits for a build in progress
    FontKeeper(const FontKeeper&) = delete;
    FontKeeper& operator=(const FontKeeper&) = delete;

    // Start-up: collects, builds and installs at once. False with `error` when FreeType cannot build.
    bool build_now(const GlyphSource& source, std::string& error);
    // Start-up, in two steps: the first atlas is built on a worker while the
    // caller opens the window and GL, then waited for and installed.
    void start_first_build(GlyphSource source);
    bool finish_first_build(std::string& error);
    // New data: its glyphs are checked, and an atlas built if needed, on a worker.
    // A request made while one runs is taken up when it ends (only the latest counts).
    void request(GlyphSource source);
    // Between frames (UI thread): installs a finished atlas. True when it did: the
    // caller uploads the texture and gives the app the new fonts.
    bool install_ready();
    // A build running or queued. Once not, the installed atlas holds every glyph asked for (or the
    // last build failed, logged): the app's data held for its glyphs may show.
    bool busy() const { return job_.valid() || next_.has_value(); }
    void wait() const;   // until the running job is done (tests and benchmarks)

    const FontAtlas& atlas() const { return atlas_; }
    float pixel_scale() const { return pixel_scale_; }

private:
    struct Result {
        std::optional<FontAtlas> atlas;   // none: the current one holds every glyph, or the build failed
        std::string error;
    };
    void start(GlyphSource source, bool always = false);

    FontFaces faces_;
    float pixel_scale_;
    std::function<void()> on_ready_;
    FontAtlas atlas_;
    std::future<Result> job_;
    std::future<void> worker_;   // the job's thread, until on_ready has returned
    std::optional<GlyphSource> next_;
};

} // namespace kiosk
