#include "widgets/plan_transform.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

PlanTransform::PlanTransform(double width_m, double height_m, double heading_degrees, ImVec2 rect_min, ImVec2 rect_max)
    : cx_(width_m / 2), cy_(height_m / 2), sx_((rect_min.x + rect_max.x) / 2.0), sy_((rect_min.y + rect_max.y) / 2.0) {
    const double a = heading_degrees * 3.14159265358979323846 / 180.0;
    cos_ = std::cos(a);
    sin_ = std::sin(a);
    // The turned plan's bounding box, to fit whole into the rectangle.
    const double w = std::abs(width_m * cos_) + std::abs(height_m * sin_);
    const double h = std::abs(width_m * sin_) + std::abs(height_m * cos_);
    const double rw = std::max(1.0, static_cast<double>(rect_max.x - rect_min.x));
    const double rh = std::max(1.0, static_cast<double>(rect_max.y - rect_min.y));
    scale_ = (w > 0 && h > 0) ? std::min(rw / w, rh / h) : 1.0;
}

PlanTransform::PlanTransform(PlanPoint centre, double heading_degrees, double pixels_per_metre, ImVec2 rect_min, ImVec2 rect_max)
    : cx_(centre.x), cy_(centre.y), sx_((rect_min.x + rect_max.x) / 2.0), sy_((rect_min.y + rect_max.y) / 2.0),
      scale_(std::max(1e-6, pixels_per_metre)) {
    const double a = heading_degrees * 3.14159265358979323846 / 180.0;
    cos_ = std::cos(a);
    sin_ = std::sin(a);
}

namespace {

struct Span {
    double lo = 1e300, hi = -1e300;
    void add(double v) { lo = std::min(lo, v); hi = std::max(hi, v); }
    double size() const { return hi - lo; }
    double mid() const { return (lo + hi) / 2; }
};

// Where the view's centre goes along one turned axis: on the focus, moved inside the plan's extent.
double place_view(const Span& focus, const Span& plan, double half_view) {
    if (plan.size() <= 2 * half_view) return plan.mid();
    return std::clamp(focus.mid(), plan.lo + half_view, plan.hi - half_view);
}

} // namespace

PlanTransform focused_plan(double width_m, double height_m, double heading_degrees, ImVec2 rect_min, ImVec2 rect_max,
                           const std::vector<PlanPoint>& focus, double margin_m, double max_zoom) {
    const PlanTransform whole(width_m, height_m, heading_degrees, rect_min, rect_max);
    if (focus.empty()) return whole;
    const double a = heading_degrees * 3.14159265358979323846 / 180.0;
    const double c = std::cos(a), s = std::sin(a);
    Span fx, fy, px, py;   // the focus and the plan along the turned (screen) axes, in metres
    for (const PlanPoint& p : focus) {
        fx.add(p.x * c + p.y * s);
        fy.add(-p.x * s + p.y * c);
    }
    for (const PlanPoint& p : {PlanPoint{0, 0}, PlanPoint{width_m, 0}, PlanPoint{0, height_m}, PlanPoint{width_m, height_m}}) {
        px.add(p.x * c + p.y * s);
        py.add(-p.x * s + p.y * c);
    }
    const double rw = std::max(1.0, static_cast<double>(rect_max.x - rect_min.x));
    const double rh = std::max(1.0, static_cast<double>(rect_max.y - rect_min.y));
    const double fit = std::min(rw / std::max(1e-6, fx.size() + 2 * margin_m), rh / std::max(1e-6, fy.size() + 2 * margin_m));
    const double least = whole.pixels_per_metre();
    const double scale = std::clamp(fit, least, least * std::max(1.0, max_zoom));
    const double tx = place_view(fx, px, rw / (2 * scale)), ty = place_view(fy, py, rh / (2 * scale));
    return PlanTransform(PlanPoint{tx * c - ty * s, tx * s + ty * c}, heading_degrees, scale, rect_min, rect_max);
}

// Turning by -heading takes the plan direction (sin h, -cos h) to screen-up (0, -1).
ImVec2 PlanTransform::to_screen(PlanPoint p) const {
    const double dx = p.x - cx_, dy = p.y - cy_;
    const double rx = dx * cos_ + dy * sin_;
    const double ry = -dx * sin_ + dy * cos_;
    return ImVec2(static_cast<float>(sx_ + rx * scale_), static_cast<float>(sy_ + ry * scale_));
}

PlanPoint PlanTransform::to_plan(ImVec2 s) const {
    const double rx = (s.x - sx_) / scale_, ry = (s.y - sy_) / scale_;
    return PlanPoint{cx_ + rx * cos_ - ry * sin_, cy_ + rx * sin_ + ry * cos_};
}

bool polygon_contains(const std::vector<PlanPoint>& polygon, PlanPoint p) {
    bool inside = false;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const PlanPoint& a = polygon[i];
        const PlanPoint& b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) inside = !inside;
    }
    return inside;
}

double polygon_area(const std::vector<PlanPoint>& polygon) {
    double twice = 0;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++)
        twice += polygon[j].x * polygon[i].y - polygon[i].x * polygon[j].y;
    return std::abs(twice) / 2;
}

PlanPoint polygon_centre(const std::vector<PlanPoint>& polygon) {
    double twice = 0, x = 0, y = 0;
    for (std::size_t i = 0, j = polygon.size() - 1; i < polygon.size(); j = i++) {
        const double cross = polygon[j].x * polygon[i].y - polygon[i].x * polygon[j].y;
        twice += cross;
        x += (polygon[j].x + polygon[i].x) * cross;
        y += (polygon[j].y + polygon[i].y) * cross;
    }
    if (std::abs(twice) > 1e-9) return PlanPoint{x / (3 * twice), y / (3 * twice)};
    PlanPoint mean;
    for (const PlanPoint& q : polygon) {
        mean.x += q.x / static_cast<double>(polygon.size());
        mean.y += q.y / static_cast<double>(polygon.size());
    }
    return mean;
}

const Area* area_at(const Venue& venue, std::string_view floor, PlanPoint p) {
    const Area* best = nullptr;
    double best_size = 0;
    for (const Area& a : venue.areas) {
        if (a.floor != floor || a.polygon.size() < 3 || !polygon_contains(a.polygon, p)) continue;
        const double size = polygon_area(a.polygon);
        if (!best || size < best_size) {
            best = &a;
            best_size = size;
        }
    }
    return best;
}

} // namespace kiosk
