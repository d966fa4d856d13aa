// [Issue 19] The map's place list in the accessible mode: the plan is drawn above the reach band, where
// nobody touches it, so every place of the floor is a row in the band (its number on the plan or its
// colour, its name whole on up to two lines) that opens its card; the list scrolls when it is long.
#pragma once

#include "screens/screen.h"
#include "widgets/plan_labels.h"

#include <string>

namespace kiosk {

class MapPlaceList {
public:
    // The rows of `labels` (the floor's places) in `view`, `selected` lit. Returns the id of the place tapped, "" none.
    std::string draw(FrameContext& f, const ImRect& view, const PlanLabels& labels, const std::string& selected);
    void reset() { scroll_.reset(); }
    bool animating() const { return scroll_.animating(); }

private:
    ScrollArea scroll_;
};

} // namespace kiosk
