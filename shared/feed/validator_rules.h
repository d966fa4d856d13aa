// Internal to the feed validator: the rules a schema cannot say — dates and
// times, the time zone, end after start, unique ids, references between
// sections, URL schemes — and the warnings (missing image, empty county,
// session outside the event's days, featured but sold out); the venue's in
// feed/validator_venue.h.
#pragma once

#include "feed/problems.h"

#include <nlohmann/json.hpp>

namespace kiosk {

// A whole feed document. Values the schema already rejected are skipped, so
// each mistake is reported once.
void check_feed_rules(const nlohmann::json& doc, ProblemSink& sink);

// A live-stats document ({format, live}): times and duplicates only, since
// the sessions and products it names are in a feed it cannot see.
void check_live_rules(const nlohmann::json& doc, ProblemSink& sink);

} // namespace kiosk
