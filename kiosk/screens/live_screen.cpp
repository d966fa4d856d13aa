// Live-sale dashboard: viewers, orders and revenue over every platform as big
// counting numbers, bars per platform and per county, the revenue trend since
// the kiosk started, the best-selling products and how fresh the figures are.
// Read from 2 m away: big numbers, short labels, nothing to tap. Held figures
// (feed/live_guard.h) carry 数据校正中 / Under review; the source line says where the
// figures come from and as of when; a stale platform's bar greys out with its time;
// the product on air (on_air_part.h) sits beside the trend.
// Index of this file:
// [SECTION] Panels and bars
// [SECTION] The screen
#include "screens/screens.h"

#include "feed/live_guard.h"
#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "screens/above_part.h"
#include "screens/live_layout.h"
#include "screens/on_air_part.h"
#include "widgets/live_view.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <functional>

namespace kiosk {

namespace {

// The trend is a picture of the evening: it takes new samples at most this often. At a live update a
// second it would otherwise be redrawn whole at every update (each sample rescales both axes), the
// biggest part of the live screen's CPU in software GL; the figures above it still move every second.
constexpr double kTrendRefreshSeconds = 5.0;
// Newer samples show in a frame drawn anyway (a live update's) from 90% of the interval on, so updates
// polled every 5 s each show theirs; only when no update comes does the screen ask for a frame of its own,
// late enough that a regular poll always comes first (an own frame beside an update's would be one more).
constexpr double kTrendTakeAfter = 0.9 * kTrendRefreshSeconds;
constexpr double kTrendOwnFrameAfter = 2 * kTrendRefreshSeconds;

// [SECTION] Panels and bars
struct Bar {
    std::string name;
    double value = 0;      // bar length, relative to the largest
    std::string label;     // the value as text
    bool grey = false;     // a stale platform: muted text and bar
};

// A panel's height besides its content: heading line and paddings.
float panel_chrome(const Theme& t) { return t.px(16) + text_size(t.fonts.heading, "Ag").y + t.px(12) + t.px(16); }

// A panel: a heading, then the content rectangle below it.
ImRect draw_panel(ImDrawList* dl, const Theme& t, const ImRect& r, std::string_view title) {
    dl->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
    dl->AddRect(r.Min, r.Max, t.card_border, t.rounding(), 0, std::max(1.0f, t.px(1.5f)));
    const float pad = t.px(24);
    const std::string line = fit_line(t.fonts.heading, title, r.GetWidth() - 2 * pad);
    draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + pad, r.Min.y + t.px(16)), t.text, line);
    return ImRect(ImVec2(r.Min.x + pad, r.Min.y + panel_chrome(t) - t.px(16)), ImVec2(r.Max.x - pad, r.Max.y - t.px(16)));
}

void draw_no_data(ImDrawList* dl, const Theme& t, const ImRect& r, Lang lang) {
    draw_text_centered(dl, t.fonts.body, r, t.text_muted, ui_text("live_no_data", lang));
}

// Horizontal bars, largest first. Rows that do not fit fold into one "other" row.
void draw_bars(ImDrawList* dl, const Theme& t, const ImRect& r, std::vector<Bar> bars, ImU32 color, Lang lang,
               const std::function<std::string(double)>& label_of) {
    if (bars.empty()) return draw_no_data(dl, t, r, lang);
    // Rows shrink to the body font's height before any fold into "other".
    const float min_row = t.fonts.body->FontSize + t.px(12), max_row = t.px(72);
    // At least two rows, even squeezed: one lone bar would hide that others exist.
    const auto fit = static_cast<std::size_t>(std::max(2.0f, std::floor(r.GetHeight() / min_row)));
    if (bars.size() > fit) {
        Bar other{ui_text("live_other", lang), 0, {}, false};
        for (std::size_t i = fit - 1; i < bars.size(); ++i) other.value += bars[i].value;
        other.label = label_of(other.value);
        bars.resize(fit - 1);
        bars.push_back(other);
    }
    const float row_h = std::min(max_row, r.GetHeight() / static_cast<float>(bars.size()));
    ImFont* font = row_h >= t.fonts.heading->FontSize + t.px(16) ? t.fonts.heading : t.fonts.body;
    float name_w = 0, label_w = 0;
    for (const Bar& b : bars) {
        name_w = std::max(name_w, text_size(font, b.name).x);
        label_w = std::max(label_w, text_size(font, b.label).x);
    }
    double largest = 0;
    for (const Bar& b : bars) largest = std::max(largest, b.value);
    const float gap = t.px(16);
    // Whole pixels: a live update moves every bar by the largest's growth, mostly by a fraction of a pixel
    // that nobody sees but that would redraw the panel (the runner redraws tiles whose geometry changed).
    auto length_of = [&](const Bar& b, float room) {
        return largest > 0 ? std::round(static_cast<float>(b.value / largest) * room) : 0.0f;
    };

    // Long names (e.g. English county names) go above a thinner bar when the row is tall enough.
    if (name_w > r.GetWidth() * 0.32f && row_h >= font->FontSize + t.px(30)) {
        const float bar_h = std::min(t.px(16), row_h - font->FontSize - t.px(14));
        const float block = font->FontSize + t.px(6) + bar_h;
        for (std::size_t i = 0; i < bars.size(); ++i) {
            const float y = r.Min.y + row_h * static_cast<float>(i) + (row_h - block) * 0.5f;
            const float lw = text_size(font, bars[i].label).x;
            const ImU32 ink = bars[i].grey ? t.text_muted : t.text;
            draw_text(dl, font, ImVec2(r.Min.x, y), ink, fit_line(font, bars[i].name, r.GetWidth() - lw - gap));
            draw_text(dl, font, ImVec2(r.Max.x - lw, y), ink, bars[i].label);
            const float by = y + font->FontSize + t.px(6);
            dl->AddRectFilled(ImVec2(r.Min.x, by), ImVec2(r.Max.x, by + bar_h), t.highlight, t.px(4));
            const float length = length_of(bars[i], r.GetWidth());
            if (length >= 1.0f)
                dl->AddRectFilled(ImVec2(r.Min.x, by), ImVec2(r.Min.x + length, by + bar_h), bars[i].grey ? t.card_border : color, t.px(4));
        }
        return;
    }
    name_w = std::min(name_w, r.GetWidth() * 0.32f);
    const float bar_x = r.Min.x + name_w + gap;
    const float bar_room = std::max(0.0f, r.Max.x - label_w - gap - bar_x);
    for (std::size_t i = 0; i < bars.size(); ++i) {
        const float y = r.Min.y + row_h * static_cast<float>(i);
        const float ty = y + (row_h - font->FontSize) * 0.5f;
        const ImU32 ink = bars[i].grey ? t.text_muted : t.text;
        draw_text(dl, font, ImVec2(r.Min.x, ty), ink, fit_line(font, bars[i].name, name_w));
        const float length = length_of(bars[i], bar_room);
        const float bar_h = row_h * 0.56f;
        const float by = y + (row_h - bar_h) * 0.5f;
        dl->AddRectFilled(ImVec2(bar_x, by), ImVec2(bar_x + bar_room, by + bar_h), t.highlight, t.px(6));
        if (length >= 1.0f) dl->AddRectFilled(ImVec2(bar_x, by), ImVec2(bar_x + length, by + bar_h), bars[i].grey ? t.card_border : color, t.px(6));
        const float lw = text_size(font, bars[i].label).x;
        draw_text(dl, font, ImVec2(r.Max.x - lw, ty), ink, bars[i].label);
    }
}

// [SECTION] The screen
class LiveScreen final : public Screen {
public:
    void draw(FrameContext& f) override {
        take_snapshot(f);
        const Theme& t = f.theme;
        const bool portrait = f.size.y > f.size.x;
        const float m = t.margin();
        const float x = f.origin.x + m, width = f.size.x - 2 * m;
        const float bottom = f.origin.y + f.size.y - t.px(24);
        float y = f.origin.y + t.px(20);
        // [Issue 19] In the accessible mode the figures (and the trend where there is room) go above the reach band;
        // the band keeps the lists and the product on air.
        bool trend_above = false;
        if (const ImRect above = above_room(f, t.px(200)); above.GetWidth() > 0) {
            trend_above = draw_above(f, above);
        } else {
            y = draw_header(f, ImRect(ImVec2(x, y), ImVec2(x + width, y + t.fonts.title->FontSize + t.px(8)))) + t.px(16);
            y = draw_figures(f, ImRect(ImVec2(x, y), ImVec2(x + width, bottom)), portrait);
        }
        draw_panels(f, ImRect(ImVec2(x, y), ImVec2(x + width, bottom)), portrait, !trend_above);
    }

    double seconds_until_change(std::int64_t now_unix, double now) const override {
        const double figures = figures_.seconds_until_text_changes(now, lang_);   // a frame only for new digits
        std::int64_t next = next_text_change_unix_;
        for (const LivePlatformTime& p : platform_times_)   // a platform greying out
            if (p.stale_at > now_unix) next = std::min(next, p.stale_at + 1);
        // Newer samples than the trend shows and no frame since its interval ended: one for them.
        const double trend = trend_pending_ ? std::max(0.0, trend_taken_at_ + kTrendOwnFrameAfter - now) : figures;
        if (next == INT64_MAX) return std::min(figures, trend);
        return std::min({figures, trend, static_cast<double>(std::max<std::int64_t>(0, next - now_unix))});
    }

private:
    // [Issue 19] Above the reach band: the header, the three figures and, where at least 220 px are left, the trend.
    // True when the trend was drawn there.
    bool draw_above(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        AboveScope scope(f);
        const bool tall = r.GetHeight() > r.GetWidth() * 0.6f;   // a portrait panel's room: the figures stacked
        float y = draw_header(f, ImRect(r.Min, ImVec2(r.Max.x, r.Min.y + t.fonts.title->FontSize + t.px(8)))) + t.px(16);
        y = draw_figures(f, ImRect(ImVec2(r.Min.x, y), r.Max), tall);
        if (r.Max.y - y < t.px(220)) return false;
        draw_trend(f, ImRect(ImVec2(r.Min.x, y), r.Max));
        return true;
    }

    // The three big figures from `r`'s top: a stack in portrait, else a row (label beside number where the row
    // is short: the accessible mode's room above the band); then the source line. Returns the bottom.
    float draw_figures(FrameContext& f, const ImRect& r, bool portrait) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const float gap = t.px(24), x = r.Min.x, width = r.GetWidth();
        float y = r.Min.y;
        const auto numbers = figures_.texts(f.now, f.lang);
        lang_ = f.lang;
        const char* labels[3] = {"viewers", "orders", "revenue"};
        const ImU32 colors[3] = {t.warning, t.good, t.live};
        const std::string& review = ui_text("live_under_review", f.lang);
        auto mark = [&](int i) { return held_[static_cast<std::size_t>(i)] ? std::string_view(review) : std::string_view(); };
        if (portrait) {
            const float h = t.px(132);
            for (int i = 0; i < 3; ++i) {
                draw_figure(dl, t, ImRect(ImVec2(x, y), ImVec2(x + width, y + h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], true, mark(i));
                y += h + t.px(16);
            }
        } else {
            const float w = (width - 2 * gap) / 3;
            const float source_h = t.fonts.body->FontSize + t.px(16);
            const float h = std::max(t.px(96), std::min(t.px(210), r.Max.y - y - source_h));   // 210 px where there is room
            for (int i = 0; i < 3; ++i) {
                const float cx = x + static_cast<float>(i) * (w + gap);
                draw_figure(dl, t, ImRect(ImVec2(cx, y), ImVec2(cx + w, y + h)), ui_text(labels[i], f.lang), numbers[i],
                            colors[i], h < t.px(180), mark(i));
            }
            y += h + t.px(16);
        }
        // Where the figures come from and as of when (each platform's own time in its bar when they differ).
        if (const std::string source = live_source_line(f.live, f.zone, f.lang); !source.empty()) {
            draw_text(dl, t.fonts.body, ImVec2(x, y - t.px(4)), t.text_muted, fit_line(t.fonts.body, source, width));
            y += t.fonts.body->FontSize + t.px(8);
        }
        return y + t.px(8);
    }

    // The lists, the product on air and (`with_trend`) the trend in `r`, below the figures (live_layout.h).
    void draw_panels(FrameContext& f, const ImRect& r, bool portrait, bool with_trend) {
        const Theme& t = f.theme;
        const float width = r.GetWidth();
        // [Issue 16] The product on air takes its card's height beside (landscape) or above (portrait) the trend.
        const Product* on_air = OnAirPart::product_on_air(f, {});
        LivePanelNeeds needs;
        auto need = [&](std::size_t rows, float row_h) {
            return panel_chrome(t) + static_cast<float>(std::max<std::size_t>(rows, 1)) * row_h;
        };
        needs.platforms = need(platforms_.size(), t.px(60));
        needs.counties = need(counties_.size(), t.px(60));
        needs.top = need(std::min<std::size_t>(top_.size(), 5), t.px(64));
        needs.two_rows = panel_chrome(t) + 2 * (t.fonts.body->FontSize + t.px(12));   // draw_bars' smallest
        needs.on_air = on_air ? on_air_.height(f, *on_air, live_on_air_width(t, width, portrait)) : 0.0f;
        needs.trend = with_trend;
        const LivePanels panels = live_panels(t, r, portrait, needs);
        // A short area leaves some panels out (zero-sized) rather than squeezing them.
        if (panels.platforms.GetArea() > 0) draw_platforms(f, panels.platforms);
        if (panels.counties.GetArea() > 0) draw_counties(f, panels.counties);
        if (panels.top.GetArea() > 0) draw_top_products(f, panels.top);
        if (panels.on_air.GetArea() > 0) on_air_.draw(f, {}, panels.on_air);
        if (panels.trend.GetArea() > 0) draw_trend(f, panels.trend);
    }

    // A new live snapshot (another pointer or another updated_at): refresh the
    // figures and breakdowns and add a trend sample.
    void take_snapshot(const FrameContext& f) {
        const bool live_changed = &f.live != seen_live_ || f.live.updated_at.unix_seconds != seen_updated_at_;
        if (live_changed || &f.feed != seen_feed_) {
            totals_ = live_totals(f.live);
            platforms_ = live_by_platform(f.live);
            counties_ = live_by_county(f.live, f.feed);
            top_ = live_top_products(f.live);
            held_ = live_held_figures(f.live);
            platform_times_ = live_platform_times(f.live);
        }
        seen_live_ = &f.live;
        seen_feed_ = &f.feed;
        seen_updated_at_ = f.live.updated_at.unix_seconds;
        figures_.set(totals_, f.now);
        // The trend's samples: the first at once, newer ones about every kTrendRefreshSeconds.
        const std::vector<LiveTrend::Sample>& samples = f.trend.samples();
        const bool differ = !same_samples(samples, trend_);
        if (differ && (trend_.empty() || f.now >= trend_taken_at_ + kTrendTakeAfter)) {
            trend_ = samples;
            trend_taken_at_ = f.now;
        }
        trend_pending_ = differ && !same_samples(samples, trend_);
    }

    static bool same_samples(const std::vector<LiveTrend::Sample>& a, const std::vector<LiveTrend::Sample>& b) {
        return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const LiveTrend::Sample& x, const LiveTrend::Sample& y) {
            return x.unix_seconds == y.unix_seconds && x.totals == y.totals;
        });
    }

    // Title, what is live now, and how fresh the figures are. Returns the bottom.
    float draw_header(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        float x = r.Min.x;
        x += text_size(t.fonts.title, ui_text("live_sales", f.lang)).x;
        draw_text(dl, t.fonts.title, r.Min, t.text, ui_text("live_sales", f.lang));

        const LiveFreshness fresh = live_freshness(f.live, f.freshness.live_offline, f.now_unix, f.zone, f.lang);
        const float fresh_w = text_size(t.fonts.heading, fresh.text).x;
        const float mid = r.Min.y + (r.GetHeight() - t.fonts.heading->FontSize) * 0.5f;
        draw_text(dl, t.fonts.heading, ImVec2(r.Max.x - fresh_w, mid), fresh.stale ? t.warning : t.text_muted, fresh.text);
        // Redraw when "updated N s ago" or the running session changes.
        next_text_change_unix_ = next_live_boundary(f.feed, f.now_unix);
        if (f.live.updated_at.valid)
            next_text_change_unix_ = std::min(next_text_change_unix_, f.now_unix + static_cast<std::int64_t>(seconds_until_updated_ago_changes(
                                                                                       f.live.updated_at, f.now_unix, f.zone)));

        if (const Session* s = running_live_session(f.feed, f.now_unix)) {
            x += t.px(32);
            const float badge_y = r.Min.y + (r.GetHeight() - t.fonts.body->FontSize - t.px(4)) * 0.5f;
            const float room = r.Max.x - fresh_w - t.px(32) - x;
            const float badge_w = text_size(t.fonts.body, ui_text("now_live", f.lang)).x + t.px(20);
            if (room > badge_w + t.px(120)) {
                x += draw_badge(dl, t, ImVec2(x, badge_y), ui_text("now_live", f.lang), t.live, IM_COL32_WHITE) + t.px(16);
                draw_text(dl, t.fonts.heading, ImVec2(x, mid), t.text, fit_line(t.fonts.heading, s->title.in(f.lang), room - badge_w - t.px(16)));
            }
        }
        return r.Max.y;
    }

    void draw_platforms(FrameContext& f, const ImRect& r) {
        const ImRect inner = draw_panel(f.draw, f.theme, r, ui_text("live_by_platform", f.lang));
        std::vector<Bar> bars;
        // Each platform's own time when their times differ, and always when it is stale.
        std::string first_time;
        bool differ = false;
        for (const LivePlatformTime& p : platform_times_) {
            const std::string hhmm = p.updated_at.valid ? format_hhmm(f.zone.to_local(p.updated_at.unix_seconds)) : std::string();
            differ = differ || (!first_time.empty() && hhmm != first_time);
            if (first_time.empty()) first_time = hhmm;
        }
        for (const LiveShare& s : platforms_) {
            Bar bar{s.name.empty() ? s.key : s.name.in(f.lang), static_cast<double>(s.totals.viewers),
                    format_big(s.totals.viewers, f.lang)};
            for (const LivePlatformTime& p : platform_times_) {
                if (p.platform != s.key || !p.updated_at.valid) continue;
                bar.grey = f.now_unix > p.stale_at;
                if (differ || bar.grey) bar.name += " · " + format_hhmm(f.zone.to_local(p.updated_at.unix_seconds));
            }
            bars.push_back(std::move(bar));
        }
        const Lang lang = f.lang;
        draw_bars(f.draw, f.theme, inner, std::move(bars), f.theme.warning, lang,
                  [lang](double v) { return format_big(static_cast<std::int64_t>(v), lang); });
    }

    void draw_counties(FrameContext& f, const ImRect& r) {
        const ImRect inner = draw_panel(f.draw, f.theme, r, ui_text("live_by_county", f.lang));
        std::vector<Bar> bars;
        for (const LiveShare& s : counties_)
            bars.push_back({s.name.empty() ? ui_text("live_other", f.lang) : s.name.in(f.lang),
                            static_cast<double>(s.totals.revenue_fen), format_big_money_fen(s.totals.revenue_fen, f.lang)});
        const Lang lang = f.lang;
        draw_bars(f.draw, f.theme, inner, std::move(bars), f.theme.live, lang,
                  [lang](double v) { return format_big_money_fen(static_cast<std::int64_t>(v), lang); });
    }

    void draw_top_products(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const ImRect inner = draw_panel(dl, t, r, ui_text("live_top_products", f.lang));
        if (top_.empty()) return draw_no_data(dl, t, inner, f.lang);
        // As many rows as fit at the heading font's height, sharing the space.
        const float min_row = t.fonts.heading->FontSize + t.px(16);
        const auto rows = std::min(top_.size(), static_cast<std::size_t>(std::max(1.0f, std::floor(inner.GetHeight() / min_row))));
        const float row_h = std::min(t.px(72), inner.GetHeight() / static_cast<float>(rows));
        ImFont* font = row_h >= t.fonts.heading->FontSize + t.px(16) ? t.fonts.heading : t.fonts.body;
        const float disc = std::min(row_h * 0.8f, t.px(48));
        const float name_x = inner.Min.x + disc + t.px(16);

        struct Row { std::string name, revenue, orders; };
        std::vector<Row> lines;
        // Order counts only when every name still fits beside them: names matter more.
        bool show_orders = true;
        for (std::size_t i = 0; i < rows; ++i) {
            const TopProduct& p = top_[i];
            const Product* product = f.feed.product(p.product);
            Row row{product ? product->name.in(f.lang) : p.product, format_big_money_fen(p.revenue_fen, f.lang),
                    ui_text_n("live_orders_n", f.lang, format_count(p.orders, f.lang))};
            const float used = text_size(font, row.name).x + t.px(16) + text_size(t.fonts.body, row.orders).x + t.px(16) +
                               text_size(font, row.revenue).x;
            show_orders = show_orders && name_x + used <= inner.Max.x;
            lines.push_back(std::move(row));
        }
        for (std::size_t i = 0; i < rows; ++i) {
            const Row& row = lines[i];
            const float y = inner.Min.y + row_h * static_cast<float>(i);
            const float ty = y + (row_h - font->FontSize) * 0.5f;
            // Rank in a gold disc, the name, then orders and revenue on the right.
            const ImVec2 centre(inner.Min.x + disc * 0.5f, y + row_h * 0.5f);
            dl->AddCircleFilled(centre, disc * 0.5f, i == 0 ? t.accent : t.highlight);
            const std::string rank = std::to_string(i + 1);
            const ImVec2 rs = text_size(t.fonts.body, rank);
            draw_text(dl, t.fonts.body, ImVec2(centre.x - rs.x * 0.5f, centre.y - rs.y * 0.5f), i == 0 ? readable_on(t, t.accent, IM_COL32_WHITE) : t.text, rank);

            const float revenue_w = text_size(font, row.revenue).x;
            draw_text(dl, font, ImVec2(inner.Max.x - revenue_w, ty), t.live, row.revenue);
            float name_right = inner.Max.x - revenue_w - t.px(16);
            if (show_orders) {
                name_right -= text_size(t.fonts.body, row.orders).x + t.px(16);
                draw_text(dl, t.fonts.body, ImVec2(name_right + t.px(16), y + (row_h - t.fonts.body->FontSize) * 0.5f),
                          t.text_muted, row.orders);
            }
            draw_text(dl, font, ImVec2(name_x, ty), t.text, fit_line(font, row.name, name_right - name_x));
        }
    }

    void draw_trend(FrameContext& f, const ImRect& r) {
        const Theme& t = f.theme;
        ImDrawList* dl = f.draw;
        const ImRect inner = draw_panel(dl, t, r, ui_text("live_trend", f.lang));
        const std::vector<LiveTrend::Sample>& samples = trend_;
        if (samples.empty()) return draw_no_data(dl, t, inner, f.lang);

        std::int64_t low = samples.front().totals.revenue_fen, high = low;
        for (const auto& s : samples) {
            low = std::min(low, s.totals.revenue_fen);
            high = std::max(high, s.totals.revenue_fen);
        }
        // Axis labels: the range on the left, the first and last times below.
        ImFont* font = t.fonts.body;
        const std::string high_text = format_big_money_fen(high, f.lang), low_text = format_big_money_fen(low, f.lang);
        const float axis_w = std::max(text_size(font, high_text).x, text_size(font, low_text).x) + t.px(16);
        const float time_h = font->FontSize + t.px(8);
        const ImRect plot(ImVec2(inner.Min.x + axis_w, inner.Min.y + t.px(8)), ImVec2(inner.Max.x - t.px(8), inner.Max.y - time_h));
        if (plot.GetWidth() < t.px(40) || plot.GetHeight() < t.px(20)) return;
        dl->AddLine(ImVec2(plot.Min.x, plot.Max.y), plot.Max, t.card_border, std::max(1.0f, t.px(2)));
        draw_text(dl, font, ImVec2(inner.Min.x, plot.Min.y - font->FontSize * 0.5f), t.text_muted, high_text);
        if (high != low) draw_text(dl, font, ImVec2(inner.Min.x, plot.Max.y - font->FontSize * 0.5f), t.text_muted, low_text);
        const std::int64_t t0 = samples.front().unix_seconds, t1 = samples.back().unix_seconds;
        const std::string first_time = format_hhmm(f.zone.to_local(t0)), last_time = format_hhmm(f.zone.to_local(t1));
        // One sample sits at the right end, under its time; more span the width.
        if (t1 != t0) draw_text(dl, font, ImVec2(plot.Min.x, plot.Max.y + t.px(6)), t.text_muted, first_time);
        draw_text(dl, font, ImVec2(plot.Max.x - text_size(font, last_time).x, plot.Max.y + t.px(6)), t.text_muted, last_time);

        auto point = [&](const LiveTrend::Sample& s) {
            const float fx = t1 > t0 ? static_cast<float>(static_cast<double>(s.unix_seconds - t0) / static_cast<double>(t1 - t0)) : 1.0f;
            const float fy = high > low ? static_cast<float>(static_cast<double>(s.totals.revenue_fen - low) / static_cast<double>(high - low)) : 0.5f;
            // Whole pixels: over an evening's span a new sample moves the others by fractions of a pixel
            // that nobody sees but that would redraw the whole chart.
            return ImVec2(std::round(plot.Min.x + fx * plot.GetWidth()), std::round(plot.Max.y - fy * plot.GetHeight()));
        };
        if (samples.size() == 1) {
            dl->AddCircleFilled(point(samples.front()), t.px(8), t.live);
            const std::string wait = ui_text("live_trend_waiting", f.lang);
            draw_text(dl, font, ImVec2(plot.Min.x + t.px(16), plot.Min.y + t.px(8)), t.text_muted,
                      fit_line(font, wait, plot.GetWidth() - t.px(32)));
            return;
        }
        dl->PushClipRect(ImVec2(plot.Min.x - t.px(10), plot.Min.y - t.px(10)), ImVec2(plot.Max.x + t.px(10), plot.Max.y + t.px(2)), true);
        std::vector<ImVec2> points;
        points.reserve(samples.size());
        for (const auto& s : samples) points.push_back(point(s));
        const ImU32 fill = (t.live & ~IM_COL32_A_MASK) | (static_cast<ImU32>(40) << IM_COL32_A_SHIFT);
        for (std::size_t i = 1; i < points.size(); ++i)
            dl->AddQuadFilled(points[i - 1], points[i], ImVec2(points[i].x, plot.Max.y), ImVec2(points[i - 1].x, plot.Max.y), fill);
        dl->AddPolyline(points.data(), static_cast<int>(points.size()), t.live, ImDrawFlags_None, std::max(2.0f, t.px(4)));
        dl->AddCircleFilled(points.back(), t.px(8), t.live);
        dl->PopClipRect();
    }

    const LiveStats* seen_live_ = nullptr;
    const Feed* seen_feed_ = nullptr;
    std::int64_t seen_updated_at_ = INT64_MIN;
    LiveTotals totals_;
    std::vector<LiveShare> platforms_, counties_;
    std::vector<TopProduct> top_;

    std::array<bool, 3> held_{};                        // viewers, orders, revenue: under review
    std::vector<LivePlatformTime> platform_times_;      // for the bars' times and greying
    OnAirPart on_air_;
    LiveFigures figures_;
    std::vector<LiveTrend::Sample> trend_;              // the samples the trend shows (kTrendRefreshSeconds)
    double trend_taken_at_ = 0;
    bool trend_pending_ = false;                        // the app has newer samples than trend_
    Lang lang_ = Lang::zh;   // the figures' last language, for seconds_until_change
    std::int64_t next_text_change_unix_ = INT64_MAX;
};

} // namespace

std::unique_ptr<Screen> make_live_screen() { return std::make_unique<LiveScreen>(); }

} // namespace kiosk
