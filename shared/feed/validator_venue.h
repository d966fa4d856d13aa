// Internal to the feed validator: the rules of the optional "venue" section
// that a schema cannot say — ids unique and known, doors on the walkway graph,
// polygons of three points or more, lengths between floors, and every area
// reachable from an entrance — and references into it from counties and sessions.
#pragma once

#include "feed/problems.h"
#include "feed/validator_members.h"

#include <nlohmann/json.hpp>

namespace kiosk {

// What the rest of the feed may refer to.
struct VenueIds {
    bool present = false;    // the feed has a "venue" member
    bool usable = false;     // …an object with an "areas" list, so references can be checked
    IdTable areas;           // area id → pointer of its first use
};

// Checks doc["venue"] when there is one. `counties` is null when the feed's
// county list is missing (already reported).
VenueIds check_venue_rules(const nlohmann::json& doc, const IdTable* counties, ProblemSink& sink);

// item[key] must name an area of the venue (a county's "booth_area", a session's "area").
void check_area_reference(const VenueIds& venue, const nlohmann::json& item, const char* key,
                          const std::string& pointer, ProblemSink& sink);

} // namespace kiosk
