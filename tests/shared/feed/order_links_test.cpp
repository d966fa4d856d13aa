// [order links] The order platform table (host inference by suffix on a parsed
// host), and what the validator says about order_url and order_links.
#include "base/embedded.h"
#include "feed/order_platforms.h"
#include "feed/validator.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>
#include <sstream>

using namespace kiosk;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

// tests/data/feed-small.json with jc-jujube's order_url line replaced by `lines`.
std::string jujube_with(const std::string& lines) {
    std::string text = read_file(TEST_DATA_DIR "/feed-small.json");
    const std::string from = "\"order_url\": \"https://shop.example.com/p/jc-jujube\",";
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), lines);
}

std::string listing(const std::vector<Problem>& problems) {
    std::string out;
    for (const Problem& p : problems) out += format_problem("feed", p) + "\n";
    return out;
}

std::vector<Problem> problems_at(const FeedParseResult& result, const std::string& pointer, Severity severity) {
    std::vector<Problem> out;
    for (const Problem& p : result.problems)
        if (p.pointer == pointer && p.severity == severity) out.push_back(p);
    return out;
}

std::string platform_of(std::string_view url) { return std::string(platform_of_link({}, url).id); }

} // namespace

TEST_CASE("order platforms: a link's platform comes from its parsed host by suffix", "[order_links]") {
    CHECK(platform_of("https://item.taobao.com/item.htm?id=1") == "taobao");
    CHECK(platform_of("https://taobao.com/") == "taobao");
    CHECK(platform_of("https://m.tb.cn/h.abc") == "taobao");
    CHECK(platform_of("https://detail.tmall.com/item.htm?id=2") == "tmall");
    CHECK(platform_of("https://item.jd.com/100.html") == "jd");
    CHECK(platform_of("https://mobile.yangkeduo.com/goods.html?goods_id=3") == "pinduoduo");
    CHECK(platform_of("https://www.pinduoduo.com/x") == "pinduoduo");
    CHECK(platform_of("https://v.douyin.com/abc/") == "douyin");
    CHECK(platform_of("https://www.kuaishou.com/short-video/1") == "kuaishou");
    CHECK(platform_of("https://mp.weixin.qq.com/s/abc") == "wechat");
    CHECK(platform_of("HTTPS://ITEM.JD.COM:443/1.html") == "jd");   // scheme and host in capitals, a port
    CHECK(platform_of("https://item.jd.com./1.html") == "jd");      // a fully qualified name
    CHECK(platform_of("https://shop.example.com/p/1") == "web");

    // Substrings are not hosts.
    CHECK(platform_of("https://evil-taobao.com.example/x") == "web");
    CHECK(platform_of("https://taobao.com.evil.example/x") == "web");
    CHECK(platform_of("https://nottaobao.com/x") == "web");
    CHECK(platform_of("https://evil.example/taobao.com") == "web");
    CHECK(platform_of("https://evil.example/?u=https://item.taobao.com") == "web");
    CHECK(platform_of("https://evil.example#taobao.com") == "web");
    CHECK(platform_of("https://item.taobao.com@evil.example/x") == "web");   // user info, then the real host
    CHECK(platform_of("https://evil.example\\@item.taobao.com/") == "web");
    CHECK(platform_of("https://qq.com/x") == "web");   // WeChat is weixin.qq.com, not all of qq.com
    CHECK(platform_of("https://[::1]/taobao.com") == "web");
    CHECK(platform_of("ftp://item.taobao.com/") == "web");

    // A platform given in the feed wins over the host; an unknown one does not count.
    CHECK(platform_of_link("jd", "https://example.com/x").id == "jd");
    CHECK(platform_of_link("nope", "https://item.jd.com/1").id == "jd");
}

TEST_CASE("order platforms: url_host parses scheme user info port and case", "[order_links]") {
    CHECK(url_host("https://User:pw@Shop.Example.COM:8443/p?q#f") == std::optional<std::string>("shop.example.com"));
    CHECK(url_host("http://a.b") == std::optional<std::string>("a.b"));
    CHECK_FALSE(url_host("https:///path"));
    CHECK_FALSE(url_host("https://"));
    CHECK_FALSE(url_host("mailto:a@b.c"));
    CHECK_FALSE(url_host(""));
    CHECK(is_placeholder_host("shop.example.com"));
    CHECK(is_placeholder_host("evil-taobao.com.example"));
    CHECK_FALSE(is_placeholder_host("example.com.cn"));
    CHECK_FALSE(is_placeholder_host("myexample.com"));
}

TEST_CASE("order platforms: the table has one entry per id with names and hosts and matches the schema", "[order_links]") {
    std::set<std::string_view> ids;
    for (const OrderPlatform& p : order_platforms()) {
        INFO(p.id);
        CHECK(ids.insert(p.id).second);
        CHECK_FALSE(p.name_zh.empty());
        CHECK_FALSE(p.name_en.empty());
        CHECK(p.is_browser() == (p.id == kWebPlatform));
        CHECK(p.hosts.empty() == (p.id == kWebPlatform));
        for (std::string_view host : p.hosts) CHECK(platform_of_host(host) == &p);   // no host shadows another
    }
    const auto schema = nlohmann::json::parse(*embedded_file("config/feed.schema.json"));
    std::set<std::string_view> in_schema;
    for (const auto& id : schema["definitions"]["order_link"]["properties"]["platform"]["enum"])
        in_schema.insert(id.get_ref<const std::string&>());
    CHECK(in_schema == ids);
}

TEST_CASE("order links: several links become the product's tabs in feed order", "[order_links]") {
    const FeedParseResult result = parse_feed(jujube_with(R"("order_links": [
        {"platform": "taobao", "url": "https://item.taobao.com/item.htm?id=1"},
        {"url": "https://item.jd.com/2.html"},
        {"platform": "wechat", "url": "https://shop.example.com/mini/3"}
      ],)"));
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    const Product* p = result.feed->product("jc-jujube");
    REQUIRE(p);
    REQUIRE(p->order_links.size() == 3);
    CHECK(p->order_links[0] == OrderLink{"taobao", "https://item.taobao.com/item.htm?id=1"});
    CHECK(p->order_links[1] == OrderLink{"jd", "https://item.jd.com/2.html"});
    CHECK(p->order_links[2] == OrderLink{"wechat", "https://shop.example.com/mini/3"});
    CHECK(p->order_url.empty());
    CHECK(problems_at(result, "/products/0/order_links/2/url", Severity::warning).empty());   // a placeholder host

    // order_url alone is one link, its platform from its host.
    const FeedParseResult single = parse_feed(jujube_with(R"("order_url": "https://m.tb.cn/h.x",)"));
    REQUIRE(single.ok());
    REQUIRE(single.feed->product("jc-jujube")->order_links.size() == 1);
    CHECK(single.feed->product("jc-jujube")->order_links[0] == OrderLink{"taobao", "https://m.tb.cn/h.x"});
}

TEST_CASE("order links: a bad URL an unknown platform and a repeated platform are errors at line and column", "[order_links]") {
    const std::string text = jujube_with(R"("order_links": [
        {"platform": "taobao", "url": "ftp://item.taobao.com/1"},
        {"platform": "amazon", "url": "https://amazon.example/2"},
        {"platform": "jd", "url": "https://item.jd.com/3.html"},
        {"url": "https://item.jd.com/4.html"}
      ],)");
    const FeedParseResult result = parse_feed(text);
    INFO(listing(result.problems));
    CHECK_FALSE(result.ok());
    CHECK(result.count(Severity::error) == 3);

    const auto bad_url = problems_at(result, "/products/0/order_links/0/url", Severity::error);
    REQUIRE(bad_url.size() == 1);
    CHECK(bad_url[0].line == 54);
    CHECK(bad_url[0].column == 39);
    CHECK_THAT(bad_url[0].message_en, Catch::Contains("not a web address: \"ftp://item.taobao.com/1\""));
    CHECK_THAT(bad_url[0].message_zh, Catch::Contains("网址无效"));

    const auto unknown = problems_at(result, "/products/0/order_links/1/platform", Severity::error);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].line == 55);
    CHECK(unknown[0].column == 22);
    CHECK_THAT(unknown[0].message_en, Catch::Contains("must be one of taobao, tmall, jd, pinduoduo, douyin, kuaishou, wechat, web; found \"amazon\""));
    CHECK_THAT(unknown[0].message_zh, Catch::Contains("应为以下之一"));

    const auto twice = problems_at(result, "/products/0/order_links/3", Severity::error);
    REQUIRE(twice.size() == 1);
    CHECK(twice[0].line == 57);
    CHECK(twice[0].column == 9);
    CHECK_THAT(twice[0].message_en, Catch::Contains("a second order link for JD (jd) (first at /products/0/order_links/2)"));
    CHECK_THAT(twice[0].message_zh, Catch::Contains("京东（jd）的下单链接重复"));
}

TEST_CASE("order links: kiosk check warns about hosts of no platform and a product with http links only", "[order_links]") {
    const FeedParseResult result = parse_feed(jujube_with(R"("order_links": [
        {"platform": "taobao", "url": "https://shop.lvliang-farm.cn/1"},
        {"platform": "pinduoduo", "url": "https://evil-taobao.com.example/2"},
        {"url": "https://item.jd.com/3.html"},
        {"platform": "douyin", "url": "https://item.jd.com/4.html"},
        {"platform": "web", "url": "https://shop.lvliang-farm.cn/5"}
      ],
      "order_url": "https://elsewhere.example/6",)"));
    INFO(listing(result.problems));
    REQUIRE(result.ok());   // warnings only

    const auto unknown = problems_at(result, "/products/0/order_links/0/url", Severity::warning);
    REQUIRE(unknown.size() == 1);
    CHECK(unknown[0].line == 54);
    CHECK_THAT(unknown[0].message_en, Catch::Contains("the host \"shop.lvliang-farm.cn\" belongs to no known order platform"));
    CHECK_THAT(unknown[0].message_zh, Catch::Contains("不属于任何已知的下单平台"));
    CHECK(problems_at(result, "/products/0/order_links/1/url", Severity::warning).empty());   // a reserved example name
    CHECK(problems_at(result, "/products/0/order_links/2/url", Severity::warning).empty());
    CHECK(problems_at(result, "/products/0/order_links/4/url", Severity::warning).empty());   // "web" says a browser is right
    const auto mismatch = problems_at(result, "/products/0/order_links/3/url", Severity::warning);
    REQUIRE(mismatch.size() == 1);
    CHECK_THAT(mismatch[0].message_en, Catch::Contains("belongs to JD (jd), but the link says Douyin (douyin)"));
    const auto not_shown = problems_at(result, "/products/0/order_url", Severity::warning);
    REQUIRE(not_shown.size() == 1);
    CHECK_THAT(not_shown[0].message_en, Catch::Contains("order_url is not one of order_links"));

    CHECK(problems_at(result, "/products/1/order_url", Severity::warning).empty());   // https

    // A product whose only link is http: warned, at that link.
    const FeedParseResult http_only = parse_feed(jujube_with(R"("order_url": "http://item.taobao.com/1",)"));
    REQUIRE(http_only.ok());
    const auto http = problems_at(http_only, "/products/0/order_url", Severity::warning);
    REQUIRE(http.size() == 1);
    CHECK(http[0].line == 53);
    CHECK(http[0].column == 20);
    CHECK_THAT(http[0].message_en, Catch::Contains("the product's only order link is http://"));
    CHECK_THAT(http[0].message_zh, Catch::Contains("唯一的下单链接是 http://"));

    // An https link beside the http one: no warning.
    const FeedParseResult mixed = parse_feed(jujube_with(R"("order_links": [
        {"url": "http://item.taobao.com/1"}, {"url": "https://item.jd.com/2.html"}],)"));
    REQUIRE(mixed.ok());
    CHECK(problems_at(mixed, "/products/0/order_links/0/url", Severity::warning).empty());
    const FeedParseResult all_http = parse_feed(jujube_with(R"("order_links": [
        {"url": "http://item.taobao.com/1"}, {"url": "http://item.jd.com/2.html"}],)"));
    REQUIRE(all_http.ok());
    REQUIRE(problems_at(all_http, "/products/0/order_links/0/url", Severity::warning).size() == 1);
    CHECK_THAT(problems_at(all_http, "/products/0/order_links/0/url", Severity::warning)[0].message_en,
               Catch::Contains("none of the product's order links is https://"));
}

TEST_CASE("order links: many links on unknown hosts make one warning", "[order_links]") {
    std::string links = "\"order_links\": [";
    for (int i = 0; i < 7; ++i) {
        static const char* kPlatforms[] = {"taobao", "tmall", "jd", "pinduoduo", "douyin", "kuaishou", "wechat"};
        links += std::string(i ? ", " : "") + "{\"platform\": \"" + kPlatforms[i] + "\", \"url\": \"https://s" +
                 std::to_string(i) + ".farm.cn/x\"}";
    }
    const FeedParseResult result = parse_feed(jujube_with(links + "],"));
    INFO(listing(result.problems));
    REQUIRE(result.ok());
    const auto many = problems_at(result, "/products", Severity::warning);
    REQUIRE(many.size() == 1);
    CHECK_THAT(many[0].message_en, Catch::Contains("7 order links are on hosts of no known order platform (s0.farm.cn, s1.farm.cn, s2.farm.cn, s3.farm.cn, s4.farm.cn and 2 more)"));
    CHECK(problems_at(result, "/products/0/order_links/0/url", Severity::warning).empty());
}

TEST_CASE("order links: the demo feed sells Jiaocheng's products on several platforms", "[order_links]") {
    const FeedParseResult result = parse_feed(*embedded_file("config/demo-feed.json"));
    REQUIRE(result.ok());
    int several = 0;
    for (const Product& p : result.feed->products) {
        if (p.county == "jiaocheng") {
            CHECK(p.order_links.size() >= 2);
            several += p.order_links.size() >= 2;
            for (const OrderLink& link : p.order_links) CHECK_THAT(link.url, Catch::Contains("example.com/sample/"));
        }
    }
    CHECK(several == 10);
    for (const Problem& p : result.problems) CHECK_THAT(p.pointer, !Catch::Contains("order_"));
}
