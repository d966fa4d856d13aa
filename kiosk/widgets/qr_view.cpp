#include "widgets/qr_view.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

int qr_module_px(const QrMatrix& qr, float box_px, float scale) {
    const int smallest = std::max(1, static_cast<int>(std::ceil(6.0f * scale - 0.001f)));
    if (qr.size <= 0) return smallest;
    return std::max(smallest, static_cast<int>(std::floor(box_px / static_cast<float>(qr.size))));
}

void draw_qr(ImDrawList* dl, const QrMatrix& qr, ImVec2 top_left, float module_px) {
    const float m = std::max(1.0f, std::round(module_px));
    const ImVec2 o(std::round(top_left.x), std::round(top_left.y));
    const float side = static_cast<float>(qr.size) * m;
    dl->AddRectFilled(o, ImVec2(o.x + side, o.y + side), IM_COL32_WHITE);
    const ImU32 dark = IM_COL32_BLACK;
    for (int y = 0; y < qr.size; ++y) {
        int x = 0;
        while (x < qr.size) {
            if (!qr.at(x, y)) {
                ++x;
                continue;
            }
            const int run_start = x;
            while (x < qr.size && qr.at(x, y)) ++x;
            dl->AddRectFilled(ImVec2(o.x + run_start * m, o.y + y * m), ImVec2(o.x + x * m, o.y + (y + 1) * m), dark);
        }
    }
}

const QrMatrix* QrCache::get(std::string_view text) {
    if (!filled_ || text != text_) {
        text_.assign(text);
        matrix_ = encode_qr(text);
        filled_ = true;
    }
    return matrix_ ? &*matrix_ : nullptr;
}

} // namespace kiosk
