// Home: the event (title, venue, dates), what is live now, the large entries
// (schedule, county products, live sales, featured, venue map, search) and today's sessions.
// Portrait fills the height: the entries, larger, at the bottom in reach, featured products above them.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "screens/above_part.h"
#include "screens/home_layout.h"
#include "screens/now_next_part.h"
#include "screens/on_air_part.h"
#include "screens/session_text.h"
#include "widgets/image_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk {

namespace {

std::string event_dates(const Event& e, Lang lang) {
    const auto first = parse_date(e.first_day), last = parse_date(e.last_day);
    if (!first || !last) return e.first_day + " – " + e.last_day;
    return format_day_label(*first, lang) + " – " + format_day_label(*last, lang);
}

// `text` centred in `r`, its font made smaller (never larger) when it is too wide: a tile's title stays whole.
void draw_fitted_centered(ImDrawList* dl, ImFont* font, const ImRect& r, ImU32 color, std::string_view text) {
    const float size = fitted_font_size(font, text, r.GetWidth());
    const ImVec2 extent = font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size());
    dl->AddText(font, size, ImVec2(std::round(r.GetCenter().x - extent.x * 0.5f), std::round(r.GetCenter().y - extent.y * 0.5f)),
                color, text.data(), text.data() + text.size());
}

// The session running at `now`, or the next one to start; nullptr when the event is over.
const Session* current_or_next(const Feed& feed, std::int64_t now, bool& running) {
    for (const Session& s : feed.schedule) {
        if (session_running(s, now)) {   // a cancelled session is neither
            running = true;
            return &s;
        }
    }
    running = false;
    for (const Session& s : feed.schedule)
        if (session_upcoming(s, now)) return &s;
    return nullptr;
}

// A large entry: its title, a hint below it, where it leads and its top stripe.
struct Entry {
    const char* title;
    const char* hint;
    Route route;
    ImU32 stripe;
};

std::vector<Entry> home_entries(const FrameContext& f) {
    const Theme& t = f.theme;
    std::vector<Entry> entries{
        {"schedule", "schedule_hint", {ScreenId::schedule, {}}, t.bar},
        {"catalogue", "catalogue_hint", {ScreenId::catalogue, {}}, t.bar},
        {"live_sales", "live_sales_hint", {ScreenId::live, {}}, t.live},
        {"featured", "featured_hint", {ScreenId::attract, {}}, t.bar},
    };
    if (!f.feed.venue.empty()) entries.push_back({"venue_map", "venue_map_hint", {ScreenId::map, {}}, t.accent});
    entries.push_back({"search", "search_hint", {ScreenId::search, {}}, t.accent});
    return entries;
}

class HomeScreen final : public Screen {
public:
    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        const float m = t.margin();
        const float x = f.origin.x + m, width = f.size.x - 2 * m;
        float y = f.origin.y + t.px(28);
        // [Issue 19] In the accessible mode the event's lines go above the reach band (nothing there to touch),
        // leaving the band to the live strip and the entries.
        if (const ImRect above = above_room(f, t.px(120)); above.GetWidth() > 0) {
            AboveScope scope(f);
            const float bottom = draw_event(f, above.Min.x + m, above.Min.y + t.px(8), above.GetWidth() - 2 * m);
            // Where the room goes on (a portrait panel): what is on now and next, large, as the schedule shows it.
            const ImRect rest(ImVec2(above.Min.x, bottom + t.px(24)), above.Max);
            if (rest.GetHeight() >= t.px(360)) draw_now_and_next(f, rest, now_and_next(f.feed, f.now_unix));
            y = f.origin.y + t.px(24);
        } else {
            y = draw_event(f, x, y, width);
        }
        y = draw_live_strip(f, x, y, width);
        if (home_portrait(f.size)) draw_portrait_body(f, x, y, width);
        else draw_landscape_body(f, x, y, width);
    }

    double seconds_until_change(std::int64_t now_unix, double) const override {
        return static_cast<double>(60 - now_unix % 60);   // the live strip follows the clock
    }

private:
    // The event: title, venue and dates, the sample-data badge. Returns the bottom.
    float draw_event(FrameContext& f, float x, float y, float width) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        y += draw_text(dl, t.fonts.title, ImVec2(x, y), t.text, clamp_lines(t.fonts.title, f.feed.event.title.in(f.lang), width, 2), width);
        y += t.px(8);
        y += draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted,
                       f.feed.event.venue.in(f.lang) + "  ·  " + event_dates(f.feed.event, f.lang), width);
        if (!f.feed.sample_note.empty()) {   // visitors must not take sample prices for real ones
            y += t.px(8);
            draw_badge(dl, t, ImVec2(x, y), ui_text("sample_data", f.lang), t.highlight, t.warning);
            y += t.fonts.body->FontSize + t.px(4);
        }
        return y + t.px(24);
    }

    // What is live now with its viewers, or what comes next. Returns the bottom.
    float draw_live_strip(FrameContext& f, float x, float y, float width) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        bool running = false;
        const Session* s = current_or_next(f.feed, f.now_unix, running);
        if (!s) return y;
        const ImRect strip(ImVec2(x, y), ImVec2(x + width, y + t.px(96)));
        if (touch_card(dl, t, f.touch, strip, s->id)) f.nav.go(Route{ScreenId::session, s->id});
        float sx = strip.Min.x + t.px(24);
        const ImU32 badge_fill = running ? t.live : t.accent;
        sx += draw_badge(dl, t, ImVec2(sx, strip.Min.y + t.px(28)), ui_text(running ? "now_live" : "up_next", f.lang),
                         badge_fill, IM_COL32_WHITE) + t.px(20);
        const LocalTime start = f.zone.to_local(s->start.unix_seconds);
        std::string line = format_hhmm(start) + "  " + s->title.in(f.lang);
        const std::int64_t viewers = session_viewers(f.live, s->id);
        std::string right = viewers >= 0 ? ui_text("viewers", f.lang) + " " + format_big(viewers, f.lang) : std::string();
        const float right_w = text_size(t.fonts.heading, right).x;
        draw_text(dl, t.fonts.heading, ImVec2(sx, strip.Min.y + t.px(24)), t.text,
                  fit_line(t.fonts.heading, line, strip.Max.x - sx - right_w - t.px(48)));
        if (!right.empty())
            draw_text(dl, t.fonts.heading, ImVec2(strip.Max.x - right_w - t.px(24), strip.Min.y + t.px(24)), t.live, right);
        return strip.Max.y + t.px(24);
    }

    // The entry tiles where home_layout.h puts them for this orientation (below `y`); their rectangles.
    std::vector<ImRect> draw_entries(FrameContext& f, float y) {
        const std::vector<Entry> entries = home_entries(f);
        std::vector<ImRect> tiles = home_entry_tiles(f.theme, f.origin, f.size, y, static_cast<int>(entries.size()));
        for (std::size_t i = 0; i < entries.size(); ++i) draw_entry(f, entries[i], tiles[i]);
        return tiles;
    }

    // Landscape: the entries in a row, then today's sessions with the product on air beside them.
    void draw_landscape_body(FrameContext& f, float x, float y, float width) {
        const Theme& t = f.theme;
        const float gap = t.px(24);
        const std::vector<ImRect> tiles = draw_entries(f, y);
        y = tiles.back().Max.y + gap + t.px(8);

        // [Issue 16] The product on air beside today's sessions.
        const float bottom = f.origin.y + f.size.y - t.px(24);
        if (bottom - y < t.px(200)) return;   // a short area (the accessible mode's band): the entries alone
        float today_right = x + width;
        if (OnAirPart::product_on_air(f, {})) {
            const float on_air_x = x + width * 0.55f;
            if (on_air_.draw(f, {}, ImRect(ImVec2(on_air_x, y), ImVec2(x + width, bottom))) > y) today_right = on_air_x - gap;
        }
        // Today's sessions (or the first day's, before the event).
        draw_today(f, ImRect(ImVec2(x, y), ImVec2(today_right, bottom)));
    }

    // Portrait, top down: the product on air, today's sessions, featured products filling
    // what is left; the entries, larger, at the bottom where every visitor reaches them.
    void draw_portrait_body(FrameContext& f, float x, float y, float width) {
        const Theme& t = f.theme;
        const float gap = t.px(24);
        const std::vector<ImRect> tiles = draw_entries(f, y);
        const float limit = tiles.front().Min.y - gap;
        if (OnAirPart::product_on_air(f, {}))
            y = std::max(y, on_air_.draw(f, {}, ImRect(ImVec2(x, y), ImVec2(x + width, limit))) + gap);
        y = draw_today(f, ImRect(ImVec2(x, y), ImVec2(x + width, limit))) + gap;
        draw_featured(f, ImRect(ImVec2(x, y), ImVec2(x + width, limit)));
    }

    void draw_entry(FrameContext& f, const Entry& e, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        if (touch_card(dl, t, f.touch, r, e.title)) f.nav.go(e.route);
        dl->AddRectFilled(r.Min, ImVec2(r.Max.x, r.Min.y + t.px(10)), e.stripe, t.rounding(), ImDrawFlags_RoundCornersTop);
        const ImRect title_r(ImVec2(r.Min.x + t.px(16), r.Min.y + t.px(40)), ImVec2(r.Max.x - t.px(16), r.Min.y + t.px(140)));
        draw_fitted_centered(dl, t.fonts.title, title_r, t.text, ui_text(e.title, f.lang));
        const ImRect hint_r(ImVec2(r.Min.x + t.px(16), title_r.Max.y), ImVec2(r.Max.x - t.px(16), r.Max.y - t.px(24)));
        draw_text_centered(dl, t.fonts.body, hint_r, t.text_muted, ui_text(e.hint, f.lang));
    }

    // Today's sessions (or the first day's, before the event): as many rows as fit in `area`. Returns the bottom used.
    float draw_today(FrameContext& f, const ImRect& area) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const std::int64_t today = f.zone.day_number_at(f.now_unix);
        std::int64_t day = today;
        const auto first = parse_date(f.feed.event.first_day), last = parse_date(f.feed.event.last_day);
        if (first && last) day = std::clamp(day, *first, *last);

        float y = area.Min.y;
        const std::string heading = (day == today ? ui_text("today", f.lang) : format_day_label(day, f.lang)) +
                                    (day == today ? "  ·  " + format_day_label(day, f.lang) : std::string());
        y += draw_text(dl, t.fonts.heading, ImVec2(area.Min.x, y), t.text, heading) + t.px(12);
        bool any = false;
        const float row_h = t.px(72);
        for (const Session& s : f.feed.schedule) {
            if (f.zone.day_number_at(s.start.unix_seconds) != day) continue;
            any = true;
            if (y + row_h > area.Max.y) break;
            draw_session_row(f, s, ImRect(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y + row_h - t.px(8))));
            y += row_h;
        }
        if (!any) y += draw_text(dl, t.fonts.body, ImVec2(area.Min.x, y), t.text_muted, ui_text("nothing_today", f.lang));
        return y;
    }

    // One session: its times, 已取消 / 已调整, title and place; the running one marked red.
    void draw_session_row(FrameContext& f, const Session& s, const ImRect& row) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const bool now = session_running(s, f.now_unix);
        if (touch_card(dl, t, f.touch, row, s.id)) f.nav.go(Route{ScreenId::session, s.id});
        if (now) dl->AddRectFilled(row.Min, ImVec2(row.Min.x + t.px(8), row.Max.y), t.live, t.rounding(), ImDrawFlags_RoundCornersLeft);
        const std::string times = format_hhmm(f.zone.to_local(s.start.unix_seconds)) + "–" +
                                  format_hhmm(f.zone.to_local(s.end.unix_seconds));
        const float ty = row.Min.y + (row.GetHeight() - t.fonts.body->FontSize) * 0.5f;
        draw_text(dl, t.fonts.body, ImVec2(row.Min.x + t.px(24), ty), now ? t.live : t.text_muted, times);
        std::string title = s.title.in(f.lang);
        if (!s.location.empty()) title += "  ·  " + s.location.in(f.lang);
        float x = row.Min.x + t.px(230);   // 已取消 / 已调整 before the title, as on the schedule
        if (const float w = draw_change_badge(dl, t, ImVec2(x, ty - t.px(2)), s, f.zone, f.now_unix, f.lang)) x += w + t.px(12);
        draw_text(dl, t.fonts.body, ImVec2(x, ty), s.cancelled ? t.text_muted : t.text,
                  fit_line(t.fonts.body, title, row.Max.x - x - t.px(24)));
    }

    // Portrait: the featured products (not sold out) as cards in two columns, as many rows as
    // fit in `area`, the cards growing to fill it; nothing when not even one row fits.
    void draw_featured(FrameContext& f, const ImRect& area) {
        const Theme& t = f.theme;
        list_featured(f.feed);
        const float heading_h = t.fonts.heading->FontSize + t.px(12);
        const float gap = t.px(24), min_h = t.px(96), max_h = t.px(240);
        const float room = area.GetHeight() - heading_h;
        if (featured_.empty() || room < min_h) return;
        const int cols = 2, n = static_cast<int>(featured_.size());
        const int rows = std::min((n + cols - 1) / cols, static_cast<int>((room + gap) / (min_h + gap)));
        const float card_h = std::floor(std::min(max_h, (room - gap * (rows - 1)) / rows));
        draw_text(f.draw, t.fonts.heading, area.Min, t.text, ui_text("featured", f.lang));
        const float card_w = (area.GetWidth() - gap * (cols - 1)) / cols;
        for (int i = 0; i < std::min(n, rows * cols); ++i) {
            const float cx = area.Min.x + (i % cols) * (card_w + gap);
            const float cy = area.Min.y + heading_h + (i / cols) * (card_h + gap);
            draw_featured_card(f, *featured_[static_cast<std::size_t>(i)], ImRect(ImVec2(cx, cy), ImVec2(cx + card_w, cy + card_h)));
        }
    }

    // A featured product: its picture on the left, name and price beside it; a tap opens its page.
    void draw_featured_card(FrameContext& f, const Product& p, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        if (touch_card(dl, t, f.touch, r, p.id)) f.nav.go(Route{ScreenId::product, p.id});
        const float pad = t.px(16);
        const float side = r.GetHeight() - 2 * pad;
        const std::string& name = p.name.in(f.lang);
        draw_image(dl, t, f.images, p.image, ImRect(ImVec2(r.Min.x + pad, r.Min.y + pad), ImVec2(r.Min.x + pad + side, r.Max.y - pad)),
                   ImagePlaceholder{p.id, name}, t.rounding());
        const float x = r.Min.x + 2 * pad + side, w = r.Max.x - pad - x;
        if (w < t.px(80)) return;
        const int lines = r.GetHeight() >= t.px(150) ? 2 : 1;   // a short card keeps the price clear of the name
        draw_text(dl, t.fonts.body, ImVec2(x, r.Min.y + pad), t.text, clamp_lines(t.fonts.body, name, w, lines));
        const std::string price = fit_line(t.fonts.heading, format_money_fen(p.price_fen), w);
        const float price_y = r.Max.y - pad - t.fonts.heading->FontSize;
        draw_text(dl, t.fonts.heading, ImVec2(x, price_y), t.bar, price);
        const float price_w = text_size(t.fonts.heading, price).x;
        if (!p.unit.empty() && x + price_w + t.px(4) < r.Max.x - pad)
            draw_text(dl, t.fonts.body, ImVec2(x + price_w + t.px(4), price_y + t.fonts.heading->FontSize - t.fonts.body->FontSize - t.px(4)),
                      t.text_muted, fit_line(t.fonts.body, "/" + p.unit.in(f.lang), r.Max.x - pad - x - price_w - t.px(4)));
    }

    // The featured products, listed once per feed snapshot rather than every frame.
    void list_featured(const Feed& feed) {
        if (&feed == listed_feed_ && feed.products.data() == listed_products_) return;
        featured_.clear();
        for (const Product& p : feed.products)
            if (p.featured && !p.sold_out) featured_.push_back(&p);
        listed_feed_ = &feed;
        listed_products_ = feed.products.data();
    }

    OnAirPart on_air_;
    std::vector<const Product*> featured_;
    const Feed* listed_feed_ = nullptr;
    const Product* listed_products_ = nullptr;
};

} // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

} // namespace kiosk
