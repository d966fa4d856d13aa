// `kiosk import-schedule`: a pretalx or frab schedule.json (the format
// conference tools export) becomes the feed's schedule. Pure function of the
// two texts, so fuzz targets can call it.
#pragma once

#include "import/import_result.h"

#include <string_view>

namespace kiosk {

// schedule.conference.days[].rooms{room: [events]} → the feed's sessions:
// the event's id (its guid when it has none), title, start from `date` with
// the offset it is written in, end = start + duration, room as location,
// abstract and speakers as description, kind from type or track. A session
// already in the feed under that id keeps what the schedule does not say (the
// other language, county, watch_url, kind when the type says nothing).
// The merged feed is validated; feed_json in the result is empty on any error.
// Problems name the schedule event (line:column in schedule_json) or the feed.
ImportResult import_schedule(std::string_view schedule_json, std::string_view feed_json,
                             std::string_view schedule_name = "schedule.json", std::string_view feed_name = "feed.json");

} // namespace kiosk
