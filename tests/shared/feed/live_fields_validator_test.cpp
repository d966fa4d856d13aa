// The live document's issue 16 fields (corrected, on_air_product, history, cadence_seconds):
// accepted and built into the model; mistakes reported with pointer, line:col and both languages.
#include "base/embedded.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>

#include <string>

using namespace kiosk;

namespace {

// A live document, one value per line, so line and column are easy to state.
std::string live_doc(const std::string& session_extra, const std::string& platform_extra = "",
                     const std::string& live_extra = "") {
    return "{\n"                                                         // 1
           "\"format\": \"lvliang-kiosk-feed/1\",\n"                     // 2
           "\"live\": {" + live_extra + "\"sessions\": [{\n"             // 3
           "  \"session\": \"live-jiaocheng\",\n"                        // 4
           "  \"platforms\": [{\"platform\": \"douyin\", \"viewers\": 10, \"orders\": 1, \"revenue_fen\": 100,\n"   // 5
           "                 \"updated_at\": \"2020-05-16T20:30:00+08:00\"" + platform_extra + "}]" + session_extra + "\n"   // 6
           "}]}\n"
           "}\n";
}

const Problem* find(const LiveParseResult& r, const std::string& pointer) {
    for (const Problem& p : r.problems)
        if (p.pointer == pointer) return &p;
    return nullptr;
}

} // namespace

TEST_CASE("live fields: on air, history, cadence and corrected are read into the model", "[feed_parse]") {
    const LiveParseResult r = parse_live(live_doc(
        ",\n  \"on_air_product\": \"jc-junzao\",\n  \"history\": [{\"at\": \"2020-05-16T20:00:00+08:00\", \"viewers\": 5, \"orders\": 0, \"revenue_fen\": 50}]",
        ", \"cadence_seconds\": 30", "\"corrected\": true, "));
    INFO((r.problems.empty() ? std::string() : r.problems.front().message_en));
    REQUIRE(r.ok());
    CHECK(r.problems.empty());
    const SessionLive& s = r.live->sessions.at(0);
    CHECK(s.on_air_product == "jc-junzao");
    REQUIRE(s.history.size() == 1);
    CHECK(s.history[0].revenue_fen == 50);
    CHECK(s.platforms.at(0).cadence_seconds == 30);
    CHECK(r.live->corrected);
    REQUIRE(r.live->trend.size() == 2);   // the history point, then the figures now
    CHECK(r.live->trend[1].revenue_fen == 100);
}

TEST_CASE("live fields: a bad history time is an error at its line and column, in both languages", "[feed_parse]") {
    const std::string text = live_doc(",\n  \"history\": [{\"at\": \"20:00\", \"viewers\": 5, \"orders\": 0, \"revenue_fen\": 50}]");
    const LiveParseResult r = parse_live(text);
    CHECK_FALSE(r.ok());
    const Problem* p = find(r, "/live/sessions/0/history/0/at");
    REQUIRE(p);
    CHECK(p->severity == Severity::error);
    CHECK(p->line == 7);
    const std::size_t at = text.find("\"20:00\"");
    CHECK(p->column == static_cast<int>(at - text.rfind('\n', at)));   // 1-based: the newline sits at column 0
    CHECK_FALSE(p->message_zh.empty());
}

TEST_CASE("live fields: history out of order or falling is a warning and the document still loads", "[feed_parse]") {
    const LiveParseResult r = parse_live(live_doc(
        ",\n  \"history\": [{\"at\": \"2020-05-16T20:10:00+08:00\", \"viewers\": 9, \"orders\": 1, \"revenue_fen\": 90},\n"
        "              {\"at\": \"2020-05-16T20:20:00+08:00\", \"viewers\": 8, \"orders\": 1, \"revenue_fen\": 95},\n"
        "              {\"at\": \"2020-05-16T20:00:00+08:00\", \"viewers\": 9, \"orders\": 1, \"revenue_fen\": 99}]"));
    REQUIRE(r.ok());
    const Problem* falling = find(r, "/live/sessions/0/history/1/viewers");
    REQUIRE(falling);
    CHECK(falling->severity == Severity::warning);
    CHECK(falling->line == 8);
    CHECK_THAT(falling->message_en, Catch::Contains("falls"));
    CHECK_THAT(falling->message_zh, Catch::Contains("累计"));
    const Problem* order = find(r, "/live/sessions/0/history/2/at");
    REQUIRE(order);
    CHECK(order->severity == Severity::warning);
    CHECK(order->line == 9);
    // The trend is in time order and never falls, whatever the history says.
    for (std::size_t i = 1; i < r.live->trend.size(); ++i) {
        CHECK(r.live->trend[i].unix_seconds > r.live->trend[i - 1].unix_seconds);
        CHECK(r.live->trend[i].viewers >= r.live->trend[i - 1].viewers);
    }
}

TEST_CASE("live fields: wrong types and limits are schema errors with line:col", "[feed_parse]") {
    SECTION("cadence_seconds 0") {
        const LiveParseResult r = parse_live(live_doc("", ", \"cadence_seconds\": 0"));
        CHECK_FALSE(r.ok());
        const Problem* p = find(r, "/live/sessions/0/platforms/0/cadence_seconds");
        REQUIRE(p);
        CHECK(p->line == 6);
        CHECK(p->column > 40);
    }
    SECTION("corrected as a string") {
        const LiveParseResult r = parse_live(live_doc("", "", "\"corrected\": \"yes\", "));
        CHECK_FALSE(r.ok());
        const Problem* p = find(r, "/live/corrected");
        REQUIRE(p);
        CHECK(p->line == 3);
    }
    SECTION("a history point without revenue") {
        const LiveParseResult r = parse_live(
            live_doc(",\n  \"history\": [{\"at\": \"2020-05-16T20:00:00+08:00\", \"viewers\": 5, \"orders\": 0}]"));
        CHECK_FALSE(r.ok());
        REQUIRE(find(r, "/live/sessions/0/history/0"));
        CHECK(find(r, "/live/sessions/0/history/0")->line == 7);
    }
}

TEST_CASE("live fields: in a feed, an on-air product must be a product of the feed", "[feed_parse]") {
    std::string feed(*embedded_file("config/demo-feed.json"));
    const std::string known = "\"on_air_product\": \"jc-junzao\"";
    REQUIRE(feed.find(known) != std::string::npos);
    feed.replace(feed.find(known), known.size(), "\"on_air_product\": \"no-such-product\"");
    const FeedParseResult r = parse_feed(feed);
    CHECK_FALSE(r.ok());
    bool found = false;
    for (const Problem& p : r.problems)
        if (p.pointer == "/live/sessions/0/on_air_product") {
            found = true;
            CHECK(p.line > 700);
            CHECK_THAT(p.message_en, Catch::Contains("no-such-product"));
            CHECK_THAT(p.message_zh, Catch::Contains("商品"));
        }
    CHECK(found);
}

TEST_CASE("live fields: the demo feed's 交城 session has its evening and a product on air, marked sample", "[feed_parse]") {
    const FeedParseResult r = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(r.ok());
    const SessionLive& jc = r.feed->live.sessions.at(0);
    CHECK(jc.session == "live-jiaocheng");
    CHECK(jc.on_air_product == "jc-junzao");
    CHECK(jc.history.size() >= 10);
    CHECK(r.feed->live.trend.size() > jc.history.size());
    CHECK_THAT(r.feed->sample_note, Catch::Contains("evening curve") && Catch::Contains("当晚曲线"));
}
