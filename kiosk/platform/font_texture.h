// The font atlas as a one-channel texture read as (1, 1, 1, a): a quarter of
// the RGBA texture the ImGui backend uploads. Under software GL texture memory
// is the process's own memory, so this is resident-set saved all event long.
#pragma once

#include <imgui.h>

#include <cstddef>

namespace kiosk {

class FontTexture {
public:
    FontTexture() = default;
    ~FontTexture() { release(); }
    FontTexture(const FontTexture&) = delete;
    FontTexture& operator=(const FontTexture&) = delete;

    // Replaces whatever texture the atlas has with a fresh one from its pixels.
    void upload(ImFontAtlas& atlas);
    void release();
    std::size_t bytes() const { return bytes_; }

private:
    unsigned id_ = 0;
    std::size_t bytes_ = 0;
};

} // namespace kiosk
