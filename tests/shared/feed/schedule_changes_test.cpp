// [issue 16: schedule changes] The worker's comparison of feeds in a row, the
// memory's round trip, and which marks show on which day.
#include "feed/schedule_changes.h"
#include "feed/validator.h"

#include "test_feeds.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

Timestamp at(const char* iso) { return parse_iso8601(iso).value(); }

Session session(std::string id, const char* start, const char* end, std::string place) {
    Session s;
    s.id = std::move(id);
    s.title = {s.id, s.id};
    s.start = at(start);
    s.end = at(end);
    s.location = LocalizedText::plain(std::move(place));
    return s;
}

// The first feed of the day: three sessions on 16 May.
Feed first_feed() {
    Feed feed = *test::test_event_feed();
    feed.schedule = {session("a", "2020-05-16T10:00:00+08:00", "2020-05-16T11:00:00+08:00", "大厅"),
                     session("b", "2020-05-16T14:00:00+08:00", "2020-05-16T15:00:00+08:00", "直播间 1"),
                     session("c", "2020-05-16T19:30:00+08:00", "2020-05-16T21:00:00+08:00", "直播间 2")};
    feed.index();
    return feed;
}

// The next feed: b moved half an hour later and to another room, c cancelled.
Feed second_feed() {
    Feed feed = first_feed();
    feed.schedule[1].start = at("2020-05-16T14:30:00+08:00");
    feed.schedule[1].end = at("2020-05-16T15:30:00+08:00");
    feed.schedule[1].location = LocalizedText::plain("直播间 3");
    feed.schedule[2].cancelled = true;
    return feed;
}

const TimeZone& shanghai() {
    static const TimeZone zone = TimeZone::load("Asia/Shanghai", nullptr).value();
    return zone;
}

std::int64_t unix_at(const char* iso) { return at(iso).unix_seconds; }

} // namespace

TEST_CASE("two feeds in a row: the moved session is marked with its first time and place, the cancelled one is neither now nor next",
          "[schedule_changes]") {
    ScheduleMemory memory;
    Feed first = first_feed();
    CHECK(compare_with_memory(first, memory));   // learnt three plans
    CHECK(memory.first_seen.size() == 3);
    for (const Session& s : first.schedule) CHECK_FALSE(s.previous);

    Feed second = second_feed();
    CHECK_FALSE(compare_with_memory(second, memory));   // nothing new to remember
    const Session& moved = *second.session("b");
    REQUIRE(moved.previous);
    CHECK(moved.previous->start.unix_seconds == unix_at("2020-05-16T14:00:00+08:00"));
    CHECK(moved.previous->end.unix_seconds == unix_at("2020-05-16T15:00:00+08:00"));
    CHECK(moved.previous->location.zh == "直播间 1");
    CHECK(time_changed(moved));
    CHECK(place_changed(moved));
    CHECK_FALSE(second.session("a")->previous);
    CHECK_FALSE(second.session("c")->previous);

    const Session& cancelled = *second.session("c");
    CHECK_FALSE(session_running(cancelled, unix_at("2020-05-16T20:00:00+08:00")));
    CHECK_FALSE(session_upcoming(cancelled, unix_at("2020-05-16T19:00:00+08:00")));
    CHECK(session_running(*second.session("a"), unix_at("2020-05-16T10:30:00+08:00")));

    // Moved a second time: still compared with what was first announced.
    Feed third = second_feed();
    third.schedule[1].start = at("2020-05-16T16:00:00+08:00");
    third.schedule[1].end = at("2020-05-16T17:00:00+08:00");
    compare_with_memory(third, memory);
    REQUIRE(third.session("b")->previous);
    CHECK(third.session("b")->previous->start.unix_seconds == unix_at("2020-05-16T14:00:00+08:00"));

    // Moved back where it was: no mark.
    Feed back = first_feed();
    compare_with_memory(back, memory);
    CHECK_FALSE(back.session("b")->previous);
}

TEST_CASE("the marks show for the rest of the session's day and today's changes list them in time order", "[schedule_changes]") {
    ScheduleMemory memory;
    Feed first = first_feed();
    compare_with_memory(first, memory);
    Feed second = second_feed();
    compare_with_memory(second, memory);
    const Session& moved = *second.session("b");
    const Session& cancelled = *second.session("c");

    CHECK(change_mark_shown(moved, shanghai(), unix_at("2020-05-15T12:00:00+08:00")));
    CHECK(change_mark_shown(moved, shanghai(), unix_at("2020-05-16T23:59:59+08:00")));   // the rest of the day
    CHECK_FALSE(change_mark_shown(moved, shanghai(), unix_at("2020-05-17T00:00:00+08:00")));
    CHECK_FALSE(change_mark_shown(*second.session("a"), shanghai(), unix_at("2020-05-16T12:00:00+08:00")));
    CHECK(change_mark_shown(cancelled, shanghai(), unix_at("2020-05-16T22:00:00+08:00")));

    const auto today = todays_changes(second, shanghai(), unix_at("2020-05-16T12:00:00+08:00"));
    REQUIRE(today.size() == 2);
    CHECK(today[0]->id == "b");
    CHECK(today[1]->id == "c");
    CHECK(todays_changes(second, shanghai(), unix_at("2020-05-17T09:00:00+08:00")).empty());
    CHECK(todays_changes(first, shanghai(), unix_at("2020-05-16T12:00:00+08:00")).empty());
}

TEST_CASE("a session moved to the next day is listed on both days and marked until the later one ends", "[schedule_changes]") {
    ScheduleMemory memory;
    Feed first = first_feed();
    compare_with_memory(first, memory);
    Feed next = first_feed();
    next.schedule[0].start = at("2020-05-17T10:00:00+08:00");
    next.schedule[0].end = at("2020-05-17T11:00:00+08:00");
    compare_with_memory(next, memory);
    CHECK(todays_changes(next, shanghai(), unix_at("2020-05-16T08:00:00+08:00")).size() == 1);
    CHECK(todays_changes(next, shanghai(), unix_at("2020-05-17T08:00:00+08:00")).size() == 1);
    CHECK(change_mark_shown(*next.session("a"), shanghai(), unix_at("2020-05-17T23:00:00+08:00")));
    CHECK_FALSE(change_mark_shown(*next.session("a"), shanghai(), unix_at("2020-05-18T00:00:01+08:00")));
}

TEST_CASE("the memory survives its JSON round trip, starts afresh for another event and refuses damage", "[schedule_changes]") {
    ScheduleMemory memory;
    Feed first = first_feed();
    compare_with_memory(first, memory);
    std::string error;
    const auto back = memory_from_json(memory_to_json(memory), error);
    REQUIRE(back);
    CHECK(back->event == memory.event);
    REQUIRE(back->first_seen.size() == 3);
    CHECK(back->first_seen.at("b").start.unix_seconds == unix_at("2020-05-16T14:00:00+08:00"));
    CHECK(back->first_seen.at("b").location.zh == "直播间 1");

    // A restart: the remembered plans still mark the moved session.
    ScheduleMemory restarted = *back;
    Feed second = second_feed();
    compare_with_memory(second, restarted);
    CHECK(second.session("b")->previous);

    Feed other = second_feed();
    other.event.first_day = "2021-05-15";
    CHECK(compare_with_memory(other, restarted));
    CHECK_FALSE(other.session("b")->previous);   // another event: nothing earlier applies

    CHECK_FALSE(memory_from_json("{", error));
    CHECK_FALSE(error.empty());
    CHECK_FALSE(memory_from_json(R"({"format": "something-else", "event": "", "sessions": {}})", error));
    const auto partly = memory_from_json(
        R"({"format": "lvliang-kiosk-schedule-memory/1", "event": "e", "sessions": {"x": {"start": "soon"}, "y": 3}})", error);
    REQUIRE(partly);
    CHECK(partly->first_seen.empty());   // damaged entries are skipped, never guessed
    const auto odd = memory_from_json(R"({"format": "lvliang-kiosk-schedule-memory/1", "event": "e", "sessions": {"x":
        {"start": "2020-05-16T19:30:00+08:00", "end": "2020-05-16T20:30:00+08:00", "location": {"zh": 1}, "area": []}}})", error);
    REQUIRE(odd);   // values of the wrong type are read as empty, never thrown on
    CHECK(odd->first_seen.at("x").location.zh.empty());
    CHECK_FALSE(memory_from_json(R"({"format": 1, "event": "e", "sessions": {}})", error));
}

TEST_CASE("the feed's own previous_start, previous_end and previous_location mark a session without memory", "[schedule_changes]") {
    const std::string feed = R"({"format": "lvliang-kiosk-feed/1",
      "event": {"title": "测试", "venue": "吕梁广场", "first_day": "2020-05-15", "last_day": "2020-05-19", "time_zone": "Asia/Shanghai"},
      "schedule": [
        {"id": "moved", "title": "挪了", "start": "2020-05-16T20:00:00+08:00", "end": "2020-05-16T21:00:00+08:00",
         "location": "直播间 2", "previous_start": "2020-05-16T19:30:00+08:00", "previous_location": "直播间 1"},
        {"id": "gone", "title": "取消了", "start": "2020-05-16T10:00:00+08:00", "end": "2020-05-16T11:00:00+08:00", "cancelled": true},
        {"id": "same", "title": "没变", "start": "2020-05-16T12:00:00+08:00", "end": "2020-05-16T13:00:00+08:00",
         "previous_end": "2020-05-16T13:00:00+08:00"}],
      "counties": [], "products": []})";
    const FeedParseResult r = parse_feed(feed);
    REQUIRE(r.ok());
    const Session& moved = *r.feed->session("moved");
    REQUIRE(moved.previous);
    CHECK(moved.previous->start.unix_seconds == unix_at("2020-05-16T19:30:00+08:00"));
    CHECK(moved.previous->end.unix_seconds == unix_at("2020-05-16T21:00:00+08:00"));   // unstated: as now
    CHECK(moved.previous->location.zh == "直播间 1");
    CHECK(time_changed(moved));
    CHECK(place_changed(moved));
    CHECK(r.feed->session("gone")->cancelled);
    CHECK_FALSE(r.feed->session("same")->previous);   // stating the same time is no change

    // The worker keeps the stated plan as the first one, so it stays marked when a later feed drops the field.
    ScheduleMemory memory;
    Feed marked = *r.feed;
    compare_with_memory(marked, memory);
    Feed later = *r.feed;
    for (Session& s : later.schedule) s.previous.reset();
    compare_with_memory(later, memory);
    REQUIRE(later.session("moved")->previous);
    CHECK(later.session("moved")->previous->start.unix_seconds == unix_at("2020-05-16T19:30:00+08:00"));
}

namespace {

// A one-session feed with `fields` added to the session, laid out so tests can find their line and column.
std::string feed_with_session_fields(const std::string& fields) {
    return "{\"format\": \"lvliang-kiosk-feed/1\",\n"
           "\"event\": {\"title\": \"测试\", \"venue\": \"吕梁广场\", \"first_day\": \"2020-05-15\", \"last_day\": \"2020-05-19\", "
           "\"time_zone\": \"Asia/Shanghai\"},\n"
           "\"schedule\": [\n"
           "{\"id\": \"s\", \"title\": \"场次\", \"start\": \"2020-05-16T20:00:00+08:00\", \"end\": \"2020-05-16T21:00:00+08:00\",\n" +
           fields + "}],\n\"counties\": [], \"products\": []}";
}

const Problem& the_problem(const FeedParseResult& r, const std::string& pointer, Severity severity) {
    const Problem* found = nullptr;
    std::string all;
    for (const Problem& p : r.problems) {
        all += format_problem("feed.json", p) + "\n";
        if (p.pointer == pointer && p.severity == severity) {
            INFO(all);
            REQUIRE(found == nullptr);
            found = &p;
        }
    }
    INFO(all);
    REQUIRE(found);
    return *found;
}

} // namespace

TEST_CASE("bad schedule-change values are refused at their line and column, in both languages", "[schedule_changes]") {
    struct Case {
        const char* fields;
        const char* pointer;
        Severity severity;
        const char* en;   // a part of each message
        const char* zh;
    };
    const Case cases[] = {
        {R"("cancelled": "yes")", "/schedule/0/cancelled", Severity::error, "expected true or false", "布尔值"},
        {R"("previous_start": "16 May 19:30")", "/schedule/0/previous_start", Severity::error, "not a time", "时间格式错误"},
        {R"("previous_end": 1900)", "/schedule/0/previous_end", Severity::error, "expected a string", "应为字符串"},
        {R"("previous_start": "2020-05-16T22:00:00+08:00")", "/schedule/0/previous_start", Severity::error,
         "previous_end must be after previous_start", "previous_end 必须晚于 previous_start"},
        {R"("previous_start": "2020-05-16T20:00:00+08:00")", "/schedule/0/previous_start", Severity::warning,
         "not marked as changed", "不会标为已调整"},
        {R"("previous_location": 7)", "/schedule/0/previous_location", Severity::error, "expected text", "应为文本"},
    };
    for (const Case& c : cases) {
        const std::string text = feed_with_session_fields(c.fields);
        INFO(text);
        const FeedParseResult r = parse_feed(text);
        CHECK(r.ok() == (c.severity == Severity::warning));
        const Problem& p = the_problem(r, c.pointer, c.severity);
        CHECK_THAT(p.message_en, Catch::Contains(c.en));
        CHECK_THAT(p.message_zh, Catch::Contains(c.zh));
        CHECK_FALSE(p.message_zh.empty());
        // The value's own place: line 5, where the added fields are, at the value after the key.
        const std::string key = std::string(c.pointer).substr(std::string("/schedule/0/").size());
        const std::size_t value_at = text.find(':', text.find("\"" + key + "\"")) + 2;
        const std::size_t line_start = text.rfind('\n', value_at) + 1;
        CHECK(p.line == 5);
        CHECK(p.column == static_cast<int>(value_at - line_start + 1));
    }
}
