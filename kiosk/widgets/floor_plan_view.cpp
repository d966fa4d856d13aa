#include "widgets/floor_plan_view.h"

#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace kiosk {

namespace {

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

// The name as lines: whole words (text with spaces, ImGui's wrap), or a text without spaces (Chinese) in
// two halves; empty when a word or a half is wider than `max_w` at `size`.
std::vector<std::string> label_lines(ImFont* font, float size, std::string_view name, float max_w) {
    const auto width = [&](std::string_view s) { return font->CalcTextSizeA(size, FLT_MAX, 0, s.data(), s.data() + s.size()).x; };
    std::vector<std::string> lines;
    if (name.find(' ') == std::string_view::npos) {
        std::vector<std::size_t> starts;   // of each UTF-8 character
        for (std::size_t i = 0; i < name.size(); ++i)
            if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
        if (starts.size() < 2) return {};
        const std::size_t cut = starts[(starts.size() + 1) / 2];
        lines = {std::string(name.substr(0, cut)), std::string(name.substr(cut))};
    } else {
        for (std::size_t at = 0; at < name.size();) {   // each word must fit: no breaks inside one
            const std::size_t space = std::min(name.find(' ', at), name.size());
            if (width(name.substr(at, space - at)) > max_w) return {};
            at = space + 1;
        }
        const char* p = name.data();
        const char* end = p + name.size();
        while (p < end) {
            const char* cut = font->CalcWordWrapPositionA(size / font->FontSize, p, end, max_w);
            if (cut == p) cut = p + 1;
            lines.emplace_back(p, cut);
            while (!lines.back().empty() && lines.back().back() == ' ') lines.back().pop_back();
            p = cut;
            while (p < end && *p == ' ') ++p;
        }
    }
    for (const std::string& l : lines)
        if (width(l) > max_w) return {};
    return lines;
}

// The name centred on `at`, in the largest size down to half the body size that fits `box`,
// on one line or wrapped onto whole-word lines; the smallest size, shortened, when nothing fits.
void draw_area_label(ImDrawList* dl, const Theme& t, ImVec2 at, const ImRect& box, std::string_view name) {
    ImFont* font = t.fonts.body;
    const float max_w = std::max(1.0f, box.GetWidth() - t.px(8));
    const float max_h = std::max(1.0f, box.GetHeight() - t.px(4));
    const float smallest = font->FontSize * 0.5f;
    for (float size = font->FontSize; size >= smallest - 0.01f; size *= 0.9f) {
        std::vector<std::string> lines;
        if (font->CalcTextSizeA(size, FLT_MAX, 0, name.data(), name.data() + name.size()).x <= max_w) lines = {std::string(name)};
        else lines = label_lines(font, size, name, max_w);
        if (lines.empty() || size * static_cast<float>(lines.size()) > max_h) continue;
        float y = std::round(at.y - size * static_cast<float>(lines.size()) * 0.5f);
        for (const std::string& l : lines) {
            const float w = font->CalcTextSizeA(size, FLT_MAX, 0, l.c_str()).x;
            dl->AddText(font, size, ImVec2(std::round(at.x - w * 0.5f), y), t.text, l.c_str());
            y += size;
        }
        return;
    }
    const float scale = smallest / font->FontSize;
    const std::string shortened = fit_line(font, name, max_w / scale);
    const ImVec2 s = font->CalcTextSizeA(smallest, FLT_MAX, 0, shortened.c_str());
    dl->AddText(font, smallest, ImVec2(std::round(at.x - s.x * 0.5f), std::round(at.y - s.y * 0.5f)), t.text, shortened.c_str());
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

void draw_floor_plan(ImDrawList* dl, const Theme& t, const Venue& venue, std::string_view floor, const PlanTransform& plan,
                     Lang lang, std::string_view selected, std::string_view unlabelled) {
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
    for (const Area& a : venue.areas) {   // names over every fill
        if (a.floor != floor || a.polygon.size() < 3) continue;
        ImRect bounds;
        const auto pts = screen_polygon(a, plan, bounds);
        if (a.id == selected)
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), t.accent, ImDrawFlags_Closed, t.px(6));
        // A hall holding booths keeps its name clear of them: in its own middle, within the gap.
        ImRect box = bounds;
        const ImVec2 at = plan.to_screen(polygon_centre(a.polygon));
        for (const Area& inner : venue.areas) {
            if (&inner == &a || inner.floor != floor || inner.polygon.size() < 3 ||
                !polygon_contains(a.polygon, polygon_centre(inner.polygon)) ||
                polygon_area(inner.polygon) >= polygon_area(a.polygon))
                continue;
            ImRect ib;
            screen_polygon(inner, plan, ib);
            if (ib.Max.y <= at.y) box.Min.y = std::max(box.Min.y, ib.Max.y);
            else if (ib.Min.y >= at.y) box.Max.y = std::min(box.Max.y, ib.Min.y);
        }
        if (a.id != unlabelled) draw_area_label(dl, t, at, box, a.name.in(lang));
    }
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
