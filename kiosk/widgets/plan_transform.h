// From a floor plan in metres to the screen and back, heading-up: the plan is
// turned so that the direction the kiosk's visitor faces (kiosk_heading,
// degrees clockwise from plan-north) points up, then fitted into a rectangle.
// Pure geometry, no drawing: tests and the map's hit-testing use it too.
#pragma once

#include "feed/venue.h"

#include <imgui.h>

#include <string_view>
#include <vector>

namespace kiosk {

class PlanTransform {
public:
    PlanTransform() = default;
    // The whole plan (width_m × height_m) turned by `heading_degrees` and fitted, centred, into `rect_min`..`rect_max`.
    PlanTransform(double width_m, double height_m, double heading_degrees, ImVec2 rect_min, ImVec2 rect_max);
    // `centre` of the plan at the rectangle's centre, turned by `heading_degrees`, `pixels_per_metre` large.
    PlanTransform(PlanPoint centre, double heading_degrees, double pixels_per_metre, ImVec2 rect_min, ImVec2 rect_max);

    ImVec2 to_screen(PlanPoint p) const;
    PlanPoint to_plan(ImVec2 s) const;
    float pixels_per_metre() const { return static_cast<float>(scale_); }

private:
    double cx_ = 0, cy_ = 0;       // the plan's centre, metres
    double sx_ = 0, sy_ = 0;       // the rectangle's centre, pixels
    double cos_ = 1, sin_ = 0;     // of the heading
    double scale_ = 1;             // pixels per metre
};

// The plan zoomed in on `focus` (e.g. a route and its ends): as large as the points with `margin_m`
// around them fit in the rectangle, but never smaller than the whole plan fitted nor more than `max_zoom`
// times that; centred on them, moved so that no more of the rectangle than need be lies off the plan.
// Every focus point lies inside the rectangle. No focus points: the whole plan fitted.
PlanTransform focused_plan(double width_m, double height_m, double heading_degrees, ImVec2 rect_min, ImVec2 rect_max,
                           const std::vector<PlanPoint>& focus, double margin_m, double max_zoom);

// Whether `p` lies inside `polygon` (even-odd rule; edges count as inside or not, either way).
bool polygon_contains(const std::vector<PlanPoint>& polygon, PlanPoint p);

// The area's label point: the centroid of its polygon (the mean of its points when degenerate).
PlanPoint polygon_centre(const std::vector<PlanPoint>& polygon);

// |area| of a polygon in square metres.
double polygon_area(const std::vector<PlanPoint>& polygon);

// The smallest area on `floor` containing `p` (a booth inside the market hall wins); nullptr when none.
const Area* area_at(const Venue& venue, std::string_view floor, PlanPoint p);

} // namespace kiosk
