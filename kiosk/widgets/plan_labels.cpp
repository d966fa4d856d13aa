#include "widgets/plan_labels.h"

#include <imgui_internal.h>   // ImRect

#include <algorithm>
#include <cfloat>
#include <cmath>

namespace kiosk {

namespace {

// The area's screen bounding box.
ImRect screen_bounds(const Area& a, const PlanTransform& plan) {
    ImRect bounds(ImVec2(FLT_MAX, FLT_MAX), ImVec2(-FLT_MAX, -FLT_MAX));
    for (const PlanPoint& p : a.polygon) bounds.Add(plan.to_screen(p));
    return bounds;
}

bool on_floor(const Area& a, std::string_view floor) { return a.floor == floor && a.polygon.size() >= 3; }

// A text without spaces (Chinese) in two halves; empty when it has fewer than two characters.
std::vector<std::string> halves(std::string_view name) {
    std::vector<std::size_t> starts;   // of each UTF-8 character
    for (std::size_t i = 0; i < name.size(); ++i)
        if ((static_cast<unsigned char>(name[i]) & 0xC0) != 0x80) starts.push_back(i);
    if (starts.size() < 2) return {};
    const std::size_t cut = starts[(starts.size() + 1) / 2];
    return {std::string(name.substr(0, cut)), std::string(name.substr(cut))};
}

// Whole words filled greedily into lines `max_w` wide; empty when a word alone is wider.
std::vector<std::string> word_lines(std::string_view name, float size, float max_w, const TextWidth& width) {
    std::vector<std::string> lines;
    for (std::size_t at = 0; at < name.size();) {
        const std::size_t space = std::min(name.find(' ', at), name.size());
        const std::string_view word = name.substr(at, space - at);
        at = space + 1;
        if (word.empty()) continue;
        if (width(word, size) > max_w) return {};
        if (!lines.empty() && width(lines.back() + " " + std::string(word), size) <= max_w) lines.back() += " " + std::string(word);
        else lines.emplace_back(word);
    }
    return lines;
}

bool has_latin(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); });
}

// The name's lines at `size` within `max_w` × `max_h`: one line, whole-word lines, or two halves of a
// text without spaces (of one with Latin letters only when `halve_latin`); empty when they do not fit.
std::vector<std::string> fitted_lines(std::string_view name, float size, float max_w, float max_h, bool halve_latin,
                                      const TextWidth& width) {
    std::vector<std::string> lines;
    if (width(name, size) <= max_w) lines = {std::string(name)};
    else if (name.find(' ') == std::string_view::npos) lines = halve_latin || !has_latin(name) ? halves(name) : lines;
    else lines = word_lines(name, size, max_w, width);
    for (const std::string& l : lines)
        if (width(l, size) > max_w) return {};
    if (size * static_cast<float>(lines.size()) > max_h) return {};
    return lines;
}

// The box a name may fill: the area's, and for a hall holding smaller areas only the gap above or
// below them around its centre `at`, so its name stays clear of theirs.
ImRect label_box(const Venue& venue, const Area& a, const PlanTransform& plan, ImVec2 at) {
    ImRect box = screen_bounds(a, plan);
    for (const Area& inner : venue.areas) {
        if (&inner == &a || !on_floor(inner, a.floor) || !polygon_contains(a.polygon, polygon_centre(inner.polygon)) ||
            polygon_area(inner.polygon) >= polygon_area(a.polygon))
            continue;
        const ImRect ib = screen_bounds(inner, plan);
        if (ib.Max.y <= at.y) box.Min.y = std::max(box.Min.y, ib.Max.y);
        else if (ib.Min.y >= at.y) box.Max.y = std::min(box.Max.y, ib.Min.y);
    }
    return box;
}

// A marker as large as fits `box` (with a little room), within the sizes' bounds.
float marker_radius(const ImRect& box, const LabelSizes& sizes) {
    const float fits = std::min(box.GetWidth(), box.GetHeight()) * 0.5f - 2;
    return std::clamp(fits, std::min(sizes.smallest_marker_radius, sizes.marker_radius), sizes.marker_radius);
}

// The name at the largest size from `largest` down to `smallest` (by tenths, then `smallest` itself)
// that fits `box`; a marker, nothing, or the name cut short at `smallest`, when none does.
void fit_label(AreaLabel& label, std::string_view name, const ImRect& box, const LabelSizes& sizes, const TextWidth& width) {
    const float max_w = std::max(1.0f, box.GetWidth() - sizes.pad_x);
    const float max_h = std::max(1.0f, box.GetHeight() - sizes.pad_y);
    const float smallest = std::min(sizes.smallest, sizes.largest);
    for (float size = sizes.largest;; size *= 0.9f) {
        if (size < smallest + 0.01f) size = smallest;   // the last try
        label.lines = fitted_lines(name, size, max_w, max_h, sizes.halve_latin, width);
        if (!label.lines.empty()) {
            label.kind = LabelKind::name;
            label.size = size;
            return;
        }
        if (size == smallest) break;
    }
    label.kind = sizes.markers ? LabelKind::marker : sizes.omit ? LabelKind::none : LabelKind::cut;
    label.size = smallest;
    label.radius = marker_radius(box, sizes);
    label.max_width = max_w;
    if (label.kind == LabelKind::cut) label.lines = {std::string(name)};
}

// The smallest area on the floor holding `a`'s centre, larger than `a`: its hall; nullptr when none.
const Area* container_of(const Venue& venue, const Area& a) {
    const Area* best = nullptr;
    const PlanPoint c = polygon_centre(a.polygon);
    const double size = polygon_area(a.polygon);
    for (const Area& outer : venue.areas) {
        if (&outer == &a || !on_floor(outer, a.floor) || polygon_area(outer.polygon) <= size || !polygon_contains(outer.polygon, c))
            continue;
        if (!best || polygon_area(outer.polygon) < polygon_area(best->polygon)) best = &outer;
    }
    return best;
}

// Numbers (or, without markers, leaves unnamed) every named area whose kind and hall it shares with a
// numbered (unnamed) one: a row of booths reads as one. `unlabelled` is unnamed for another reason.
void treat_alike(const Venue& venue, const PlanTransform& plan, const LabelSizes& sizes, std::string_view unlabelled,
                 std::vector<AreaLabel>& labels) {
    const LabelKind unfit = sizes.markers ? LabelKind::marker : LabelKind::none;
    std::vector<std::pair<const Area*, AreaKind>> unfitting;   // (hall, kind) of each marker or left-out name
    for (const AreaLabel& l : labels)
        if (l.kind == unfit && l.area->id != unlabelled) unfitting.emplace_back(container_of(venue, *l.area), l.area->kind);
    for (AreaLabel& l : labels)
        if (l.kind == LabelKind::name &&
            std::find(unfitting.begin(), unfitting.end(), std::make_pair(container_of(venue, *l.area), l.area->kind)) != unfitting.end()) {
            l.kind = unfit;
            l.lines.clear();
            if (unfit == LabelKind::marker) l.radius = marker_radius(label_box(venue, *l.area, plan, l.at), sizes);
        }
}

} // namespace

std::vector<const AreaLabel*> PlanLabels::markers() const {
    std::vector<const AreaLabel*> out;
    for (const AreaLabel& l : labels)
        if (l.kind == LabelKind::marker) out.push_back(&l);
    std::sort(out.begin(), out.end(), [](const AreaLabel* a, const AreaLabel* b) { return a->number < b->number; });
    return out;
}

PlanLabels layout_plan_labels(const Venue& venue, std::string_view floor, const PlanTransform& plan, Lang lang,
                              const LabelSizes& sizes, const TextWidth& width, std::string_view unlabelled) {
    PlanLabels out;
    int number = 0;
    for (const Area& a : venue.areas) {
        if (!on_floor(a, floor)) continue;
        AreaLabel label;
        label.area = &a;
        label.number = ++number;   // counted before anything is skipped: stable whatever is drawn
        label.at = plan.to_screen(polygon_centre(a.polygon));
        if (a.id == unlabelled) label.kind = LabelKind::none;
        else fit_label(label, a.name.in(lang), label_box(venue, a, plan, label.at), sizes, width);
        out.labels.push_back(std::move(label));
    }
    if ((sizes.markers || sizes.omit) && sizes.alike_together) treat_alike(venue, plan, sizes, unlabelled, out.labels);
    return out;
}

const Area* marker_at(const PlanLabels& labels, ImVec2 p, float reach) {
    const Area* best = nullptr;
    float best_d = reach;
    if (labels.here) {
        const float d = std::hypot(p.x - labels.here_at.x, p.y - labels.here_at.y);
        if (d <= best_d) {
            best = labels.here;
            best_d = d;
        }
    }
    for (const AreaLabel& l : labels.labels) {
        if (l.kind != LabelKind::marker) continue;
        const float d = std::hypot(p.x - l.at.x, p.y - l.at.y);
        if (d <= best_d) {
            best = l.area;
            best_d = d;
        }
    }
    return best;
}

} // namespace kiosk
