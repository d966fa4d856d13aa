// [Issue 19] The route screen in portrait: the words (where to, how far, the steps in large type,
// the step-free toggle) in a panel at the bottom as tall as they need, the plan above taking the rest
// of the height, zoomed in on the route. Where they go, from sizes alone, for tests.
#pragma once

#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace kiosk {

struct RoutePortrait {
    ImRect plan;    // the floor tabs and the plan's box
    ImRect panel;   // the words' card
};

// `body` split for a words card whose content (inside its 28 px padding) is `content_h` high: the card
// at the bottom that tall, but no more than half the body; the plan over it, 20 px apart.
RoutePortrait route_portrait_layout(const Theme& t, const ImRect& body, float content_h);

// How far the portrait plan zooms in on the route at most, over the whole floor fitted.
constexpr double kRouteMaxZoom = 2.5;
// The metres of plan around the route's ends and legs that stay in view.
constexpr double kRouteMarginM = 10.0;

} // namespace kiosk
