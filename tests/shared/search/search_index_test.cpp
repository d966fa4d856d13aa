#include "search/search_index.h"

#include "base/embedded.h"
#include "feed/validator.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace kiosk;

namespace {

std::shared_ptr<const Feed> demo() {
    static const FeedParseResult parsed = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(parsed.ok());
    return parsed.feed;
}

std::vector<std::string> ids(const SearchResults& r, SearchKind kind) {
    std::vector<std::string> out;
    for (const SearchHit& hit : r.of(kind)) out.emplace_back(hit.id);
    return out;
}

std::string first(const SearchResults& r, SearchKind kind) {
    return r.of(kind).empty() ? std::string("(none)") : std::string(r.of(kind).front().id);
}

bool has(const std::vector<std::string>& v, const std::string& id) { return std::find(v.begin(), v.end(), id) != v.end(); }

Product product(std::string id, LocalizedText name, std::vector<std::string> terms = {}) {
    Product p;
    p.id = std::move(id);
    p.county = "c";
    p.name = std::move(name);
    p.search_terms = std::move(terms);
    return p;
}

} // namespace

TEST_CASE("pinyin initials jcjz find 交城骏枣 first in the demo feed") {
    const SearchIndex index(*demo());
    REQUIRE(index.error().empty());
    const SearchResults r = index.find("jcjz");
    CHECK(r.query == "jcjz");
    CHECK(ids(r, SearchKind::product) == std::vector<std::string>{"jc-junzao", "jc-junzao-gift"});   // the whole name first
    CHECK(r.of(SearchKind::county).empty());
    CHECK(r.of(SearchKind::session).empty());
}

TEST_CASE("pinyin syllable prefixes find names that start with them above names that contain them") {
    const SearchIndex index(*demo());
    const SearchResults r = index.find("jiaoc");
    CHECK(first(r, SearchKind::county) == "jiaocheng");                    // 交城县
    CHECK(first(r, SearchKind::session) == "live-jiaocheng");              // 交城直播专场
    const auto products = ids(r, SearchKind::product);
    REQUIRE(products.size() >= 3);
    // 交城骏枣, 交城骏枣 礼盒装 and 交城五香调料面 start with 交城; nothing starting otherwise comes before them.
    const std::vector<std::string> top(products.begin(), products.begin() + 3);
    CHECK(has(top, "jc-junzao"));
    CHECK(has(top, "jc-junzao-gift"));
    CHECK(has(top, "jc-tiaoliaomian"));
    CHECK(first(index.find("jiaochengj"), SearchKind::product) == "jc-junzao");
    CHECK(first(index.find("jiaochengjunzao"), SearchKind::product) == "jc-junzao");
    CHECK(first(index.find("jiaochengjz"), SearchKind::product) == "jc-junzao");   // syllables and initials mixed
    // 区域公共品牌建设：以“交城山”为例 has 交城 inside its title: found, after the session that starts with it.
    CHECK(ids(r, SearchKind::session) == std::vector<std::string>{"live-jiaocheng", "talk-publicbrand"});
}

TEST_CASE("English words are found by their start: names starting with them first") {
    const SearchIndex index(*demo());
    const auto millet = ids(index.find("millet"), SearchKind::product);
    CHECK(has(millet, "jc-xiaomi"));   // Valley yellow millet
    CHECK(has(millet, "ws-xiaomi"));   // Wenshui millet
    CHECK(first(index.find("walnut"), SearchKind::product) == "jc-hetaoren");   // Walnut kernels, before …thin-shell walnuts
    const auto honey = ids(index.find("honey"), SearchKind::product);
    CHECK(honey == std::vector<std::string>{"jc-meiguijiu", "lx-zaohuami"});   // Honey rose wine, then Jujube-blossom honey
    CHECK(first(index.find("wenshui"), SearchKind::county) == "wenshui");
    CHECK(first(index.find("closing"), SearchKind::session) == "closing");
}

TEST_CASE("search_terms find an item by an alias or another reading below a name that says the same") {
    auto feed = test::test_event_feed();
    feed->products.push_back(product("changzhi-vinegar", {"长治老陈醋", "Changzhi aged vinegar"}, {"changzhi", "老醋"}));
    feed->products.push_back(product("bank", {"银行卡", "Bank card"}));
    feed->products.push_back(product("alias-only", {"特产", "Local speciality"}, {"dazao"}));
    feed->products.push_back(product("named", {"大枣", "Big jujubes"}));
    const SearchIndex index(*feed);
    CHECK(first(index.find("zhangzhi"), SearchKind::product) == "changzhi-vinegar");   // ICU's one reading of 长
    CHECK(first(index.find("czlcc"), SearchKind::product) == "(none)");               // …so the initials of changzhi need…
    CHECK(first(index.find("changzhi"), SearchKind::product) == "changzhi-vinegar");   // …the term, or the English name
    CHECK(first(index.find("laocu"), SearchKind::product) == "changzhi-vinegar");      // a Chinese term reads as pinyin
    CHECK(first(index.find("yinhang"), SearchKind::product) == "(none)");              // no term: the other reading is not found
    CHECK(ids(index.find("dazao"), SearchKind::product) == std::vector<std::string>{"named", "alias-only"});
}

TEST_CASE("counties and sessions and venue areas are found each kind apart") {
    auto feed = test::test_event_feed();
    County county;
    county.id = "wenshui";
    county.name = {"文水县", "Wenshui County"};
    feed->counties.push_back(county);
    Session session;
    session.id = "live-wenshui";
    session.title = {"文水直播专场", "Wenshui live sale"};
    feed->schedule.push_back(session);
    Area area;
    area.id = "ws-studio";
    area.name = {"文水展厅 直播间", "Wenshui hall, live studio"};
    area.search_terms = {"studio"};
    feed->venue.areas.push_back(area);
    Area lift;
    lift.id = "lift-1";
    lift.name = {"电梯", "Lift"};
    lift.search_terms = {"elevator"};
    feed->venue.areas.push_back(lift);
    const SearchIndex index(*feed);
    CHECK(index.items() == 4);
    const SearchResults r = index.find("wens");
    CHECK(ids(r, SearchKind::county) == std::vector<std::string>{"wenshui"});
    CHECK(ids(r, SearchKind::session) == std::vector<std::string>{"live-wenshui"});
    CHECK(ids(r, SearchKind::area) == std::vector<std::string>{"ws-studio"});
    CHECK(r.of(SearchKind::product).empty());
    CHECK(ids(index.find("wszt"), SearchKind::area) == std::vector<std::string>{"ws-studio"});
    CHECK(ids(index.find("elev"), SearchKind::area) == std::vector<std::string>{"lift-1"});
}

TEST_CASE("ü is typed as u or as v") {
    auto feed = test::test_event_feed();
    feed->products.push_back(product("lvliang", {"吕梁小米", ""}));
    const SearchIndex index(*feed);
    CHECK(first(index.find("luliang"), SearchKind::product) == "lvliang");
    CHECK(first(index.find("lvliang"), SearchKind::product) == "lvliang");
    CHECK(first(index.find("llxm"), SearchKind::product) == "lvliang");
}

TEST_CASE("an empty query or one of only non-letters finds nothing") {
    const SearchIndex index(*demo());
    for (const char* typed : {"", " ", "交城", "!!!", "\xff\xfe", "·、"}) {
        INFO("typed: " << typed);
        const SearchResults r = index.find(typed);
        CHECK(r.query.empty());
        CHECK(r.empty());
        CHECK(r.total == std::array<std::size_t, kSearchKinds>{});
    }
}

TEST_CASE("what the query holds: letters lowercased and digits kept and anything else dropped up to 32") {
    CHECK(normalize_query("J-C J Z") == "jcjz");
    CHECK(normalize_query("交城jcjz骏枣") == "jcjz");
    CHECK(normalize_query("Baijiu 42") == "baijiu42");
    CHECK(normalize_query(std::string(100, 'a')) == std::string(kMaxQueryLength, 'a'));
    const SearchIndex index(*demo());
    CHECK(first(index.find("J C J Z"), SearchKind::product) == "jc-junzao");
    CHECK(first(index.find("42"), SearchKind::product) == "fy-baijiu");   // 清香型白酒 42度: inside the name
}

TEST_CASE("a query that matches nothing gives empty groups") {
    const SearchIndex index(*demo());
    for (const char* typed : {"qqqq", "zzzzzzzzzz", "jcjzx", "xyzzy", "0000"}) {
        INFO("typed: " << typed);
        const SearchResults r = index.find(typed);
        CHECK_FALSE(r.query.empty());
        CHECK(r.empty());
    }
}

TEST_CASE("each kind is cut at the limit and the total says how many matched") {
    auto feed = test::test_event_feed();
    for (int i = 0; i < 120; ++i)
        feed->products.push_back(product("p" + std::to_string(i), {"红枣 " + std::to_string(i), "Jujubes " + std::to_string(i)}));
    const SearchIndex index(*feed);
    const SearchResults r = index.find("hz", 25);
    CHECK(r.of(SearchKind::product).size() == 25);
    CHECK(r.total[0] == 120);
    CHECK(first(r, SearchKind::product) == "p0");   // equal standing: feed order
    CHECK(ids(index.find("hongzao7", 200), SearchKind::product) == std::vector<std::string>{"p7", "p70", "p71", "p72", "p73", "p74", "p75", "p76", "p77", "p78", "p79"});
}

TEST_CASE("a name built to make matching slow is searched in time linear in its words") {
    auto feed = test::test_event_feed();
    std::string many;
    for (int i = 0; i < 500; ++i) many += "aaaa ";
    feed->products.push_back(product("hostile", {many, many}, {many}));
    const SearchIndex index(*feed);
    // Every word can give 1–4 letters of the query: without sharing the splits this is 4^n tries.
    CHECK(index.find(std::string(31, 'a') + "b").empty());
    CHECK(first(index.find(std::string(32, 'a')), SearchKind::product) == "hostile");
}
