#include "base/time_zone.h"
#include "base/timestamp.h"
#include "feed/local_time_text.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <unistd.h>

using namespace kiosk;

namespace {

std::int64_t utc(int y, int mo, int d, int h, int mi, int s) {
    return days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

TimeZone must_load(const char* name) {
    std::string error;
    auto zone = TimeZone::load(name, &error);
    INFO(error);
    REQUIRE(zone);
    return *zone;
}

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string local_text(const LocalTime& t) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02d %02d:%02d:%02d %+d %d", t.year, t.month, t.day, t.hour,
                  t.minute, t.second, t.offset_seconds, t.weekday);
    return text;
}

} // namespace

TEST_CASE("Asia/Shanghai is UTC+8 with the 1986–1991 summer time in its history", "[time_zone]") {
    const TimeZone shanghai = must_load("Asia/Shanghai");
    CHECK(shanghai.name() == "Asia/Shanghai");
    const std::int64_t opening = utc(2020, 5, 16, 11, 30, 0);   // 19:30 in Lüliang
    CHECK(shanghai.offset_seconds_at(opening) == 8 * 3600);
    const LocalTime t = shanghai.to_local(opening);
    CHECK(local_text(t) == "2020-05-16 19:30:00 +28800 6");
    CHECK(t.day_number == days_from_civil(2020, 5, 16));
    CHECK(format_hhmm(t) == "19:30");
    CHECK(shanghai.offset_seconds_at(utc(1988, 7, 1, 0, 0, 0)) == 9 * 3600);
    CHECK(shanghai.offset_seconds_at(utc(2100, 7, 1, 0, 0, 0)) == 8 * 3600);   // footer "CST-8"
    // Local midnight is 16:00 UTC: the day tab changes there, not at UTC midnight.
    CHECK(shanghai.day_number_at(utc(2020, 5, 16, 15, 59, 59)) == days_from_civil(2020, 5, 16));
    CHECK(shanghai.day_number_at(utc(2020, 5, 16, 16, 0, 0)) == days_from_civil(2020, 5, 17));
}

TEST_CASE("America/New_York switches to daylight time at 02:00 local on 8 March 2020", "[time_zone]") {
    const TimeZone ny = must_load("America/New_York");
    const std::int64_t switch_at = utc(2020, 3, 8, 7, 0, 0);
    CHECK(ny.offset_seconds_at(switch_at - 1) == -5 * 3600);
    CHECK(ny.offset_seconds_at(switch_at) == -4 * 3600);
    CHECK(local_text(ny.to_local(switch_at - 1)) == "2020-03-08 01:59:59 -18000 0");
    CHECK(local_text(ny.to_local(switch_at)) == "2020-03-08 03:00:00 -14400 0");
    const std::int64_t back_at = utc(2020, 11, 1, 6, 0, 0);   // 02:00 EDT → 01:00 EST
    CHECK(local_text(ny.to_local(back_at - 1)) == "2020-11-01 01:59:59 -14400 0");
    CHECK(local_text(ny.to_local(back_at)) == "2020-11-01 01:00:00 -18000 0");
    // Past the table's end the footer rule "EST5EDT,M3.2.0,M11.1.0" takes over.
    CHECK(ny.offset_seconds_at(utc(2100, 1, 15, 12, 0, 0)) == -5 * 3600);
    CHECK(ny.offset_seconds_at(utc(2100, 7, 1, 12, 0, 0)) == -4 * 3600);
    CHECK(ny.offset_seconds_at(utc(2100, 3, 14, 6, 59, 59)) == -5 * 3600);   // second Sunday of March 2100
    CHECK(ny.offset_seconds_at(utc(2100, 3, 14, 7, 0, 0)) == -4 * 3600);
}

TEST_CASE("Zone offsets and local times agree with glibc's date(1) from 1900 to 2150", "[time_zone]") {
    // date(1) runs in a child process, so this test never changes our own TZ.
    const auto dir = std::filesystem::temp_directory_path();
    const auto instants_path = dir / ("kiosk-tz-instants-" + std::to_string(getpid()) + ".txt");
    std::vector<std::int64_t> instants;
    {
        std::ofstream out(instants_path);
        for (std::int64_t t = utc(1900, 1, 1, 0, 0, 0); t < utc(2150, 1, 1, 0, 0, 0); t += 5 * 86400 + 3607) {
            instants.push_back(t);
            out << '@' << t << '\n';
        }
    }
    for (const char* name : {"Asia/Shanghai", "America/New_York", "Europe/Dublin", "Australia/Sydney",
                             "America/Santiago", "Pacific/Chatham", "Asia/Kolkata", "Africa/Casablanca",
                             "America/St_Johns", "UTC"}) {
        INFO(name);
        const TimeZone zone = must_load(name);
        const std::string command = std::string("TZ=") + name + " date -f " + instants_path.string() +
                                    " '+%Y-%m-%d %H:%M:%S %z %w'";
        FILE* pipe = popen(command.c_str(), "r");
        REQUIRE(pipe);
        char line[128];
        std::size_t i = 0, mismatches = 0;
        while (std::fgets(line, sizeof line, pipe) && i < instants.size()) {
            std::string expected(line);
            if (!expected.empty() && expected.back() == '\n') expected.pop_back();
            const LocalTime t = zone.to_local(instants[i]);
            const int a = t.offset_seconds < 0 ? -t.offset_seconds : t.offset_seconds;
            char ours[64];
            std::snprintf(ours, sizeof ours, "%04d-%02d-%02d %02d:%02d:%02d %c%02d%02d %d", t.year, t.month, t.day,
                          t.hour, t.minute, t.second, t.offset_seconds < 0 ? '-' : '+', a / 3600, a / 60 % 60,
                          t.weekday);
            if (expected != ours && ++mismatches <= 3) {
                INFO("at unix " << instants[i]);
                CHECK(expected == std::string(ours));
            }
            ++i;
        }
        pclose(pipe);
        CHECK(i == instants.size());
        CHECK(mismatches == 0);
    }
    std::filesystem::remove(instants_path);
}

TEST_CASE("Every installed zone loads", "[time_zone]") {
    const std::filesystem::path root = "/usr/share/zoneinfo";
    std::size_t loaded = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
        const std::string name = entry.path().lexically_relative(root).string();
        if (!entry.is_regular_file() || name.rfind("right/", 0) == 0) continue;   // leap-second zones are refused
        if (read_bytes(entry.path()).rfind("TZif", 0) != 0) continue;              // zone.tab, tzdata.zi, …
        std::string error;
        INFO(name);
        CHECK(TimeZone::load(name, &error));
        CHECK(error.empty());
        ++loaded;
    }
    CHECK(loaded > 300);
}

TEST_CASE("Zone names that could escape the zoneinfo directory or do not exist are refused", "[time_zone]") {
    for (const char* name : {"../../etc/passwd", "/etc/passwd", "Asia/../../etc/passwd", "..", "", "Asia",
                             "Nowhere/City", "Asia/Shang hai", "Asia\\Shanghai", "zone.tab", "right/UTC"}) {
        INFO(name);
        std::string error;
        CHECK_FALSE(TimeZone::load(name, &error));
        CHECK(error.find(std::string("\"") + name + "\"") != std::string::npos);
    }
    std::string error;
    TimeZone::load("../../etc/passwd", &error);
    CHECK(error.find("not a zone name") != std::string::npos);
    TimeZone::load("Nowhere/City", &error);
    CHECK(error.find("no such zone") != std::string::npos);
    CHECK_FALSE(TimeZone::load("Nowhere/City", nullptr));   // the message is optional
}

TEST_CASE("Damaged TZif data is refused with a reason, never read out of bounds", "[time_zone]") {
    const std::string good = read_bytes("/usr/share/zoneinfo/America/New_York");
    REQUIRE(good.size() > 100);
    std::string error;
    REQUIRE(TimeZone::from_tzif(good, "NY", &error));
    for (std::size_t cut = 0; cut < good.size(); cut += 7) {
        INFO("cut at " << cut);
        CHECK_FALSE(TimeZone::from_tzif(std::string_view(good).substr(0, cut), "NY", &error));
        CHECK(error.rfind("time zone \"NY\": ", 0) == 0);
    }
    std::string v1 = good;
    v1[4] = '\0';
    CHECK_FALSE(TimeZone::from_tzif(v1, "NY", &error));
    CHECK(error.find("version 1") != std::string::npos);
    std::string bad_footer = good;
    bad_footer.replace(bad_footer.rfind("EST5EDT"), 7, "EST5ED?");
    CHECK_FALSE(TimeZone::from_tzif(bad_footer, "NY", &error));
    CHECK(error.find("footer") != std::string::npos);
    CHECK_FALSE(TimeZone::from_tzif("not a zone at all, just some text to fill 44+ bytes..", "x", &error));
    CHECK(error.find("not a TZif file") != std::string::npos);
}

TEST_CASE("POSIX rules and fixed offsets work without tzdata", "[time_zone]") {
    const TimeZone beijing = TimeZone::fixed_offset(8 * 3600);
    CHECK(beijing.name() == "UTC+08:00");
    CHECK(local_text(beijing.to_local(utc(2020, 5, 16, 11, 30, 0))) == "2020-05-16 19:30:00 +28800 6");
    CHECK(TimeZone::fixed_offset(-(5 * 3600 + 30 * 60)).name() == "UTC-05:30");
    CHECK(TimeZone::fixed_offset(0).name() == "UTC");
    CHECK(local_text(TimeZone::fixed_offset(0).to_local(-1)) == "1969-12-31 23:59:59 +0 3");

    std::string error;
    auto cst = TimeZone::from_posix_rule("<+08>-8", &error);
    REQUIRE(cst);
    CHECK(cst->offset_seconds_at(0) == 8 * 3600);
    auto us = TimeZone::from_posix_rule("EST5EDT", &error);   // no dates: US rules
    REQUIRE(us);
    CHECK(us->offset_seconds_at(utc(2020, 3, 8, 6, 59, 59)) == -5 * 3600);
    CHECK(us->offset_seconds_at(utc(2020, 3, 8, 7, 0, 0)) == -4 * 3600);
    auto all_year = TimeZone::from_posix_rule("EST5EDT,0/0,J365/25", &error);   // RFC 8536: daylight time all year
    REQUIRE(all_year);
    CHECK(all_year->offset_seconds_at(utc(2021, 1, 1, 5, 0, 0)) == -4 * 3600);
    CHECK(all_year->offset_seconds_at(utc(2021, 12, 31, 23, 0, 0)) == -4 * 3600);
    for (const char* bad : {"", "8", "CST", "CST-8;", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0", "EST5EDT,J0,J365"}) {
        INFO(bad);
        CHECK_FALSE(TimeZone::from_posix_rule(bad, &error));
    }
}

TEST_CASE("Day labels and clock times are written per language", "[time_zone]") {
    CHECK(format_day_label(days_from_civil(2020, 5, 16), Lang::zh) == "5月16日 周六");
    CHECK(format_day_label(days_from_civil(2020, 5, 16), Lang::en) == "Sat 16 May");
    CHECK(format_day_label(days_from_civil(2020, 5, 17), Lang::zh) == "5月17日 周日");
    CHECK(format_day_label(days_from_civil(2020, 5, 19), Lang::en) == "Tue 19 May");
    CHECK(format_day_label(days_from_civil(2020, 12, 1), Lang::zh) == "12月1日 周二");
    LocalTime t;
    t.hour = 7;
    t.minute = 5;
    CHECK(format_hhmm(t) == "07:05");
}

TEST_CASE("format_date writes the day parse_date read, around leap days and the epoch") {
    for (const char* text : {"1970-01-01", "2020-02-29", "2020-05-16", "2000-12-31", "2100-03-01"}) {
        INFO(text);
        const auto days = parse_date(text);
        REQUIRE(days);
        CHECK(format_date(*days) == text);
    }
    CHECK(format_date(days_from_civil(2020, 5, 19)) == "2020-05-19");
}
