// What the map, the route and the 在哪 / Where? buttons share: which area of
// the feed's venue a county, session or product is at, what is in an area now,
// the kiosk's own node, and the floor tabs.
#pragma once

#include "screens/screen.h"

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The venue's area with `id`; nullptr when the feed has no venue or no such area.
const Area* venue_area(const Feed& feed, std::string_view id);

// Where a visitor finds them: the county's booth, the session's area, the product's county's booth.
const Area* county_area(const Feed& feed, const County& county);
const Area* session_area(const Feed& feed, const Session& session);
const Area* product_area(const Feed& feed, const Product& product);

// The county whose area this is: the area's own county, else the county whose booth_area it is.
const County* area_county(const Feed& feed, const Area& area);

// The session in this area running at `now`, else the next to start; nullptr when none. `running` says which.
const Session* area_session(const Feed& feed, const Area& area, std::int64_t now, bool& running);

// The walkway node where this kiosk stands; nullptr when it stands nowhere on the plan.
const WalkNode* kiosk_node(const FrameContext& f);

// The marker's words, 你在这里 · 入口 / You are here · Entrance, naming the area the kiosk stands in
// (whose own label the marker would cover: `area_id` gets its id, "" when none).
std::string you_are_here_label(const FrameContext& f, const WalkNode& here, std::string& area_id);

// The height of a plan box `width` wide that holds the floor's plan, turned heading-up, at that width
// (with the 24 px inset and the 40 px over it for the marker's label that the screens leave).
float plan_box_height(const FrameContext& f, const Floor& floor, float width);

// A row of floor tabs from `x`, `y`, each `h` high; the tapped floor becomes `floor`. `marked`: floors
// drawn with a dot (those a route passes). Returns the row's right edge.
float draw_floor_tabs(FrameContext& f, float x, float y, float h, float max_right, std::string& floor,
                      const std::vector<std::string>& marked = {});

// A 在哪 / Where? button at `at` (top-left), `h` high, that opens the walk to `area`. Returns its width.
float draw_where_button(FrameContext& f, ImVec2 at, float h, const Area& area);
// Its width, for laying out what sits beside it.
float where_button_width(const FrameContext& f);

} // namespace kiosk
