// Drawing QR codes (shared/images/qr_code.h matrices) crisply: whole-pixel modules,
// dark on white whatever the theme, one rectangle per horizontal dark run.
#pragma once

#include "images/qr_code.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

// The module size in whole pixels for `qr` to fill a square of `box_px`
// (quiet zone included), never below 6 px at 1080p: max(ceil(6 * scale),
// floor(box_px / modules)). The code may overflow a box too small for that.
int qr_module_px(const QrMatrix& qr, float box_px, float scale);

// The side of the drawn code in pixels, quiet zone included.
inline float qr_side_px(const QrMatrix& qr, int module_px) { return static_cast<float>(qr.size * module_px); }

// Draws `qr` with its quiet zone on white; `top_left` is rounded to a pixel.
void draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 top_left, float module_px);

// The matrix of the last text asked for, so a screen encodes once per link
// rather than once per frame.
class QrCache {
public:
    // nullptr when `text` cannot be encoded (too long, NUL byte).
    const QrMatrix* get(std::string_view text);

private:
    std::string text_;
    std::optional<QrMatrix> matrix_;
    bool filled_ = false;
};

} // namespace kiosk
