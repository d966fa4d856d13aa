#include "screens/above_part.h"

#include "widgets/widgets.h"

namespace kiosk {

ImRect above_room(const FrameContext& f, float min_h) {
    if (!f.accessible || f.above.GetWidth() <= 0 || f.above.GetHeight() < min_h) return ImRect(ImVec2(0, 0), ImVec2(0, 0));
    return f.above;
}

AboveScope::AboveScope(FrameContext& f) : draw_(f.draw) {
    f.above_drawn = true;
    draw_->PushClipRect(f.above.Min, f.above.Max, false);
}

AboveScope::~AboveScope() { draw_->PopClipRect(); }

float draw_above_heading(FrameContext& f, const ImRect& r, std::string_view title, const std::vector<std::string>& lines) {
    const Theme& t = f.theme;
    const float w = r.GetWidth();
    float y = r.Min.y;
    y += draw_text(f.draw, t.fonts.title, ImVec2(r.Min.x, y), t.text, fit_line(t.fonts.title, title, w));
    for (const std::string& line : lines) {
        if (line.empty()) continue;
        const std::string text = clamp_lines(t.fonts.heading, line, w, 2);
        const float h = text_size(t.fonts.heading, text, w).y;
        if (y + t.px(12) + h > r.Max.y) break;
        y += t.px(12);
        y += draw_text(f.draw, t.fonts.heading, ImVec2(r.Min.x, y), t.text_muted, text, w);
    }
    return y;
}

} // namespace kiosk
