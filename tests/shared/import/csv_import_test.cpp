// The spreadsheet import: CSV as Excel/WPS write it, encodings, prices, and
// problems reported by file, row and column.
// Index of this file:
// [SECTION] Helpers
// [SECTION] CSV syntax and encodings
// [SECTION] Prices and the feeds made
// [SECTION] Problems by file, row and column
// [SECTION] The venue: polygons, the areas sheet, the venue file
// [SECTION] Rows wider than their header
#include "base/atomic_file.h"
#include "base/time_zone.h"
#include "feed/validator.h"
#include "import/csv.h"
#include "import/csv_columns.h"
#include "import/csv_import.h"
#include "import/text_encoding.h"

#include "import_samples.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace kiosk;

// [SECTION] Helpers
namespace {

CsvImportInputs sample_inputs(const std::string& suffix = "") {
    CsvImportInputs in;
    in.counties = {"counties.csv", kiosk::test::import_sample("counties" + suffix + ".csv")};
    in.products = {"products.csv", kiosk::test::import_sample("products" + suffix + ".csv")};
    in.schedule = CsvFileInput{"schedule.csv", kiosk::test::import_sample("schedule" + suffix + ".csv")};
    in.event = {"event.json", kiosk::test::import_sample("event.json")};
    return in;
}

std::vector<std::string> error_lines(const ImportResult& result) {
    std::vector<std::string> out;
    for (const ImportProblem& p : result.problems)
        if (p.problem.severity == Severity::error) out.push_back(format_import_problem(p));
    return out;
}

void replace_once(std::string& text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
}

} // namespace

// [SECTION] CSV syntax and encodings
TEST_CASE("CSV: quoted commas, doubled quotes, line breaks in quotes, CRLF and an empty trailing line") {
    const CsvTable t = parse_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\r\nlast,,\n\n");
    REQUIRE_FALSE(t.error);
    REQUIRE(t.records.size() == 3);
    CHECK(t.records[1].fields == std::vector<std::string>{"x, y", "say \"hi\"", "two\r\nlines"});
    CHECK(t.records[1].row == 2);
    CHECK(t.records[2].fields == std::vector<std::string>{"last", "", ""});
    CHECK(t.records[2].row == 4);    // the blank row 3 counts, as in the spreadsheet
    CHECK(t.records[2].line == 5);   // the quoted line break made the file one line longer
}

TEST_CASE("CSV: an unclosed quote and text after a closing quote are errors with their row and field") {
    const CsvTable open = parse_csv("a,b\n1,\"never closed\n");
    REQUIRE(open.error);
    CHECK(open.error->row == 2);
    CHECK(open.error->column == 2);
    const CsvTable after = parse_csv("a,b\n1,2\n\"x\"y,3\n");
    REQUIRE(after.error);
    CHECK(after.error->row == 3);
    CHECK(after.error->column == 1);
}

TEST_CASE("Encodings: a BOM is dropped, invalid UTF-8 is read as GB18030, the flag overrides") {
    const std::string gb = "\xBD\xBB\xB3\xC7\xCF\xD8";   // 交城县 in GB18030
    const DecodedText detected = decode_to_utf8(gb, TextEncoding::detect);
    CHECK(detected.encoding == TextEncoding::gb18030);
    CHECK(detected.utf8 == "交城县");
    CHECK_FALSE(detected.bad_byte);
    const DecodedText bom = decode_to_utf8("\xEF\xBB\xBF交城县", TextEncoding::detect);
    CHECK(bom.encoding == TextEncoding::utf8);
    CHECK(bom.utf8 == "交城县");
    const DecodedText forced = decode_to_utf8(gb, TextEncoding::utf8);
    REQUIRE(forced.bad_byte);
    CHECK(*forced.bad_byte == 0);
    const DecodedText cut = decode_to_utf8("ab\xBD", TextEncoding::gb18030);   // half a character at the end
    REQUIRE(cut.bad_byte);
    CHECK(*cut.bad_byte == 2);
    TextEncoding e;
    CHECK((parse_text_encoding("GBK", e) && e == TextEncoding::gb18030));
    CHECK((parse_text_encoding("utf-8", e) && e == TextEncoding::utf8));
    CHECK_FALSE(parse_text_encoding("latin1", e));
}

// [SECTION] Prices and the feeds made
TEST_CASE("Prices become fen exactly") {
    std::string en, zh;
    const std::pair<const char*, std::int64_t> good[] = {
        {"68", 6800},   {"68.00", 6800},    {"¥68.00", 6800},  {"￥68", 6800},       {"68元", 6800},
        {"68.5", 6850}, {"0.05", 5},        {" 39.90 ", 3990}, {"1,280.00", 128000}, {"¥ 0", 0},
        {"19.99", 1999}, {"1234567.89", 123456789}};
    for (const auto& [text, fen] : good) {
        INFO(text);
        const auto parsed = parse_price_fen(text, en, zh);
        REQUIRE(parsed);
        CHECK(*parsed == fen);
    }
    for (const char* bad : {"", "-5", "68.005", "68.", ".5", "abc", "68.0.0", "6 8", "12,34", "1,2345", "68 yuan",
                            "99999999999999"}) {
        INFO(bad);
        en.clear();
        CHECK_FALSE(parse_price_fen(bad, en, zh));
        CHECK_FALSE(en.empty());
    }
    parse_price_fen("68.005", en, zh);
    CHECK(en.find("two decimals") != std::string::npos);
    parse_price_fen("-1", en, zh);
    CHECK(en.find("negative") != std::string::npos);
}

TEST_CASE("The same CSV in UTF-8, UTF-8 with BOM and GB18030 gives identical, valid feeds") {
    const ImportResult utf8 = import_csv_feed(sample_inputs());
    INFO(Catch::Detail::stringify(error_lines(utf8)));
    REQUIRE(utf8.ok());
    CsvImportInputs bom = sample_inputs();
    for (CsvFileInput* f : {&bom.counties, &bom.products, &*bom.schedule}) f->bytes = "\xEF\xBB\xBF" + f->bytes;
    const ImportResult with_bom = import_csv_feed(bom);
    const ImportResult gb = import_csv_feed(sample_inputs("-gb18030"));
    REQUIRE(with_bom.ok());
    REQUIRE(gb.ok());
    CHECK(with_bom.feed_json == utf8.feed_json);
    CHECK(gb.feed_json == utf8.feed_json);
    CHECK(gb.notes.at(1) == "products.csv: GB18030, 19 rows");
    CHECK(utf8.notes.at(1) == "products.csv: UTF-8, 19 rows");

    const FeedParseResult parsed = parse_feed(utf8.feed_json);
    REQUIRE(parsed.ok());
    const Feed& feed = *parsed.feed;
    CHECK(feed.counties.size() == 3);
    CHECK(feed.products.size() == 19);
    const Product* junzao = feed.product("jc-junzao");
    REQUIRE(junzao);
    CHECK(junzao->price_fen == 3990);
    CHECK(junzao->featured);
    CHECK_FALSE(junzao->sold_out);
    REQUIRE(junzao->tags.size() == 1);
    CHECK(junzao->tags[0].zh == "山西四大名枣");
    CHECK(junzao->tags[0].en == "Shanxi's four famous jujubes");
    const Product* gift = feed.product("jc-junzao-gift");   // its county is written 交城县
    REQUIRE(gift);
    CHECK(gift->county == "jiaocheng");
    CHECK(gift->name.en == "Jiaocheng Junzao jujubes, gift box");
    const Product* grains = feed.product("ls-zaliang");
    REQUIRE(grains);
    CHECK(grains->description.en ==
          "Five grains in one box: millet, sorghum, buckwheat, mung beans and oats.\r\nThe farmers call it \"the whole field\".");
    CHECK(feed.product("ws-shaji-yuanjiang")->sold_out);
    CHECK(feed.sample_note.find("Sample data") == 0);

    const Session* live = feed.session("live-jiaocheng");   // written 2020/5/16 19:30 in the sheet
    REQUIRE(live);
    CHECK(live->start.offset_minutes == 8 * 60);
    const LocalTime start = TimeZone::fixed_offset(8 * 3600).to_local(live->start.unix_seconds);
    CHECK((start.month == 5 && start.day == 16 && start.hour == 19 && start.minute == 30));
    CHECK(live->kind == SessionKind::live_stream);
    CHECK(feed.session("talk-livecommerce")->kind == SessionKind::talk);
    CHECK(utf8.feed_json.find("\"start\": \"2020-05-16T19:30:00+08:00\"") != std::string::npos);
}

// [SECTION] Problems by file, row and column
TEST_CASE("A bad price and an unknown county are reported with file, row and column, and no feed is made") {
    CsvImportInputs in = sample_inputs();
    replace_once(in.products.bytes, ",88.00,", ",88.005,");   // jc-junzao-gift, row 3, column G
    replace_once(in.products.bytes, "jc-xiaomi,jiaocheng,", "jc-xiaomi,交城,");   // row 4, column B
    const ImportResult result = import_csv_feed(in);
    CHECK_FALSE(result.ok());
    const auto lines = error_lines(result);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("products.csv:3:7: error: 价格/price: the price has more than two decimals", 0) == 0);
    CHECK(lines[1].rfind("products.csv:4:2: error: 县区/county: unknown county \"交城\"", 0) == 0);
}

TEST_CASE("Validator problems point at the row and column they came from") {
    CsvImportInputs in = sample_inputs();
    replace_once(in.products.bytes, "jc-xiaomi,", "jc-junzao,");   // a duplicate id on row 4
    replace_once(in.products.bytes, "https://example.com/order/jc-hetaoren", "ftp://example.com/x");
    const ImportResult result = import_csv_feed(in);
    CHECK_FALSE(result.ok());
    const auto lines = error_lines(result);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("products.csv:4:1: error: id: ", 0) == 0);
    CHECK(lines[1].rfind("products.csv:10:10: error: order_url: ", 0) == 0);
}

TEST_CASE("Missing columns, empty required cells, unknown headers and a missing event are explained") {
    CsvImportInputs in = sample_inputs();
    replace_once(in.counties.bytes, "id,name_zh,name_en", "编号,名称（中文）,English");
    replace_once(in.products.bytes, "价格（元）", "售价");
    in.schedule->bytes = "编号,标题,开始时间,结束时间\r\nx,,2020-05-16 19:30,2020-05-16 20:30\r\n";
    in.event.bytes.clear();
    const ImportResult result = import_csv_feed(in);
    CHECK_FALSE(result.ok());
    std::vector<std::string> all;
    for (const ImportProblem& p : result.problems) all.push_back(format_import_problem(p));
    INFO(Catch::Detail::stringify(all));
    auto has = [&](const std::string& start) {
        return std::any_of(all.begin(), all.end(), [&](const std::string& l) { return l.rfind(start, 0) == 0; });
    };
    CHECK(has("event.json: error: no event details"));
    CHECK(has("counties.csv:1:3: warning: column \"English\" is not one the import knows"));
    CHECK(has("products.csv:1: error: no column for price_fen: add 价格/price"));
    CHECK(has("products.csv:1:7: warning: column \"售价\""));
    CHECK(has("schedule.csv:2:2: error: 标题/title_zh is empty"));
}

TEST_CASE("Bytes that are no text in the chosen encoding are reported with their line") {
    CsvImportInputs in = sample_inputs("-gb18030");
    in.encoding = TextEncoding::utf8;
    const ImportResult result = import_csv_feed(in);
    const auto lines = error_lines(result);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].rfind("counties.csv:2: error: byte ", 0) == 0);
    CHECK(lines[0].find("is not UTF-8 text") != std::string::npos);
}

// [SECTION] The venue: polygons, the areas sheet, the venue file
namespace {

CsvImportInputs venue_inputs() {
    CsvImportInputs in = sample_inputs();
    in.venue = CsvFileInput{"venue.json", kiosk::test::import_sample("venue.json")};
    in.areas = CsvFileInput{"areas.csv", kiosk::test::import_sample("areas.csv")};
    return in;
}

std::vector<std::string> all_lines(const ImportResult& result) {
    std::vector<std::string> out;
    for (const ImportProblem& p : result.problems) out.push_back(format_import_problem(p));
    return out;
}

} // namespace

TEST_CASE("Polygons are read from \"x1 y1 / x2 y2 / …\" cells (semicolons between points) in metres") {
    std::string en, zh;
    const auto square = parse_polygon("15 5; 38 5；38.5 25;15 -2.25;", en, zh);
    REQUIRE(square);
    CHECK(square->dump() == "[[15.0,5.0],[38.0,5.0],[38.5,25.0],[15.0,-2.25]]");
    CHECK(parse_polygon("8,2; 12, 2", en, zh)->size() == 2);   // fewer than three is the validator's to say
    CHECK_FALSE(parse_polygon("15 5; 38; 38 25", en, zh));
    CHECK(en == "point 2, \"38\", is not \"x y\" in metres; write the outline as \"x1 y1; x2 y2; x3 y3\"");
    CHECK_THAT(zh, Catch::Contains("第 2 个点“38”"));
    CHECK_FALSE(parse_polygon("a b; 1 2; 3 4", en, zh));
    CHECK_FALSE(parse_polygon("1 2 3; 1 2; 3 4", en, zh));
    CHECK_FALSE(parse_polygon("1e3 2; 1 2; 3 4", en, zh));
    CHECK_FALSE(parse_polygon("1. 2; 1 2; 3 4", en, zh));
}

TEST_CASE("An areas sheet and a venue file become the feed's venue, areas from the sheet after the file's") {
    const ImportResult result = import_csv_feed(venue_inputs());
    INFO(Catch::Detail::stringify(all_lines(result)));
    REQUIRE(result.ok());
    const FeedParseResult parsed = parse_feed(result.feed_json);
    REQUIRE(parsed.ok());
    const Venue& venue = parsed.feed->venue;
    REQUIRE(venue.areas.size() == 3);
    CHECK(venue.areas[0].id == "gate");
    const Area* hall = venue.area("main-hall");
    REQUIRE(hall);
    CHECK(hall->kind == AreaKind::hall);   // written 展厅
    CHECK(hall->name.en == "Main hall");
    CHECK(hall->polygon.size() == 4);
    CHECK(hall->polygon[2].x == 38);
    CHECK(hall->door == "n-hall");
    const Area* booth = venue.area("booth-jiaocheng");
    REQUIRE(booth);
    CHECK(booth->kind == AreaKind::booth);
    CHECK(booth->county == "jiaocheng");   // written 交城县
    CHECK(booth->polygon[3].y == 5.5);
    CHECK(booth->search_terms == std::vector<std::string>{"交城山", "jiaochengshan"});
    CHECK(venue.nodes.size() == 4);

    // Counties name their booth, sessions their area, any item its search terms.
    CsvImportInputs in = venue_inputs();
    replace_once(in.counties.bytes, "id,name_zh,name_en,blurb_zh,blurb_en,image", "id,name_zh,name_en,blurb_zh,blurb_en,image,展位");
    replace_once(in.counties.bytes, "speciality foods. The Junzao jujube, one of Shanxi's four famous jujubes, is called the “Queen of Jujubes”.\",",
                 "speciality foods. The Junzao jujube, one of Shanxi's four famous jujubes, is called the “Queen of Jujubes”.\",,booth-jiaocheng");
    replace_once(in.schedule->bytes, "介绍,英文介绍,观看链接", "介绍,英文介绍,观看链接,区域,搜索别名");
    replace_once(in.schedule->bytes, "every county's exhibition hall opens.,", "every county's exhibition hall opens.,,main-hall,开幕、kaimu");
    const ImportResult linked = import_csv_feed(in);
    INFO(Catch::Detail::stringify(all_lines(linked)));
    REQUIRE(linked.ok());
    const FeedParseResult feed = parse_feed(linked.feed_json);
    REQUIRE(feed.ok());
    CHECK(feed.feed->county("jiaocheng")->booth_area == "booth-jiaocheng");
    CHECK(feed.feed->session("opening")->area == "main-hall");
    CHECK(feed.feed->session("opening")->search_terms == std::vector<std::string>{"开幕", "kaimu"});
}

TEST_CASE("Venue problems point at the areas sheet's row and column, or at the venue file's line") {
    CsvImportInputs in = venue_inputs();
    replace_once(in.areas->bytes, "15 5; 38 5; 38 25; 15 25", "15 5; 38 5");    // row 2, column F: two points
    replace_once(in.areas->bytes, "booth,1f", "展台,1f");                       // row 3, column D: no such kind
    replace_once(in.venue->bytes, R"("x": 15, "y": 15, "floor": "1f")", R"("x": 15, "y": 15, "floor": "1F")");
    const ImportResult result = import_csv_feed(in);
    CHECK_FALSE(result.ok());
    const auto lines = error_lines(result);
    INFO(Catch::Detail::stringify(all_lines(result)));
    REQUIRE(lines.size() == 1);   // the kind is a cell error: the feed is not validated yet
    CHECK(lines[0].rfind("areas.csv:3:4: error: 类型/kind: \"展台\" is not an area kind", 0) == 0);

    replace_once(in.areas->bytes, "展台,1f", "booth,1f");
    const ImportResult checked = import_csv_feed(in);
    const auto found = error_lines(checked);
    INFO(Catch::Detail::stringify(all_lines(checked)));
    REQUIRE(found.size() == 2);
    CHECK(found[0] == "areas.csv:2:6: error: polygon: an area's polygon needs at least three points, found 2 | "
                      "polygon：区域的多边形至少需要三个点，实际为 2 个");
    CHECK(found[1].rfind("venue.json:12:49: error: /nodes/2/floor: unknown floor \"1F\"", 0) == 0);
}

TEST_CASE("An areas sheet without a venue file is explained and a feed as the event file keeps its venue") {
    CsvImportInputs in = venue_inputs();
    in.venue.reset();
    const auto lines = error_lines(import_csv_feed(in));
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].rfind("areas.csv: error: an areas sheet needs --venue VENUE.json", 0) == 0);

    // Import once with the venue, then again with the result as the event file and no venue flags.
    const ImportResult first = import_csv_feed(venue_inputs());
    REQUIRE(first.ok());
    CsvImportInputs again = sample_inputs();
    again.event = {"feed.json", first.feed_json};
    const ImportResult second = import_csv_feed(again);
    INFO(Catch::Detail::stringify(all_lines(second)));
    REQUIRE(second.ok());
    CHECK(parse_feed(second.feed_json).feed->venue.areas.size() == 3);
}

// [SECTION] Rows wider than their header
TEST_CASE("A row with more cells than its header says so, naming the likely unquoted comma") {
    CsvImportInputs in = sample_inputs();
    // Row 6: the price written ￥1,280.00 without quotes; row 7: tags 新品,扶贫产品 without quotes.
    replace_once(in.products.bytes, ",128.00,", ",￥1,280.00,");
    replace_once(in.products.bytes, "https://example.com/order/jc-huangjiezi,,,", "https://example.com/order/jc-huangjiezi,新品,扶贫产品,,");
    const ImportResult result = import_csv_feed(in);
    CHECK_FALSE(result.ok());
    const auto lines = error_lines(result);
    INFO(Catch::Detail::stringify(all_lines(result)));
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].rfind("products.csv:6:7: error: row 6 has 17 cells but the header has 16: likely the unquoted "
                         "comma in \"￥1,280.00\" (columns 7 and 8 as read), so every cell after it moved one column "
                         "right.", 0) == 0);
    CHECK_THAT(lines[0], Catch::Contains("第 6 行有 17 个单元格，而表头只有 16 个：很可能是“￥1,280.00”中的逗号没有加引号"));
    CHECK(lines[1].rfind("products.csv:7:17: error: row 7 has 17 cells but the header has 16: a cell holds a comma "
                         "but is not in double quotes", 0) == 0);
    for (const std::string& line : lines) CHECK(line.find("is not yes or no") == std::string::npos);

    // Fewer cells than the header are fine: the missing ones are empty.
    CsvImportInputs short_row = sample_inputs();
    replace_once(short_row.products.bytes, "https://example.com/order/jc-huangjiezi,,,,否,,", "https://example.com/order/jc-huangjiezi");
    const ImportResult fine = import_csv_feed(short_row);
    INFO(Catch::Detail::stringify(all_lines(fine)));
    CHECK(fine.ok());
}
