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
