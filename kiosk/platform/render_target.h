// Offscreen rendering: the UI draws into a texture of its own (logical) size;
// a screenshot reads that back, and a rotated screen shows it turned onto the
// window. Needs a current GL 3 context.
#pragma once

#include "platform/rotation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk {

class RenderTarget {
public:
    RenderTarget() = default;
    ~RenderTarget() { release(); }
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;

    // (Re)creates the buffer when the size changed; false when GL cannot make it.
    bool resize(int width, int height);
    void bind() const;            // drawing goes here until bind_window()
    static void bind_window();    // drawing goes to the window again
    unsigned texture() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }
    void release();

private:
    unsigned fbo_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
};

// Draws a target's picture over the whole window (`window` pixels), turned
// by `rotation` as rotation.h defines it.
class RotatedPresenter {
public:
    RotatedPresenter() = default;
    ~RotatedPresenter();
    RotatedPresenter(const RotatedPresenter&) = delete;
    RotatedPresenter& operator=(const RotatedPresenter&) = delete;

    // False (with a message on stderr) when the shader cannot be built.
    bool draw(const RenderTarget& target, Size2 window, int rotation);

private:
    bool build();
    unsigned program_ = 0, vao_ = 0, vbo_ = 0;
    bool failed_ = false;
};

// The currently bound framebuffer's bottom-left `width`×`height` as RGBA8, rows bottom-up as GL reads them.
std::vector<std::uint8_t> read_pixels(int width, int height);

} // namespace kiosk
