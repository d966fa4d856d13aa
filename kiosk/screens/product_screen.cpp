// Product detail: a large picture, name, producer, price per unit, badges,
// description, and the order links as a large QR code, one at a time behind
// platform tabs, captioned with the app to scan with. A sold-out product
// shows no code; a missing or refused link says ordering is unavailable.
#include "screens/screens.h"

#include "feed/number_format.h"
#include "images/qr_code.h"
#include "screens/catalogue_parts.h"
#include "screens/order_tabs.h"
#include "screens/venue_parts.h"
#include "widgets/image_view.h"
#include "widgets/qr_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <set>
#include <string>
#include <vector>

namespace kiosk {

namespace {

// Each line of `text` (already wrapped) centred on `center_x`. Returns the height.
float draw_lines_centered(ImDrawList* dl, ImFont* font, float center_x, float y, ImU32 color, const std::string& text) {
    float h = 0;
    std::string_view rest = text;
    while (!rest.empty()) {
        const auto nl = rest.find('\n');
        const std::string_view line = rest.substr(0, nl);
        const float w = text_size(font, line).x;
        h += draw_text(dl, font, ImVec2(center_x - w * 0.5f, y + h), color, line);
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    return h;
}

// [order links] What the order panel shows this frame: the chosen link's code and platform, and the tabs.
struct OrderView {
    const QrMatrix* qr = nullptr;
    const OrderPlatform* platform = nullptr;
    std::vector<const OrderPlatform*> platforms;   // one per tab
    std::vector<ImRect> tabs;                      // empty for a single link
    std::size_t selected = 0;
};

class ProductScreen final : public Screen {
public:
    void enter(const Route& route) override {
        product_id_ = route.id;
        tab_ = route.tab;
        qr_counted_.clear();
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const Product* p = f.feed.product(product_id_);
        if (!p) {
            draw_text_centered(f.draw, t.fonts.heading, ImRect(f.origin, ImVec2(f.origin.x + f.size.x, f.origin.y + f.size.y)),
                               t.text_muted, ui_text("product_missing", f.lang));
            return;
        }
        const OrderView order = order_view(f, *p);
        // Each platform's code once per visit: switching tabs shows the visitor another code.
        if (order.qr && f.usage && qr_counted_.insert(std::string(order.platform->id)).second)
            f.usage->qr_shown(product_id_, order.platform->id);

        const ImRect area = product_page_area(t, f.origin, f.size);
        if (f.accessible && f.above.GetHeight() >= t.px(200) && f.above.GetWidth() > 0) {   // [Issue 19]
            draw_above(f, *p, order, f.above);
            draw_in_band(f, *p, order, area);
        } else if (f.size.y > f.size.x) draw_portrait(f, *p, order, area);
        else draw_landscape(f, *p, order, area);
    }

private:
    // The links, the tab a tap chose this frame (before anything is drawn, so the
    // code and caption change in the same frame), and its code, encoded only when the link changes.
    OrderView order_view(FrameContext& f, const Product& p) {
        OrderView v;
        const std::vector<OrderLink> links = shown_order_links(p);
        if (links.empty()) return v;
        for (const OrderLink& link : links) v.platforms.push_back(&platform_of_link(link.platform, link.url));
        v.tabs = order_tab_rects(f.theme, f.origin, f.size, links.size());
        for (std::size_t i = 0; i < v.tabs.size(); ++i)
            if (f.touch.tapped(v.tabs[i], v.platforms[i]->id)) tab_ = std::string(v.platforms[i]->id);
        for (std::size_t i = 0; i < links.size(); ++i)
            if (v.platforms[i]->id == tab_) v.selected = i;
        v.platform = v.platforms[v.selected];
        v.qr = qr_.get(links[v.selected].url);
        return v;
    }

    // Picture | details | order panel, side by side.
    void draw_landscape(FrameContext& f, const Product& p, const OrderView& order, const ImRect& area) {
        const Theme& t = f.theme;
        const float gap = t.px(40);
        const float panel_w = order_panel_width(t, area);
        float side = std::min(std::round(area.GetWidth() * 0.36f), area.GetHeight());
        // The details keep a readable column (the Where? button, the price): the picture gives way.
        if (area.GetWidth() - side - panel_w - 2 * gap < t.px(420)) side = 0;
        const ImRect image(area.Min, ImVec2(area.Min.x + side, area.Min.y + side));
        if (side > 0) draw_picture(f, p, image);

        const float pad = order_panel_pad(t);
        const QrMatrix* qr = order.qr;
        const float tabs_h = tabs_space(t, panel_w - 2 * pad, order);
        const ImRect details_from(ImVec2(side > 0 ? image.Max.x + gap : area.Min.x, area.Min.y), area.Max);
        if (order_panel_short(t, area)) {   // the panel's full height, the code beside its caption
            const ImRect panel(ImVec2(area.Max.x - panel_w, area.Min.y), area.Max);
            draw_order_panel(f, p, order, panel, ImRect(ImVec2(panel.Min.x, panel.Min.y + tabs_h), panel.Max), true);
            draw_details(f, p, ImRect(details_from.Min, ImVec2(panel.Min.x - gap, area.Max.y)));
            return;
        }
        const float qr_px = qr ? qr_side_px(*qr, qr_module_px(*qr, panel_w - 2 * pad, t.scale)) : 0;
        const float needed = qr ? tabs_h + pad + qr_px + t.px(20) + 2 * t.fonts.heading->FontSize + t.px(8) + t.fonts.body->FontSize + pad : 0;
        const float panel_h = std::clamp(needed, side, area.GetHeight());
        const ImRect panel(ImVec2(area.Max.x - panel_w, area.Min.y), ImVec2(area.Max.x, area.Min.y + panel_h));
        draw_order_panel(f, p, order, panel, ImRect(ImVec2(panel.Min.x, panel.Min.y + tabs_h), panel.Max), false);

        draw_details(f, p, ImRect(details_from.Min, ImVec2(panel.Min.x - gap, area.Max.y)));
    }

    // Picture on top, details below, the order panel across the bottom (its tabs at its foot).
    void draw_portrait(FrameContext& f, const Product& p, const OrderView& order, const ImRect& area) {
        const Theme& t = f.theme;
        const float gap = t.px(28);
        const ImRect image(area.Min, ImVec2(area.Max.x, area.Min.y + std::round(area.GetWidth() * 0.6f)));
        draw_picture(f, p, image);

        const float pad = order_panel_pad(t);
        const float box = t.px(440);
        const QrMatrix* qr = order.qr;
        const float tabs_h = tabs_space(t, area.GetWidth() - 2 * pad, order);
        const float qr_px = qr ? qr_side_px(*qr, qr_module_px(*qr, box, t.scale)) : 0;
        const float panel_h = qr ? qr_px + 2 * pad + tabs_h : t.px(200);
        const ImRect panel(ImVec2(area.Min.x, area.Max.y - panel_h), area.Max);
        draw_order_panel(f, p, order, panel, ImRect(panel.Min, ImVec2(panel.Max.x, panel.Max.y - tabs_h)), true);

        draw_details(f, p, ImRect(ImVec2(area.Min.x, image.Max.y + gap), ImVec2(area.Max.x, panel.Min.y - gap)));
    }

    // [Issue 19] Above the reach band, looked at and never touched: the picture, name and price, and the chosen
    // link's QR code (whole, as large as fits) with the app to scan with; or why there is none.
    void draw_above(FrameContext& f, const Product& p, const OrderView& order, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        f.above_drawn = true;
        dl->PushClipRect(r.Min, r.Max, false);
        const float gap = t.px(32);
        const bool tall = r.GetHeight() >= r.GetWidth() * 0.6f;
        // Picture and name/price on top (tall) or at the left (a short band), the code in the rest.
        // Without a code (sold out, no link) the picture takes the room, the card only says why.
        const float side = std::round(!tall ? r.GetHeight()
                                      : order.qr ? std::min(r.GetWidth() * 0.42f, r.GetHeight() * 0.38f)
                                                 : std::min(r.GetWidth() * 0.5f, r.GetHeight() - gap - t.px(200)));
        const ImRect image(r.Min, ImVec2(r.Min.x + side, r.Min.y + side));
        draw_picture(f, p, image);
        const float text_w = tall ? r.Max.x - image.Max.x - gap : std::max(t.px(300), r.GetWidth() * 0.3f);
        const ImVec2 text_at(image.Max.x + gap, r.Min.y);
        float y = text_at.y;
        y += draw_text(dl, t.fonts.title, text_at, t.text, clamp_lines(t.fonts.title, p.name.in(f.lang), text_w, tall ? 3 : 2));
        y += t.px(12);
        // The price and its unit on one line when they fit, else the unit on the next.
        const std::string price = format_money_fen(p.price_fen);
        const std::string unit = p.unit.empty() ? std::string() : " /" + p.unit.in(f.lang);
        const ImU32 ink = p.sold_out ? t.text_muted : t.bar;
        ImFont* face = text_size(t.fonts.number, price + unit).x <= text_w ? t.fonts.number : t.fonts.title;
        if (text_size(face, price + unit).x <= text_w) {
            draw_text(dl, face, ImVec2(text_at.x, y), ink, price + unit);
        } else {
            y += draw_text(dl, face, ImVec2(text_at.x, y), ink, fit_line(face, price, text_w));
            draw_text(dl, t.fonts.heading, ImVec2(text_at.x, y), t.text_muted, clamp_lines(t.fonts.heading, p.unit.in(f.lang), text_w, 2));
        }
        const ImRect code = tall ? ImRect(ImVec2(r.Min.x, image.Max.y + gap), r.Max)
                                 : ImRect(ImVec2(text_at.x + text_w + gap, r.Min.y), r.Max);
        draw_code_card(f, p, order, code);
        dl->PopClipRect();
    }

    // The code in a card across `r`, its caption beside it; sold out or unavailable said instead.
    void draw_code_card(FrameContext& f, const Product& p, const OrderView& order, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        dl->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
        dl->AddRect(r.Min, r.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
        const float pad = t.px(16);
        const float inner_w = r.GetWidth() - 2 * pad;
        if (!order.qr) {
            const std::string& headline = ui_text(p.sold_out ? "badge_sold_out" : "ordering_unavailable", f.lang);
            const std::string note = p.sold_out ? clamp_lines(t.fonts.heading, ui_text("sold_out_note", f.lang), inner_w, 2) : "";
            const float note_h = note.empty() ? 0 : t.px(16) + text_size(t.fonts.heading, note).y;
            const float top = r.Min.y + std::max(0.0f, (r.GetHeight() - t.fonts.title->FontSize - note_h) * 0.5f);
            draw_lines_centered(dl, t.fonts.title, r.GetCenter().x, top, t.text_muted, fit_line(t.fonts.title, headline, inner_w));
            if (!note.empty() && top + t.fonts.title->FontSize + note_h <= r.Max.y)
                draw_lines_centered(dl, t.fonts.heading, r.GetCenter().x, top + t.fonts.title->FontSize + t.px(16), t.text_muted, note);
            return;
        }
        const QrMatrix& qr = *order.qr;
        // The code takes the card's height, leaving the caption at least a third of its width.
        const float box = std::min(r.GetHeight() - 2 * pad, inner_w * 0.66f);
        const int module = qr_module_px(qr, box, t.scale);
        const float side = qr_side_px(qr, module);
        const ImVec2 at(r.Min.x + pad, r.Min.y + (r.GetHeight() - side) * 0.5f);
        draw_qr(dl, qr, at, static_cast<float>(module));
        const float tx = at.x + side + t.px(24);
        const float tw = r.Max.x - pad - tx;
        const std::string caption = clamp_lines(t.fonts.title, order_caption(*order.platform, f.lang), tw, 3);
        const std::string note = clamp_lines(t.fonts.body, order_caption_hint(*order.platform, f.lang), tw, 2);
        const float text_h = text_size(t.fonts.title, caption).y + t.px(12) + text_size(t.fonts.body, note).y;
        float y = r.Min.y + std::max(pad, (r.GetHeight() - text_h) * 0.5f);
        y += draw_text(dl, t.fonts.title, ImVec2(tx, y), t.bar, caption) + t.px(12);
        draw_text(dl, t.fonts.body, ImVec2(tx, y), t.text_muted, note);
    }

    // [Issue 19] In the band under the code: the platform tabs in their card (where order_tab_rects puts them)
    // and the details a visitor reads or touches (producer, Where?, badges, description).
    void draw_in_band(FrameContext& f, const Product& p, const OrderView& order, const ImRect& area) {
        const Theme& t = f.theme;
        ImRect details = area;
        if (!order.tabs.empty()) {
            ImRect tabs = order.tabs.front();
            for (const ImRect& r : order.tabs) tabs.Add(r);
            const float pad = order_panel_pad(t);
            const ImRect card(ImVec2(tabs.Min.x - pad, tabs.Min.y - pad), ImVec2(tabs.Max.x + pad, tabs.Max.y + pad));
            f.draw->AddRectFilled(card.Min, card.Max, t.card, t.rounding());
            f.draw->AddRect(card.Min, card.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
            draw_order_tabs(f.draw, t, f.touch, order.tabs, order.platforms, order.selected, f.lang);
            if (f.size.y > f.size.x) details.Max.y = card.Min.y - t.px(28);
            else details.Max.x = card.Min.x - t.px(40);
        }
        draw_details(f, p, details, false);
    }

    // The room the tabs take in the panel beside the code: their rows and a gap; 0 without tabs.
    static float tabs_space(const Theme& t, float width, const OrderView& order) {
        const float h = order_tabs_height(t, width, order.tabs.size());
        return h > 0 ? h + t.px(12) : 0;
    }

    void draw_picture(FrameContext& f, const Product& p, const ImRect& r) {
        const Theme& t = f.theme;
        draw_image(f.draw, t, f.images, p.image, r, ImagePlaceholder{p.id, p.name.in(f.lang)}, t.rounding());
        if (p.sold_out) f.draw->AddRectFilled(r.Min, r.Max, IM_COL32(255, 255, 255, 130), t.rounding());
    }

    // Name, county and producer, badges, price per unit, description: top to bottom within `r`.
    // `named`: false leaves out the name and price (drawn above the reach band).
    void draw_details(FrameContext& f, const Product& p, const ImRect& r, bool named = true) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float w = r.GetWidth();
        float y = r.Min.y;
        if (named) {
            y += draw_text(dl, t.fonts.title, ImVec2(r.Min.x, y), t.text, clamp_lines(t.fonts.title, p.name.in(f.lang), w, 2));
            y += t.px(12);
        }

        std::string from;
        if (const County* c = f.feed.county(p.county)) from = c->name.in(f.lang);
        if (!p.producer.empty()) from += (from.empty() ? "" : "  ·  ") + p.producer.in(f.lang);
        if (!from.empty()) y += draw_text(dl, t.fonts.body, ImVec2(r.Min.x, y), t.text_muted, fit_line(t.fonts.body, from, w)) + t.px(20);
        if (const Area* booth = product_area(f.feed, p)) {   // the walk to its county's booth
            draw_where_button(f, ImVec2(r.Min.x, y), t.px(72), *booth);
            y += t.px(72) + t.px(20);
        }

        // The price in the big number face; the unit beside it, or below when it does not fit.
        const std::string price = format_money_fen(p.price_fen);
        const ImVec2 price_size = named ? text_size(t.fonts.number, price) : ImVec2(0, 0);
        // Badges (rows of body-font height, catalogue_parts.cpp) only in the rows left above the price.
        const float badge_row = t.fonts.body->FontSize + t.px(4) + t.px(8);
        const int badge_rows = std::min(2, static_cast<int>((r.Max.y - y - price_size.y - t.px(20) + t.px(8)) / badge_row));
        const float badges = badge_rows > 0 ? draw_product_badges(dl, t, p, f.lang, ImVec2(r.Min.x, y), w, badge_rows) : 0.0f;
        if (badges > 0) y += badges + t.px(20);

        if (named) draw_text(dl, t.fonts.number, ImVec2(r.Min.x, y), p.sold_out ? t.text_muted : t.bar, price);
        float below = y + price_size.y;
        if (named && !p.unit.empty()) {
            const std::string unit = "/" + p.unit.in(f.lang);
            const float unit_w = text_size(t.fonts.heading, unit).x;
            const float baseline_gap = price_size.y * 0.14f;   // the number face's descent, roughly
            if (price_size.x + t.px(8) + unit_w <= w) {
                draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + price_size.x + t.px(8), y + price_size.y - baseline_gap - t.fonts.heading->FontSize),
                          t.text_muted, unit);
            } else {
                below += draw_text(dl, t.fonts.heading, ImVec2(r.Min.x, below), t.text_muted, fit_line(t.fonts.heading, unit, w));
            }
        }
        y = below + t.px(24);

        const std::string& description = p.description.in(f.lang);
        const int lines = static_cast<int>((r.Max.y - y) / t.fonts.body->FontSize);
        if (!description.empty() && lines > 0)
            draw_text(dl, t.fonts.body, ImVec2(r.Min.x, y), t.text, clamp_lines(t.fonts.body, description, w, lines));
    }

    // The panel, its tabs, and in `code` the QR code and its caption naming the app to
    // scan with; or why there is none. `beside`: caption to the right of the code (portrait)
    // rather than below it.
    void draw_order_panel(FrameContext& f, const Product& p, const OrderView& order, const ImRect& r, const ImRect& code,
                          bool beside) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        dl->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
        dl->AddRect(r.Min, r.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
        const float pad = order_panel_pad(t);
        const float inner_w = r.GetWidth() - 2 * pad;
        const QrMatrix* qr = order.qr;

        if (!qr) {   // sold out, or no link the kiosk may show
            const std::string& headline = ui_text(p.sold_out ? "badge_sold_out" : "ordering_unavailable", f.lang);
            const std::string note = p.sold_out ? clamp_lines(t.fonts.body, ui_text("sold_out_note", f.lang), inner_w, 2) : std::string();
            const float note_h = note.empty() ? 0 : t.px(12) + text_size(t.fonts.body, note).y;
            const float top = r.Min.y + (r.GetHeight() - t.fonts.heading->FontSize - note_h) * 0.5f;
            draw_lines_centered(dl, t.fonts.heading, r.GetCenter().x, top, t.text_muted, fit_line(t.fonts.heading, headline, inner_w));
            if (!note.empty()) draw_lines_centered(dl, t.fonts.body, r.GetCenter().x, top + t.fonts.heading->FontSize + t.px(12), t.text_muted, note);
            return;
        }
        draw_order_tabs(dl, t, f.touch, order.tabs, order.platforms, order.selected, f.lang);

        const float box = beside ? code.GetHeight() - 2 * pad : inner_w;
        const int module = qr_module_px(*qr, box, t.scale);
        const float side = qr_side_px(*qr, module);
        const std::string caption = order_caption(*order.platform, f.lang);
        const std::string& hint = order_caption_hint(*order.platform, f.lang);
        if (beside) {
            const ImVec2 at(code.Min.x + pad, code.Min.y + (code.GetHeight() - side) * 0.5f);
            draw_qr(dl, *qr, at, static_cast<float>(module));
            const float tx = at.x + side + t.px(32);
            const float tw = code.Max.x - pad - tx;
            // The caption in the title font when two lines hold it, else the heading font (a narrow panel).
            ImFont* face = text_size(t.fonts.title, clamp_lines(t.fonts.title, caption, tw, 3)).y <= 2.5f * t.fonts.title->FontSize
                               ? t.fonts.title : t.fonts.heading;
            const std::string title = clamp_lines(face, caption, tw, face == t.fonts.title ? 2 : 3);
            const std::string note = clamp_lines(t.fonts.body, hint, tw, 2);
            const float text_h = text_size(face, title).y + t.px(12) + text_size(t.fonts.body, note).y;
            float y = code.Min.y + (code.GetHeight() - text_h) * 0.5f;
            y += draw_text(dl, face, ImVec2(tx, y), t.bar, title) + t.px(12);
            draw_text(dl, t.fonts.body, ImVec2(tx, y), t.text_muted, note);
        } else {
            const std::string title = clamp_lines(t.fonts.heading, caption, inner_w, 2);
            const float block = side + t.px(20) + text_size(t.fonts.heading, title).y + t.px(8) + t.fonts.body->FontSize;
            const ImVec2 at(code.GetCenter().x - side * 0.5f, code.Min.y + std::max(pad, (code.GetHeight() - block) * 0.5f));
            draw_qr(dl, *qr, at, static_cast<float>(module));
            float y = at.y + side + t.px(20);
            y += draw_lines_centered(dl, t.fonts.heading, code.GetCenter().x, y, t.bar, title);
            draw_lines_centered(dl, t.fonts.body, code.GetCenter().x, y + t.px(8), t.text_muted, fit_line(t.fonts.body, hint, inner_w));
        }
    }

    std::string product_id_;
    std::string tab_;           // [order links] the platform id of the chosen tab; "" or unknown: the first
    std::set<std::string> qr_counted_;   // the platforms whose code this visit has counted
    QrCache qr_;
};

} // namespace

std::unique_ptr<Screen> make_product_screen() { return std::make_unique<ProductScreen>(); }

} // namespace kiosk
