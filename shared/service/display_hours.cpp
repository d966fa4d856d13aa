#include "service/display_hours.h"

#include "base/timestamp.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>

namespace kiosk {

namespace {

using json = nlohmann::json;

constexpr const char* kWeekdayKeys[7] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};
constexpr int kDay = 24 * 60;

std::string quoted(const std::string& key) { return "\"" + key + "\""; }

std::string shown(const json& value) {
    std::string text = value.dump();
    if (text.size() > 40) text = text.substr(0, 37) + "...";
    return text;
}

// "HH:MM" at text[at..at+5); -1 when it is not one. 24:00 only as an end.
int read_clock(const std::string& text, std::size_t at, bool end) {
    if (at + 5 > text.size() || text[at + 2] != ':') return -1;
    for (std::size_t i : {at, at + 1, at + 3, at + 4})
        if (text[i] < '0' || text[i] > '9') return -1;
    const int h = (text[at] - '0') * 10 + (text[at + 1] - '0'), m = (text[at + 3] - '0') * 10 + (text[at + 4] - '0');
    if (m > 59 || h > 24 || (h == 24 && (m != 0 || !end))) return -1;
    return h * 60 + m;
}

std::string read_range(const json& value, MinuteRange& out) {
    const std::string why = shown(value) + " is not a time range \"HH:MM-HH:MM\" (e.g. \"09:00-21:00\")";
    if (!value.is_string()) return why;
    const std::string text = value.get<std::string>();
    if (text.size() != 11 || text[5] != '-') return why;
    const int start = read_clock(text, 0, false), end = read_clock(text, 6, true);
    if (start < 0 || end < 0) return why;
    if (start == end) return shown(value) + " is empty: start and end are the same (\"00:00-24:00\" is the whole day)";
    out = {start, end};
    return {};
}

// One day's value: a range, a list of them, "off" or [].
std::string read_day(const json& value, DayHours& out) {
    out.clear();
    if (value.is_string() && value.get<std::string>() == "off") return {};
    if (!value.is_array()) {
        MinuteRange r;
        if (auto why = read_range(value, r); !why.empty()) return why + ", a list of them, or \"off\"";
        out.push_back(r);
        return {};
    }
    for (const json& item : value) {
        MinuteRange r;
        if (auto why = read_range(item, r); !why.empty()) return why;
        out.push_back(r);
    }
    return {};
}

std::string clock_text(int minutes) {
    char text[16];
    std::snprintf(text, sizeof text, "%02d:%02d", minutes / 60, minutes % 60);
    return text;
}

json day_json(const DayHours& day) {
    if (day.empty()) return "off";
    json list = json::array();
    for (const MinuteRange& r : day) list.push_back(clock_text(r.start) + "-" + clock_text(r.end));
    return list.size() == 1 ? list[0] : list;
}

// The hours of local day `day_number` (weekday `weekday`): its date's, its weekday's, the daily ones, or none.
const DayHours* hours_of(const DisplayHours& hours, std::int64_t day_number, int weekday) {
    static const DayHours kOff;
    if (auto it = hours.dates.find(day_number); it != hours.dates.end()) return &it->second;
    if (hours.weekdays[weekday]) return &*hours.weekdays[weekday];
    return hours.daily ? &*hours.daily : &kOff;
}

} // namespace

bool DisplayHours::empty() const {
    return !daily && dates.empty() && std::none_of(weekdays.begin(), weekdays.end(), [](const auto& d) { return d.has_value(); });
}

bool display_on(const DisplayHours& hours, const LocalTime& local) {
    if (hours.empty()) return true;
    const int minute = local.hour * 60 + local.minute;
    for (const MinuteRange& r : *hours_of(hours, local.day_number, local.weekday))
        if (r.start < r.end ? (minute >= r.start && minute < r.end) : minute >= r.start) return true;
    // Yesterday's ranges that run past midnight.
    for (const MinuteRange& r : *hours_of(hours, local.day_number - 1, (local.weekday + 6) % 7))
        if (r.end < r.start && minute < r.end) return true;
    return false;
}

std::string read_display_hours(const json& value, DisplayHours& out) {
    DisplayHours hours;
    if (value.is_null()) {
        out = hours;
        return {};
    }
    if (!value.is_object())
        return shown(value) + " is not an object of days and ranges, e.g. {\"daily\": \"09:00-21:00\", \"sun\": \"off\", "
                              "\"2020-05-15\": \"08:00-22:30\"}";
    for (const auto& [key, day] : value.items()) {
        DayHours ranges;
        if (auto why = read_day(day, ranges); !why.empty()) return quoted(key) + ": " + why;
        const auto weekday = std::find(std::begin(kWeekdayKeys), std::end(kWeekdayKeys), key);
        if (key == "daily") hours.daily = std::move(ranges);
        else if (weekday != std::end(kWeekdayKeys)) hours.weekdays[weekday - std::begin(kWeekdayKeys)] = std::move(ranges);
        else if (const auto date = parse_date(key)) hours.dates[*date] = std::move(ranges);
        else
            return quoted(key) + " is not \"daily\", a weekday (\"mon\" … \"sun\") or a date \"YYYY-MM-DD\"";
    }
    out = std::move(hours);
    return {};
}

json display_hours_json(const DisplayHours& hours) {
    json out = json::object();   // keys sorted: dates first, then "daily" and the weekdays
    if (hours.daily) out["daily"] = day_json(*hours.daily);
    for (int d = 0; d < 7; ++d)
        if (hours.weekdays[d]) out[kWeekdayKeys[d]] = day_json(*hours.weekdays[d]);
    for (const auto& [day, ranges] : hours.dates) out[format_date(day)] = day_json(ranges);
    return out;
}

} // namespace kiosk
