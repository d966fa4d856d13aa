// The county's airtime_weight: a number above 0 and at most 100, default 1; a bad
// one is an error at its line and column, like every feed field.
#include "base/embedded.h"
#include "feed/validator.h"
#include "validator_support.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

const std::string kAnchor = "\"booth_area\": \"booth-jiaocheng\",";

std::string with_weight(const std::string& weight) {
    return replaced(std::string(*embedded_file("config/demo-feed.json")), kAnchor, kAnchor + " \"airtime_weight\": " + weight + ",");
}

} // namespace

TEST_CASE("feed: a county's airtime_weight is read and defaults to 1") {
    const FeedParseResult r = parse_feed(with_weight("2.5"));
    INFO(listing(r.problems));
    REQUIRE(r.ok());
    CHECK(r.feed->county("jiaocheng")->airtime_weight == 2.5);
    CHECK(r.feed->county("wenshui")->airtime_weight == 1);
}

TEST_CASE("feed: an airtime_weight of 0 or below or above 100 or not a number is an error at its line and column") {
    for (const std::string weight : {"0", "-1", "101", "\"2\""}) {
        INFO(weight);
        const std::string text = with_weight(weight);
        const FeedParseResult r = parse_feed(text);
        CHECK_FALSE(r.ok());
        const auto found = problems_at(r.problems, "/counties/0/airtime_weight", Severity::error);
        REQUIRE(found.size() == 1);
        const auto [line, column] = line_and_column(text, text.find("\"airtime_weight\": " + weight) + 18);
        CHECK(found[0]->line == line);
        CHECK(found[0]->column == column);
    }
}
