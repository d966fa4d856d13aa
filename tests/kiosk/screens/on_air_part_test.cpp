// The on-air card's order code (issue 16): the product page's first order link,
// captioned with the app to scan it with; none for a sold-out product or one
// without an https link. By screenshot: Home and the live screen carry the demo's
// on-air code (the session page's is read in schedule_test.cpp).
#include "screens/on_air_part.h"

#include "run_kiosk.h"
#include "temp_dir.h"
#include "test_feeds.h"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::test;

namespace {

Product product_with(std::vector<OrderLink> links, std::string order_url = {}) {
    Product p;
    p.id = "p";
    p.order_links = std::move(links);
    p.order_url = std::move(order_url);
    return p;
}

} // namespace

TEST_CASE("on air: the code is the first link the product page shows, captioned with its app") {
    const Product p = product_with({{"jd", "https://item.jd.com/1.html"}, {"taobao", "https://item.taobao.com/item.htm?id=1"}});
    const auto zh = OnAirPart::order_code(p, Lang::zh);
    REQUIRE(zh);
    CHECK(zh->url == "https://item.jd.com/1.html");
    CHECK(zh->caption == "请用京东 App 扫码");
    CHECK(OnAirPart::order_code(p, Lang::en)->caption == "Scan with the JD app");

    // An http link is never offered: the next one is the first shown.
    const Product http_first = product_with({{"taobao", "http://item.taobao.com/1"}, {"pinduoduo", "https://mobile.yangkeduo.com/1"}});
    CHECK(OnAirPart::order_code(http_first, Lang::zh)->url == "https://mobile.yangkeduo.com/1");
    CHECK(OnAirPart::order_code(http_first, Lang::zh)->caption == "请用拼多多 App 扫码");

    // order_url alone, on a host of no platform: the phone's browser.
    const Product plain = product_with({}, "https://shop.example.com/p");
    CHECK(OnAirPart::order_code(plain, Lang::zh)->caption == "用手机浏览器扫码");
    CHECK(OnAirPart::order_code(plain, Lang::en)->caption == "Scan with your phone's browser");
}

TEST_CASE("on air: no code for a sold-out product or one with no https link") {
    Product sold_out = product_with({{"jd", "https://item.jd.com/1.html"}});
    sold_out.sold_out = true;
    CHECK_FALSE(OnAirPart::order_code(sold_out, Lang::zh));
    CHECK_FALSE(OnAirPart::order_code(product_with({{"jd", "http://item.jd.com/1.html"}}), Lang::zh));
    CHECK_FALSE(OnAirPart::order_code(product_with({}), Lang::zh));
}

TEST_CASE("on air: Home and the live screen show the demo's on-air product's first order link as a code", "[xvfb]") {
    const auto feed = demo_feed();
    const Product* on_air = feed->product("jc-junzao");
    REQUIRE(on_air);
    REQUIRE(on_air->order_links.size() > 1);
    const auto dir = temp_dir("on-air-qr");
    for (const char* screen : {"home", "live"})
        for (const auto& [size, lang] : std::vector<std::pair<std::string, std::string>>{{"1920x1080", "zh"}, {"1080x1920", "en"}}) {
            const auto png = dir / (std::string(screen) + "-" + size + "-" + lang + ".png");
            std::filesystem::remove(png);
            REQUIRE(run_kiosk(std::string("--screen ") + screen + " --lang " + lang + " --size " + size +
                                  " --now 2020-05-16T20:30:00+08:00 --screenshot '" + png.string() + "'",
                              kUnderXvfb) == 0);
            INFO(screen << " " << size << " " << lang);
            CHECK(zbar_read(png) == on_air->order_links.front().url);
        }
}
