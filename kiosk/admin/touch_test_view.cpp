#include "admin/touch_test_view.h"

#include "widgets/widgets.h"

#include <cstdio>

namespace kiosk {

namespace {
constexpr std::size_t kTrail = 400, kLandings = 24;
} // namespace

void TouchTestView::reset() {
    trail_.clear();
    landings_.clear();
}

bool TouchTestView::draw(ImDrawList* dl, const Theme& t, TouchInput& touch, const ImRect& area, std::string_view hint,
                         std::string_view done_label) {
    dl->AddRectFilled(area.Min, area.Max, IM_COL32(18, 18, 22, 255));
    const float step = t.px(120);   // the grid's pitch: the corner gesture's square
    for (float x = area.Min.x; x <= area.Max.x; x += step)
        dl->AddLine(ImVec2(x, area.Min.y), ImVec2(x, area.Max.y), IM_COL32(255, 255, 255, 40));
    for (float y = area.Min.y; y <= area.Max.y; y += step)
        dl->AddLine(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y), IM_COL32(255, 255, 255, 40));
    // The outermost pixels, so a panel that crops its edges shows it.
    dl->AddRect(area.Min, area.Max, t.accent, 0, 0, t.px(4));
    draw_text(dl, t.fonts.body, ImVec2(area.Min.x + t.margin(), area.Min.y + t.margin()), IM_COL32(220, 220, 220, 255),
              hint);

    const ImRect done(ImVec2(area.Max.x - t.margin() - t.px(200), area.Min.y + t.margin()),
                      ImVec2(area.Max.x - t.margin(), area.Min.y + t.margin() + t.px(80)));
    const bool finished = touch_button(dl, t, touch, done, done_label, ButtonStyle::selected);

    if (touch.pressed()) {
        landings_.push_back(touch.position());
        if (landings_.size() > kLandings) landings_.pop_front();
    }
    if (touch.down()) {
        trail_.push_back(touch.position());
        if (trail_.size() > kTrail) trail_.pop_front();
    }
    for (std::size_t i = 1; i < trail_.size(); ++i)
        dl->AddLine(trail_[i - 1], trail_[i], IM_COL32(90, 170, 255, 160), t.px(3));
    for (const ImVec2& p : landings_) dl->AddCircle(p, t.px(28), t.highlight, 0, t.px(3));
    if (touch.down()) {
        const ImVec2 p = touch.position();
        dl->AddLine(ImVec2(area.Min.x, p.y), ImVec2(area.Max.x, p.y), IM_COL32(255, 80, 80, 140), t.px(1));
        dl->AddLine(ImVec2(p.x, area.Min.y), ImVec2(p.x, area.Max.y), IM_COL32(255, 80, 80, 140), t.px(1));
        dl->AddCircleFilled(p, t.px(18), IM_COL32(255, 80, 80, 255));
        char where[48];
        std::snprintf(where, sizeof where, "%.0f, %.0f", p.x, p.y);
        draw_text(dl, t.fonts.body, ImVec2(p.x + t.px(30), p.y + t.px(20)), IM_COL32_WHITE, where);
    }
    return finished;
}

} // namespace kiosk
