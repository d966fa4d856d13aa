// Announcements (issue 15): the document and the feed's "announcements" parsed
// and validated with line:col and bilingual messages; which ones a kiosk shows
// at a time, for its id and tags, in the order of urgency.
#include "feed/announcements.h"

#include "feed/validator.h"
#include "validator_support.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kDocument = R"({
  "format": "lvliang-kiosk-announcements/1",
  "announcements": [
    {"id": "evacuate-1", "severity": "emergency",
     "text": {"zh": "请立即从最近的出口离开大厅", "en": "Please leave the hall by the nearest exit now"},
     "starts_at": "2020-05-16T20:00:00+08:00", "ends_at": "2020-05-16T21:00:00+08:00"},
    {"id": "talk-moved", "severity": "notice", "text": "交城专场改到二号演播室",
     "starts_at": "2020-05-16T19:00:00+08:00", "ends_at": "2020-05-16T22:00:00+08:00", "targets": ["hall-1"]},
    {"id": "welcome", "severity": "info", "text": {"zh": "欢迎", "en": "Welcome"},
     "starts_at": "2020-05-16T08:00:00+08:00", "ends_at": "2020-05-16T23:00:00+08:00"}
  ]
})";

std::int64_t at(const char* iso) { return parse_iso8601(iso)->unix_seconds; }

std::vector<std::string> ids(const std::vector<Announcement>& list) {
    std::vector<std::string> out;
    for (const Announcement& a : list) out.push_back(a.id);
    return out;
}

// The only error of `text`, which must be at the first occurrence of `token`.
const Problem& only_error(const AnnouncementsParseResult& r) {
    INFO(listing(r.problems));
    REQUIRE_FALSE(r.ok());
    REQUIRE(r.count(Severity::error) == 1);
    for (const Problem& p : r.problems)
        if (p.severity == Severity::error) return p;
    FAIL("no error");
    return r.problems.front();
}

} // namespace

TEST_CASE("an announcements document becomes the model", "[announcements]") {
    const AnnouncementsParseResult r = parse_announcements(kDocument);
    INFO(listing(r.problems));
    REQUIRE(r.ok());
    CHECK(r.problems.empty());
    const auto& list = *r.announcements;
    REQUIRE(list.size() == 3);
    CHECK(list[0].severity == AnnouncementSeverity::emergency);
    CHECK(list[0].text.en == "Please leave the hall by the nearest exit now");
    CHECK(list[1].text.zh == "交城专场改到二号演播室");   // a plain string is Chinese
    CHECK(list[1].text.en.empty());
    CHECK(list[1].targets == std::vector<std::string>{"hall-1"});
    CHECK(list[0].starts_at.unix_seconds == at("2020-05-16T12:00:00Z"));
}

TEST_CASE("which announcements a kiosk shows: time, targets, urgency", "[announcements]") {
    const auto list = *parse_announcements(kDocument).announcements;
    const KioskIdentity hall{"k1", {"hall-1", "entrance"}};
    const KioskIdentity elsewhere{"k2", {"hall-2"}};
    CHECK(ids(active_announcements(list, at("2020-05-16T07:59:59+08:00"), hall)).empty());
    CHECK(ids(active_announcements(list, at("2020-05-16T19:30:00+08:00"), hall)) ==
          std::vector<std::string>{"talk-moved", "welcome"});
    CHECK(ids(active_announcements(list, at("2020-05-16T19:30:00+08:00"), elsewhere)) == std::vector<std::string>{"welcome"});
    CHECK(ids(active_announcements(list, at("2020-05-16T20:00:00+08:00"), hall)) ==
          std::vector<std::string>{"evacuate-1", "talk-moved", "welcome"});
    CHECK(ids(active_announcements(list, at("2020-05-16T21:00:00+08:00"), hall)) ==   // ends_at: gone
          std::vector<std::string>{"talk-moved", "welcome"});
    CHECK(ids(active_announcements(list, at("2020-05-16T19:30:00+08:00"), KioskIdentity{"hall-1", {}})) ==
          std::vector<std::string>{"talk-moved", "welcome"});   // a target may name the kiosk's id
    CHECK(ids(active_announcements(list, at("2020-05-17T09:00:00+08:00"), hall)).empty());   // all expired

    CHECK(next_announcement_change(list, at("2020-05-16T19:30:00+08:00"), hall) == at("2020-05-16T20:00:00+08:00"));
    CHECK(next_announcement_change(list, at("2020-05-16T21:30:00+08:00"), hall) == at("2020-05-16T22:00:00+08:00"));
    CHECK(next_announcement_change(list, at("2020-05-16T21:30:00+08:00"), elsewhere) == at("2020-05-16T23:00:00+08:00"));
    CHECK(next_announcement_change(list, at("2020-05-16T23:00:00+08:00"), hall) == std::nullopt);
}

TEST_CASE("the document's announcements win over the feed's of the same id", "[announcements]") {
    auto list = *parse_announcements(kDocument).announcements;
    Announcement feed_own = list[2];
    feed_own.text.zh = "旧";
    Announcement feed_other = list[2];
    feed_other.id = "feed-only";
    const auto merged = merge_announcements({feed_own, feed_other}, list);
    CHECK(ids(merged) == std::vector<std::string>{"evacuate-1", "talk-moved", "welcome", "feed-only"});
    CHECK(merged[2].text.zh == "欢迎");
}

TEST_CASE("a feed may carry announcements of its own", "[announcements]") {
    std::string feed = read_file(std::string(SOURCE_DIR) + "/config/demo-feed.json");
    const auto close = feed.rfind('}');
    feed.insert(close, R"(, "announcements": [{"id": "a", "severity": "notice", "text": "样例通知",
        "starts_at": "2020-05-16T08:00:00+08:00", "ends_at": "2020-05-16T09:00:00+08:00"}])");
    const FeedParseResult r = parse_feed(feed);
    INFO(listing(r.problems));
    REQUIRE(r.ok());
    REQUIRE(r.feed->announcements.size() == 1);
    CHECK(r.feed->announcements[0].severity == AnnouncementSeverity::notice);

    feed.replace(feed.find("\"severity\": \"notice\""), 20, "\"severity\": \"urgent\"");
    const FeedParseResult bad = parse_feed(feed);
    CHECK_FALSE(bad.ok());
    CHECK(problems_at(bad.problems, "/announcements/0/severity", Severity::error).size() == 1);
}

TEST_CASE("broken announcements say what and where, in both languages", "[announcements]") {
    struct Case {
        const char* from;
        const char* to;
        const char* pointer;
        const char* token;   // where the error points (its first occurrence after the edit)
        const char* en;
        const char* zh;
    };
    const Case cases[] = {
        {"\"severity\": \"notice\"", "\"severity\": \"urgent\"", "/announcements/1/severity", "\"urgent\"", "", ""},
        {"\"ends_at\": \"2020-05-16T21:00:00+08:00\"", "\"ends_at\": \"2020-05-16T19:00:00+08:00\"",
         "/announcements/0/ends_at", "\"2020-05-16T19:00:00+08:00\"", "ends before or when it starts", "结束时间不晚于开始时间"},
        {"\"starts_at\": \"2020-05-16T19:00:00+08:00\"", "\"starts_at\": \"2020-05-16 19:00\"", "/announcements/1/starts_at",
         "\"2020-05-16 19:00\"", "not a time", "时间格式错误"},
        {"\"id\": \"welcome\"", "\"id\": \"evacuate-1\"", "/announcements/2/id", "\"evacuate-1\", \"severity\": \"info\"",
         "", ""},
        {"\"text\": {\"zh\": \"欢迎\", \"en\": \"Welcome\"}", "\"text\": {\"en\": \"Welcome\"}", "/announcements/2/text",
         "{\"en\": \"Welcome\"}", "missing required field \"zh\"", "缺少必填字段“zh”"},
        {"\"text\": \"交城专场改到二号演播室\"", "\"text\": \"\"", "/announcements/1/text", "\"\",", "", ""},
        {"\"targets\": [\"hall-1\"]", "\"targets\": [\"hall 1\"]", "/announcements/1/targets/0", "\"hall 1\"", "", ""},
        {"\"lvliang-kiosk-announcements/1\"", "\"lvliang-kiosk-feed/1\"", "/format", "\"lvliang-kiosk-feed/1\"", "", ""},
        {"\"severity\": \"info\",", "", "/announcements/2", "{\"id\": \"welcome\"", "missing required field \"severity\"",
         "缺少必填字段“severity”"},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.pointer << " " << c.to) {
            const std::string text = replaced(kDocument, c.from, c.to);
            const AnnouncementsParseResult r = parse_announcements(text);
            const Problem& p = only_error(r);
            CHECK(p.pointer == c.pointer);
            const auto [line, column] = line_and_column(text, text.find(c.token));
            CHECK(p.line == line);
            CHECK(p.column == column);
            CHECK_THAT(p.message_en, Catch::Contains(c.en));
            CHECK_THAT(p.message_zh, Catch::Contains(c.zh));
            CHECK_FALSE(p.message_zh.empty());
        }
    }
}

TEST_CASE("text that is not an announcements document is refused without a crash", "[announcements]") {
    for (const std::string& text : {std::string(), std::string("[]"), std::string("{"), std::string("{\"format\": 1}"),
                                   std::string("\xff\xfe"), std::string(100, '['),
                                   std::string(R"({"format": "lvliang-kiosk-announcements/1", "announcements": {}})")}) {
        const AnnouncementsParseResult r = parse_announcements(text);
        CHECK_FALSE(r.ok());
        CHECK(r.count(Severity::error) >= 1);
    }
    // Without English is allowed, with a warning (an English reader sees the Chinese).
    const std::string zh_only = replaced(kDocument, "\"en\": \"Welcome\"", "\"zh\": \"欢迎光临\"");
    const auto twice = parse_announcements(zh_only);   // a repeated key: refused
    CHECK_FALSE(twice.ok());
    const auto warned = parse_announcements(replaced(kDocument, "{\"zh\": \"欢迎\", \"en\": \"Welcome\"}", "{\"zh\": \"欢迎\"}"));
    REQUIRE(warned.ok());
    CHECK(problems_at(warned.problems, "/announcements/2/text", Severity::warning).size() == 1);
}
