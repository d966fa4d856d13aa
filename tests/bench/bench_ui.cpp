#include "bench_ui.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

namespace kiosk::bench {

namespace {

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

} // namespace

BenchUi::BenchUi(KioskApp& app, int width, int height) : app_(app) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DeltaTime = 1.0f / 60.0f;
    std::string error;
    const auto file = find_cjk_font(error);
    if (!file) throw std::runtime_error(error);
    font_ = *file;
    scale_ = std::min(width, height) / 1080.0f;
    FontGlyphs glyphs;
    app.collect_glyphs(glyphs);
    if (!atlas_.build(font_, glyphs, scale_, error)) throw std::runtime_error(error);
    unsigned char* pixels;
    int w, h;
    io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);   // what the runner uploads
    app.set_fonts(atlas_.roles(), scale_);
}

BenchUi::~BenchUi() { ImGui::DestroyContext(); }

FrameTimes BenchUi::frame(ImVec2 pos, bool down) {
    using clock = std::chrono::steady_clock;
    FrameTimes t;
    now_ += 1.0 / 60.0;
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = 1.0f / 60.0f;
    io.MousePos = pos;
    io.MouseDown[0] = down;

    const auto start = clock::now();
    bool new_text = false;
    t.new_data = app_.update(now_, new_text);
    const auto updated = clock::now();
    auto glyphs_done = updated, atlas_done = updated;
    if (new_text) {   // the runner's rebuild_fonts_if_new_glyphs()
        FontGlyphs glyphs;
        app_.collect_glyphs(glyphs);
        glyphs_done = atlas_done = clock::now();
        if (!atlas_.glyphs().contains_all_of(glyphs)) {
            std::string error;
            if (!atlas_.build(font_, glyphs, scale_, error)) throw std::runtime_error(error);
            unsigned char* pixels;
            int w, h;
            io.Fonts->GetTexDataAsAlpha8(&pixels, &w, &h);
            app_.set_fonts(atlas_.roles(), scale_);
            t.rebuilt = true;
            atlas_done = clock::now();
        }
    }
    ImGui::NewFrame();
    app_.draw(now_);
    ImGui::Render();
    const auto end = clock::now();

    t.update = ms_between(start, updated);
    t.glyphs = ms_between(updated, glyphs_done);
    t.atlas = ms_between(glyphs_done, atlas_done);
    t.draw = ms_between(atlas_done, end);
    t.total = ms_between(start, end);
    return t;
}

} // namespace kiosk::bench
