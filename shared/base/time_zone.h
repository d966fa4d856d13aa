// A tiny IANA time zone reader: TZif v2+ files from /usr/share/zoneinfo
// (64-bit section, then the POSIX TZ footer rule for instants after the last
// transition). Never touches the PC's own zone (no localtime, no tzset).
// Not date/tz.h: Debian 12's libhowardhinnant-date 3.0.1 with USE_OS_TZDB ignores
// that footer, so daylight time stops after 2037 (HowardHinnant/date#794).
// How local times are written (day labels, "19:30") is in local_time_text.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct LocalTime {
    int year = 1970, month = 1, day = 1;      // month 1–12, day 1–31
    int hour = 0, minute = 0, second = 0;
    int weekday = 4;                          // 0 = Sunday … 6 = Saturday
    std::int64_t day_number = 0;              // local days since 1970-01-01
    int offset_seconds = 0;                   // east of UTC, in effect at that instant
};

class TimeZone {
public:
    // "Asia/Shanghai" → /usr/share/zoneinfo/Asia/Shanghai. Names with "..",
    // absolute paths or characters outside [A-Za-z0-9/_+-.] are refused.
    static std::optional<TimeZone> load(std::string_view name, std::string* error);

    // The bytes of a TZif file (v2 or later); `name` is only for messages and name().
    static std::optional<TimeZone> from_tzif(std::string_view bytes, std::string_view name, std::string* error);

    // A POSIX TZ rule alone, e.g. "CST-8" or "EST5EDT,M3.2.0,M11.1.0".
    static std::optional<TimeZone> from_posix_rule(std::string_view rule, std::string* error);

    // For when tzdata is missing: e.g. fixed_offset(8 * 3600) is "UTC+08:00".
    static TimeZone fixed_offset(int offset_seconds);

    const std::string& name() const { return name_; }
    int offset_seconds_at(std::int64_t unix_seconds) const;
    LocalTime to_local(std::int64_t unix_seconds) const;
    std::int64_t day_number_at(std::int64_t unix_seconds) const { return to_local(unix_seconds).day_number; }

    // The footer's "std offset [dst [offset] [,start[/time],end[/time]]]" rule.
    struct PosixRule {
        struct Date {
            char kind = 'M';    // 'J' Julian 1–365 without Feb 29, 'D' 0–365 with it, 'M' month.week.weekday
            int month = 0, week = 0, weekday = 0, day = 0;
            int time = 7200;    // seconds after local midnight; may be negative or past 24h
        };
        int std_offset = 0;     // seconds east of UTC (POSIX writes them west: "EST5")
        int dst_offset = 0;
        bool has_dst = false;
        Date start, end;
    };

private:
    std::string name_;
    std::vector<std::int64_t> transitions_;        // ascending unix times
    std::vector<std::uint8_t> transition_types_;   // index into offsets_ per transition
    std::vector<int> offsets_;                     // seconds east of UTC per local time type
    std::optional<PosixRule> footer_;              // after the last transition; absent → last offset stays
};

} // namespace kiosk
