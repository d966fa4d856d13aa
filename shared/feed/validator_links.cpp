#include "feed/validator_links.h"

#include "feed/order_platforms.h"
#include "feed/validator_members.h"

#include "base/json_positions.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <string_view>

namespace kiosk {

namespace {

using nlohmann::json;

std::string platform_label(const OrderPlatform& p) {
    return std::string(p.name_en) + " (" + std::string(p.id) + ")";
}

std::string platform_label_zh(const OrderPlatform& p) {
    return std::string(p.name_zh) + "（" + std::string(p.id) + "）";
}

struct Link {
    std::string pointer;   // of the url value
    std::string url;
    const OrderPlatform* platform;
};

// Host-based notes on one link whose URL is valid: unknown host, or a host of another platform.
void note_host(const Link& link, const std::string* given, OrderLinkNotes& notes, ProblemSink& sink) {
    const auto host = url_host(link.url);
    if (!host) return;
    const OrderPlatform* of_host = platform_of_host(*host);
    if (!of_host) {
        const bool said_web = given && *given == kWebPlatform;   // the organisers chose a browser
        if (!said_web && !is_placeholder_host(*host)) notes.unknown_hosts.emplace_back(link.pointer, *host);
        return;
    }
    if (given && of_host != link.platform && link.platform->id != kWebPlatform)
        sink.warning(link.pointer,
                     "the host " + quote(*host) + " belongs to " + platform_label(*of_host) + ", but the link says " +
                         platform_label(*link.platform) + ": visitors are told to scan with the wrong app",
                     "域名 " + quote_zh(*host) + " 属于" + platform_label_zh(*of_host) + "，但链接标为" +
                         platform_label_zh(*link.platform) + "：会提示观众用错误的 App 扫码");
}

// One entry of order_links; nullopt when its URL is missing or already reported.
std::optional<Link> check_link(const json& entry, const std::string& pointer, OrderLinkNotes& notes, ProblemSink& sink) {
    check_url(entry, "url", pointer, sink);
    const std::string* url = string_member(entry, "url", pointer, sink);
    if (!url || !is_web_address(*url)) return std::nullopt;
    const std::string* given = string_member(entry, "platform", pointer, sink);
    if (!given && entry.is_object() && entry.contains("platform")) return std::nullopt;   // the schema said why
    Link link{pointer_append(pointer, "url"), *url, &platform_of_link(given ? *given : std::string(), *url)};
    note_host(link, given, notes, sink);
    return link;
}

bool is_https(const std::string& url) {
    constexpr std::string_view kScheme = "https://";
    if (url.size() < kScheme.size()) return false;
    for (std::size_t i = 0; i < kScheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(url[i])) != kScheme[i]) return false;
    return true;
}

// All links http: the kiosk shows none of them.
void check_https(const std::vector<Link>& links, ProblemSink& sink) {
    if (links.empty()) return;
    for (const Link& link : links)
        if (is_https(link.url)) return;
    const std::string what_en = links.size() == 1 ? "the product's only order link is http://"
                                                  : "none of the product's order links is https://";
    const std::string what_zh = links.size() == 1 ? "该商品唯一的下单链接是 http://" : "该商品的下单链接都不是 https://";
    sink.warning(links.front().pointer,
                 what_en + ", which the kiosk does not show as a QR code (phones warn about it): give an https:// link",
                 what_zh + "，展台不会为其显示二维码（手机会提示不安全）：请提供 https:// 链接");
}

} // namespace

void OrderLinkNotes::report(ProblemSink& sink) const {
    const char* why_en = ": visitors are told to scan with their phone's browser; give the link's \"platform\" "
                         "(\"web\" if a browser is right)";
    const char* why_zh = "：将提示观众用手机浏览器扫码；请为链接注明 \"platform\"（确实用浏览器打开则写 \"web\"）";
    if (unknown_hosts.size() <= kListed) {
        for (const auto& [pointer, host] : unknown_hosts)
            sink.warning(pointer, "the host " + quote(host) + " belongs to no known order platform" + why_en,
                         "域名 " + quote_zh(host) + " 不属于任何已知的下单平台" + why_zh);
        return;
    }
    std::string hosts;
    for (std::size_t i = 0; i < kListed; ++i) hosts += (i ? ", " : "") + unknown_hosts[i].second;
    const std::string n = std::to_string(unknown_hosts.size());
    const std::string more = std::to_string(unknown_hosts.size() - kListed);
    sink.warning("/products", n + " order links are on hosts of no known order platform (" + hosts + " and " + more +
                                  " more)" + why_en,
                 n + " 个下单链接的域名不属于任何已知的下单平台（" + hosts + " 等，另有 " + more + " 个）" + why_zh);
}

void check_order_links(const json& product, const std::string& pointer, OrderLinkNotes& notes, ProblemSink& sink) {
    std::vector<Link> links;
    const std::string* order_url = string_member(product, "order_url", pointer, sink);
    if (const json* entries = array_member(product, "order_links"); entries && !entries->empty()) {
        IdTable seen;
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const std::string entry_pointer = pointer_append(pointer_append(pointer, "order_links"), i);
            auto link = check_link((*entries)[i], entry_pointer, notes, sink);
            if (!link) continue;
            const auto [first, inserted] = seen.emplace(link->platform->id, entry_pointer);
            if (!inserted) {
                sink.error(entry_pointer,
                           "a second order link for " + platform_label(*link->platform) + " (first at " + first->second +
                               "): one link per platform",
                           platform_label_zh(*link->platform) + "的下单链接重复（首次出现在 " + first->second +
                               "）：每个平台只能有一个链接");
                continue;
            }
            links.push_back(std::move(*link));
        }
        if (order_url && !order_url->empty() && is_web_address(*order_url) &&
            std::none_of(links.begin(), links.end(), [&](const Link& l) { return l.url == *order_url; }))
            sink.warning(pointer_append(pointer, "order_url"),
                         "order_url is not one of order_links, so it is not shown: with order_links the kiosk shows those",
                         "order_url 不在 order_links 之中，不会显示：有 order_links 时展台只显示其中的链接");
    } else if (order_url && is_web_address(*order_url)) {
        Link link{pointer_append(pointer, "order_url"), *order_url, &platform_of_link({}, *order_url)};
        note_host(link, nullptr, notes, sink);
        links.push_back(std::move(link));
    }
    check_https(links, sink);
}

} // namespace kiosk
