// A pretalx schedule.json merged into a feed: ids, times with their offsets,
// rooms, speakers, and what the feed already knew about a session.
#include "base/atomic_file.h"
#include "base/time_zone.h"
#include "feed/validator.h"
#include "import/schedule_import.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kiosk;

namespace {

std::string pretalx_sample() {
    std::string error;
    auto text = read_whole_file(std::string(TEST_DATA_DIR) + "/schedule-pretalx.json", 1 << 20, error);
    REQUIRE(text);
    return *text;
}

// A feed with one session the schedule also has (107), one it has not, and a live section.
std::string feed_with(const std::string& live_session) {
    return R"({
  "format": "lvliang-kiosk-feed/1",
  "event": {"title": "直播助农 嗨购吕梁", "venue": "吕梁广场", "first_day": "2020-05-15", "last_day": "2020-05-19",
            "time_zone": "Asia/Shanghai"},
  "schedule": [
    {"id": "107", "title": {"zh": "交城直播", "en": "Jiaocheng live sale"}, "start": "2020-05-16T19:00:00+08:00",
     "end": "2020-05-16T20:00:00+08:00", "county": "jiaocheng", "kind": "live_stream",
     "watch_url": "https://live.example.com/jiaocheng"},
    {"id": "old", "title": "旧场次", "start": "2020-05-15T08:00:00+08:00", "end": "2020-05-15T09:00:00+08:00"}
  ],
  "counties": [{"id": "jiaocheng", "name": "交城县"}],
  "products": [],
  "live": {"sessions": [{"session": ")" + live_session + R"(", "platforms": []}]}
}
)";
}

const Session& session(const Feed& feed, const char* id) {
    const Session* s = feed.session(id);
    INFO(id);
    REQUIRE(s);
    return *s;
}

LocalTime in_shanghai(const Timestamp& t) {
    std::string error;
    const auto zone = TimeZone::load("Asia/Shanghai", &error);
    REQUIRE(zone);
    return zone->to_local(t.unix_seconds);
}

} // namespace

TEST_CASE("A pretalx schedule imports with its ids and the right times in Asia/Shanghai") {
    const ImportResult result = import_schedule(pretalx_sample(), feed_with("107"));
    for (const ImportProblem& p : result.problems) UNSCOPED_INFO(format_import_problem(p));
    REQUIRE(result.ok());
    const FeedParseResult parsed = parse_feed(result.feed_json);
    REQUIRE(parsed.ok());
    const Feed& feed = *parsed.feed;
    REQUIRE(feed.schedule.size() == 9);
    CHECK(feed.session("old") == nullptr);

    const Session& jiaocheng = session(feed, "107");
    CHECK(jiaocheng.title.zh == "交城直播专场");          // from the schedule
    CHECK(jiaocheng.title.en == "Jiaocheng live sale");   // kept from the feed
    CHECK(jiaocheng.county == "jiaocheng");
    CHECK(jiaocheng.watch_url == "https://live.example.com/jiaocheng");
    CHECK(jiaocheng.location.zh == "直播间");
    CHECK(jiaocheng.kind == SessionKind::live_stream);
    const LocalTime start = in_shanghai(jiaocheng.start), end = in_shanghai(jiaocheng.end);
    CHECK((start.day == 16 && start.hour == 19 && start.minute == 30));
    CHECK((end.day == 16 && end.hour == 22 && end.minute == 0));

    // Written in +02:00 by a speaker abroad: 07:30 there is 13:30 in Lüliang, and the offset is kept.
    const Session& remote = session(feed, "105");
    CHECK(remote.start.offset_minutes == 120);
    const LocalTime remote_start = in_shanghai(remote.start), remote_end = in_shanghai(remote.end);
    CHECK((remote_start.day == 16 && remote_start.hour == 13 && remote_start.minute == 30));
    CHECK((remote_end.hour == 14 && remote_end.minute == 15));
    CHECK(remote.title.en == "Selling farm produce online: notes from Europe");
    CHECK(remote.title.zh.empty());
    CHECK(remote.description.en.rfind("With Sample Speaker\n\n", 0) == 0);
    CHECK(result.feed_json.find("\"start\": \"2020-05-16T07:30:00+02:00\"") != std::string::npos);

    CHECK(session(feed, "102").description.zh.rfind("主讲：示例主讲人甲", 0) == 0);
    CHECK(session(feed, "101").kind == SessionKind::ceremony);
    CHECK(session(feed, "104").kind == SessionKind::talk);
    CHECK(session(feed, "108").kind == SessionKind::market);
    const LocalTime market_end = in_shanghai(session(feed, "108").end);
    CHECK((market_end.day == 17 && market_end.hour == 18));
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0].find("9 events on 5 days") != std::string::npos);
}

TEST_CASE("Schedule import: a bad duration is reported at its line in the schedule file") {
    std::string schedule = pretalx_sample();
    const auto at = schedule.find("\"duration\": \"02:30\"");
    REQUIRE(at != std::string::npos);
    schedule.replace(at, 19, "\"duration\": \"2h30\"");
    const int line = 1 + static_cast<int>(std::count(schedule.begin(), schedule.begin() + at, '\n'));
    const ImportResult result = import_schedule(schedule, feed_with("107"), "s.json", "f.json");
    CHECK_FALSE(result.ok());
    REQUIRE(result.problems.size() == 1);
    const std::string message = format_import_problem(result.problems[0]);
    CHECK(message.rfind("s.json:" + std::to_string(line) + ":", 0) == 0);
    CHECK(message.find("duration must be HH:MM") != std::string::npos);
}

TEST_CASE("Schedule import: the merged feed must validate, else nothing is returned") {
    // The live section names a session the schedule no longer has.
    const ImportResult result = import_schedule(pretalx_sample(), feed_with("old"), "s.json", "f.json");
    CHECK_FALSE(result.ok());
    const auto error = std::find_if(result.problems.begin(), result.problems.end(),
                                    [](const ImportProblem& p) { return p.problem.severity == Severity::error; });
    REQUIRE(error != result.problems.end());
    CHECK(format_import_problem(*error).rfind("f.json:", 0) == 0);
    CHECK(error->problem.pointer == "/live/sessions/0/session");
}

TEST_CASE("Schedule import: documents that are not a schedule or not a feed are refused") {
    CHECK_FALSE(import_schedule("{\"schedule\": {}}", feed_with("107")).ok());
    CHECK_FALSE(import_schedule("{not json", feed_with("107")).ok());
    const ImportResult deep = import_schedule(std::string(100000, '[') + std::string(100000, ']'), feed_with("107"));
    REQUIRE(deep.problems.size() == 1);
    CHECK(deep.problems[0].problem.message_en.rfind("nested too deeply", 0) == 0);
    CHECK_FALSE(import_schedule(pretalx_sample(), "{\"format\": \"lvliang-kiosk-feed/1\"}").ok());
    const ImportResult cut = import_schedule(pretalx_sample(), "{\"format\": ");
    REQUIRE(cut.problems.size() == 1);
    CHECK(format_import_problem(cut.problems[0]).find("feed.json:1:") == 0);
}

namespace {

// `text` with the first `from` replaced by `to`; the test fails if `from` is absent.
std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("Schedule import keeps the events pretalx or frab mark cancelled, as cancelled sessions") {
    // 101 by its state (frab's and pretalx's name "canceled"), 103 by a title marker, 104 by a boolean.
    std::string schedule = with(pretalx_sample(), R"("id": 101,)", R"("id": 101, "state": "canceled",)");
    schedule = with(schedule, R"("title": "离石直播专场")", R"("title": "【已取消】离石直播专场")");
    schedule = with(schedule, R"("id": 104,)", R"("id": 104, "cancelled": true,)");
    // The feed said 107 was cancelled; the schedule no longer does: it is on again.
    const std::string feed = with(feed_with("107"), R"("kind": "live_stream",)", R"("kind": "live_stream", "cancelled": true,)");
    const ImportResult result = import_schedule(schedule, feed);
    for (const ImportProblem& p : result.problems) UNSCOPED_INFO(format_import_problem(p));
    REQUIRE_FALSE(result.feed_json.empty());
    const FeedParseResult parsed = parse_feed(result.feed_json);
    REQUIRE(parsed.ok());
    const Feed& f = *parsed.feed;
    CHECK(session(f, "101").cancelled);
    CHECK(session(f, "103").cancelled);
    CHECK(session(f, "103").title.zh == "离石直播专场");   // the marker is cut from the title
    CHECK(session(f, "104").cancelled);
    CHECK_FALSE(session(f, "102").cancelled);
    CHECK_FALSE(session(f, "107").cancelled);
    CHECK(f.schedule.size() == 9);   // none dropped
}

TEST_CASE("Schedule import: a title that only begins like a cancellation is a title") {
    std::string schedule = with(pretalx_sample(), R"("title": "离石直播专场")", R"("title": "取消农产品中间环节")");
    schedule = with(schedule, R"("title": "开幕式")", R"("title": "Cancelled")");
    const ImportResult result = import_schedule(schedule, feed_with("107"));
    REQUIRE_FALSE(result.feed_json.empty());
    const FeedParseResult parsed = parse_feed(result.feed_json);
    REQUIRE(parsed.ok());
    CHECK_FALSE(session(*parsed.feed, "103").cancelled);
    CHECK(session(*parsed.feed, "103").title.zh == "取消农产品中间环节");
    CHECK_FALSE(session(*parsed.feed, "101").cancelled);
}
