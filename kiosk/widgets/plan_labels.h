// Where the plan's area names go: each name in its area at the largest size
// that fits, or, when it does not fit at a readable size, a numbered marker in
// the area and the name in a key beside the plan. Pure layout from the venue,
// the transform and a text measure (no drawing, no ImGui state): the map draws,
// hit-tests and lists its key from the same answer, and tests run it headless.
#pragma once

#include "feed/venue.h"
#include "widgets/plan_transform.h"

#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// The width in pixels of `text` drawn `size` px high.
using TextWidth = std::function<float(std::string_view text, float size)>;

// The sizes a name may take, and what happens when none fits.
struct LabelSizes {
    float largest = 28;     // names start at this size (the body size) and shrink by tenths
    float smallest = 14;    // down to this
    bool markers = false;   // none fits: a numbered marker (else the name cut short at `smallest`)
    bool omit = false;      // none fits and no markers: no label at all (a plan with no room for a key)
    bool alike_together = false;   // with markers: when one area is numbered, so are those of its kind in the same
                                   // hall (or outside any): a row of booths reads as one, and the key lists them all;
                                   // with `omit`: when one is left unnamed, so are they
    bool halve_latin = true;   // a name without spaces may break in two halves even when it has Latin letters
                               // ("Toil" "ets"); Chinese always may
    float pad_x = 8;        // the room kept free inside the area's box across, both sides together
    float pad_y = 4;        // and down
    float marker_radius = 26;           // as large as the area's box allows, between these
    float smallest_marker_radius = 18;
};

enum class LabelKind {
    name,     // `lines` at `size`, centred on `at`
    cut,      // the name at `size` on one line, cut short to `max_width` (when markers are off)
    marker,   // a numbered circle at `at`; the name goes in the key
    none,     // not labelled (the you-are-here marker names it)
};

struct AreaLabel {
    const Area* area = nullptr;
    int number = 0;   // its place among the floor's areas in feed order, from 1: the same in any size or heading
    LabelKind kind = LabelKind::name;
    ImVec2 at;        // the centre of the name or the marker
    float radius = 0; // of the marker
    float size = 0;   // of the name's lines
    float max_width = 0;
    std::vector<std::string> lines;
};

struct PlanLabels {
    std::vector<AreaLabel> labels;   // the floor's areas in feed order
    // [Issue 19] The you-are-here mark on its area (the label-less one it names): a tap on it picks that area
    // as a marker's does, so a thin place (the entrance) has a target a finger can hit.
    const Area* here = nullptr;
    ImVec2 here_at;

    // Those drawn as numbered markers, by number: the entries of the map's key.
    std::vector<const AreaLabel*> markers() const;
};

// The labels of every area on `floor` (at least three points), the plan turned and fitted by `plan`.
// A hall holding smaller areas keeps its name in the gap above or below them. `unlabelled`: an area id
// that gets neither name nor marker.
PlanLabels layout_plan_labels(const Venue& venue, std::string_view floor, const PlanTransform& plan, Lang lang,
                              const LabelSizes& sizes, const TextWidth& width, std::string_view unlabelled = {});

// The area of the marker (or the you-are-here mark) nearest `p` within `reach` pixels of its centre; nullptr when none is.
const Area* marker_at(const PlanLabels& labels, ImVec2 p, float reach);

} // namespace kiosk
