#include "widgets/floor_plan_view.h"

#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk {

namespace {

constexpr ImU32 kMarkerFill = IM_COL32(92, 62, 50, 255);   // the plan's outline brown, darker: white digits read on it

// The area's polygon in screen space, and its bounding box.
std::vector<ImVec2> screen_polygon(const Area& a, const PlanTransform& plan, ImRect& bounds) {
    std::vector<ImVec2> out;
    bounds = ImRect(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
    for (const PlanPoint& p : a.polygon) {
        out.push_back(plan.to_screen(p));
        bounds.Add(out.back());
    }
    return out;
}

// ImGui fills convex polygons only: a concave area is filled as a fan of triangles from its centre.
void fill_polygon(ImDrawList* dl, const std::vector<ImVec2>& pts, ImVec2 centre, ImU32 fill) {
    bool convex = true;
    float sign = 0;
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const ImVec2 a = pts[i], b = pts[(i + 1) % pts.size()], c = pts[(i + 2) % pts.size()];
        const float cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        if (cross == 0) continue;
        if (sign == 0) sign = cross;
        else if ((cross > 0) != (sign > 0)) convex = false;
    }
    if (convex) {
        dl->AddConvexPolyFilled(pts.data(), static_cast<int>(pts.size()), fill);
        return;
    }
    for (std::size_t i = 0; i < pts.size(); ++i) dl->AddTriangleFilled(centre, pts[i], pts[(i + 1) % pts.size()], fill);
}

// The name as `label` places it: its lines centred on its point, or cut short on one line.
void draw_area_label(ImDrawList* dl, const Theme& t, const AreaLabel& label, std::string_view name) {
    ImFont* font = t.fonts.body;
    if (label.kind == LabelKind::cut) {
        const std::string shortened = fit_line(font, name, label.max_width * font->FontSize / label.size);
        const ImVec2 s = font->CalcTextSizeA(label.size, FLT_MAX, 0, shortened.c_str());
        dl->AddText(font, label.size, ImVec2(std::round(label.at.x - s.x * 0.5f), std::round(label.at.y - s.y * 0.5f)), t.text,
                    shortened.c_str());
        return;
    }
    float y = std::round(label.at.y - label.size * static_cast<float>(label.lines.size()) * 0.5f);
    for (const std::string& l : label.lines) {
        const float w = font->CalcTextSizeA(label.size, FLT_MAX, 0, l.c_str()).x;
        dl->AddText(font, label.size, ImVec2(std::round(label.at.x - w * 0.5f), y), t.text, l.c_str());
        y += label.size;
    }
}

} // namespace

ImU32 area_kind_fill(AreaKind kind) {
    switch (kind) {
    case AreaKind::hall: return IM_COL32(253, 231, 206, 255);
    case AreaKind::booth: return IM_COL32(250, 210, 140, 255);
    case AreaKind::studio: return IM_COL32(246, 196, 200, 255);
    case AreaKind::stage: return IM_COL32(236, 206, 232, 255);
    case AreaKind::market: return IM_COL32(255, 243, 196, 255);
    case AreaKind::service_desk: return IM_COL32(196, 222, 250, 255);
    case AreaKind::toilet: return IM_COL32(208, 232, 246, 255);
    case AreaKind::entrance:
    case AreaKind::exit: return IM_COL32(196, 234, 204, 255);
    case AreaKind::first_aid: return IM_COL32(252, 214, 214, 255);
    case AreaKind::lift:
    case AreaKind::stairs: return IM_COL32(218, 218, 228, 255);
    }
    return IM_COL32(230, 230, 230, 255);
}

std::string area_kind_key(AreaKind kind) { return "area_kind_" + std::string(area_kind_name(kind)); }

LabelSizes plan_label_sizes(const Theme& t, bool markers) {
    LabelSizes sizes;
    sizes.largest = t.fonts.body->FontSize;
    sizes.markers = markers;
    sizes.omit = !markers;   // no key to number into: a name that is not readable is not drawn
    // Readable or numbered (or left out), with air between a name's lines and its area's edges.
    sizes.smallest = t.px(kReadableLabelPx);
    sizes.alike_together = true;
    sizes.halve_latin = false;   // "Toil" "ets" reads worse than a number
    sizes.marker_radius = number_marker_radius(t);
    sizes.smallest_marker_radius = t.px(18);
    sizes.pad_x = t.px(8);
    sizes.pad_y = t.px(12);
    return sizes;
}

PlanLabels plan_labels(const Theme& t, const Venue& venue, std::string_view floor, const PlanTransform& plan, Lang lang,
                       bool markers, std::string_view unlabelled) {
    ImFont* font = t.fonts.body;
    const TextWidth width = [font](std::string_view s, float size) {
        return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x;
    };
    return layout_plan_labels(venue, floor, plan, lang, plan_label_sizes(t, markers), width, unlabelled);
}

void draw_floor_plan(ImDrawList* dl, const Theme& t, const Venue& venue, std::string_view floor, const PlanTransform& plan,
                     const PlanLabels& labels, Lang lang, std::string_view selected) {
    const Floor* f = venue.floor(floor);
    if (!f) return;
    // The floor's outline: the plan's rectangle, as paper under the areas.
    const ImVec2 corners[4] = {plan.to_screen({0, 0}), plan.to_screen({f->width_m, 0}),
                               plan.to_screen({f->width_m, f->height_m}), plan.to_screen({0, f->height_m})};
    dl->AddConvexPolyFilled(corners, 4, IM_COL32(244, 238, 230, 255));
    dl->AddPolyline(corners, 4, t.card_border, ImDrawFlags_Closed, std::max(1.0f, t.px(2)));
    const float line = std::max(1.0f, t.px(2));
    for (const Area& a : venue.areas) {   // in feed order: a hall before the booths inside it
        if (a.floor != floor || a.polygon.size() < 3) continue;
        ImRect bounds;
        const auto pts = screen_polygon(a, plan, bounds);
        fill_polygon(dl, pts, plan.to_screen(polygon_centre(a.polygon)), area_kind_fill(a.kind));
        dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(150, 128, 112, 255), ImDrawFlags_Closed, line);
    }
    for (const AreaLabel& l : labels.labels) {   // names over every fill
        if (l.area->id == selected) {
            ImRect bounds;
            const auto pts = screen_polygon(*l.area, plan, bounds);
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), t.accent, ImDrawFlags_Closed, t.px(6));
        }
        if (l.kind == LabelKind::name || l.kind == LabelKind::cut) draw_area_label(dl, t, l, l.area->name.in(lang));
    }
    for (const AreaLabel& l : labels.labels)   // markers over every outline
        if (l.kind == LabelKind::marker) draw_number_marker(dl, t, l.at, l.radius, l.number, l.area->id == selected);
}

void draw_floor_plan(ImDrawList* dl, const Theme& t, const Venue& venue, std::string_view floor, const PlanTransform& plan,
                     Lang lang, std::string_view selected, std::string_view unlabelled) {
    draw_floor_plan(dl, t, venue, floor, plan, plan_labels(t, venue, floor, plan, lang, false, unlabelled), lang, selected);
}

float number_marker_radius(const Theme& t) { return t.px(26); }

void draw_number_marker(ImDrawList* dl, const Theme& t, ImVec2 at, float r, int number, bool selected) {
    if (selected) dl->AddCircleFilled(at, r + t.px(7), t.accent, 40);
    dl->AddCircleFilled(at, r, IM_COL32_WHITE, 40);
    dl->AddCircleFilled(at, r - t.px(3), kMarkerFill, 40);
    const std::string n = std::to_string(number);
    ImFont* font = t.fonts.body;
    float size = font->FontSize;   // three digits: smaller, to stay inside the disc
    const float room = 2 * (r - t.px(5));
    const float w = font->CalcTextSizeA(size, FLT_MAX, 0, n.c_str()).x;
    if (w > room) size *= room / w;
    const ImVec2 s = font->CalcTextSizeA(size, FLT_MAX, 0, n.c_str());
    dl->AddText(font, size, ImVec2(std::round(at.x - s.x * 0.5f), std::round(at.y - s.y * 0.5f)), IM_COL32_WHITE, n.c_str());
}

std::vector<ImRect> area_bounds(const Venue& venue, std::string_view floor, const PlanTransform& plan, std::string_view skip) {
    std::vector<ImRect> out;
    for (const Area& a : venue.areas) {
        if (a.floor != floor || a.id == skip || a.polygon.size() < 3) continue;
        ImRect bounds;
        screen_polygon(a, plan, bounds);
        out.push_back(bounds);
    }
    return out;
}

std::vector<PlanPlace> plan_places(const Venue& venue, std::string_view floor, const PlanTransform& plan,
                                   const PlanLabels& labels, float marker_reach) {
    std::vector<ImVec2> marks;   // every marker's centre and the you-are-here mark: the nearest one wins a tap
    for (const AreaLabel& l : labels.labels)
        if (l.kind == LabelKind::marker) marks.push_back(l.at);
    if (labels.here) marks.push_back(labels.here_at);
    std::vector<PlanPlace> out;
    for (const Area& a : venue.areas) {
        if (a.floor != floor || a.polygon.size() < 3) continue;
        PlanPlace place{&a, {}};
        screen_polygon(a, plan, place.rect);
        const auto disc = [&](ImVec2 at) {   // what surely picks it: within reach and nearer to it than to any other mark
            float r = marker_reach;
            for (const ImVec2 other : marks)
                if (other.x != at.x || other.y != at.y) r = std::min(r, std::hypot(other.x - at.x, other.y - at.y) * 0.5f);
            place.rect.Add(ImRect(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r)));
        };
        for (const AreaLabel& l : labels.labels)
            if (l.area == &a && l.kind == LabelKind::marker) disc(l.at);
        if (labels.here == &a) disc(labels.here_at);
        out.push_back(place);
    }
    return out;
}

void draw_you_are_here(ImDrawList* dl, const Theme& t, ImVec2 at, std::string_view label, const std::vector<ImRect>& avoid,
                       const ImRect& box) {
    dl->AddCircleFilled(at, t.px(40), IM_COL32(220, 38, 38, 60), 40);
    dl->AddCircleFilled(at, t.px(20), IM_COL32_WHITE, 32);
    dl->AddCircleFilled(at, t.px(15), t.live, 32);
    if (label.empty()) return;
    ImFont* font = t.fonts.body;
    const ImVec2 s = text_size(font, label);
    const float pad = t.px(12), gap = t.px(48);
    const ImVec2 size(s.x + 2 * pad, s.y + t.px(8));
    // Above, right, left, below: the first that covers the least of the areas around.
    const ImVec2 corners[4] = {ImVec2(at.x - size.x * 0.5f, at.y - gap - size.y), ImVec2(at.x + gap, at.y - size.y * 0.5f),
                               ImVec2(at.x - gap - size.x, at.y - size.y * 0.5f), ImVec2(at.x - size.x * 0.5f, at.y + gap)};
    const ImVec2 tips[4] = {ImVec2(at.x, at.y - t.px(26)), ImVec2(at.x + t.px(26), at.y), ImVec2(at.x - t.px(26), at.y),
                            ImVec2(at.x, at.y + t.px(26))};
    int best = 0;
    float best_cover = FLT_MAX;
    for (int i = 0; i < 4; ++i) {
        const ImRect r(corners[i], ImVec2(corners[i].x + size.x, corners[i].y + size.y));
        float cover = box.Contains(r) ? 0.0f : 1e12f;   // cut off by the box: the last resort
        for (const ImRect& a : avoid) {
            const float w = std::min(r.Max.x, a.Max.x) - std::max(r.Min.x, a.Min.x);
            const float h = std::min(r.Max.y, a.Max.y) - std::max(r.Min.y, a.Min.y);
            if (w > 0 && h > 0) cover += w * h;
        }
        if (cover < best_cover - 1) {
            best = i;
            best_cover = cover;
        }
    }
    const ImRect bubble(ImVec2(std::round(corners[best].x), std::round(corners[best].y)),
                        ImVec2(std::round(corners[best].x + size.x), std::round(corners[best].y + size.y)));
    const ImVec2 c = bubble.GetCenter();
    const ImVec2 d(tips[best].x - c.x, tips[best].y - c.y);
    const float len = std::max(1.0f, std::sqrt(d.x * d.x + d.y * d.y));
    const ImVec2 n(-d.y / len * t.px(10), d.x / len * t.px(10));
    dl->AddTriangleFilled(ImVec2(c.x + n.x, c.y + n.y), ImVec2(c.x - n.x, c.y - n.y), tips[best], t.live);
    dl->AddRectFilled(bubble.Min, bubble.Max, t.live, t.px(10));
    draw_text(dl, font, ImVec2(bubble.Min.x + pad, bubble.Min.y + t.px(4)), IM_COL32_WHITE, label);
}

void draw_destination_pin(ImDrawList* dl, const Theme& t, ImVec2 at) {
    const float r = t.px(22);
    const ImVec2 head(at.x, at.y - t.px(46));
    dl->AddTriangleFilled(ImVec2(head.x - r * 0.8f, head.y + r * 0.55f), ImVec2(head.x + r * 0.8f, head.y + r * 0.55f), at, t.good);
    dl->AddCircleFilled(head, r, t.good, 32);
    dl->AddCircleFilled(head, r * 0.42f, IM_COL32_WHITE, 24);
}

void draw_walk_line(ImDrawList* dl, const Theme& t, const std::vector<ImVec2>& points) {
    if (points.size() < 2) return;
    const float width = t.px(12);
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32_WHITE, 0, width + t.px(6));
    dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(37, 99, 235, 255), 0, width);
    for (const ImVec2& p : points) dl->AddCircleFilled(p, width * 0.5f, IM_COL32(37, 99, 235, 255), 16);   // round joins
    // Chevrons every `step` pixels along the line, pointing the way.
    const float step = t.px(56), arm = t.px(9);
    float next = step * 0.5f, walked = 0;
    for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = points[i - 1], b = points[i];
        const float len = std::sqrt((b.x - a.x) * (b.x - a.x) + (b.y - a.y) * (b.y - a.y));
        if (len < 0.5f) continue;
        const ImVec2 d((b.x - a.x) / len, (b.y - a.y) / len), n(-d.y, d.x);
        while (next <= walked + len) {
            const float at = next - walked;
            const ImVec2 tip(a.x + d.x * (at + arm * 0.5f), a.y + d.y * (at + arm * 0.5f));
            const ImVec2 back(tip.x - d.x * arm, tip.y - d.y * arm);
            const ImVec2 chevron[3] = {ImVec2(back.x + n.x * arm, back.y + n.y * arm), tip,
                                       ImVec2(back.x - n.x * arm, back.y - n.y * arm)};
            dl->AddPolyline(chevron, 3, IM_COL32_WHITE, 0, t.px(3.5f));
            next += step;
        }
        walked += len;
    }
}

void draw_plan_tag(ImDrawList* dl, const Theme& t, ImVec2 at, std::string_view text, ImU32 fill) {
    ImFont* font = t.fonts.body;
    const ImVec2 s = text_size(font, text);
    const float pad = t.px(10);
    const ImVec2 min(std::round(at.x + t.px(18)), std::round(at.y - s.y * 0.5f - t.px(4)));
    dl->AddCircleFilled(at, t.px(12), fill, 24);
    dl->AddRectFilled(min, ImVec2(min.x + s.x + 2 * pad, min.y + s.y + t.px(8)), fill, t.px(8));
    draw_text(dl, font, ImVec2(min.x + pad, min.y + t.px(4)), IM_COL32_WHITE, text);
}

} // namespace kiosk
