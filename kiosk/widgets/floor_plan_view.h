// Drawing one floor of the venue plan: its areas as polygons filled by kind
// with their names fitted inside, and the markers the map and route screens
// put on it (you are here, the destination, a walk with direction marks).
#pragma once

#include "feed/venue.h"
#include "widgets/plan_transform.h"
#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>   // ImRect

#include <string_view>
#include <vector>

namespace kiosk {

// The fill of an area of `kind`: halls warm, booths gold, studios rose, services blue, ways through grey.
ImU32 area_kind_fill(AreaKind kind);

// The UI string key of a kind's name: "area_kind_hall", … (assets/ui_strings.json).
std::string area_kind_key(AreaKind kind);

// Every area of `floor` filled and outlined, named in `lang`; `selected` (an area id) drawn outlined in
// the accent; `unlabelled` (an area id) without its name: the you-are-here marker names it instead.
void draw_floor_plan(ImDrawList* dl, const Theme& theme, const Venue& venue, std::string_view floor,
                     const PlanTransform& plan, Lang lang, std::string_view selected = {}, std::string_view unlabelled = {});

// A large red dot with a halo and a 你在这里 / You are here label above it, or beside or below it
// when that covers less of `avoid` (the areas around, so their names stay readable) and stays within `box`.
void draw_you_are_here(ImDrawList* dl, const Theme& theme, ImVec2 at, std::string_view label,
                       const std::vector<ImRect>& avoid, const ImRect& box);

// The screen bounds of the areas on `floor` but `skip` (an area id): what markers should not cover.
std::vector<ImRect> area_bounds(const Venue& venue, std::string_view floor, const PlanTransform& plan, std::string_view skip = {});

// A green pin whose point stands on `at`.
void draw_destination_pin(ImDrawList* dl, const Theme& theme, ImVec2 at);

// A thick line through `points` with chevrons pointing the way every so often.
void draw_walk_line(ImDrawList* dl, const Theme& theme, const std::vector<ImVec2>& points);

// A small labelled tag at `at` (where a route changes floor: 乘电梯到 2 层).
void draw_plan_tag(ImDrawList* dl, const Theme& theme, ImVec2 at, std::string_view text, ImU32 fill);

} // namespace kiosk
