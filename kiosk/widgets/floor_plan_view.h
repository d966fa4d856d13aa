// Drawing one floor of the venue plan: its areas as polygons filled by kind
// with their names fitted inside (or numbered markers where they do not fit),
// and the markers the map and route screens put on it (you are here, the
// destination, a walk with direction marks).
#pragma once

#include "feed/venue.h"
#include "widgets/plan_labels.h"
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

// The smallest size (ImGui's: a line's height) the map draws an area's name at before it numbers the
// area instead: 22 px at 1080p, 0.8 of the body size. Its capitals stand 11 px (0.52 of the size in
// Noto Sans CJK), 4.1 mm on a 32" panel: 20 arc minutes at 0.7 m, ISO 9241-303's preferred height.
// The 14 px the names used to shrink to make 2.6 mm, 13 arc minutes, under its 16 minimum.
inline constexpr float kReadableLabelPx = 22;

// How the plan sizes its names at this theme: from the body size down to kReadableLabelPx, numbered
// below it along with their like neighbours (`markers`); else not drawn (the route screen, whose panel
// leaves no room for a key: its title names the destination and a pin marks it).
LabelSizes plan_label_sizes(const Theme& theme, bool markers);

// The labels of `floor` as draw_floor_plan places them (plan_labels.h) in `lang`, the body font measuring.
PlanLabels plan_labels(const Theme& theme, const Venue& venue, std::string_view floor, const PlanTransform& plan, Lang lang,
                       bool markers, std::string_view unlabelled = {});

// Every area of `floor` filled and outlined, with its name or numbered marker where `labels` put it;
// `selected` (an area id) drawn outlined in the accent, its marker ringed in it.
void draw_floor_plan(ImDrawList* dl, const Theme& theme, const Venue& venue, std::string_view floor,
                     const PlanTransform& plan, const PlanLabels& labels, Lang lang, std::string_view selected = {});

// The same with the names that fit at a readable size and no markers (the route's plan): `unlabelled`
// (an area id) without its name, the you-are-here marker names it instead.
void draw_floor_plan(ImDrawList* dl, const Theme& theme, const Venue& venue, std::string_view floor,
                     const PlanTransform& plan, Lang lang, std::string_view selected = {}, std::string_view unlabelled = {});

// A numbered marker of `radius` centred on `at`: white digits on a dark disc ringed in white, and in
// the accent when `selected`; on the plan for an area whose name does not fit, and beside its name in the key.
void draw_number_marker(ImDrawList* dl, const Theme& theme, ImVec2 at, float radius, int number, bool selected = false);
// The largest marker's radius (52 px across at 1080p); on the plan smaller ones fit small areas, down to 36 px.
float number_marker_radius(const Theme& theme);

// A large red dot with a halo and a 你在这里 / You are here label above it, or beside or below it
// when that covers less of `avoid` (the areas around, so their names stay readable) and stays within `box`.
void draw_you_are_here(ImDrawList* dl, const Theme& theme, ImVec2 at, std::string_view label,
                       const std::vector<ImRect>& avoid, const ImRect& box);

// The screen bounds of the areas on `floor` but `skip` (an area id): what markers should not cover.
std::vector<ImRect> area_bounds(const Venue& venue, std::string_view floor, const PlanTransform& plan, std::string_view skip = {});

// [Issue 19] What a tap on the plan picks, one place each (the map's hit test: the marker within `marker_reach`
// of the finger, else the smallest area under it): the area's screen bounds, with the square around its
// marker's (or the you-are-here mark's) disc that surely picks it: `marker_reach`, or half the way to the
// nearest other mark when that is less. The map records each as a touch target of its own (TouchTarget::place).
struct PlanPlace {
    const Area* area = nullptr;
    ImRect rect;
};
std::vector<PlanPlace> plan_places(const Venue& venue, std::string_view floor, const PlanTransform& plan,
                                   const PlanLabels& labels, float marker_reach);

// A green pin whose point stands on `at`.
void draw_destination_pin(ImDrawList* dl, const Theme& theme, ImVec2 at);

// A thick line through `points` with chevrons pointing the way every so often.
void draw_walk_line(ImDrawList* dl, const Theme& theme, const std::vector<ImVec2>& points);

// A small labelled tag at `at` (where a route changes floor: 乘电梯到 2 层).
void draw_plan_tag(ImDrawList* dl, const Theme& theme, ImVec2 at, std::string_view text, ImU32 fill);

} // namespace kiosk
