// Index of this file:
// [SECTION] Helpers: limits, errors, day arithmetic
// [SECTION] POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0")
// [SECTION] TZif files
// [SECTION] Making a TimeZone: system zone, TZif bytes, POSIX rule, fixed offset
// [SECTION] Offsets and local times
#include "base/time_zone.h"

#include "base/timestamp.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

namespace kiosk {
namespace {

// [SECTION] Helpers: limits, errors, day arithmetic
constexpr const char* kZoneInfoDir = "/usr/share/zoneinfo/";
constexpr std::uintmax_t kMaxTzifBytes = 256 * 1024;   // real files are under 4 KB

void set_error(std::string* error, std::string message) {
    if (error) *error = std::move(message);
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

int weekday_of(std::int64_t day_number) {   // 1970-01-01 was a Thursday
    return static_cast<int>(((day_number + 4) % 7 + 7) % 7);
}

// [SECTION] POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0")

struct RuleReader {
    std::string_view s;
    std::size_t pos = 0;

    bool at_end() const { return pos >= s.size(); }
    char peek() const { return at_end() ? '\0' : s[pos]; }

    bool name() {
        if (peek() == '<') {   // quoted: "<+08>"
            const std::size_t close = s.find('>', pos);
            if (close == std::string_view::npos || close - pos < 4) return false;
            pos = close + 1;
            return true;
        }
        const std::size_t first = pos;
        while (!at_end() && ((peek() >= 'A' && peek() <= 'Z') || (peek() >= 'a' && peek() <= 'z'))) ++pos;
        return pos - first >= 3;
    }

    bool number(int max, int& out) {
        if (at_end() || peek() < '0' || peek() > '9') return false;
        out = 0;
        while (!at_end() && peek() >= '0' && peek() <= '9') {
            out = out * 10 + (peek() - '0');
            if (out > max) return false;
            ++pos;
        }
        return true;
    }

    // [+-]hh[:mm[:ss]] in seconds.
    bool hms(int max_hours, int& out) {
        int sign = 1;
        if (peek() == '+' || peek() == '-') sign = s[pos++] == '-' ? -1 : 1;
        int h = 0, m = 0, sec = 0;
        if (!number(max_hours, h)) return false;
        if (peek() == ':') { ++pos; if (!number(59, m)) return false;
            if (peek() == ':') { ++pos; if (!number(59, sec)) return false; } }
        out = sign * (h * 3600 + m * 60 + sec);
        return true;
    }

    bool date(TimeZone::PosixRule::Date& d) {
        if (peek() == 'J') {
            ++pos;
            d.kind = 'J';
            if (!number(365, d.day) || d.day < 1) return false;
        } else if (peek() == 'M') {
            ++pos;
            d.kind = 'M';
            if (!number(12, d.month) || d.month < 1 || peek() != '.') return false;
            ++pos;
            if (!number(5, d.week) || d.week < 1 || peek() != '.') return false;
            ++pos;
            if (!number(6, d.weekday)) return false;
        } else {
            d.kind = 'D';
            if (!number(365, d.day)) return false;
        }
        d.time = 7200;
        if (peek() == '/') { ++pos; return hms(167, d.time); }   // RFC 8536 allows -167…167 hours
        return true;
    }
};

bool parse_posix_rule(std::string_view text, TimeZone::PosixRule& rule) {
    RuleReader r{text};
    int west = 0;
    if (!r.name() || !r.hms(24, west)) return false;
    rule = {};
    rule.std_offset = -west;
    if (r.at_end()) return true;
    if (!r.name()) return false;
    rule.has_dst = true;
    rule.dst_offset = rule.std_offset + 3600;
    if (!r.at_end() && r.peek() != ',') {
        if (!r.hms(24, west)) return false;
        rule.dst_offset = -west;
    }
    if (r.at_end()) {   // POSIX leaves the default to the implementation; US rules, as glibc does
        rule.start = {'M', 3, 2, 0, 0, 7200};
        rule.end = {'M', 11, 1, 0, 0, 7200};
        return true;
    }
    if (r.peek() != ',') return false;
    ++r.pos;
    if (!r.date(rule.start) || r.peek() != ',') return false;
    ++r.pos;
    return r.date(rule.end) && r.at_end();
}

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// The local day number a rule date falls on in `year`.
std::int64_t rule_day(const TimeZone::PosixRule::Date& d, int year) {
    const std::int64_t jan1 = days_from_civil(year, 1, 1);
    if (d.kind == 'J') return jan1 + d.day - 1 + (is_leap(year) && d.day >= 60 ? 1 : 0);
    if (d.kind == 'D') return jan1 + d.day;
    const std::int64_t first = days_from_civil(year, d.month, 1);
    const std::int64_t next = d.month == 12 ? days_from_civil(year + 1, 1, 1) : days_from_civil(year, d.month + 1, 1);
    std::int64_t day = first + (d.weekday - weekday_of(first) + 7) % 7 + (d.week - 1) * 7;
    while (day >= next) day -= 7;   // week 5 means "the last one"
    return day;
}

int rule_offset(const TimeZone::PosixRule& r, std::int64_t unix_seconds) {
    if (!r.has_dst) return r.std_offset;
    int year, month, day;
    civil_from_days(floor_div(unix_seconds + r.std_offset, 86400), year, month, day);
    // Start is written in standard time, end in daylight time.
    const std::int64_t start = rule_day(r.start, year) * 86400 + r.start.time - r.std_offset;
    const std::int64_t end = rule_day(r.end, year) * 86400 + r.end.time - r.dst_offset;
    const bool dst = start < end ? (unix_seconds >= start && unix_seconds < end)
                                 : !(unix_seconds >= end && unix_seconds < start);   // southern hemisphere
    return dst ? r.dst_offset : r.std_offset;
}

// [SECTION] TZif files

struct ByteReader {
    std::string_view s;
    std::size_t pos = 0;

    bool has(std::size_t n) const { return n <= s.size() - pos; }
    std::uint64_t be(int bytes) {
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[pos++]);
        return v;
    }
};

struct TzifCounts {
    std::uint64_t isut, isstd, leap, time, type, chars;
};

bool read_header(ByteReader& r, char& version, TzifCounts& c) {
    if (!r.has(44) || r.s.substr(r.pos, 4) != "TZif") return false;
    version = r.s[r.pos + 4];
    r.pos += 20;
    c = {r.be(4), r.be(4), r.be(4), r.be(4), r.be(4), r.be(4)};
    return true;
}

std::uint64_t block_size(const TzifCounts& c, std::uint64_t time_size) {
    return c.time * time_size + c.time + c.type * 6 + c.chars + c.leap * (time_size + 4) + c.isstd + c.isut;
}

bool valid_name(std::string_view name) {
    if (name.empty() || name.size() > 255 || name.front() == '/' || name.find("..") != std::string_view::npos)
        return false;
    return std::all_of(name.begin(), name.end(), [](char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
               ch == '/' || ch == '_' || ch == '-' || ch == '+' || ch == '.';
    });
}

} // namespace

// [SECTION] Making a TimeZone: system zone, TZif bytes, POSIX rule, fixed offset
std::optional<TimeZone> TimeZone::load(std::string_view name, std::string* error) {
    const std::string quoted = "time zone \"" + std::string(name) + "\"";
    if (!valid_name(name)) {
        set_error(error, quoted + ": not a zone name (expected e.g. \"Asia/Shanghai\")");
        return std::nullopt;
    }
    const std::filesystem::path path = std::string(kZoneInfoDir) + std::string(name);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        set_error(error, quoted + ": no such zone in " + kZoneInfoDir + " (is tzdata installed?)");
        return std::nullopt;
    }
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec || size > kMaxTzifBytes) {
        set_error(error, quoted + ": " + path.string() + " is unreadable or too large");
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) {
        set_error(error, quoted + ": cannot read " + path.string());
        return std::nullopt;
    }
    return from_tzif(bytes, name, error);
}

std::optional<TimeZone> TimeZone::from_tzif(std::string_view bytes, std::string_view name, std::string* error) {
    const std::string where = "time zone \"" + std::string(name) + "\": ";
    auto fail = [&](const std::string& why) {
        set_error(error, where + why);
        return std::nullopt;
    };
    ByteReader r{bytes};
    char version = 0;
    TzifCounts c{};
    if (!read_header(r, version, c)) return fail("not a TZif file");
    if (version < '2') return fail("TZif version 1 has no 64-bit data; version 2 or later is needed");
    if (!r.has(block_size(c, 4))) return fail("truncated TZif file (version 1 block)");
    r.pos += block_size(c, 4);
    if (!read_header(r, version, c)) return fail("missing the TZif version 2 header");
    if (!r.has(block_size(c, 8))) return fail("truncated TZif file (64-bit block)");
    if (c.type == 0 || c.type > 256) return fail("bad local time type count");
    if (c.leap != 0) return fail("leap-second (\"right/\") zones are not supported");

    TimeZone zone;
    zone.name_ = std::string(name);
    for (std::uint64_t i = 0; i < c.time; ++i) {
        const auto t = static_cast<std::int64_t>(r.be(8));
        if (!zone.transitions_.empty() && t <= zone.transitions_.back()) return fail("transition times out of order");
        zone.transitions_.push_back(t);
    }
    for (std::uint64_t i = 0; i < c.time; ++i) {
        const auto type = static_cast<std::uint8_t>(r.be(1));
        if (type >= c.type) return fail("transition names a missing local time type");
        zone.transition_types_.push_back(type);
    }
    for (std::uint64_t i = 0; i < c.type; ++i) {
        const auto offset = static_cast<std::int32_t>(static_cast<std::uint32_t>(r.be(4)));
        r.pos += 2;   // isdst, abbreviation index: not shown by the kiosk
        if (offset <= -26 * 3600 || offset >= 26 * 3600) return fail("UTC offset out of range");
        zone.offsets_.push_back(offset);
    }
    r.pos += c.chars + c.isstd + c.isut;

    // Footer: "\n<POSIX TZ rule>\n", empty when the last transition's type stays forever.
    const std::string_view rest = bytes.substr(r.pos);
    const std::size_t close = rest.size() >= 2 && rest[0] == '\n' ? rest.find('\n', 1) : std::string_view::npos;
    if (close == std::string_view::npos) return fail("missing the POSIX TZ footer");
    const std::string_view footer = rest.substr(1, close - 1);
    if (!footer.empty()) {
        PosixRule rule;
        if (!parse_posix_rule(footer, rule)) return fail("unsupported POSIX TZ footer \"" + std::string(footer) + "\"");
        zone.footer_ = rule;
    }
    return zone;
}

std::optional<TimeZone> TimeZone::from_posix_rule(std::string_view text, std::string* error) {
    PosixRule rule;
    if (!parse_posix_rule(text, rule)) {
        set_error(error, "POSIX TZ rule \"" + std::string(text) + "\": not understood (expected e.g. \"CST-8\")");
        return std::nullopt;
    }
    TimeZone zone;
    zone.name_ = std::string(text);
    zone.offsets_.push_back(rule.std_offset);
    zone.footer_ = rule;
    return zone;
}

TimeZone TimeZone::fixed_offset(int offset_seconds) {
    TimeZone zone;
    zone.offsets_.push_back(offset_seconds);
    const int a = offset_seconds < 0 ? -offset_seconds : offset_seconds;
    char name[32];
    std::snprintf(name, sizeof name, "UTC%c%02d:%02d", offset_seconds < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
    zone.name_ = offset_seconds == 0 ? "UTC" : name;
    return zone;
}

// [SECTION] Offsets and local times
int TimeZone::offset_seconds_at(std::int64_t unix_seconds) const {
    if (offsets_.empty()) return 0;   // a default-constructed zone is UTC
    // Before the first transition, type 0 applies; after the last, the footer rule (RFC 8536).
    if (footer_ && (transitions_.empty() || unix_seconds > transitions_.back()))
        return rule_offset(*footer_, unix_seconds);
    const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), unix_seconds);
    if (after == transitions_.begin()) return offsets_[0];
    return offsets_[transition_types_[static_cast<std::size_t>(after - transitions_.begin() - 1)]];
}

LocalTime TimeZone::to_local(std::int64_t unix_seconds) const {
    LocalTime t;
    t.offset_seconds = offset_seconds_at(unix_seconds);
    const std::int64_t local = unix_seconds + t.offset_seconds;
    t.day_number = floor_div(local, 86400);
    const auto second_of_day = static_cast<int>(local - t.day_number * 86400);
    civil_from_days(t.day_number, t.year, t.month, t.day);
    t.hour = second_of_day / 3600;
    t.minute = second_of_day / 60 % 60;
    t.second = second_of_day % 60;
    t.weekday = weekday_of(t.day_number);
    return t;
}

} // namespace kiosk
