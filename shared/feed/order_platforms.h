// The order platforms a product's QR code can open in: the one table of their
// ids (as the feed's order_links[].platform writes them), shown names, the app
// a visitor scans with, and the web hosts that belong to each. Documented in
// config/feed-format.md ("Order platforms"); the schema's enum must match it.
#pragma once

#include "feed/localized_text.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace kiosk {

struct OrderPlatform {
    std::string_view id;        // "taobao"
    std::string_view name_zh;   // the tab: 淘宝
    std::string_view name_en;   // Taobao
    std::string_view app_zh;    // the app to scan with, in the caption: 淘宝; empty for the browser
    std::string_view app_en;    // Taobao
    std::span<const std::string_view> hosts;   // registrable domains: the host or any subdomain of one

    std::string_view name(Lang lang) const { return lang == Lang::en ? name_en : name_zh; }
    std::string_view app(Lang lang) const { return lang == Lang::en ? app_en : app_zh; }
    bool is_browser() const { return app_zh.empty(); }
};

// The id of the fallback platform: any phone browser, for hosts of no platform.
inline constexpr std::string_view kWebPlatform = "web";

// Every platform, in the order tabs are named in the guide; `web` last.
std::span<const OrderPlatform> order_platforms();

// The platform of this id; nullptr when unknown.
const OrderPlatform* find_order_platform(std::string_view id);

// The host of an http(s) URL, lowercased, without user info, port or a
// trailing dot; nullopt when the URL is not http(s) or has no host.
std::optional<std::string> url_host(std::string_view url);

// The platform whose hosts include `host` by suffix on label boundaries
// ("item.taobao.com" is taobao's, "evil-taobao.com.example" is no one's); nullptr when none.
const OrderPlatform* platform_of_host(std::string_view host);

// The platform of a link: `given` when it names one, else the one of its
// host, else `web`. Never nullptr.
const OrderPlatform& platform_of_link(std::string_view given, std::string_view url);

// A host of the reserved example domains (RFC 2606, RFC 6761: example.com/.net/.org,
// *.example, *.test, *.invalid, localhost): a placeholder, not a shop.
bool is_placeholder_host(std::string_view host);

} // namespace kiosk
