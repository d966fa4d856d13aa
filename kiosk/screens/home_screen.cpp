// Home: the event (title, venue, dates), what is live now, the large entries
// (schedule, county products, live sales, featured, venue map, search) and today's sessions.
#include "screens/screens.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "screens/on_air_part.h"
#include "screens/session_text.h"
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

class HomeScreen final : public Screen {
public:
    void draw(FrameContext& f) override {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float m = t.margin();
        const float width = f.size.x - 2 * m;
        float y = f.origin.y + t.px(28);
        const float x = f.origin.x + m;

        // The event.
        y += draw_text(dl, t.fonts.title, ImVec2(x, y), t.text, clamp_lines(t.fonts.title, f.feed.event.title.in(f.lang), width, 2), width);
        y += t.px(8);
        y += draw_text(dl, t.fonts.body, ImVec2(x, y), t.text_muted,
                       f.feed.event.venue.in(f.lang) + "  ·  " + event_dates(f.feed.event, f.lang), width);
        if (!f.feed.sample_note.empty()) {   // visitors must not take sample prices for real ones
            y += t.px(8);
            draw_badge(dl, t, ImVec2(x, y), ui_text("sample_data", f.lang), t.highlight, t.warning);
            y += t.fonts.body->FontSize + t.px(4);
        }
        y += t.px(24);

        // What is live now, or what comes next.
        bool running = false;
        if (const Session* s = current_or_next(f.feed, f.now_unix, running)) {
            const ImRect strip(ImVec2(x, y), ImVec2(x + width, y + t.px(96)));
            if (touch_card(dl, t, f.touch, strip)) f.nav.go(Route{ScreenId::session, s->id});
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
            y = strip.Max.y + t.px(24);
        }

        // The large entries: a row in landscape; rows of three in portrait.
        struct Entry { const char* title; const char* hint; Route route; ImU32 stripe; };
        std::vector<Entry> entries{
            {"schedule", "schedule_hint", {ScreenId::schedule, {}}, t.bar},
            {"catalogue", "catalogue_hint", {ScreenId::catalogue, {}}, t.bar},
            {"live_sales", "live_sales_hint", {ScreenId::live, {}}, t.live},
            {"featured", "featured_hint", {ScreenId::attract, {}}, t.bar},
        };
        if (!f.feed.venue.empty()) entries.push_back({"venue_map", "venue_map_hint", {ScreenId::map, {}}, t.accent});
        entries.push_back({"search", "search_hint", {ScreenId::search, {}}, t.accent});
        const int count = static_cast<int>(entries.size());
        const bool portrait = f.size.y > f.size.x;
        const int cols = portrait ? 3 : count;
        const int rows = (count + cols - 1) / cols;
        const float gap = t.px(24);
        const float tile_w = (width - gap * (cols - 1)) / cols;
        const float tile_h = portrait ? t.px(230) : t.px(240);
        for (int i = 0; i < count; ++i) {
            const float tx = x + (i % cols) * (tile_w + gap);
            const float ty = y + (i / cols) * (tile_h + gap);
            const ImRect r(ImVec2(tx, ty), ImVec2(tx + tile_w, ty + tile_h));
            if (touch_card(dl, t, f.touch, r)) f.nav.go(entries[i].route);
            dl->AddRectFilled(r.Min, ImVec2(r.Max.x, r.Min.y + t.px(10)), entries[i].stripe, t.rounding(),
                              ImDrawFlags_RoundCornersTop);
            const ImRect title_r(ImVec2(r.Min.x + t.px(16), r.Min.y + t.px(40)), ImVec2(r.Max.x - t.px(16), r.Min.y + t.px(140)));
            draw_fitted_centered(dl, t.fonts.title, title_r, t.text, ui_text(entries[i].title, f.lang));
            const ImRect hint_r(ImVec2(r.Min.x + t.px(16), title_r.Max.y), ImVec2(r.Max.x - t.px(16), r.Max.y - t.px(24)));
            draw_text_centered(dl, t.fonts.body, hint_r, t.text_muted, ui_text(entries[i].hint, f.lang));
        }
        y += rows * (tile_h + gap) + t.px(8);

        // [Issue 16] The product on air in the running live session: above today's sessions in portrait,
        // beside them in landscape.
        const float bottom = f.origin.y + f.size.y - t.px(24);
        float today_right = x + width;
        if (OnAirPart::product_on_air(f, {})) {
            if (portrait) {
                y = std::max(y, on_air_.draw(f, {}, ImRect(ImVec2(x, y), ImVec2(x + width, bottom))) + gap);
            } else {
                const float on_air_x = x + width * 0.55f;
                if (on_air_.draw(f, {}, ImRect(ImVec2(on_air_x, y), ImVec2(x + width, bottom))) > y) today_right = on_air_x - gap;
            }
        }
        // Today's sessions (or the first day's, before the event).
        draw_today(f, ImRect(ImVec2(x, y), ImVec2(today_right, bottom)));
    }

    double seconds_until_change(std::int64_t now_unix, double) const override {
        return static_cast<double>(60 - now_unix % 60);   // the live strip follows the clock
    }

private:
    void draw_today(FrameContext& f, const ImRect& area) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const std::int64_t today = f.zone.day_number_at(f.now_unix);
        std::int64_t day = today;
        const auto first = parse_date(f.feed.event.first_day), last = parse_date(f.feed.event.last_day);
        if (first && last) day = std::clamp(day, *first, *last);
        std::vector<const Session*> sessions;
        for (const Session& s : f.feed.schedule)
            if (f.zone.day_number_at(s.start.unix_seconds) == day) sessions.push_back(&s);

        float y = area.Min.y;
        const std::string heading = (day == today ? ui_text("today", f.lang) : format_day_label(day, f.lang)) +
                                    (day == today ? "  ·  " + format_day_label(day, f.lang) : std::string());
        y += draw_text(dl, t.fonts.heading, ImVec2(area.Min.x, y), t.text, heading) + t.px(12);
        if (sessions.empty()) {
            draw_text(dl, t.fonts.body, ImVec2(area.Min.x, y), t.text_muted, ui_text("nothing_today", f.lang));
            return;
        }
        const float row_h = t.px(72);
        for (const Session* s : sessions) {
            if (y + row_h > area.Max.y) break;
            const ImRect row(ImVec2(area.Min.x, y), ImVec2(area.Max.x, y + row_h - t.px(8)));
            const bool now = session_running(*s, f.now_unix);
            if (touch_card(dl, t, f.touch, row)) f.nav.go(Route{ScreenId::session, s->id});
            if (now) dl->AddRectFilled(row.Min, ImVec2(row.Min.x + t.px(8), row.Max.y), t.live, t.rounding(), ImDrawFlags_RoundCornersLeft);
            const std::string times = format_hhmm(f.zone.to_local(s->start.unix_seconds)) + "–" +
                                      format_hhmm(f.zone.to_local(s->end.unix_seconds));
            const float ty = row.Min.y + (row.GetHeight() - t.fonts.body->FontSize) * 0.5f;
            draw_text(dl, t.fonts.body, ImVec2(row.Min.x + t.px(24), ty), now ? t.live : t.text_muted, times);
            const float tx = row.Min.x + t.px(230);
            std::string title = s->title.in(f.lang);
            if (!s->location.empty()) title += "  ·  " + s->location.in(f.lang);
            float x = tx;   // 已取消 / 已调整 before the title, as on the schedule
            if (const float w = draw_change_badge(dl, t, ImVec2(x, ty - t.px(2)), *s, f.zone, f.now_unix, f.lang)) x += w + t.px(12);
            draw_text(dl, t.fonts.body, ImVec2(x, ty), s->cancelled ? t.text_muted : t.text,
                      fit_line(t.fonts.body, title, row.Max.x - x - t.px(24)));
            y += row_h;
        }
    }

    OnAirPart on_air_;
};

} // namespace

std::unique_ptr<Screen> make_home_screen() { return std::make_unique<HomeScreen>(); }

} // namespace kiosk
