// A headless ImGui context for interaction tests: real fonts and screens, no
// window or GL; the test feeds mouse input frame by frame.
#pragma once

#include "app.h"
#include "fonts.h"

#include <imgui.h>

#include <stdexcept>
#include <string>

namespace kiosk::test {

class HeadlessUi {
public:
    HeadlessUi(KioskApp& app, int width = 1920, int height = 1080) : app_(app) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
        io.DeltaTime = 1.0f / 60.0f;
        std::string error;
        const auto file = find_cjk_font(error);
        if (!file) throw std::runtime_error(error);
        font_file_ = *file;
        scale_ = std::min(width, height) / 1080.0f;
        FontGlyphs glyphs;
        app.collect_glyphs(glyphs);
        build_fonts(glyphs);
    }
    ~HeadlessUi() { ImGui::DestroyContext(); }

    // One frame with the finger at `pos` (down or up), `dt` seconds after the last.
    void frame(ImVec2 pos, bool down, double dt = 1.0 / 60.0) {
        now_ += dt;
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = static_cast<float>(dt);
        io.MousePos = pos;
        io.MouseDown[0] = down;
        bool new_text = false;
        app_.update(now_, new_text);
        if (new_text) {   // as the runner does: a new feed rebuilds the atlas only for characters it lacks
            FontGlyphs glyphs;
            app_.collect_glyphs(glyphs);
            if (!atlas_.glyphs().contains_all_of(glyphs)) build_fonts(glyphs);
        }
        ImGui::NewFrame();
        app_.draw(now_);
        ImGui::Render();
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
    double now() const { return now_; }
    const FontAtlas& atlas() const { return atlas_; }

private:
    void build_fonts(const FontGlyphs& glyphs) {
        std::string error;
        if (!atlas_.build(font_file_, glyphs, scale_, error)) throw std::runtime_error(error);
        unsigned char* pixels;
        int w, h;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);   // marks the atlas built; no GL here
        app_.set_fonts(atlas_.roles(), scale_);
    }

    KioskApp& app_;
    FontAtlas atlas_;
    FontFile font_file_;
    float scale_ = 1.0f;
    double now_ = 1.0;
};

} // namespace kiosk::test
