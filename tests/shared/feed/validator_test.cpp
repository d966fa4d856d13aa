// Index of this file:
// [SECTION] Helpers
// [SECTION] Valid feeds
// [SECTION] Broken feeds: pointer, line and message
// [SECTION] Warnings and single rules
// [SECTION] Limits, UTF-8, positions, a large feed
// [SECTION] Live stats and format_problem
// [SECTION] Damaged feeds; days in the event's zone
#include "base/embedded.h"
#include "feed/validator.h"
#include "validator_support.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

using namespace kiosk;
using namespace kiosk::test;

// [SECTION] Helpers
namespace {

std::string small_feed() { return read_file(TEST_DATA_DIR "/feed-small.json"); }

// The one problem at `pointer`; fails when there is none or more than one.
const Problem& only_problem_at(const std::vector<Problem>& problems, const std::string& pointer,
                               Severity severity = Severity::error) {
    INFO(listing(problems));
    const auto found = problems_at(problems, pointer, severity);
    REQUIRE(found.size() == 1);
    return *found.front();
}

} // namespace

// [SECTION] Valid feeds
TEST_CASE("A valid feed parses into the model", "[feed_parse]") {
    const FeedParseResult result = parse_feed(small_feed());
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.problems.empty());
    const Feed& feed = *result.feed;

    CHECK(feed.format == "lvliang-kiosk-feed/1");
    CHECK(feed.sample_note.find("invented") != std::string::npos);
    CHECK(feed.event.title.zh == "直播助农 嗨购吕梁");
    CHECK(feed.event.title.en == "Live-Stream Sales for Farmers: Shop Lüliang");
    CHECK(feed.event.venue.zh == "吕梁新区吕梁广场电商扶贫创业孵化园区");   // a plain string is Chinese
    CHECK(feed.event.venue.en.empty());
    CHECK(feed.event.first_day == "2020-05-15");
    CHECK(feed.event.last_day == "2020-05-19");
    CHECK(feed.event.time_zone == "Asia/Shanghai");
    CHECK(feed.event.contact.en == "Organisers' desk");

    // The schedule is sorted by start although the file lists the evening session first.
    REQUIRE(feed.schedule.size() == 2);
    CHECK(feed.schedule[0].id == "opening");
    CHECK(feed.schedule[0].kind == SessionKind::ceremony);
    CHECK(feed.schedule[1].id == "wenshui-live");
    CHECK(feed.schedule[1].kind == SessionKind::live_stream);
    CHECK(feed.schedule[1].county == "wenshui");
    CHECK(feed.schedule[1].watch_url == "https://live.example.com/wenshui");
    CHECK(feed.schedule[1].start.valid);
    CHECK(feed.schedule[1].start.offset_minutes == 480);
    CHECK(feed.schedule[1].end.unix_seconds - feed.schedule[1].start.unix_seconds == 2 * 3600);
    CHECK(feed.schedule[1].location.zh == "直播间 1");

    REQUIRE(feed.counties.size() == 2);
    REQUIRE(feed.county("wenshui"));
    CHECK(feed.county("wenshui")->name.en == "Wenshui County");
    CHECK(feed.county("jiaocheng")->blurb.zh == "“交城山”公共品牌");
    CHECK(feed.county("fenyang") == nullptr);

    REQUIRE(feed.products.size() == 2);
    const Product* jujube = feed.product("jc-jujube");
    REQUIRE(jujube);
    CHECK(jujube->price_fen == 3980);
    CHECK(jujube->unit.en == "500 g");
    CHECK(jujube->producer.zh == "交城山合作社");
    CHECK(jujube->order_url == "https://shop.example.com/p/jc-jujube");
    REQUIRE(jujube->tags.size() == 2);
    CHECK(jujube->tags[0].zh == "非遗");
    CHECK(jujube->tags[1].en == "Poverty relief");
    CHECK(jujube->featured);
    CHECK_FALSE(jujube->sold_out);
    const Product* drink = feed.product("ws-seabuckthorn");
    REQUIRE(drink);
    CHECK(drink->unit.zh == "箱");
    CHECK(drink->sold_out);
    CHECK(feed.products_of("wenshui").size() == 1);

    REQUIRE(feed.live.sessions.size() == 1);
    const SessionLive& live = feed.live.sessions[0];
    CHECK(live.session == "wenshui-live");
    REQUIRE(live.platforms.size() == 2);
    CHECK(live.platforms[0].name.zh == "抖音");
    CHECK(live.platforms[0].viewers == 160000);
    CHECK(live.platforms[1].revenue_fen == 4200000);
    REQUIRE(live.top_products.size() == 1);
    CHECK(live.top_products[0].orders == 3000);
    // The newest platform update: 21:05 Beijing time.
    CHECK(feed.live.updated_at.unix_seconds == parse_iso8601("2020-05-16T13:05:00Z")->unix_seconds);
}

TEST_CASE("The demo feed validates without errors", "[feed_parse]") {
    const auto demo = embedded_file("config/demo-feed.json");
    REQUIRE(demo);
    const FeedParseResult result = parse_feed(*demo);
    INFO(listing(result.problems));
    CHECK(result.count(Severity::error) == 0);
    REQUIRE(result.ok());
    CHECK(result.feed->event.time_zone == "Asia/Shanghai");
}

// [SECTION] Broken feeds: pointer, line and message
namespace {

struct BrokenFeed {
    const char* file;
    Severity severity;
    const char* pointer;
    int line;
    int column;
    const char* message_en;   // a part of the English message
    const char* message_zh;   // a part of the Chinese message
};

// Each file is tests/data/feed-small.json with one mistake; line and column
// are where the mistake is in that file.
const BrokenFeed kBrokenFeeds[] = {
    {"01-missing-comma.json", Severity::error, "", 51, 7, R"(malformed JSON: unexpected string literal; expected '}' (a missing comma?))", R"(JSON 格式错误：缺少逗号)"},
    {"02-price-as-string.json", Severity::error, "/products/0/price_fen", 50, 20, R"(wrong type: expected an integer, found a string "39.80")", R"(类型错误：应为整数)"},
    {"03-negative-price.json", Severity::error, "/products/1/price_fen", 61, 20, R"(an amount must not be negative, found -6800)", R"(金额不能为负数)"},
    {"04-decimal-price.json", Severity::error, "/products/0/price_fen", 50, 20, R"(amounts are whole fen (1/100 yuan))", R"(金额须为整数)"},
    {"05-missing-unit.json", Severity::error, "/products/1", 57, 5, R"(missing required field "unit")", R"(缺少必填字段“unit”)"},
    {"06-duplicate-product-id.json", Severity::error, "/products/1/id", 58, 13, R"(duplicate product id "jc-jujube" (first used at /products/0))", R"(商品标识“jc-jujube”重复)"},
    {"07-product-unknown-county.json", Severity::error, "/products/1/county", 59, 17, R"(unknown county "fenyang")", R"(未知县区“fenyang”)"},
    {"08-session-unknown-county.json", Severity::error, "/schedule/0/county", 19, 17, R"(unknown county "fenyang")", R"(未知县区)"},
    {"09-end-before-start.json", Severity::error, "/schedule/1/end", 27, 14, R"(the session ends before it starts)", R"(结束时间早于开始时间)"},
    {"10-bad-timestamp.json", Severity::error, "/schedule/0/start", 16, 16, R"(not a time: "2020-05-16 19:30")", R"(时间格式错误)"},
    {"11-timestamp-without-offset.json", Severity::error, "/schedule/0/end", 17, 14, R"(write ISO 8601 with an offset)", R"(带时区偏移)"},
    {"12-order-url-ftp.json", Severity::error, "/products/0/order_url", 53, 20, R"(it must start with https:// or http://)", R"(必须以 https:// 或 http:// 开头)"},
    {"13-watch-url-space.json", Severity::error, "/schedule/0/watch_url", 21, 20, R"(not a web address: "https://live.example.com/wen shui")", R"(网址无效)"},
    {"14-image-file-scheme.json", Severity::error, "/products/0/image", 52, 16, R"(must be a https:// or http:// address without spaces, or a local file path)", R"(本地文件路径)"},
    {"15-bad-date.json", Severity::error, "/event/first_day", 7, 18, R"(not a date: "2020-05-32")", R"(日期格式错误)"},
    {"16-days-reversed.json", Severity::error, "/event/last_day", 8, 17, R"(the last day 2020-05-14 is before the first day 2020-05-15)", R"(早于开始日期)"},
    {"17-unknown-time-zone.json", Severity::error, "/event/time_zone", 9, 18, R"(unknown time zone "Asia/Lvliang")", R"(未知时区)"},
    {"18-time-zone-path.json", Severity::error, "/event/time_zone", 9, 18, R"(unknown time zone)", R"(未知时区)"},
    {"19-wrong-format.json", Severity::error, "/format", 2, 13, R"(must be "lvliang-kiosk-feed/1", found "lvliang-kiosk-feed/2")", R"(应为 "lvliang-kiosk-feed/1")"},
    {"20-bad-session-id.json", Severity::error, "/schedule/1/id", 24, 13, R"(invalid id "opening ceremony")", R"(标识符 "opening ceremony" 无效)"},
    {"21-text-wrong-type.json", Severity::error, "/products/0/name", 48, 15, R"(expected text: a string or {"zh": …, "en": …}, found an integer)", R"(应为文本)"},
    {"22-text-unknown-language.json", Severity::error, "/schedule/1/title/fr", 25, 42, R"(text may only have "zh" and "en", found "fr")", R"(文本只能包含)"},
    {"23-text-member-wrong-type.json", Severity::error, "/products/0/unit/en", 51, 38, R"(wrong type: expected a string, found an integer 500)", R"(应为字符串)"},
    {"24-text-empty-object.json", Severity::error, "/event/contact", 10, 16, R"(empty text)", R"(文本为空)"},
    {"25-unknown-kind.json", Severity::error, "/schedule/1/kind", 28, 15, R"(must be one of live_stream, ceremony, talk, market, other; found "concert")", R"(应为以下之一)"},
    {"26-featured-not-boolean.json", Severity::error, "/products/0/featured", 55, 19, R"(wrong type: expected true or false, found a string "yes")", R"(布尔值)"},
    {"27-tags-not-array.json", Severity::error, "/products/0/tags", 54, 15, R"(expected an array)", R"(应为数组)"},
    {"28-too-many-tags.json", Severity::error, "/products/0/tags", 54, 15, R"(too many items: 21, at most 20 allowed)", R"(条目过多)"},
    {"29-name-too-long.json", Severity::error, "/products/1/name", 60, 15, R"(too long: 10001 characters, at most 10000 allowed)", R"(过长)"},
    {"30-duplicate-county-id.json", Severity::error, "/counties/1/id", 39, 13, R"(duplicate county id "jiaocheng" (first used at /counties/0))", R"(县区标识“jiaocheng”重复)"},
    {"31-products-renamed.json", Severity::error, "", 1, 1, R"(missing required field "products")", R"(缺少必填字段“products”)"},
    {"32-live-unknown-session.json", Severity::error, "/live/sessions/0/session", 71, 20, R"(unknown session "wenshui-night")", R"(未知场次)"},
    {"33-live-unknown-product.json", Severity::error, "/live/sessions/0/top_products/0/product", 91, 23, R"(unknown product "ws-honey")", R"(未知商品)"},
    {"34-live-duplicate-platform.json", Severity::error, "/live/sessions/0/platforms/1/platform", 82, 25, R"(platform "douyin" appears twice)", R"(平台 “douyin” 在本场次中重复)"},
    {"35-live-bad-updated-at.json", Severity::error, "/live/sessions/0/platforms/1/updated_at", 87, 27, R"(not a time: "yesterday")", R"(时间格式错误)"},
    {"36-live-negative-viewers.json", Severity::error, "/live/sessions/0/platforms/1/viewers", 84, 24, R"(must be at least 0, found -1)", R"(不能小于 0)"},
    {"37-gbk-encoded.json", Severity::error, "", 62, 16, R"(invalid UTF-8 at byte offset 2033 (byte 0xCF))", R"(不是有效的 UTF-8 编码)"},
    {"38-not-an-object.json", Severity::error, "", 1, 1, R"(wrong type: expected an object, found an array)", R"(类型错误：应为对象)"},
    {"39-repeated-key.json", Severity::error, "/products/0/price_fen", 56, 7, R"(this key is given twice in the same object (first at line 50:7); keep one)", R"(重复出现此字段（第一次在 50:7）)"},
};
static_assert(std::size(kBrokenFeeds) >= 20, "at least twenty broken feeds are checked");

} // namespace

TEST_CASE("Each broken feed reports its problem with pointer, line and message", "[feed_parse]") {
    for (const BrokenFeed& broken : kBrokenFeeds) {
        DYNAMIC_SECTION(broken.file) {
            const FeedParseResult result = parse_feed(read_file(std::string(TEST_DATA_DIR "/broken/") + broken.file));
            CHECK_FALSE(result.ok());
            CHECK(result.feed == nullptr);
            const Problem& p = only_problem_at(result.problems, broken.pointer, broken.severity);
            CHECK(p.line == broken.line);
            CHECK(p.column == broken.column);
            CHECK_THAT(p.message_en, Catch::Contains(broken.message_en));
            CHECK_THAT(p.message_zh, Catch::Contains(broken.message_zh));
        }
    }
}

TEST_CASE("A truncated feed gives the line and column where it stops", "[feed_parse]") {
    const std::string full = small_feed();
    const std::string cut = full.substr(0, full.find("\"producer\""));
    const FeedParseResult result = parse_feed(cut);
    REQUIRE_FALSE(result.ok());
    const Problem& p = only_problem_at(result.problems, "");
    const auto [line, column] = line_and_column(cut, cut.size());
    CHECK(p.line == line);
    CHECK(p.column == column);
    CHECK(p.line == 49);
    CHECK_THAT(p.message_en, Catch::Contains("cut short"));
    CHECK_THAT(p.message_zh, Catch::Contains("可能被截断"));

    const auto demo = embedded_file("config/demo-feed.json");
    REQUIRE(demo);
    const std::string demo_cut(demo->substr(0, demo->size() / 2));
    const FeedParseResult demo_result = parse_feed(demo_cut);
    REQUIRE_FALSE(demo_result.ok());
    REQUIRE(demo_result.problems.size() == 1);
    CHECK(demo_result.problems[0].line > 1);
    CHECK(demo_result.problems[0].column > 0);
}

TEST_CASE("Every problem is reported in one pass, in document order", "[feed_parse]") {
    std::string text = small_feed();
    text = replaced(text, "\"time_zone\": \"Asia/Shanghai\"", "\"time_zone\": \"Mars/Olympus\"");
    text = replaced(text, "\"price_fen\": 3980", "\"price_fen\": -1");
    text = replaced(text, "\"county\": \"wenshui\",\n      \"name\": {\"zh\": \"沙棘",
                    "\"county\": \"lishi\",\n      \"name\": {\"zh\": \"沙棘");
    text = replaced(text, "\"kind\": \"ceremony\"", "\"kind\": 3");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.problems.size() == 5);
    CHECK(result.problems[0].pointer == "/event/time_zone");
    CHECK(result.problems[1].pointer == "/schedule/1/kind");
    CHECK(result.problems[2].pointer == "/counties/1");   // no products left for wenshui
    CHECK(result.problems[2].severity == Severity::warning);
    CHECK(result.problems[3].pointer == "/products/0/price_fen");
    CHECK(result.problems[4].pointer == "/products/1/county");
    CHECK(result.count(Severity::error) == 4);
    for (std::size_t i = 1; i < result.problems.size(); ++i)
        CHECK(result.problems[i - 1].line < result.problems[i].line);
    CHECK_THAT(result.problems[1].message_en, Catch::Contains("; found 3"));
}

// [SECTION] Warnings and single rules
TEST_CASE("Warnings leave a feed valid", "[feed_parse]") {
    std::string text = small_feed();
    // No image for the jujubes, which are also featured and now sold out.
    text = replaced(text, "      \"image\": \"images/jujube.jpg\",\n", "");
    text = replaced(text, "\"featured\": true", "\"featured\": true, \"sold_out\": true");
    // A county nothing is sold from, as the first county.
    text = replaced(text, "  \"counties\": [\n",
                    "  \"counties\": [\n    {\"id\": \"lanxian\", \"name\": \"岚县\", \"image\": \"images/lanxian.jpg\"},\n");
    // The opening ceremony the day before the event.
    text = replaced(text, "\"start\": \"2020-05-15T09:00:00+08:00\"", "\"start\": \"2020-05-14T23:30:00+08:00\"");
    // The live session runs past the last day.
    text = replaced(text, "\"end\": \"2020-05-16T21:30:00+08:00\"", "\"end\": \"2020-05-20T00:30:00+08:00\"");

    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.count(Severity::error) == 0);
    CHECK(result.count(Severity::warning) == 5);

    const Problem& image = only_problem_at(result.problems, "/products/0", Severity::warning);
    CHECK_THAT(image.message_en, Catch::Contains("has no image"));
    CHECK_THAT(image.message_zh, Catch::Contains("没有图片"));
    CHECK(std::make_pair(image.line, image.column) == line_and_column(text, text.find("{\n      \"id\": \"jc-jujube\"")));

    const Problem& sold_out = only_problem_at(result.problems, "/products/0/sold_out", Severity::warning);
    CHECK_THAT(sold_out.message_en, Catch::Contains("featured product is sold out"));
    CHECK(std::make_pair(sold_out.line, sold_out.column) ==
          line_and_column(text, text.find("true", text.find("\"sold_out\""))));

    const Problem& empty = only_problem_at(result.problems, "/counties/0", Severity::warning);
    CHECK_THAT(empty.message_en, Catch::Contains("county \"lanxian\" has no products"));
    CHECK_THAT(empty.message_zh, Catch::Contains("没有商品"));
    CHECK(empty.line == 32);
    CHECK(empty.column == 5);

    const Problem& early = only_problem_at(result.problems, "/schedule/1/start", Severity::warning);
    CHECK_THAT(early.message_en, Catch::Contains("starts on 2020-05-14, outside the event's days 2020-05-15 to 2020-05-19"));
    CHECK_THAT(early.message_zh, Catch::Contains("不在活动日期"));
    CHECK(early.line == 26);

    const Problem& late = only_problem_at(result.problems, "/schedule/0/end", Severity::warning);
    CHECK_THAT(late.message_en, Catch::Contains("ends on 2020-05-20"));
    CHECK(late.line == 17);
}

TEST_CASE("Many items without an image make one warning", "[feed_parse]") {
    const std::string base = small_feed();
    const auto products_start = base.find("  \"products\": [\n") + 16;
    const auto products_end = base.find("\n  ],\n  \"live\"");
    std::string products;
    for (int i = 0; i < 8; ++i)
        products += std::string(i ? ",\n" : "") + "    {\"id\": \"p" + std::to_string(i) +
                    "\", \"county\": \"wenshui\", \"name\": \"商品\", \"price_fen\": 1, \"unit\": \"件\"" +
                    (i == 3 ? ", \"image\": \"images/p3.jpg\"" : "") + (i == 5 ? ", \"image\": \"\"" : "") + "}";
    std::string text = base.substr(0, products_start) + products + base.substr(products_end);
    text = replaced(text, "{\"product\": \"ws-seabuckthorn\"", "{\"product\": \"p1\"");
    text = replaced(text, "    {\n      \"id\": \"jiaocheng\"", "    {\"id\": \"lanxian\", \"name\": \"岚县\", \"image\": \"\"},\n    {\n      \"id\": \"jiaocheng\"");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE(result.ok());

    const Problem& many = only_problem_at(result.problems, "/products", Severity::warning);
    CHECK(many.message_en == "7 products have no image (p0, p1, p2, p4, p5 and 2 more); placeholders are shown");
    CHECK_THAT(many.message_zh, Catch::Contains("7 个商品没有图片"));
    CHECK(std::make_pair(many.line, many.column) == line_and_column(text, text.find("\"products\": [") + 12));
    CHECK(problems_at(result.problems, "/products/0", Severity::warning).empty());

    // A few are listed one by one (an empty string counts as no image).
    const auto lanxian = problems_at(result.problems, "/counties/0", Severity::warning);
    REQUIRE(lanxian.size() == 2);   // and it has no products
    CHECK(lanxian[0]->message_en == "the county has no image; a placeholder is shown");
    CHECK(lanxian[1]->message_en == "county \"lanxian\" has no products");
}

TEST_CASE("A session must end after it starts", "[feed_parse]") {
    const std::string text =
        replaced(small_feed(), "\"end\": \"2020-05-15T10:00:00+08:00\"", "\"end\": \"2020-05-15T01:00:00Z\"");
    const FeedParseResult result = parse_feed(text);   // 01:00Z is 09:00 in Beijing: the start instant
    REQUIRE_FALSE(result.ok());
    const Problem& p = only_problem_at(result.problems, "/schedule/1/end");
    CHECK_THAT(p.message_en, Catch::Contains("end must be after start"));
    CHECK_THAT(p.message_zh, Catch::Contains("结束时间必须晚于开始时间"));
}

TEST_CASE("A session ending at midnight after the last day is inside the event", "[feed_parse]") {
    std::string text = small_feed();
    text = replaced(text, "\"start\": \"2020-05-16T19:30:00+08:00\"", "\"start\": \"2020-05-19T22:00:00+08:00\"");
    text = replaced(text, "\"end\": \"2020-05-16T21:30:00+08:00\"", "\"end\": \"2020-05-20T00:00:00+08:00\"");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.problems.empty());
}

TEST_CASE("Unknown fields are warned about, not refused", "[feed_parse]") {
    const std::string text = replaced(small_feed(), "\"featured\": true", "\"featured\": true, \"soldout\": true");
    const FeedParseResult result = parse_feed(text);
    REQUIRE(result.ok());
    const Problem& p = only_problem_at(result.problems, "/products/0/soldout", Severity::warning);
    CHECK_THAT(p.message_en, Catch::Contains("unknown field \"soldout\""));
    CHECK(std::make_pair(p.line, p.column) == line_and_column(text, text.find("true", text.find("\"soldout\""))));

    // A key with an escaped line break is quoted with the escape, long keys shortened.
    const std::string odd = replaced(small_feed(), "\"featured\": true",
                                     "\"featured\": true, \"co\\nunty\": 1, \"" + std::string(300, 'k') + "\": 2");
    const FeedParseResult odd_result = parse_feed(odd);
    REQUIRE(odd_result.ok());
    CHECK(only_problem_at(odd_result.problems, "/products/0/co\nunty", Severity::warning).message_en ==
          "unknown field \"co\\nunty\" is ignored (a typo?)");
    const Problem& long_key = only_problem_at(odd_result.problems, "/products/0/" + std::string(300, 'k'), Severity::warning);
    CHECK(long_key.message_en == "unknown field \"" + std::string(80, 'k') + "…\" is ignored (a typo?)");
}

TEST_CASE("A date or time too long for its format gets the date or time message", "[feed_parse]") {
    std::string text = replaced(small_feed(), "\"first_day\": \"2020-05-15\"", "\"first_day\": \"2020-05-15T00:00:00+08:00\"");
    text = replaced(text, "\"updated_at\": \"2020-05-16T21:00:00+08:00\"",
                    "\"updated_at\": \"2020-05-16T21:00:00.000000000000000000000000000000+08:00\"");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE_FALSE(result.ok());
    CHECK(result.problems.size() == 1);   // long fractions of a second are fine
    CHECK_THAT(only_problem_at(result.problems, "/event/first_day").message_en, Catch::Contains("write YYYY-MM-DD"));
}

TEST_CASE("An empty optional URL means no link", "[feed_parse]") {
    const std::string text =
        replaced(small_feed(), "\"order_url\": \"https://shop.example.com/p/jc-jujube\"", "\"order_url\": \"\"");
    const FeedParseResult result = parse_feed(text);
    REQUIRE(result.ok());
    CHECK(result.feed->product("jc-jujube")->order_url.empty());
}

TEST_CASE("Money beyond any real amount is too large, not negative", "[feed_parse]") {
    for (const char* amount : {"18446744073709551615", "1e20", "1000000000000001"}) {
        DYNAMIC_SECTION(amount) {
            const std::string text = replaced(small_feed(), "\"price_fen\": 3980", std::string("\"price_fen\": ") + amount);
            const FeedParseResult result = parse_feed(text);
            REQUIRE_FALSE(result.ok());
            const Problem& p = only_problem_at(result.problems, "/products/0/price_fen");
            if (std::string(amount) == "1e20") {
                CHECK_THAT(p.message_en, Catch::Contains("whole fen"));
            } else {
                CHECK_THAT(p.message_en, Catch::Contains("too large: at most 1000000000000000"));
                CHECK_THAT(p.message_zh, Catch::Contains("数值过大"));
            }
        }
    }
}

// [SECTION] Limits, UTF-8, positions, a large feed
TEST_CASE("Sanity limits stop validation with a clear message", "[feed_parse][limits]") {
    SECTION("document size") {
        ParseLimits limits;
        limits.max_document_bytes = 1000;
        const FeedParseResult result = parse_feed(small_feed(), limits);
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);
        CHECK(result.problems[0].pointer.empty());
        CHECK(result.problems[0].line == 0);
        CHECK_THAT(result.problems[0].message_en, Catch::Contains("larger than the limit"));
        CHECK_THAT(result.problems[0].message_zh, Catch::Contains("大小上限"));
    }
    SECTION("the default size limit is 20 MB") {
        const std::string big(20u * 1024 * 1024 + 1, ' ');
        const FeedParseResult result = parse_feed(big);
        REQUIRE(result.problems.size() == 1);
        CHECK_THAT(result.problems[0].message_en, Catch::Contains("20.0 MB"));
    }
    SECTION("nesting depth") {
        const std::string text = "{\n  \"format\": \"lvliang-kiosk-feed/1\",\n  \"x\": " + std::string(100000, '[') +
                                 std::string(100000, ']') + "\n}";
        const FeedParseResult result = parse_feed(text);
        REQUIRE(result.problems.size() == 1);
        const Problem& p = result.problems[0];
        CHECK(p.line == 3);
        CHECK(p.column == 8 + 31);   // the root object is level 1: the 32nd "[" is level 33
        CHECK_THAT(p.message_en, Catch::Contains("nested deeper than 32 levels"));
        CHECK_THAT(p.message_zh, Catch::Contains("嵌套超过 32 层"));
    }
    SECTION("brackets inside strings do not count as nesting") {
        const std::string text = replaced(small_feed(), "\"箱\"", "\"" + std::string(40, '[') + "\"");
        const FeedParseResult result = parse_feed(text);
        INFO(listing(result.problems));
        CHECK(result.ok());
    }
    SECTION("a very long string") {
        const std::string text = replaced(small_feed(), "\"featured\": true",
                                          "\"featured\": true,\n      \"notes\": \"" + std::string(100001, 'x') + "\"");
        const FeedParseResult result = parse_feed(text);
        REQUIRE_FALSE(result.ok());
        REQUIRE(result.problems.size() == 1);   // validation stops: no "unknown field" warning on top
        const Problem& p = result.problems[0];
        CHECK(p.pointer == "/products/0/notes");
        CHECK(std::make_pair(p.line, p.column) == line_and_column(text, text.find("\"xxx")));
        CHECK_THAT(p.message_en, Catch::Contains("a string of 100001 bytes, more than the limit of 100000"));
    }
    SECTION("a huge array") {
        std::string zeros = "[0";
        for (int i = 1; i < 100001; ++i) zeros += ",0";
        zeros += "]";
        const std::string text = replaced(small_feed(), "\"tags\": [\"非遗\", {\"zh\": \"扶贫\", \"en\": \"Poverty relief\"}]",
                                          "\"tags\": " + zeros);
        const FeedParseResult result = parse_feed(text);
        REQUIRE(result.problems.size() == 1);
        const Problem& p = result.problems[0];
        CHECK(p.pointer == "/products/0/tags");
        CHECK(std::make_pair(p.line, p.column) == line_and_column(text, text.find("[0,0")));
        CHECK_THAT(p.message_en, Catch::Contains("an array of 100001 items, more than the limit of 100000"));
    }
}

TEST_CASE("Invalid UTF-8 is reported with its byte offset", "[feed_parse]") {
    const std::string text = "{\n  \"format\": \"lvliang-kiosk-feed/1\",\n  \"sample\": \"ab\xC3\x28\"\n}";
    const FeedParseResult result = parse_feed(text);
    REQUIRE(result.problems.size() == 1);
    const Problem& p = result.problems[0];
    CHECK(p.line == 3);
    CHECK(p.column == 16);
    CHECK_THAT(p.message_en, Catch::Contains("invalid UTF-8 at byte offset " + std::to_string(text.find('\xC3'))));

    // A lone surrogate and an overlong "/" are refused too.
    CHECK_FALSE(parse_feed("{\"format\": \"\xED\xA0\x80\"}").problems.empty());
    CHECK_FALSE(parse_feed("{\"format\": \"\xC0\xAF\"}").problems.empty());
}

TEST_CASE("A byte-order mark is accepted and positions still count bytes", "[feed_parse]") {
    const std::string text = "\xEF\xBB\xBF" + replaced(small_feed(), "\"price_fen\": 3980", "\"price_fen\": -3");
    const FeedParseResult result = parse_feed(text);
    const Problem& p = only_problem_at(result.problems, "/products/0/price_fen");
    CHECK(p.line == 50);
    CHECK(p.column == 20);
}

TEST_CASE("Keys with escapes and special characters are located", "[feed_parse]") {
    // "a/b" and "c~d" escape as ~1 and ~0 in a pointer; \u0065 is "e".
    const std::string text = replaced(small_feed(), "\"featured\": true",
                                      "\"featured\": true,\n      \"a/b\": 1, \"c~d\": 2, \"\\u0065x\": 3");
    const FeedParseResult result = parse_feed(text);
    REQUIRE(result.ok());
    CHECK(only_problem_at(result.problems, "/products/0/a~1b", Severity::warning).column == 14);
    CHECK(only_problem_at(result.problems, "/products/0/c~0d", Severity::warning).column == 24);
    CHECK(only_problem_at(result.problems, "/products/0/ex", Severity::warning).column == 38);
}

TEST_CASE("A large feed validates and locates a problem near its end", "[feed_parse]") {
    const std::string base = small_feed();
    const auto products_start = base.find("  \"products\": [\n") + 16;
    const auto products_end = base.find("\n  ],\n  \"live\"");
    std::string products;
    for (int i = 0; i < 10000; ++i) {
        products += i ? ",\n" : "";
        products += "    {\"id\": \"p" + std::to_string(i) + "\", \"county\": \"" + (i % 2 ? "wenshui" : "jiaocheng") +
                    "\", \"name\": {\"zh\": \"商品" + std::to_string(i) + "\", \"en\": \"Product\"}, \"price_fen\": " +
                    std::to_string(100 + i) + ", \"unit\": \"件\", \"image\": \"images/p.jpg\"}";
    }
    std::string text = base.substr(0, products_start) + products + base.substr(products_end);
    text = replaced(text, "{\"product\": \"ws-seabuckthorn\"", "{\"product\": \"p42\"");

    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    CHECK(result.feed->products.size() == 10000);
    CHECK(result.feed->product("p9999")->price_fen == 10099);

    text = replaced(text, "\"price_fen\": 10099", "\"price_fen\": \"10099\"");
    const FeedParseResult broken = parse_feed(text);
    const Problem& p = only_problem_at(broken.problems, "/products/9999/price_fen");
    CHECK(std::make_pair(p.line, p.column) == line_and_column(text, text.find("\"10099\"")));
}

// [SECTION] Live stats and format_problem
TEST_CASE("parse_live reads a live-stats document", "[feed_parse][live]") {
    const std::string text = read_file(TEST_DATA_DIR "/live-small.json");
    SECTION("valid") {
        const LiveParseResult result = parse_live(text);
        INFO(listing(result.problems));
        REQUIRE(result.ok());
        CHECK(result.problems.empty());
        REQUIRE(result.live->sessions.size() == 1);
        CHECK(result.live->sessions[0].session == "wenshui-live");
        CHECK(result.live->sessions[0].platforms[1].name.en == "Kuaishou");
        CHECK(result.live->sessions[0].top_products[0].product == "ws-seabuckthorn");
        CHECK(result.live->updated_at.unix_seconds == parse_iso8601("2020-05-16T21:05:00+08:00")->unix_seconds);
        CHECK_FALSE(result.live->empty());
    }
    SECTION("an empty live section is valid") {
        const LiveParseResult result = parse_live(R"({"format": "lvliang-kiosk-feed/1", "live": {"sessions": []}})");
        REQUIRE(result.ok());
        CHECK(result.live->empty());
        CHECK_FALSE(result.live->updated_at.valid);
    }
    SECTION("names it cannot check are not errors") {
        const LiveParseResult result = parse_live(replaced(text, "\"wenshui-live\"", "\"some-other-session\""));
        CHECK(result.ok());
    }
    SECTION("a feed's other sections are ignored with a warning") {
        const std::string with_event = replaced(text, "\"live\": {", "\"event\": {},\n  \"live\": {");
        const LiveParseResult result = parse_live(with_event);
        REQUIRE(result.ok());
        const Problem& p = only_problem_at(result.problems, "/event", Severity::warning);
        CHECK(p.line == 3);
        CHECK(p.column == 12);
    }
    SECTION("missing live") {
        const LiveParseResult result = parse_live(R"({"format": "lvliang-kiosk-feed/1"})");
        REQUIRE_FALSE(result.ok());
        const Problem& p = only_problem_at(result.problems, "");
        CHECK_THAT(p.message_en, Catch::Contains("missing required field \"live\""));
        CHECK(p.line == 1);
        CHECK(p.column == 1);
    }
    SECTION("bad values") {
        std::string bad = replaced(text, "\"revenue_fen\": 4200000", "\"revenue_fen\": -42");
        bad = replaced(bad, "\"updated_at\": \"2020-05-16T21:00:00+08:00\"", "\"updated_at\": \"2020-05-16\"");
        bad = replaced(bad, "\"format\": \"lvliang-kiosk-feed/1\"", "\"format\": \"lvliang-kiosk-live/1\"");
        const LiveParseResult result = parse_live(bad);
        INFO(listing(result.problems));
        REQUIRE_FALSE(result.ok());
        CHECK(result.count(Severity::error) == 3);
        CHECK(only_problem_at(result.problems, "/format").line == 2);
        const Problem& when = only_problem_at(result.problems, "/live/sessions/0/platforms/0/updated_at");
        CHECK(when.line == 14);
        CHECK(when.column == 27);
        CHECK_THAT(when.message_en, Catch::Contains("not a time: \"2020-05-16\""));
        const Problem& money = only_problem_at(result.problems, "/live/sessions/0/platforms/1/revenue_fen");
        CHECK(money.line == 24);
        CHECK_THAT(money.message_en, Catch::Contains("must not be negative, found -42"));
    }
    SECTION("malformed") {
        const LiveParseResult result = parse_live(text.substr(0, 100));
        REQUIRE_FALSE(result.ok());
        CHECK(result.problems.size() == 1);
        CHECK(result.live == nullptr);
    }
}

TEST_CASE("format_problem writes the kiosk check line", "[feed_parse]") {
    Problem p{Severity::error, "/products/3/price_fen", 12, 20, "an amount must not be negative, found -5",
              "金额不能为负数，实际为 -5"};
    CHECK(format_problem("feed.json", p) ==
          "feed.json:12:20: error: /products/3/price_fen: an amount must not be negative, found -5 | 金额不能为负数，实际为 -5");
    p.pointer = "/products/3/a\nb";   // a key with a line break stays on one line
    CHECK(format_problem("feed.json", p) ==
          "feed.json:12:20: error: /products/3/a\\nb: an amount must not be negative, found -5 | 金额不能为负数，实际为 -5");
    p.severity = Severity::warning;
    p.pointer.clear();
    p.line = 0;
    CHECK(format_problem("feed.json", p) ==
          "feed.json: warning: an amount must not be negative, found -5 | 金额不能为负数，实际为 -5");
}

// [SECTION] Damaged feeds; days in the event's zone
TEST_CASE("Damaged feeds never crash and every problem has a place", "[feed_parse]") {
    const std::string base = small_feed();
    const char* const replacements[] = {"", "\"", "{", "]", ",", "-", "0", "\\", "\xE5", " "};
    std::size_t damaged = 0, still_valid = 0;
    for (std::size_t at = 0; at < base.size(); at += 7) {
        for (const char* replacement : replacements) {
            const std::string text = base.substr(0, at) + replacement + base.substr(at + 1);
            const FeedParseResult result = parse_feed(text);
            INFO("byte " << at << " replaced by \"" << replacement << "\"\n" << listing(result.problems));
            REQUIRE(result.ok() == (result.count(Severity::error) == 0));
            for (const Problem& p : result.problems) {
                REQUIRE(p.line > 0);
                REQUIRE(p.column > 0);
                REQUIRE_FALSE(p.message_en.empty());
                REQUIRE_FALSE(p.message_zh.empty());
            }
            ++(result.ok() ? still_valid : damaged);
        }
    }
    CHECK(damaged > still_valid);   // most damage is caught
}

TEST_CASE("Session days are counted in the event's time zone, not in the offset a time was written with",
          "[feed_parse]") {
    // 23:30 UTC on 19 May is 07:30 on 20 May in Shanghai: after the event.
    std::string text = replaced(small_feed(), "\"start\": \"2020-05-16T19:30:00+08:00\"",
                                "\"start\": \"2020-05-19T23:30:00Z\"");
    text = replaced(text, "\"end\": \"2020-05-16T21:30:00+08:00\"", "\"end\": \"2020-05-19T23:50:00Z\"");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    bool warned = false;
    for (const Problem& p : result.problems)
        if (p.severity == Severity::warning && p.message_en.find("starts on 2020-05-20") != std::string::npos) warned = true;
    CHECK(warned);
}
