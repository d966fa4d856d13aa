// The benchmark's generated feeds: valid for parse_feed at every size, with
// the counties, schedule, live stats and variety a real catalogue has.
#include "feed_generator.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>

#include <set>

using namespace kiosk;
using namespace kiosk::bench;

namespace {

FeedParseResult parse_generated(int products, bool one_county = false) {
    FeedGeneratorOptions g;
    g.products = products;
    g.one_county = one_county;
    return parse_feed(generate_feed(g));
}

std::string problems_of(const FeedParseResult& r) {
    std::string out;
    for (const Problem& p : r.problems) out += format_problem("generated", p) + "\n";
    return out;
}

} // namespace

TEST_CASE("generated feeds of 40, 2000 and 10000 products parse with no errors and only the no-image warnings") {
    for (int products : {40, 2000, 10000}) {
        const FeedParseResult r = parse_generated(products);
        INFO(products << " products:\n" << problems_of(r));
        REQUIRE(r.ok());
        CHECK(r.count(Severity::error) == 0);
        for (const Problem& p : r.problems) CHECK_THAT(p.message_en, Catch::Contains("no image"));
        CHECK(r.feed->products.size() == static_cast<std::size_t>(products));
    }
}

TEST_CASE("a generated feed has the 13 counties each with products and a 5-day schedule with a live sale per county") {
    const FeedParseResult r = parse_generated(40);
    REQUIRE(r.ok());
    const Feed& f = *r.feed;
    CHECK(f.counties.size() == 13);
    for (const County& c : f.counties) CHECK(f.products_of(c.id).size() >= 3);
    std::set<int> days;
    std::set<std::string> live_counties;
    for (const Session& s : f.schedule) {
        int year, month, day;
        civil_from_days((s.start.unix_seconds + s.start.offset_minutes * 60) / 86400, year, month, day);
        days.insert(year * 10000 + month * 100 + day);
        if (s.kind == SessionKind::live_stream) live_counties.insert(s.county);
    }
    CHECK(days == std::set<int>{20200515, 20200516, 20200517, 20200518, 20200519});
    CHECK(live_counties.size() == 13);
    CHECK(f.event.first_day == "2020-05-15");
    CHECK(f.event.last_day == "2020-05-19");
    REQUIRE(f.live.sessions.size() == 13);
    for (const SessionLive& s : f.live.sessions) {
        CHECK(s.platforms.size() >= 3);
        CHECK(!s.top_products.empty());
    }
}

TEST_CASE("one-county feeds put every requested product in 交城县") {
    FeedGeneratorOptions g;
    g.products = 2000;
    g.one_county = true;
    const FeedParseResult r = parse_feed(generate_feed(g));
    INFO(problems_of(r));
    REQUIRE(r.ok());
    CHECK(r.feed->products_of("jiaocheng").size() == 2000);
    CHECK(r.feed->products_of("wenshui").size() == 3);
    CHECK(r.feed->products.size() == static_cast<std::size_t>(generated_product_count(g)));
}

TEST_CASE("generated products have varied Chinese and English names, producers and descriptions") {
    const FeedParseResult r = parse_generated(2000);
    REQUIRE(r.ok());
    std::set<std::string> names_zh, names_en, producers, descriptions, units;
    for (const Product& p : r.feed->products) {
        names_zh.insert(p.name.zh);
        names_en.insert(p.name.en);
        producers.insert(p.producer.zh);
        descriptions.insert(p.description.zh);
        units.insert(p.unit.zh);
        CHECK(p.price_fen > 0);
        CHECK(p.name.zh.find("?") == std::string::npos);
        CHECK_FALSE(p.description.en.empty());
    }
    CHECK(names_zh.size() > 1000);
    CHECK(names_en.size() == names_zh.size());
    CHECK(producers.size() > 300);
    CHECK(descriptions.size() > 1000);
    CHECK(units.size() >= 25);
}

TEST_CASE("the same options give the same feed and another seed another one") {
    FeedGeneratorOptions g;
    g.products = 200;
    const std::string a = generate_feed(g);
    CHECK(generate_feed(g) == a);
    g.seed += 1;
    CHECK(generate_feed(g) != a);
}
