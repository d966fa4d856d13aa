// [order links] The product page's order panel: where it and its platform tabs
// go (from the area below the top bar alone, no fonts, so tests can tap a tab
// by position), the tabs themselves, and the caption naming the app to scan with.
#pragma once

#include "feed/localized_text.h"
#include "feed/model.h"
#include "feed/order_platforms.h"
#include "widgets/theme.h"
#include "widgets/touch.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace kiosk {

// The product page's content area inside the area below the top bar.
ImRect product_page_area(const Theme& t, ImVec2 origin, ImVec2 size);

// The padding inside the order panel.
inline float order_panel_pad(const Theme& t) { return t.px(28); }

// Landscape: the order panel's width at the right; its top is the page area's.
inline float order_panel_width(const Theme& t) { return t.px(480); }

// A landscape page area too short and narrow for the 480 px panel's tabs above its code (the
// accessible mode on a portrait display: the page sits low, in the reach band, under large type).
inline bool order_panel_short(const Theme& t, const ImRect& area) {
    return area.GetHeight() < t.px(640) && area.GetWidth() < t.px(1400);
}

// The panel's width in `area`: 480 px, or 0.6 of a short area so the tabs take fewer rows
// and the code fits beside its caption.
inline float order_panel_width(const Theme& t, const ImRect& area) {
    return order_panel_short(t, area) ? std::max(order_panel_width(t), std::round(area.GetWidth() * 0.6f)) : order_panel_width(t);
}

// One tab per link, in rows of at least 150 px (at 1080p) per tab, 80 px high:
// in landscape at the top of the order panel, in portrait at its bottom (so
// they sit where the code's size cannot move them). None for fewer than two links.
std::vector<ImRect> order_tab_rects(const Theme& t, ImVec2 origin, ImVec2 size, std::size_t links);

// The height of the rows of tabs for `links` links across `width`; 0 below two links.
float order_tabs_height(const Theme& t, float width, std::size_t links);

// Draws the tabs at `rects` (from order_tab_rects); returns the index tapped, or -1.
// A drag across them selects nothing: touch_button fires only on a tap.
int draw_order_tabs(ImDrawList* dl, const Theme& t, TouchInput& touch, const std::vector<ImRect>& rects,
                    const std::vector<const OrderPlatform*>& platforms, std::size_t selected, Lang lang);

// "请用淘宝 App 扫码" / "Scan with the Taobao app"; for the web, 用手机浏览器扫码 / Scan with your phone's browser.
std::string order_caption(const OrderPlatform& platform, Lang lang);
// The line under it.
const std::string& order_caption_hint(const OrderPlatform& platform, Lang lang);

// The links a product offers as QR codes: https only, nothing when sold out. `order_url`
// stands alone when the product has no order_links (a Product built by hand).
std::vector<OrderLink> shown_order_links(const Product& p);

} // namespace kiosk
