#include "screens/map_places_part.h"

#include "screens/map_layout.h"
#include "widgets/floor_plan_view.h"
#include "widgets/widgets.h"

namespace kiosk {

std::string MapPlaceList::draw(FrameContext& f, const ImRect& view, const PlanLabels& labels, const std::string& selected) {
    const Theme& t = f.theme;
    ImFont* font = t.fonts.body;
    const MapPlaceGrid g = map_place_grid(t, view, static_cast<int>(labels.labels.size()), font->FontSize);
    scroll_.update(f.touch, view, g.content_height(), f.now);
    std::string tapped;
    const float radius = number_marker_radius(t);
    f.draw->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
    for (std::size_t i = 0; i < labels.labels.size(); ++i) {
        const AreaLabel& label = labels.labels[i];
        const ImRect row = g.row(static_cast<int>(i), scroll_.offset());
        if (row.Max.y < view.Min.y || row.Min.y > view.Max.y) continue;   // scrolled out of view
        const bool chosen = label.area->id == selected;
        f.draw->AddRectFilled(row.Min, row.Max, chosen || f.touch.holding(row) ? t.card_pressed : t.card, t.px(8));
        f.draw->AddRect(row.Min, row.Max, t.card_border, t.px(8), 0, std::max(1.0f, t.px(1.5f)));
        if (f.touch.tapped(row, label.area->id) && view.Contains(f.touch.press_position())) tapped = label.area->id;
        const ImVec2 c(row.Min.x + radius + t.px(12), row.GetCenter().y);
        if (label.kind == LabelKind::marker) {
            draw_number_marker(f.draw, t, c, radius, label.number, chosen);
        } else {   // a name on the plan: its colour
            const float h = radius * 0.8f;
            f.draw->AddRectFilled(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), area_kind_fill(label.area->kind), t.px(4));
            f.draw->AddRect(ImVec2(c.x - h, c.y - h), ImVec2(c.x + h, c.y + h), IM_COL32(150, 128, 112, 255), t.px(4));
        }
        const float tx = c.x + radius + t.px(16), tw = row.Max.x - tx - t.px(12);
        const std::string name = clamp_lines(font, label.area->name.in(f.lang), tw, 2);
        draw_text(f.draw, font, ImVec2(tx, row.GetCenter().y - text_size(font, name, tw).y * 0.5f), t.text, name, tw);
    }
    f.draw->PopClipRect();
    return tapped;
}

} // namespace kiosk
