#include "screens/order_tabs.h"

#include "images/qr_code.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

struct TabGrid {
    std::size_t columns = 1, rows = 0;
    float width = 0, height = 0, gap = 0;
};

TabGrid tab_grid(const Theme& t, float width, std::size_t links) {
    TabGrid g;
    if (links < 2) return g;
    g.gap = t.px(12);
    g.height = std::max(t.px(80), t.touch_min());
    const auto fit = static_cast<std::size_t>(std::max(1.0f, std::floor((width + g.gap) / (t.px(150) + g.gap))));
    g.columns = std::min(links, fit);
    g.rows = (links + g.columns - 1) / g.columns;
    g.width = (width - static_cast<float>(g.columns - 1) * g.gap) / static_cast<float>(g.columns);
    return g;
}

float block_height(const TabGrid& g) {
    return g.rows == 0 ? 0 : static_cast<float>(g.rows) * g.height + static_cast<float>(g.rows - 1) * g.gap;
}

} // namespace

ImRect product_page_area(const Theme& t, ImVec2 origin, ImVec2 size) {
    return ImRect(ImVec2(origin.x + t.margin(), origin.y + t.px(32)),
                  ImVec2(origin.x + size.x - t.margin(), origin.y + size.y - t.px(32)));
}

float order_tabs_height(const Theme& t, float width, std::size_t links) { return block_height(tab_grid(t, width, links)); }

std::vector<ImRect> order_tab_rects(const Theme& t, ImVec2 origin, ImVec2 size, std::size_t links) {
    const ImRect area = product_page_area(t, origin, size);
    const float pad = order_panel_pad(t);
    const bool portrait = size.y > size.x;
    const float left = portrait ? area.Min.x + pad : area.Max.x - order_panel_width(t, area) + pad;
    const float right = area.Max.x - pad;
    const TabGrid g = tab_grid(t, right - left, links);
    const float top = portrait ? area.Max.y - pad - block_height(g) : area.Min.y + pad;
    std::vector<ImRect> rects;
    for (std::size_t i = 0; i < links; ++i) {
        const float x = left + static_cast<float>(i % g.columns) * (g.width + g.gap);
        const float y = top + static_cast<float>(i / g.columns) * (g.height + g.gap);
        if (g.rows > 0) rects.emplace_back(ImVec2(std::round(x), y), ImVec2(std::round(x + g.width), y + g.height));
    }
    return rects;
}

int draw_order_tabs(ImDrawList* dl, const Theme& t, TouchInput& touch, const std::vector<ImRect>& rects,
                    const std::vector<const OrderPlatform*>& platforms, std::size_t selected, Lang lang) {
    int tapped = -1;
    for (std::size_t i = 0; i < rects.size() && i < platforms.size(); ++i) {
        const ButtonStyle style = i == selected ? ButtonStyle::selected : ButtonStyle::secondary;
        if (touch_button(dl, t, touch, rects[i], platforms[i]->name(lang), style, t.fonts.heading)) tapped = static_cast<int>(i);
    }
    return tapped;
}

std::string order_caption(const OrderPlatform& platform, Lang lang) {
    if (platform.is_browser()) return ui_text("scan_with_browser", lang);
    return ui_text_n("scan_with_app", lang, platform.app(lang));
}

const std::string& order_caption_hint(const OrderPlatform& platform, Lang lang) {
    return ui_text(platform.is_browser() ? "scan_to_order_hint" : "scan_with_app_hint", lang);
}

std::vector<OrderLink> shown_order_links(const Product& p) {
    std::vector<OrderLink> links;
    if (p.sold_out) return links;
    const auto keep = [&](const OrderLink& link) {
        if (is_orderable_url(link.url, false)) links.push_back(link);
    };
    if (!p.order_links.empty()) std::for_each(p.order_links.begin(), p.order_links.end(), keep);
    else if (!p.order_url.empty()) keep({std::string(platform_of_link({}, p.order_url).id), p.order_url});
    return links;
}

} // namespace kiosk
