#include "screens/on_air_part.h"

#include "feed/live_summary.h"
#include "feed/number_format.h"
#include "images/qr_code.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>

namespace kiosk {

const Product* OnAirPart::product_on_air(const FrameContext& f, std::string_view session_id) {
    std::string_view wanted = session_id;
    if (wanted.empty())
        if (const Session* running = running_live_session(f.feed, f.now_unix)) wanted = running->id;
    for (const SessionLive& s : f.live.sessions) {
        if (s.on_air_product.empty() || (!wanted.empty() && s.session != wanted)) continue;
        return f.feed.product(s.on_air_product);
    }
    return nullptr;
}

const QrMatrix* OnAirPart::order_qr(const Product& p) {
    if (p.sold_out || !is_orderable_url(p.order_url, false)) return nullptr;
    return qr_.get(p.order_url);
}

float OnAirPart::height(const FrameContext& f, const Product& p, float width) {
    const Theme& t = f.theme;
    const float pad = t.px(20);
    const float label_h = t.fonts.body->FontSize + t.px(4) + t.px(12);
    const QrMatrix* qr = order_qr(p);
    const float qr_side = qr ? qr_side_px(*qr, qr_module_px(*qr, std::min(t.px(240), width * 0.3f), t.scale)) : 0;
    const float text_h = t.fonts.heading->FontSize * 2 + t.fonts.number->FontSize * 0.6f + t.px(24);
    return 2 * pad + label_h + std::max({qr_side, text_h, t.px(160)});
}

float OnAirPart::draw(FrameContext& f, std::string_view session_id, const ImRect& r) {
    const Product* p = product_on_air(f, session_id);
    if (!p) return r.Min.y;
    const Theme& t = f.theme;
    ImDrawList* dl = f.draw;
    const float h = std::min(height(f, *p, r.GetWidth()), r.GetHeight());
    if (h < t.px(120)) return r.Min.y;   // no room for a readable card
    const ImRect card(r.Min, ImVec2(r.Max.x, r.Min.y + h));
    dl->AddRectFilled(card.Min, card.Max, t.card, t.rounding());
    dl->AddRect(card.Min, card.Max, t.live, t.rounding(), 0, std::max(1.0f, t.px(2)));
    const float pad = t.px(20);
    float x = card.Min.x + pad, y = card.Min.y + pad;
    draw_badge(dl, t, ImVec2(x, y), ui_text("on_air_now", f.lang), t.live, IM_COL32_WHITE);
    y += t.fonts.body->FontSize + t.px(4) + t.px(12);
    const float body_h = card.Max.y - pad - y;

    // The order code on the right, the picture on the left, name and price between.
    float right = card.Max.x - pad;
    if (const QrMatrix* qr = order_qr(*p)) {
        const int module = qr_module_px(*qr, std::min(body_h, std::min(t.px(240), r.GetWidth() * 0.3f)), t.scale);
        const float side = qr_side_px(*qr, module);
        draw_qr(dl, *qr, ImVec2(right - side, card.Min.y + (card.GetHeight() - side) * 0.5f), static_cast<float>(module));
        right -= side + t.px(16);
    }
    const float pic = std::min(body_h, t.px(200));
    draw_image(dl, t, f.images, p->image, ImRect(ImVec2(x, y), ImVec2(x + pic, y + pic)), ImagePlaceholder{p->id, p->name.in(f.lang)},
               t.rounding());
    x += pic + t.px(24);
    const float w = right - x;
    if (w < t.px(80)) return card.Max.y;
    y += draw_text(dl, t.fonts.heading, ImVec2(x, y), t.text, clamp_lines(t.fonts.heading, p->name.in(f.lang), w, 2), w) + t.px(8);
    const std::string price = format_money_fen(p->price_fen);
    const float size = std::min(t.fonts.number->FontSize * 0.6f, fitted_font_size(t.fonts.number, price, w));
    dl->AddText(t.fonts.number, size, ImVec2(x, y), p->sold_out ? t.text_muted : t.bar, price.data(), price.data() + price.size());
    y += size + t.px(4);
    if (!p->unit.empty()) draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted, fit_line(t.fonts.body, "/ " + p->unit.in(f.lang), w));
    return card.Max.y;
}

} // namespace kiosk
