// An instant as the feed writes it: ISO 8601 with a UTC offset.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct Timestamp {
    std::int64_t unix_seconds = 0;   // seconds since 1970-01-01T00:00:00Z
    int offset_minutes = 0;          // the offset it was written with
    bool valid = false;

    friend bool operator<(const Timestamp& a, const Timestamp& b) { return a.unix_seconds < b.unix_seconds; }
};

// "2020-05-16T19:30:00+08:00", "…Z", optional fractional seconds. A missing
// offset is refused: a kiosk must not guess the PC's zone.
std::optional<Timestamp> parse_iso8601(std::string_view text);

// "2020-05-16T19:30:00+08:00": the instant written with its own offset ("Z" for 0).
std::string format_iso8601(const Timestamp& t);

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(int year, int month, int day);
void civil_from_days(std::int64_t days, int& year, int& month, int& day);

// "YYYY-MM-DD" → days since epoch; nullopt when not a real date.
std::optional<std::int64_t> parse_date(std::string_view text);

// Days since epoch → "YYYY-MM-DD" (parse_date's inverse).
std::string format_date(std::int64_t days);

} // namespace kiosk
