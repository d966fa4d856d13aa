// Which part of the screen a frame changes. Software GL spends ~20 ms on a
// full 1080p frame, so the runner redraws and presents only the rectangle
// whose pixels can differ from the last frame, and nothing at all when the
// frame would look the same. The draw data is hashed per tile (geometry,
// colours, texture and clip, in drawing order) and compared with the last
// frame's hashes: equal hashes mean equal pixels, without any app's help.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <vector>

namespace kiosk {

// Framebuffer pixels, top-left origin, half-open: [x0, x1) × [y0, y1).
struct DamageRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
    friend bool operator==(const DamageRect&, const DamageRect&) = default;
};

// The smallest rectangle holding both.
DamageRect bounding(const DamageRect& a, const DamageRect& b);

class FrameDamage {
public:
    static constexpr int kTile = 32;       // pixels; smaller tiles hash more, larger ones redraw more
    static constexpr int kMaxRects = 6;    // each costs a pass over the draw data

    // The tiles whose hashes differ from the last call's, as at most kMaxRects
    // rectangles (whole tiles, clamped to the screen, not overlapping); none
    // when nothing changed. The whole screen on the first call, after
    // invalidate() or a size change.
    const std::vector<DamageRect>& compare(const ImDrawData& data, int width, int height);
    // The next compare() reports the whole screen (textures were replaced, the window was exposed).
    void invalidate() { tiles_.clear(); }

private:
    int columns_ = 0, rows_ = 0;
    std::vector<std::uint64_t> tiles_;   // the last frame's hashes, row by row
    std::vector<std::uint64_t> next_;
    std::vector<DamageRect> rects_;
};

// Narrows every command's clip rectangle to `r`, so a backend that scissors
// each command (as ImGui's do) draws only inside it.
void clip_draw_data(ImDrawData& data, const DamageRect& r);

} // namespace kiosk
