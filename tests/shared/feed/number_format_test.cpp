#include "feed/number_format.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>

using namespace kiosk;

TEST_CASE("format_money_fen writes yuan with cents and separators", "[number_format]") {
    CHECK(format_money_fen(6800) == "¥68.00");
    CHECK(format_money_fen(128050) == "¥1,280.50");
    CHECK(format_money_fen(5) == "¥0.05");
    CHECK(format_money_fen(0) == "¥0.00");
    CHECK(format_money_fen(123456789012) == "¥1,234,567,890.12");
    CHECK(format_money_fen(-320) == "-¥3.20");
    CHECK(format_money_fen(-5) == "-¥0.05");
    CHECK(format_money_fen(std::numeric_limits<std::int64_t>::min()) == "-¥92,233,720,368,547,758.08");
}

TEST_CASE("format_count groups by three", "[number_format]") {
    CHECK(format_count(1101400, Lang::zh) == "1,101,400");
    CHECK(format_count(1101400, Lang::en) == "1,101,400");
    CHECK(format_count(0, Lang::zh) == "0");
    CHECK(format_count(999, Lang::zh) == "999");
    CHECK(format_count(1000, Lang::zh) == "1,000");
    CHECK(format_count(100000, Lang::en) == "100,000");
    CHECK(format_count(-1234567, Lang::en) == "-1,234,567");
    CHECK(format_count(std::numeric_limits<std::int64_t>::max(), Lang::en) == "9,223,372,036,854,775,807");
}

TEST_CASE("format_big in Chinese uses 万 and 亿 with at most two decimals", "[number_format]") {
    CHECK(format_big(0, Lang::zh) == "0");
    CHECK(format_big(9999, Lang::zh) == "9,999");
    CHECK(format_big(10000, Lang::zh) == "1万");
    CHECK(format_big(1101400, Lang::zh) == "110.14万");
    CHECK(format_big(160000, Lang::zh) == "16万");
    CHECK(format_big(165000, Lang::zh) == "16.5万");
    CHECK(format_big(12345, Lang::zh) == "1.23万");
    CHECK(format_big(12350, Lang::zh) == "1.24万");   // half rounds up, exactly
    CHECK(format_big(12349, Lang::zh) == "1.23万");
    CHECK(format_big(12345678, Lang::zh) == "1,234.57万");
    CHECK(format_big(99999999, Lang::zh) == "1亿");   // rounds into the next unit
    CHECK(format_big(120000000, Lang::zh) == "1.2亿");
    CHECK(format_big(123456789, Lang::zh) == "1.23亿");
    CHECK(format_big(1234567890123, Lang::zh) == "12,345.68亿");
    CHECK(format_big(-1101400, Lang::zh) == "-110.14万");
    CHECK(format_big(std::numeric_limits<std::int64_t>::min(), Lang::zh) == "-92,233,720,368.55亿");
}

TEST_CASE("format_big in English keeps three significant digits", "[number_format]") {
    CHECK(format_big(999, Lang::en) == "999");
    CHECK(format_big(1000, Lang::en) == "1.00K");
    CHECK(format_big(1234, Lang::en) == "1.23K");
    CHECK(format_big(12345, Lang::en) == "12.3K");
    CHECK(format_big(160000, Lang::en) == "160K");
    CHECK(format_big(1101400, Lang::en) == "1.10M");
    CHECK(format_big(9995, Lang::en) == "10.0K");      // the extra digit drops a decimal
    CHECK(format_big(99950, Lang::en) == "100K");
    CHECK(format_big(999500, Lang::en) == "1.00M");    // and moves to the next unit
    CHECK(format_big(999499, Lang::en) == "999K");
    CHECK(format_big(2500000000, Lang::en) == "2.50B");
    CHECK(format_big(1234567890123, Lang::en) == "1,235B");
    CHECK(format_big(-160000, Lang::en) == "-160K");
}

TEST_CASE("format_big_money_fen abbreviates revenue and keeps cents below the first unit", "[number_format]") {
    CHECK(format_big_money_fen(35200000, Lang::zh) == "¥35.2万");
    CHECK(format_big_money_fen(35200000, Lang::en) == "¥352K");
    CHECK(format_big_money_fen(999950, Lang::zh) == "¥9,999.50");
    CHECK(format_big_money_fen(1000000, Lang::zh) == "¥1万");
    CHECK(format_big_money_fen(99950, Lang::en) == "¥999.50");
    CHECK(format_big_money_fen(100000, Lang::en) == "¥1.00K");
    CHECK(format_big_money_fen(12345678900, Lang::zh) == "¥1.23亿");
    CHECK(format_big_money_fen(12345678900, Lang::en) == "¥123M");
    CHECK(format_big_money_fen(1234567890000, Lang::zh) == "¥123.46亿");
    CHECK(format_big_money_fen(1234567890000, Lang::en) == "¥12.3B");
    CHECK(format_big_money_fen(11014000 * 100LL + 49, Lang::zh) == "¥1,101.4万");
    CHECK(format_big_money_fen(-35200000, Lang::zh) == "-¥35.2万");
}
