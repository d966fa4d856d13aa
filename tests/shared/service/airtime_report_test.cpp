// The airtime report's figures: per county and day from the play log and the
// usage lines, "?" for what is no county's, bad lines named and left out, totals
// exactly the logs' sums; CSV and GB18030.
#include "service/airtime_report.h"

#include "import/text_encoding.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const char* const kPlay =
    "{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-16T20:00:08+08:00\",\"county\":\"jiaocheng\",\"product\":\"jc-junzao\"}\n"
    "{\"from\":\"2020-05-16T20:00:08+08:00\",\"to\":\"2020-05-16T20:00:13+08:00\",\"county\":\"wenshui\",\"product\":\"ws-xiaomi\"}\n"
    "not json\n"
    "\n"
    "{\"from\":\"2020-05-16T20:00:13+08:00\",\"to\":\"2020-05-16T20:00:21+08:00\",\"county\":\"gone\",\"product\":\"gone-1\"}\n";

const char* const kStats =
    "{\"from\":\"2020-05-16T20:00:00+08:00\",\"to\":\"2020-05-16T20:00:15+08:00\",\"screen_views\":{\"product\":3},"
    "\"product_opens\":{\"jc-junzao\":2,\"ws-xiaomi\":1,\"old-product\":4},\"qr_shows\":{\"jc-junzao\":3},\"qr_platforms\":{}}\n"
    "{\"from\":\"2020-05-16T20:00:15+08:00\",\"to\":\"2020-05-16T20:00:30+08:00\",\"product_opens\":{\"jc-junzao\":-1}}\n"
    "{\"from\":\"2020-05-16T20:00:30+08:00\",\"to\":\"2020-05-16T20:00:45+08:00\",\"search_opens\":{\"county:wenshui\":1,"
    "\"product:jc-junzao\":2,\"session:live-lishi\":1,\"session:opening\":1},\"routes\":{\"booth-jiaocheng\":2,\"toilets\":1}}\n";

const ReportRow& row(const AirtimeReport& r, const std::string& date, const std::string& county) {
    for (const ReportRow& x : r.rows)
        if (x.date == date && x.county == county) return x;
    FAIL("no row " << date << " " << county);
    throw;
}

} // namespace

TEST_CASE("airtime report: figures per county and day with bad lines named and the totals the logs' sums") {
    const auto feed = demo_feed();
    ReportBuilder b(*feed);
    b.add_play_file("2020-05-16", "play-2020-05-16.jsonl", kPlay);
    b.add_usage_file("2020-05-16", "stats-2020-05-16.jsonl", kStats);
    const AirtimeReport r = b.finish("2020-05-16", "2020-05-16");
    REQUIRE(r.problems.size() == 2);
    CHECK(r.problems[0] == "play-2020-05-16.jsonl:3: not a JSON object");
    CHECK_THAT(r.problems[1], Catch::StartsWith("stats-2020-05-16.jsonl:2: \"product_opens\"/\"jc-junzao\" is not a count"));

    CHECK(row(r, "2020-05-16", "jiaocheng").figures == CountyFigures{8, 2, 3, 2, 2});
    CHECK(row(r, "2020-05-16", "wenshui").figures == CountyFigures{5, 1, 0, 1, 0});
    CHECK(row(r, "2020-05-16", "lishi").figures == CountyFigures{0, 0, 0, 1, 0});   // its live session searched for
    CHECK(row(r, "2020-05-16", "xingxian").figures == CountyFigures{});             // zero rows too
    CHECK(row(r, "2020-05-16", "gone").figures.attract_seconds == 8);                // the play log's own county
    CHECK(row(r, "2020-05-16", "?").figures == CountyFigures{0, 4, 0, 1, 1});
    CHECK(r.rows.size() == 12);
    CHECK(r.totals == CountyFigures{21, 7, 3, 5, 3});
}

TEST_CASE("airtime report: CSV with a totals line in GB18030 reads back") {
    const auto feed = demo_feed();
    ReportBuilder b(*feed);
    b.add_play_file("2020-05-16", "p", kPlay);
    const std::string csv = format_report_csv(b.finish("2020-05-16", "2020-05-16"));
    CHECK_THAT(csv, Catch::StartsWith("日期 date,县 county,county_id,"));
    CHECK_THAT(csv, Catch::Contains("\r\n2020-05-16,交城县 Jiaocheng County,jiaocheng,8,0,0,0,0\r\n"));
    CHECK_THAT(csv, Catch::EndsWith("\r\n合计 total,,,21,0,0,0,0\r\n"));
    std::string error;
    const auto gb = encode_from_utf8(csv, TextEncoding::gb18030, error);
    REQUIRE(gb);
    CHECK(gb->find("\xBD\xBB\xB3\xC7") != std::string::npos);   // 交城 in GB18030
    CHECK(decode_to_utf8(*gb, TextEncoding::gb18030).utf8 == csv);
    CHECK_FALSE(encode_from_utf8("\xFF\xFE", TextEncoding::gb18030, error));
}
