// [order links] kiosk check on a feed with several order links: a host of no
// platform and a product whose only link is http are warnings with line:col, exit 0.
#include "commands/check_command.h"

#include <catch2/catch.hpp>

#include <sstream>

using namespace kiosk;

TEST_CASE("kiosk check: order links on an unknown host and an http-only product are warned about", "[feed_check]") {
    const std::string path = std::string(TEST_DATA_DIR) + "/feed-order-links.json";
    std::ostringstream out, err;
    const int code = check_feed_files({path}, out, err);
    CHECK(code == 0);
    CHECK(err.str().empty());
    CHECK(out.str() ==
          path + ":56:17: warning: /products/0/order_links/2/url: the host \"shop.lvliang-farm.cn\" belongs to no known order "
                 "platform: visitors are told to scan with their phone's browser; give the link's \"platform\" (\"web\" if a "
                 "browser is right) | 域名 “shop.lvliang-farm.cn” 不属于任何已知的下单平台：将提示观众用手机浏览器扫码；请为链接注明 "
                 "\"platform\"（确实用浏览器打开则写 \"web\"）\n" +
              path + ":68:20: warning: /products/1/order_url: the product's only order link is http://, which the kiosk does "
                     "not show as a QR code (phones warn about it): give an https:// link | 该商品唯一的下单链接是 http://，"
                     "展台不会为其显示二维码（手机会提示不安全）：请提供 https:// 链接\n"
                     "1 file: 1 valid, 0 invalid; 0 errors, 2 warnings\n");
}
