// Shows part of the back buffer in the window (GLX_MESA_copy_sub_buffer):
// software GL then copies only the rectangle that changed instead of the
// whole 1080p frame, and the back buffer keeps the complete picture for the
// next partial frame. Mesa offers it on every driver; without it the runner
// swaps whole frames.
#pragma once

#include "platform/frame_damage.h"

struct GLFWwindow;

namespace kiosk {

class SubBufferPresenter {
public:
    explicit SubBufferPresenter(GLFWwindow* window);
    bool available() const { return copy_ != nullptr; }
    // Copies `r` (top-left origin) of the back buffer of a `height`-pixel-high window to its front.
    void present(const DamageRect& r, int height) const;

private:
    using CopySubBuffer = void (*)(void* display, unsigned long drawable, int x, int y, int width, int height);
    CopySubBuffer copy_ = nullptr;
    void* display_ = nullptr;
    unsigned long drawable_ = 0;
};

} // namespace kiosk
