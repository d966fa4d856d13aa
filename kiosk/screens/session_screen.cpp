// Session detail: what, when, where, which county; the description; and a
// large QR code of the live-stream link to watch it on a phone. A moved session
// shows its old time and place struck through; a cancelled one says so, greyed, without a code.
// The product its studio presents now (on_air_part.h) sits under the header.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "screens/catalogue_parts.h"
#include "screens/on_air_part.h"
#include "screens/session_layout.h"
#include "screens/session_text.h"
#include "screens/venue_parts.h"
#include "widgets/qr_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>

namespace kiosk {

namespace {

class SessionScreen final : public Screen {
public:
    void enter(const Route& route) override {
        id_ = route.id;
        scroll_.reset();
    }

    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const float m = t.margin();
        const ImRect area(ImVec2(f.origin.x + m, f.origin.y + t.px(32)),
                          ImVec2(f.origin.x + f.size.x - m, f.origin.y + f.size.y - t.px(32)));
        const Session* s = f.feed.session(id_);
        start_ = end_ = 0;
        if (!s) {   // the feed changed under the visitor
            draw_text(f.draw, t.fonts.heading, area.Min, t.text_muted, ui_text("session_missing", f.lang), area.GetWidth());
            return;
        }
        start_ = s->start.unix_seconds;
        end_ = s->end.unix_seconds;

        // The watch link as a QR code: https links only, encoded once per link.
        const QrMatrix* qr = nullptr;
        if (!s->cancelled && !s->watch_url.empty() && is_orderable_url(s->watch_url, false)) qr = qr_cache_.get(s->watch_url);
        marked_ = s->cancelled || change_mark_shown(*s, f.zone, f.now_unix);
        const LocalTime local = f.zone.to_local(f.now_unix);
        next_midnight_ = f.now_unix + 86400 - (local.hour * 3600 + local.minute * 60 + local.second);

        // [Issue 19] In the accessible mode the code goes above the reach band, whole; the band keeps the rest.
        if (qr && f.accessible && f.above.GetHeight() >= t.px(200) && f.above.GetWidth() > 0) {
            draw_above(f, *s, *qr, f.above);
            qr = nullptr;
        }
        const bool portrait = f.size.y > f.size.x;
        ImRect text_col = area;
        if (qr && !portrait) {
            // The code on the right, large but leaving the text most of the width.
            const float box = std::min({area.GetHeight() - caption_height(t) - t.px(24), area.GetWidth() * 0.38f, t.px(680)});
            const ImVec2 size = qr_panel_size(*qr, box, t);
            const ImRect panel(ImVec2(area.Max.x - size.x, area.Min.y), ImVec2(area.Max.x, area.Min.y + size.y));
            draw_qr_panel(f, *qr, box, panel);
            text_col.Max.x = panel.Min.x - t.px(48);
        }
        float y = draw_header(f, *s, text_col);
        if (qr && portrait) {   // the code centred under the header
            float box = std::min({area.GetWidth() - 2 * t.px(32), (area.Max.y - y) * 0.6f - caption_height(t), t.px(720)});
            // [Issue 19] A smaller code (not under 360 px, still some 23 cm on a 55-inch panel) when that leaves the
            // county's products a row of cards in the area above the accessible strip.
            if (const float below = room_for_products(f, *s, area.GetWidth()); below > 0)
                box = std::min(box, std::max(t.px(360), area.Max.y - y - below - t.px(8 + 24 + 32) - caption_height(t)));
            const ImVec2 size = qr_panel_size(*qr, box, t);
            const float x = area.GetCenter().x - size.x * 0.5f;
            const ImRect panel(ImVec2(x, y + t.px(8)), ImVec2(x + size.x, y + t.px(8) + size.y));
            draw_qr_panel(f, *qr, box, panel);
            y = panel.Max.y + t.px(32);
        }
        if (!s->cancelled) {   // [Issue 16] the product on air; a cancelled session presents none
            const float b = on_air_.draw(f, s->id, ImRect(ImVec2(text_col.Min.x, y), ImVec2(text_col.Max.x, area.Max.y)));
            if (b > y) y = b + t.px(24);
        }
        if (portrait && draw_county_products(f, *s, ImRect(ImVec2(text_col.Min.x, y), ImVec2(text_col.Max.x, area.Max.y))))
            return;
        draw_description(f, *s, ImRect(ImVec2(text_col.Min.x, y), ImVec2(text_col.Max.x, area.Max.y)));
    }

    double seconds_until_change(std::int64_t now_unix, double) const override {
        if (scroll_.animating()) return 0;
        if (marked_ && next_midnight_ <= now_unix) return 0;   // a change mark's day is over
        if (start_ > now_unix) return static_cast<double>(seconds_until_countdown_ticks(start_, now_unix));
        if (end_ > now_unix) return static_cast<double>(seconds_until_countdown_ticks(end_, now_unix));
        return kNoChange;
    }

private:
    static float caption_height(const Theme& t) { return t.fonts.heading->FontSize + t.px(32); }

    // The white card around the code: a margin, the code (quiet zone included), the caption.
    static ImVec2 qr_panel_size(const QrMatrix& qr, float box, const Theme& t) {
        const float side = qr_side_px(qr, qr_module_px(qr, box, t.scale));
        return ImVec2(side + 2 * t.px(24), side + t.px(24) + caption_height(t));
    }

    void draw_qr_panel(FrameContext& f, const QrMatrix& qr, float box, const ImRect& panel) {
        const Theme& t = f.theme;
        const int module = qr_module_px(qr, box, t.scale);
        const float side = qr_side_px(qr, module);
        f.draw->AddRectFilled(panel.Min, panel.Max, IM_COL32_WHITE, t.rounding());
        f.draw->AddRect(panel.Min, panel.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
        const ImVec2 at(panel.GetCenter().x - side * 0.5f, panel.Min.y + t.px(24));
        draw_qr(f.draw, qr, at, static_cast<float>(module));
        // The quiet zone already spaces the caption from the code.
        const float caption_y = at.y + side;
        draw_text_centered(f.draw, t.fonts.heading,
                           ImRect(ImVec2(panel.Min.x + t.px(8), caption_y), ImVec2(panel.Max.x - t.px(8), caption_y + caption_height(t))),
                           t.text, ui_text("watch_scan", f.lang));
    }

    // [Issue 19] Above the reach band, looked at and never touched: the title, large, and the watch code beside
    // it (a short band) or under it (a tall one), as large as fits.
    void draw_above(FrameContext& f, const Session& s, const QrMatrix& qr, const ImRect& r) {
        const Theme& t = f.theme;
        f.above_drawn = true;
        f.draw->PushClipRect(r.Min, r.Max, false);
        const bool tall = r.GetHeight() >= r.GetWidth() * 0.6f;
        const float title_w = tall ? r.GetWidth() : r.GetWidth() * 0.5f;
        const std::string title = clamp_lines(t.fonts.title, s.title.in(f.lang), title_w, tall ? 2 : 3);
        const float title_h = draw_text(f.draw, t.fonts.title, r.Min, t.text, title, title_w);
        const ImRect room = tall ? ImRect(ImVec2(r.Min.x, r.Min.y + title_h + t.px(24)), r.Max)
                                 : ImRect(ImVec2(r.Min.x + title_w + t.px(32), r.Min.y), r.Max);
        if (tall) {   // the largest box whose card (margin and caption included) fits the room
            const float box = std::min(room.GetWidth() - 2 * t.px(24), room.GetHeight() - t.px(24) - caption_height(t));
            const ImVec2 size = qr_panel_size(qr, box, t);
            const float x = room.GetCenter().x - size.x * 0.5f;
            draw_qr_panel(f, qr, box, ImRect(ImVec2(x, room.Min.y), ImVec2(x + size.x, room.Min.y + size.y)));
        } else {
            draw_qr_card_beside(f, qr, room);
        }
        f.draw->PopClipRect();
    }

    // A short room (landscape): the code its full height at the right, the caption left of it, in one white card.
    static void draw_qr_card_beside(FrameContext& f, const QrMatrix& qr, const ImRect& room) {
        const Theme& t = f.theme;
        const float pad = t.px(16);
        const int module = qr_module_px(qr, room.GetHeight() - 2 * pad, t.scale);
        const float side = qr_side_px(qr, module);
        const std::string& caption = ui_text("watch_scan", f.lang);
        const float caption_w = std::min(text_size(t.fonts.title, caption).x, room.GetWidth() - side - 4 * pad);
        const ImRect card(ImVec2(room.Max.x - side - caption_w - 3 * pad, room.Min.y), ImVec2(room.Max.x, room.Min.y + side + 2 * pad));
        f.draw->AddRectFilled(card.Min, card.Max, IM_COL32_WHITE, t.rounding());
        f.draw->AddRect(card.Min, card.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
        draw_qr(f.draw, qr, ImVec2(card.Max.x - pad - side, card.Min.y + pad), static_cast<float>(module));
        const std::string text = clamp_lines(t.fonts.title, caption, caption_w, 2);
        const float y = card.GetCenter().y - text_size(t.fonts.title, text).y * 0.5f;
        draw_text(f.draw, t.fonts.title, ImVec2(card.Min.x + pad, y), t.text, text);
    }

    // Kind and status, title, day and time, place, county, viewers. Returns the bottom.
    float draw_header(FrameContext& f, const Session& s, const ImRect& col) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float width = col.GetWidth();
        float y = col.Min.y;

        float x = col.Min.x;
        x += draw_badge(dl, t, ImVec2(x, y), kind_label(s.kind, f.lang), kind_colour(s.kind, t), IM_COL32_WHITE) + t.px(16);
        if (const float w = draw_change_badge(dl, t, ImVec2(x, y), s, f.zone, f.now_unix, f.lang)) x += w + t.px(16);
        std::string status;
        ImU32 status_ink = t.text_muted;
        if (s.cancelled) {
            // The 已取消 badge says it all: no status beside it.
        } else if (session_running(s, f.now_unix)) {
            x += draw_badge(dl, t, ImVec2(x, y), ui_text("session_running", f.lang), t.live, IM_COL32_WHITE) + t.px(16);
            status = time_left_text(s, f.now_unix, f.lang);
            status_ink = t.live;
        } else if (s.start.unix_seconds > f.now_unix) {
            status = starts_in_text(s, f.zone, f.now_unix, f.lang);
            status_ink = t.warning;
        } else {
            status = ui_text("session_ended", f.lang);
        }
        draw_text(dl, t.fonts.body, ImVec2(x, y + t.px(2)), status_ink, fit_line(t.fonts.body, status, col.Max.x - x));
        y += t.fonts.body->FontSize + t.px(24);

        const ImU32 ink = s.cancelled ? t.text_muted : t.text;
        y += draw_text(dl, t.fonts.title, ImVec2(col.Min.x, y), ink, clamp_lines(t.fonts.title, s.title.in(f.lang), width, 2), width);
        y += t.px(16);
        const std::string when = format_day_label(f.zone.day_number_at(s.start.unix_seconds), f.lang) + "  " + time_range(s, f.zone);
        if (s.cancelled) draw_struck_text(dl, t.fonts.heading, ImVec2(col.Min.x, y), ink, fit_line(t.fonts.heading, when, width));
        else draw_text(dl, t.fonts.heading, ImVec2(col.Min.x, y), ink, fit_line(t.fonts.heading, when, width));
        y += t.fonts.heading->FontSize + t.px(12);
        const bool moved = !s.cancelled && change_mark_shown(s, f.zone, f.now_unix);
        if (moved && time_changed(s)) y += draw_was(f, previous_time_range(s, f.zone, f.lang), ImVec2(col.Min.x, y), width, t.fonts.heading);
        if (!s.location.empty()) {
            y += draw_text(dl, t.fonts.body, ImVec2(col.Min.x, y), t.text_muted,
                           clamp_lines(t.fonts.body, s.location.in(f.lang), width, 2), width);
            y += t.px(16);
        }
        if (moved && place_changed(s) && !s.previous->location.empty())
            y += draw_was(f, s.previous->location.in(f.lang), ImVec2(col.Min.x, y), width, t.fonts.body);

        const County* county = s.county.empty() ? nullptr : f.feed.county(s.county);
        const std::int64_t viewers = s.cancelled ? -1 : session_viewers(f.live, s.id);   // no audience for what is off
        const Area* place = session_area(f.feed, s);
        if (county || viewers >= 0 || place) {
            const float row_h = t.px(72);
            float rx = col.Min.x;
            if (place) rx += draw_where_button(f, ImVec2(rx, y), row_h, *place) + t.px(24);   // the walk to it
            // A part that does not fit beside the one before it starts a new row (large type, a narrow column);
            // false (the part left out) when that row would run past the column's foot.
            auto wrap_for = [&](float w) {
                if (rx == col.Min.x || rx + w <= col.Max.x) return true;
                if (y + 2 * row_h + t.px(24) > col.Max.y) return false;
                y += row_h + t.px(24);
                rx = col.Min.x;
                return true;
            };
            if (county) {   // the county's products are one tap away
                const std::string label = county->name.in(f.lang) + "  ›";
                const float w = std::min(width, text_size(t.fonts.heading, label).x + t.px(56));
                if (wrap_for(w)) {
                    const ImRect button(ImVec2(rx, y), ImVec2(rx + w, y + row_h));
                    if (touch_button(dl, t, f.touch, button, label, ButtonStyle::secondary, t.fonts.heading))
                        f.nav.go(Route{ScreenId::county, county->id});
                    rx = button.Max.x + t.px(32);
                }
            }
            const std::string viewers_text = viewers >= 0 ? ui_text("viewers", f.lang) + " " + format_big(viewers, f.lang) : "";
            if (viewers >= 0 && wrap_for(std::min(width, text_size(t.fonts.heading, viewers_text).x))) {
                const std::string& text = viewers_text;
                const float ty = y + (row_h - t.fonts.heading->FontSize) * 0.5f;
                draw_text(dl, t.fonts.heading, ImVec2(rx, ty), t.live, fit_line(t.fonts.heading, text, col.Max.x - rx));
            }
            y += row_h + t.px(24);
        }
        return y;
    }

    // "原定 ~~19:00–20:30~~": a moved session's old time or place. Returns the height used.
    static float draw_was(FrameContext& f, const std::string& old, ImVec2 at, float width, ImFont* font) {
        const Theme& t = f.theme;
        const std::string was = ui_text("previous_plan", f.lang);
        draw_text(f.draw, font, at, t.warning, was);
        const float x = at.x + text_size(font, was).x + t.px(16);
        draw_struck_text(f.draw, font, ImVec2(x, at.y), t.text_muted, fit_line(font, old, at.x + width - x));
        return font->FontSize + t.px(16);
    }

    // [Issue 19] Portrait: the height under the code for the on-air card, the description and one row of the
    // county's products; 0 when the county has none.
    float room_for_products(const FrameContext& f, const Session& s, float width) {
        const Theme& t = f.theme;
        const County* county = s.county.empty() ? nullptr : f.feed.county(s.county);
        if (!county || f.feed.products_of(county->id).empty()) return 0;
        float h = t.fonts.heading->FontSize + t.px(16) + session_cards_least_height(t, width, product_card_text_height(t));
        if (const Product* p = s.cancelled ? nullptr : OnAirPart::product_on_air(f, s.id)) h += on_air_.height(f, *p, width) + t.px(24);
        const std::string& text = s.description.in(f.lang);
        if (!text.empty()) h += text_size(t.fonts.body, text, width).y + t.px(32);
        return h;
    }

    // [Issue 19] Portrait: the description at its own height, then the session's county's products
    // (featured first) in the room left, as cards that open them. False (nothing drawn) when there
    // is no county with products or no room for a row of cards under the whole description.
    bool draw_county_products(FrameContext& f, const Session& s, const ImRect& r) {
        const Theme& t = f.theme;
        const County* county = s.county.empty() ? nullptr : f.feed.county(s.county);
        if (!county) return false;
        std::vector<const Product*> products = f.feed.products_of(county->id);
        const auto rank = [](const Product* p) { return p->sold_out ? 2 : p->featured ? 0 : 1; };   // featured first, sold out last
        std::stable_sort(products.begin(), products.end(), [&](const Product* a, const Product* b) { return rank(a) < rank(b); });
        const std::string& text = s.description.in(f.lang);
        const float about_h = text.empty() ? 0.0f : text_size(t.fonts.body, text, r.GetWidth()).y + t.px(32);
        const std::string heading = county->name.in(f.lang) + "  ·  " + product_count_text(static_cast<std::int64_t>(products.size()), f.lang);
        const float heading_h = t.fonts.heading->FontSize + t.px(16);
        const ImRect room(ImVec2(r.Min.x, r.Min.y + about_h + heading_h), r.Max);
        const SessionCards cards = session_product_cards(t, room, static_cast<int>(products.size()), product_card_text_height(t));
        if (cards.rows == 0) return false;
        draw_description(f, s, ImRect(r.Min, ImVec2(r.Max.x, r.Min.y + about_h)));
        draw_text(f.draw, t.fonts.heading, ImVec2(r.Min.x, r.Min.y + about_h), t.text, fit_line(t.fonts.heading, heading, r.GetWidth()));
        const float ratio = (cards.card.y - product_card_text_height(t)) / cards.card.x;
        for (int i = 0; i < cards.shown(static_cast<int>(products.size())); ++i) {
            const Product& p = *products[static_cast<std::size_t>(i)];
            if (draw_product_card(f, p, cards.rect(i), ratio)) f.nav.go(Route{ScreenId::product, p.id});
        }
        return true;
    }

    // The description, wrapped, drag-scrolled when longer than its room.
    void draw_description(FrameContext& f, const Session& s, const ImRect& r) {
        const Theme& t = f.theme;
        const std::string& text = s.description.in(f.lang);
        if (text.empty() || r.GetHeight() < t.fonts.body->FontSize) return;
        const float width = r.GetWidth();
        scroll_.update(f.touch, r, text_size(t.fonts.body, text, width).y + t.px(8), f.now);
        f.draw->PushClipRect(scroll_.rows_clip().Min, scroll_.rows_clip().Max, true);
        draw_text(f.draw, t.fonts.body, ImVec2(r.Min.x, r.Min.y - scroll_.offset()), t.text, text, width);
        f.draw->PopClipRect();
    }

    std::string id_;
    QrCache qr_cache_;
    ScrollArea scroll_;
    std::int64_t start_ = 0, end_ = 0;   // of the session shown, for seconds_until_change
    bool marked_ = false;                // it shows a change mark, which ends at midnight
    std::int64_t next_midnight_ = 0;
    OnAirPart on_air_;                   // [Issue 16] the product presented now
};

} // namespace

std::unique_ptr<Screen> make_session_screen() { return std::make_unique<SessionScreen>(); }

} // namespace kiosk
