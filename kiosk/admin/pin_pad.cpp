#include "admin/pin_pad.h"

#include "widgets/widgets.h"

namespace kiosk {

namespace {
constexpr char kKeyOrder[12] = {'1', '2', '3', '4', '5', '6', '7', '8', '9', kPinErase, '0', kPinOk};
constexpr float kKey = 112, kGap = 20;   // at 1080p
} // namespace

ImRect PinPadLayout::rect_of(char key) const {
    if (key == kPinCancel) return cancel;
    for (int i = 0; i < 12; ++i)
        if (kKeyOrder[i] == key) return keys[i];
    return ImRect();
}

PinPadLayout layout_pin_pad(const Theme& t, const ImRect& area) {
    PinPadLayout out;
    const float key = t.px(kKey), gap = t.px(kGap);
    const float grid_w = 3 * key + 2 * gap, grid_h = 4 * key + 3 * gap;
    // Title, dots and message above the grid; Cancel below.
    const float head = t.px(240), foot = t.px(32) + key;
    const float left = area.Min.x + (area.GetWidth() - grid_w) * 0.5f;
    const float top = area.Min.y + std::max(0.0f, (area.GetHeight() - head - grid_h - foot) * 0.5f) + head;
    for (int i = 0; i < 12; ++i) {
        const ImVec2 min(left + (i % 3) * (key + gap), top + (i / 3) * (key + gap));
        out.keys[i] = ImRect(min, ImVec2(min.x + key, min.y + key));
    }
    const float cancel_y = top + grid_h + t.px(32);
    out.cancel = ImRect(ImVec2(left, cancel_y), ImVec2(left + grid_w, cancel_y + key * 0.8f));
    return out;
}

char draw_pin_pad(ImDrawList* dl, const Theme& t, TouchInput& touch, const PinPadLayout& layout, const PinPadText& text,
                  std::size_t digits_typed, bool locked) {
    const ImRect& first = layout.keys[0];
    const float left = first.Min.x, right = layout.keys[2].Max.x, top = first.Min.y;
    const ImRect title_r(ImVec2(left - t.px(200), top - t.px(240)), ImVec2(right + t.px(200), top - t.px(170)));
    draw_text_centered(dl, t.fonts.heading, title_r, IM_COL32_WHITE, text.title);

    // One dot per digit typed, never the digits.
    const float dot = t.px(14), pitch = t.px(44), dots_y = top - t.px(125);
    const float dots_w = (PinEntry::kMaxDigits - 1) * pitch;
    for (std::size_t i = 0; i < PinEntry::kMaxDigits; ++i) {
        const ImVec2 c((left + right - dots_w) * 0.5f + i * pitch, dots_y);
        if (i < digits_typed) dl->AddCircleFilled(c, dot, IM_COL32_WHITE);
        else dl->AddCircle(c, dot, IM_COL32(255, 255, 255, 90), 0, t.px(2));
    }
    const ImRect message_r(ImVec2(left - t.px(200), top - t.px(90)), ImVec2(right + t.px(200), top - t.px(30)));
    draw_text_centered(dl, t.fonts.body, message_r,
                       text.message_is_warning ? t.highlight : IM_COL32(230, 230, 230, 255), text.message);

    char tapped = 0;
    for (int i = 0; i < 12; ++i) {
        const char key = kKeyOrder[i];
        const bool digit_key = key != kPinOk;   // OK stays usable: it reports the lock
        const std::string label(key == kPinErase ? text.erase : key == kPinOk ? text.ok : std::string_view(&key, 1));
        ImFont* font = key == kPinErase || key == kPinOk ? t.fonts.heading : t.fonts.title;
        if (locked && digit_key) {
            dl->AddRectFilled(layout.keys[i].Min, layout.keys[i].Max, IM_COL32(255, 255, 255, 30), t.rounding());
            draw_text_centered(dl, font, layout.keys[i], IM_COL32(255, 255, 255, 70), label);
            continue;
        }
        if (touch_button(dl, t, touch, layout.keys[i], label,
                         key == kPinOk ? ButtonStyle::selected : ButtonStyle::secondary, font))
            tapped = key;
    }
    if (touch_button(dl, t, touch, layout.cancel, text.cancel, ButtonStyle::on_bar, t.fonts.heading)) tapped = kPinCancel;
    return tapped;
}

} // namespace kiosk
