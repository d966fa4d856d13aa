// Internal to the feed validator: builds the model from a document that
// passed the schema and the rules (so every field has the right type).
#pragma once

#include "feed/model.h"

#include <nlohmann/json.hpp>

namespace kiosk {

// A plain string is Chinese; an object gives "zh" and/or "en".
LocalizedText text_from_json(const nlohmann::json& value);

// The schedule comes out sorted by start time and the indexes built.
Feed build_feed(const nlohmann::json& doc);

// `venue` is the feed's "venue" object; edges without length_m get the straight
// distance between their nodes. Indexed.
Venue build_venue(const nlohmann::json& venue);

// `live` is the {"sessions": […]} object; updated_at is the newest platform's.
LiveStats build_live(const nlohmann::json& live);

} // namespace kiosk
