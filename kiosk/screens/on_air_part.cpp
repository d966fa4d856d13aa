#include "screens/on_air_part.h"

#include "feed/live_summary.h"
#include "feed/number_format.h"
#include "feed/order_platforms.h"
#include "screens/order_tabs.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cfloat>

namespace kiosk {

namespace {

// The card's code column: the code over its caption, as wide as the wider of them.
struct CodeColumn {
    const QrMatrix* qr = nullptr;
    int module = 0;
    float side = 0;         // the code, quiet zone included
    std::string caption;    // wrapped, at most two lines
    float width = 0, height = 0;
};

// The column for `code` in a code of at most `box` px and a column at most `max_h` high.
CodeColumn code_column(const Theme& t, QrCache& cache, const std::optional<OnAirPart::OrderCode>& code, float box, float max_h) {
    CodeColumn c;
    if (!code || !(c.qr = cache.get(code->url))) return c;
    c.width = std::max(box, t.px(220));
    c.caption = clamp_lines(t.fonts.body, code->caption, c.width, 2);
    const float caption_h = text_size(t.fonts.body, c.caption).y;   // the quiet zone spaces it from the code
    c.module = qr_module_px(*c.qr, std::min(box, max_h - caption_h), t.scale);
    c.side = qr_side_px(*c.qr, c.module);
    c.width = std::max(c.side, c.width);
    c.height = c.side + caption_h;
    return c;
}

float box_for(const Theme& t, float card_width) { return std::min(t.px(240), card_width * 0.3f); }

// The caption's lines (clamp_lines wraps them) each centred under the code.
void draw_caption(ImDrawList* dl, ImFont* font, float center_x, float y, ImU32 color, std::string_view text) {
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, nl - start);
        y += draw_text(dl, font, ImVec2(center_x - text_size(font, line).x * 0.5f, y), color, line);
        start = nl + 1;
    }
}

} // namespace

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

std::optional<OnAirPart::OrderCode> OnAirPart::order_code(const Product& p, Lang lang) {
    const std::vector<OrderLink> links = shown_order_links(p);   // the product page's tabs; its first is shown first
    if (links.empty()) return std::nullopt;
    const OrderLink& first = links.front();
    return OrderCode{first.url, order_caption(platform_of_link(first.platform, first.url), lang)};
}

float OnAirPart::height(const FrameContext& f, const Product& p, float width) {
    const Theme& t = f.theme;
    const float pad = t.px(20);
    const float label_h = t.fonts.body->FontSize + t.px(4) + t.px(12);
    const CodeColumn code = code_column(t, qr_, order_code(p, f.lang), box_for(t, width), FLT_MAX);
    const float text_h = t.fonts.heading->FontSize * 2 + t.fonts.number->FontSize * 0.6f + t.px(24);
    return 2 * pad + label_h + std::max({code.height, text_h, t.px(160)});
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

    // The order code and the app to scan it with on the right, the picture on the left, name and price between.
    float right = card.Max.x - pad;
    const CodeColumn code = code_column(t, qr_, order_code(*p, f.lang), box_for(t, r.GetWidth()), card.GetHeight() - 2 * pad);
    if (code.qr) {
        const float cx = right - code.width * 0.5f;
        const float top = card.Min.y + (card.GetHeight() - code.height) * 0.5f;
        draw_qr(dl, *code.qr, ImVec2(cx - code.side * 0.5f, top), static_cast<float>(code.module));
        draw_caption(dl, t.fonts.body, cx, top + code.side, t.bar, code.caption);
        right -= code.width + t.px(16);
    }
    // A narrow card (the live screen's third) gives the picture's width to the name and price.
    const float pic = std::min({body_h, t.px(200), std::max(t.px(96), right - x - t.px(24) - t.px(180))});
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
