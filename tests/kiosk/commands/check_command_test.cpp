#include "commands/check_command.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace kiosk;

namespace {

struct CheckRun {
    int exit_code;
    std::string out;
    std::string err;
};

CheckRun run_check(const std::vector<std::string>& paths) {
    std::ostringstream out, err;
    const int code = check_feed_files(paths, out, err);
    return {code, out.str(), err.str()};
}

const std::string kData = TEST_DATA_DIR;

} // namespace

TEST_CASE("kiosk check: a valid feed exits 0", "[feed_check]") {
    const CheckRun run = run_check({kData + "/feed-small.json"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "1 file: 1 valid, 0 invalid; 0 errors, 0 warnings\n");
    CHECK(run.err.empty());
}

TEST_CASE("kiosk check: an invalid feed exits 1 and prints file:line:col lines", "[feed_check]") {
    const std::string broken = kData + "/broken/02-price-as-string.json";
    const CheckRun run = run_check({kData + "/feed-small.json", broken});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Catch::StartsWith(broken + ":50:20: error: /products/0/price_fen: wrong type: expected an "
                                                   "integer, found a string \"39.80\" | 类型错误：应为整数"));
    CHECK_THAT(run.out, Catch::EndsWith("\n2 files: 1 valid, 1 invalid; 1 error, 0 warnings\n"));
}

TEST_CASE("kiosk check: warnings alone keep exit 0", "[feed_check]") {
    const std::string path = kData + "/feed-warnings.json";
    const CheckRun run = run_check({path});
    CHECK(run.exit_code == 0);
    CHECK(run.out == path + ":38:5: warning: /counties/1: the county has no image; a placeholder is shown | "
                            "该县区没有图片，将显示占位图\n" +
                     path + ":64:19: warning: /products/1/sold_out: a featured product is sold out | 推荐商品已售罄\n"
                            "1 file: 1 valid, 0 invalid; 0 errors, 2 warnings\n");
}

TEST_CASE("kiosk check: a missing section is reported once", "[feed_check]") {
    const CheckRun run = run_check({kData + "/broken/31-products-renamed.json"});
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.out, Catch::Contains(":1:1: error: missing required field \"products\""));
    CHECK_THAT(run.out, Catch::Contains(":44:12: warning: /goods: unknown field \"goods\""));
    // No "county has no products" or "unknown product" on top of the missing section.
    CHECK_THAT(run.out, Catch::EndsWith("1 file: 0 valid, 1 invalid; 1 error, 1 warning\n"));
}

TEST_CASE("kiosk check: a live-stats document is checked as one", "[feed_check]") {
    const CheckRun run = run_check({kData + "/live-small.json"});
    CHECK(run.exit_code == 0);
    CHECK(run.out == "1 file: 1 valid, 0 invalid; 0 errors, 0 warnings\n");
}

TEST_CASE("kiosk check: a file that cannot be read exits 2", "[feed_check]") {
    const CheckRun missing = run_check({kData + "/feed-small.json", kData + "/no-such-feed.json"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("no-such-feed.json: error: cannot read: No such file or directory"));
    CHECK_THAT(missing.out, Catch::EndsWith("2 files: 1 valid, 0 invalid, 1 unreadable; 0 errors, 0 warnings\n"));

    const CheckRun directory = run_check({kData + "/broken", kData + "/broken/01-missing-comma.json"});
    CHECK(directory.exit_code == 2);   // unreadable wins over invalid
    CHECK_THAT(directory.err, Catch::Contains("is a directory"));

    CHECK(run_check({}).exit_code == 2);
}
