// When the display is on (config display_hours): time ranges per weekday, a
// default for the days not named, and dates of their own (the event days).
// Evaluated in the event's time zone; outside them the kiosk puts the display
// to sleep (kiosk/platform/display_power.h). No hours configured: always on.
//
//   "display_hours": {
//     "daily": "09:00-21:00",                  // every day not named below
//     "sat": ["08:00-12:00", "13:00-22:00"],   // several ranges a day
//     "sun": "off",                            // dark all day ([] says the same)
//     "fri": "18:00-02:00",                    // past midnight: on until 02:00 Saturday
//     "2020-05-15": "08:00-22:30"              // a date: instead of its weekday
//   }
//
// A range is "HH:MM-HH:MM", start included, end excluded; "00:00-24:00" is the
// whole day; an end before its start runs past midnight into the next day.
#pragma once

#include "base/time_zone.h"

#include <nlohmann/json_fwd.hpp>

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Minutes after local midnight; end < start runs past midnight, end ≤ 24 × 60.
struct MinuteRange {
    int start = 0, end = 0;
    friend bool operator==(const MinuteRange&, const MinuteRange&) = default;
};

using DayHours = std::vector<MinuteRange>;   // empty: off all day

struct DisplayHours {
    std::optional<DayHours> daily;                      // days not named; nullopt: off
    std::array<std::optional<DayHours>, 7> weekdays;    // 0 = Sunday … 6 = Saturday, as LocalTime counts
    std::map<std::int64_t, DayHours> dates;             // by LocalTime::day_number
    bool empty() const;                                 // nothing configured: always on
    friend bool operator==(const DisplayHours&, const DisplayHours&) = default;
};

// Whether the display is on at `local` (always, when `hours` is empty).
bool display_on(const DisplayHours& hours, const LocalTime& local);

// Reads the config value (an object as above; {} or null: always on). Returns
// why it is bad, naming the entry ("\"mon\": \"9-21\" is not …"), or "".
std::string read_display_hours(const nlohmann::json& value, DisplayHours& out);

// The value read_display_hours reads back as the same hours ({} when empty).
nlohmann::json display_hours_json(const DisplayHours& hours);

} // namespace kiosk
