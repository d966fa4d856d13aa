// Display hours: which local times the display is on, and what a bad value says.
#include "service/display_hours.h"

#include "base/timestamp.h"
#include "service/kiosk_config.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace kiosk;
using nlohmann::json;

namespace {

// 2020-05-15 is a Friday; `time` "HH:MM".
LocalTime at(const char* date, const char* time) {
    const std::int64_t day = *parse_date(date);
    LocalTime t;
    int y = 0, m = 0, d = 0;
    civil_from_days(day, y, m, d);
    t.year = y;
    t.month = m;
    t.day = d;
    t.day_number = day;
    t.weekday = static_cast<int>(((day % 7) + 11) % 7);   // 1970-01-01 was a Thursday (4)
    t.hour = (time[0] - '0') * 10 + (time[1] - '0');
    t.minute = (time[3] - '0') * 10 + (time[4] - '0');
    return t;
}

DisplayHours hours_of(const char* text) {
    DisplayHours hours;
    const std::string why = read_display_hours(json::parse(text), hours);
    INFO(why);
    REQUIRE(why.empty());
    return hours;
}

std::string problem_of(const char* text) {
    DisplayHours hours;
    return read_display_hours(json::parse(text), hours);
}

} // namespace

TEST_CASE("display hours: the test's dates fall on the weekdays the tests say", "[display_hours]") {
    CHECK(at("2020-05-15", "12:00").weekday == 5);   // Friday
    CHECK(at("2020-05-17", "12:00").weekday == 0);   // Sunday
    CHECK(at("1970-01-01", "12:00").weekday == 4);
}

TEST_CASE("display hours: none configured means always on", "[display_hours]") {
    for (const char* text : {"{}", "null"}) {
        const DisplayHours hours = hours_of(text);
        CHECK(hours.empty());
        CHECK(display_on(hours, at("2020-05-15", "03:00")));
        CHECK(display_on(hours, at("2020-05-17", "23:59")));
    }
}

TEST_CASE("display hours: daily and weekday ranges, start included and end excluded", "[display_hours]") {
    const DisplayHours hours = hours_of(R"({"daily": "09:00-21:00", "sat": ["08:00-12:00", "13:00-22:00"], "sun": "off"})");
    // Friday: the daily hours.
    CHECK_FALSE(display_on(hours, at("2020-05-15", "08:59")));
    CHECK(display_on(hours, at("2020-05-15", "09:00")));
    CHECK(display_on(hours, at("2020-05-15", "20:59")));
    CHECK_FALSE(display_on(hours, at("2020-05-15", "21:00")));
    // Saturday: its own two ranges, dark over lunch.
    CHECK(display_on(hours, at("2020-05-16", "08:00")));
    CHECK_FALSE(display_on(hours, at("2020-05-16", "12:30")));
    CHECK(display_on(hours, at("2020-05-16", "21:30")));
    // Sunday: off all day.
    CHECK_FALSE(display_on(hours, at("2020-05-17", "12:00")));
}

TEST_CASE("display hours: days not named are off when there is no daily", "[display_hours]") {
    const DisplayHours hours = hours_of(R"({"mon": "09:00-17:00"})");
    CHECK(display_on(hours, at("2020-05-18", "10:00")));   // Monday
    CHECK_FALSE(display_on(hours, at("2020-05-19", "10:00")));   // Tuesday
}

TEST_CASE("display hours: a date's hours replace its weekday's", "[display_hours]") {
    const DisplayHours hours =
        hours_of(R"({"daily": "09:00-21:00", "sun": "off", "2020-05-15": "08:00-22:30", "2020-05-17": "10:00-18:00"})");
    CHECK(display_on(hours, at("2020-05-15", "08:00")));
    CHECK(display_on(hours, at("2020-05-15", "22:29")));
    CHECK_FALSE(display_on(hours, at("2020-05-15", "22:30")));
    CHECK(display_on(hours, at("2020-05-17", "12:00")));       // an event Sunday
    CHECK_FALSE(display_on(hours, at("2020-05-24", "12:00")));  // the next Sunday: off again
    CHECK_FALSE(display_on(hours, at("2020-05-22", "08:00")));  // the next Friday: daily hours
}

TEST_CASE("display hours: a range past midnight runs into the next morning", "[display_hours]") {
    const DisplayHours hours = hours_of(R"({"fri": "18:00-02:00", "sat": "off", "2020-05-20": "00:00-24:00"})");
    CHECK_FALSE(display_on(hours, at("2020-05-15", "17:59")));
    CHECK(display_on(hours, at("2020-05-15", "23:59")));
    CHECK(display_on(hours, at("2020-05-16", "01:59")));    // Saturday morning, though Saturday is off
    CHECK_FALSE(display_on(hours, at("2020-05-16", "02:00")));
    CHECK_FALSE(display_on(hours, at("2020-05-15", "01:00")));   // Thursday (not named: off) ran nothing over
    CHECK(display_on(hours, at("2020-05-20", "00:00")));
    CHECK(display_on(hours, at("2020-05-20", "23:59")));
}

TEST_CASE("display hours: written out, they read back the same", "[display_hours]") {
    const DisplayHours hours =
        hours_of(R"({"daily": "09:00-21:00", "sat": ["08:00-12:00", "13:00-24:00"], "sun": [], "2020-05-15": "18:00-02:00"})");
    DisplayHours back;
    REQUIRE(read_display_hours(display_hours_json(hours), back).empty());
    CHECK(back == hours);
    CHECK(display_hours_json(hours)["sun"] == "off");
    CHECK(display_hours_json(DisplayHours{}) == json::object());
}

TEST_CASE("display hours: a bad value says which entry and what is wrong", "[display_hours]") {
    CHECK_THAT(problem_of(R"("09:00-21:00")"), Catch::Contains("is not an object of days and ranges"));
    CHECK_THAT(problem_of(R"({"mon": "9-21"})"), Catch::StartsWith("\"mon\": \"9-21\" is not a time range \"HH:MM-HH:MM\""));
    CHECK_THAT(problem_of(R"({"mon": "09:00-24:01"})"), Catch::Contains("is not a time range"));
    CHECK_THAT(problem_of(R"({"mon": "24:00-09:00"})"), Catch::Contains("is not a time range"));
    CHECK_THAT(problem_of(R"({"mon": "09:60-21:00"})"), Catch::Contains("is not a time range"));
    CHECK_THAT(problem_of(R"({"mon": "09:00-09:00"})"), Catch::Contains("is empty"));
    CHECK_THAT(problem_of(R"({"mon": ["09:00-12:00", 13]})"), Catch::StartsWith("\"mon\": 13 is not a time range"));
    CHECK_THAT(problem_of(R"({"monday": "09:00-21:00"})"),
               Catch::StartsWith("\"monday\" is not \"daily\", a weekday (\"mon\" … \"sun\") or a date"));
    CHECK_THAT(problem_of(R"({"2020-02-30": "09:00-21:00"})"), Catch::StartsWith("\"2020-02-30\" is not"));
    CHECK_THAT(problem_of(R"({"sun": "closed"})"), Catch::Contains("or \"off\""));
}

TEST_CASE("display hours in the config file: an error at the value's line and column, and the flag", "[display_hours]") {
    KioskConfig config;
    const auto problems = apply_config_text("{\n  \"display_hours\": {\"tue\": \"9:00-21:00\"}\n}", "kiosk.json", config);
    REQUIRE(problems.size() == 1);
    CHECK(format_config_problem(problems[0]) ==
          "kiosk.json:2:20: error: display_hours: \"tue\": \"9:00-21:00\" is not a time range \"HH:MM-HH:MM\" (e.g. "
          "\"09:00-21:00\"), a list of them, or \"off\"");
    CHECK(config.display.hours.empty());

    CHECK_FALSE(apply_config_flag("display_hours", "--display-hours", R"({"daily": "09:00-21:00"})", config));
    CHECK(display_on(config.display.hours, at("2020-05-15", "10:00")));
    CHECK_FALSE(display_on(config.display.hours, at("2020-05-15", "22:00")));
    const auto bad = apply_config_flag("display_hours", "--display-hours", "{daily", config);
    REQUIRE(bad);
    CHECK_THAT(format_config_problem(*bad), Catch::Contains("is not JSON"));

    CHECK(apply_config_text(R"({"wake_minutes": 0})", "k.json", config).size() == 1);
    CHECK(apply_config_text(R"({"screen_picture_seconds": 0})", "k.json", config).empty());
    CHECK(config.display.screen_picture_seconds == 0);
    CHECK(apply_config_text(R"({"screen_picture_seconds": -5})", "k.json", config).size() == 1);
}
