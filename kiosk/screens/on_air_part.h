// Now on air (issue 16): the product a studio presents right now, named by the live
// document's on_air_product, as Home, the live screen and the session page show it:
// 主播正在讲解 / On air now, its picture, name, price and order QR code. The code is the
// product page's first order link (order_tabs.h: shown_order_links), captioned with the
// app to scan it with (请用淘宝 App 扫码); no tabs on this small card. One call per
// screen: OnAirPart::draw() draws nothing and returns r.Min.y when nothing is on air.
#pragma once

#include "screens/screen.h"
#include "widgets/qr_view.h"

#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

class OnAirPart {
public:
    // The product on air in `session_id`'s live figures; with "" the running live session's, else the first
    // session's that names one. nullptr when none, or the id is not a product of the feed.
    static const Product* product_on_air(const FrameContext& f, std::string_view session_id);

    // The card's order code: the first link the product page shows and the caption naming the app
    // to scan it with. nullopt when the page shows none (sold out, no https link).
    struct OrderCode {
        std::string url;
        std::string caption;   // 请用淘宝 App 扫码 / Scan with the Taobao app; 用手机浏览器扫码 for the web
    };
    static std::optional<OrderCode> order_code(const Product& product, Lang lang);

    // The card's height at `width` (its QR code and caption set it).
    float height(const FrameContext& f, const Product& product, float width);

    // Draws the card at the top of `r` (its own height, at most r's); returns its bottom, r.Min.y when nothing is on air.
    float draw(FrameContext& f, std::string_view session_id, const ImRect& r);

private:
    QrCache qr_;   // the statistics' qr_shows count product pages only, not this card
};

} // namespace kiosk
