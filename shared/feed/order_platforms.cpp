#include "feed/order_platforms.h"

#include "base/text.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace kiosk {

namespace {

constexpr std::string_view kTaobaoHosts[] = {"taobao.com", "tb.cn"};
constexpr std::string_view kTmallHosts[] = {"tmall.com", "tmall.hk"};
constexpr std::string_view kJdHosts[] = {"jd.com", "jd.hk", "3.cn"};
constexpr std::string_view kPinduoduoHosts[] = {"yangkeduo.com", "pinduoduo.com"};
constexpr std::string_view kDouyinHosts[] = {"douyin.com", "iesdouyin.com"};
constexpr std::string_view kKuaishouHosts[] = {"kuaishou.com", "gifshow.com"};
constexpr std::string_view kWechatHosts[] = {"weixin.qq.com", "wxaurl.cn"};

// The one table. A Tmall link opens in the Taobao app too, which more visitors have.
constexpr std::array<OrderPlatform, 8> kPlatforms{{
    {"taobao", "淘宝", "Taobao", "淘宝", "Taobao", kTaobaoHosts},
    {"tmall", "天猫", "Tmall", "淘宝或天猫", "Taobao or Tmall", kTmallHosts},
    {"jd", "京东", "JD", "京东", "JD", kJdHosts},
    {"pinduoduo", "拼多多", "Pinduoduo", "拼多多", "Pinduoduo", kPinduoduoHosts},
    {"douyin", "抖音", "Douyin", "抖音", "Douyin", kDouyinHosts},
    {"kuaishou", "快手", "Kuaishou", "快手", "Kuaishou", kKuaishouHosts},
    {"wechat", "微信小程序", "WeChat", "微信", "WeChat", kWechatHosts},
    {kWebPlatform, "网页", "Web", "", "", {}},
}};

bool has_suffix_label(std::string_view host, std::string_view domain) {
    if (host == domain) return true;
    return host.size() > domain.size() && host.ends_with(domain) && host[host.size() - domain.size() - 1] == '.';
}


} // namespace

std::span<const OrderPlatform> order_platforms() { return kPlatforms; }

const OrderPlatform* find_order_platform(std::string_view id) {
    for (const OrderPlatform& p : kPlatforms)
        if (p.id == id) return &p;
    return nullptr;
}

std::optional<std::string> url_host(std::string_view url) {
    std::size_t start;
    if (starts_with_nocase(url, "https://")) start = 8;
    else if (starts_with_nocase(url, "http://")) start = 7;
    else return std::nullopt;
    const std::size_t end = std::min(url.find_first_of("/?#\\", start), url.size());
    std::string_view authority = url.substr(start, end - start);
    if (const auto at = authority.rfind('@'); at != std::string_view::npos) authority.remove_prefix(at + 1);
    if (authority.starts_with('[')) return std::nullopt;   // an IPv6 literal is no platform's
    if (const auto colon = authority.find(':'); colon != std::string_view::npos) authority = authority.substr(0, colon);
    if (authority.ends_with('.')) authority.remove_suffix(1);
    if (authority.empty()) return std::nullopt;
    std::string host;
    host.reserve(authority.size());
    for (char c : authority) host += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return host;
}

const OrderPlatform* platform_of_host(std::string_view host) {
    for (const OrderPlatform& p : kPlatforms)
        for (std::string_view domain : p.hosts)
            if (has_suffix_label(host, domain)) return &p;
    return nullptr;
}

const OrderPlatform& platform_of_link(std::string_view given, std::string_view url) {
    if (const OrderPlatform* p = find_order_platform(given)) return *p;
    if (const auto host = url_host(url))
        if (const OrderPlatform* p = platform_of_host(*host)) return *p;
    return *find_order_platform(kWebPlatform);
}

bool is_placeholder_host(std::string_view host) {
    for (std::string_view domain : {"example.com", "example.net", "example.org", "example", "test", "invalid", "localhost"})
        if (has_suffix_label(host, domain)) return true;
    return false;
}

} // namespace kiosk
