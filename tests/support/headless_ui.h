// A headless ImGui context for interaction tests and benchmarks: real fonts
// and screens, no window or GL; the caller feeds mouse input frame by frame.
// Between frames it does what the runner does: new data's glyphs go to a
// FontKeeper (built on a worker) and a finished atlas is installed; then data the
// app held for its glyphs shows. Unless fonts_on_worker(true), update() waits for
// the worker, as if it were instant: new data shows in the frame that takes it.
// frame() draws every frame; step() draws only when the runner would
// (FramePolicy), so a result nobody asks a frame for stays off screen there too.
#pragma once

#include "app/app.h"
#include "platform/font_keeper.h"
#include "platform/fonts.h"
#include "platform/frame_policy.h"

#include <imgui.h>

#include <optional>
#include <stdexcept>
#include <string>

namespace kiosk::test {

class HeadlessUi {
public:
    // `faces`: the fonts' files; the system's (fontconfig) when none.
    HeadlessUi(KioskApp& app, int width = 1920, int height = 1080, std::optional<FontFaces> faces = std::nullopt) : app_(app) {
        ImGui::CreateContext(&context_atlas_);   // FontKeeper's atlases replace the context's
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
        std::string error;
        if (!faces) {
            const auto file = find_cjk_font(error);
            if (!file) throw std::runtime_error(error);
            std::string no_latin;   // without Noto Sans, English draws from the CJK face as the kiosk then does
            faces = FontFaces(*file, find_latin_font(no_latin));
        }
        scale_ = std::min(width, height) / 1080.0f;
        fonts_.emplace(*faces, scale_);
        if (!fonts_->build_now(app.glyph_source(), error)) throw std::runtime_error(error);
        fonts_installed();
    }
    ~HeadlessUi() {
        fonts_.reset();   // waits for a build in progress
        ImGui::DestroyContext();
    }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Between frames: the app takes new data; fonts as the runner keeps them (then the app's held
    // data may show). True when something changed.
    bool update() {
        bool new_text = false;
        bool changed = app_.update(now_, new_text);
        if (new_text) fonts_->request(app_.glyph_source());
        do {
            if (!fonts_on_worker_) fonts_->wait();
            if (fonts_->install_ready()) {
                fonts_installed();
                changed = true;
            }
        } while (!fonts_on_worker_ && fonts_->busy());   // a queued request runs after the first
        if (!fonts_->busy() && app_.glyphs_ready()) changed = true;
        return changed;
    }
    // NewFrame → draw → Render.
    void render() {
        ImGui::NewFrame();
        app_.draw(now_);
        ImGui::Render();
    }
    // Sets the time and the finger for the next frame: `pos` (down or up), `dt` seconds after the last.
    void input(ImVec2 pos, bool down, double dt = 1.0 / 60.0) {
        now_ += dt;
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = static_cast<float>(dt);
        io.MousePos = pos;
        io.MouseDown[0] = down;
    }
    void frame(ImVec2 pos, bool down, double dt = 1.0 / 60.0) {
        input(pos, down, dt);
        update();
        render();
    }
    void idle(double seconds, double dt = 1.0 / 60.0) {
        for (double t = 0; t < seconds; t += dt) frame(ImVec2(-FLT_MAX, -FLT_MAX), false, dt);
    }
    // A tap: press, hold a few frames, lift, and a frame after.
    void tap(ImVec2 pos) {
        frame(pos, false);
        for (int i = 0; i < 4; ++i) frame(pos, true);
        frame(pos, false);
        frame(pos, false);
    }
    // A drag from `from` by `delta` over `frames` frames, then lift (no hold: a fling).
    void drag(ImVec2 from, ImVec2 delta, int frames = 12, bool hold_before_release = false) {
        frame(from, false);
        frame(from, true);
        for (int i = 1; i <= frames; ++i)
            frame(ImVec2(from.x + delta.x * i / frames, from.y + delta.y * i / frames), true);
        const ImVec2 end(from.x + delta.x, from.y + delta.y);
        if (hold_before_release)
            for (int i = 0; i < 20; ++i) frame(end, true);
        frame(end, false);
    }
    // The runner's way: the finger for this moment (a change of it is input, as GLFW's
    // callbacks see it), update(), then a frame only if the runner would draw one. True when drawn.
    bool step(ImVec2 pos, bool down, double dt = 1.0 / 60.0) {
        const bool moved = pos.x != pointer_.x || pos.y != pointer_.y || down != pointer_down_;
        pointer_ = pos;
        pointer_down_ = down;
        input(pos, down, dt);
        if (moved) policy_.input();
        if (update()) policy_.want_one();
        if (!policy_.draw_now(app_.seconds_until_change(now_))) return false;
        render();
        policy_.drew();
        ++frames_stepped_;
        return true;
    }
    // No finger for `seconds`, stepped. Returns the frames drawn.
    int step_idle(double seconds, double dt = 1.0 / 60.0) {
        int drawn = 0;
        for (double t = 0; t < seconds; t += dt) drawn += step(ImVec2(-FLT_MAX, -FLT_MAX), false, dt);
        return drawn;
    }
    // tap(), stepped.
    void step_tap(ImVec2 pos) {
        step(pos, false);
        for (int i = 0; i < 4; ++i) step(pos, true);
        step(pos, false);
        step(pos, false);
    }
    // A key press as the runner delivers it: to the app, and input for the frames.
    void step_key(int key, int mods) {
        app_.key_pressed(key, mods);
        policy_.input();
    }
    int frames_stepped() const { return frames_stepped_; }   // drawn by step()
    // True: frames go on while the worker builds, as in the runner (update() does not wait for it).
    void fonts_on_worker(bool on) { fonts_on_worker_ = on; }
    bool wants_frames() const { return policy_.wants_frames(); }

    double now() const { return now_; }
    const FontKeeper& fonts() const { return *fonts_; }
    int atlas_installs() const { return installs_; }

private:
    void fonts_installed() {
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // what the runner uploads; no GL here
        app_.set_fonts(fonts_->atlas().fonts(), scale_);
        ++installs_;
    }

    KioskApp& app_;
    ImFontAtlas context_atlas_;
    std::optional<FontKeeper> fonts_;
    float scale_ = 1;
    double now_ = 1.0;
    int installs_ = 0;
    bool fonts_on_worker_ = false;
    FramePolicy policy_;
    ImVec2 pointer_{-FLT_MAX, -FLT_MAX};
    bool pointer_down_ = false;
    int frames_stepped_ = 0;
};

} // namespace kiosk::test
