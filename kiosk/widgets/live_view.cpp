#include "widgets/live_view.h"

#include "feed/local_time_text.h"
#include "feed/number_format.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <limits>

namespace kiosk {

void LiveFigures::set(const LiveTotals& totals, double now) {
    viewers.set(totals.viewers, now);
    orders.set(totals.orders, now);
    revenue_fen.set(totals.revenue_fen, now);
}

LiveTotals LiveFigures::shown(double now) const { return {viewers.value(now), orders.value(now), revenue_fen.value(now)}; }

bool LiveFigures::animating(double now) const {
    return viewers.animating(now) || orders.animating(now) || revenue_fen.animating(now);
}

std::array<std::string, 3> LiveFigures::texts(double now, Lang lang) const {
    const LiveTotals t = shown(now);
    return {format_big(t.viewers, lang), format_big(t.orders, lang), format_big_money_fen(t.revenue_fen, lang)};
}

double LiveFigures::seconds_until_text_changes(double now, Lang lang) const {
    if (!animating(now)) return std::numeric_limits<double>::infinity();
    const auto current = texts(now, lang);
    // A count-up lasts about a second: some 20 looks ahead, a few microseconds each.
    for (double ahead = kCountUpFrameSeconds;; ahead += kCountUpFrameSeconds) {
        if (texts(now + ahead, lang) != current) return ahead;
        if (!animating(now + ahead)) return std::numeric_limits<double>::infinity();
    }
}

std::string live_source_line(const LiveStats& live, const TimeZone& zone, Lang lang) {
    if (live.empty() || !live.updated_at.valid) return {};
    return ui_text_n("live_source_as_of", lang, format_hhmm(zone.to_local(live.updated_at.unix_seconds)));
}

namespace {

// The held figure's mark: muted, small, in a pale pill.
void draw_mark(ImDrawList* dl, const Theme& t, ImVec2 top_right, std::string_view mark) {
    const ImVec2 size = text_size(t.fonts.body, mark);
    const ImVec2 min(top_right.x - size.x - t.px(20), top_right.y);
    dl->AddRectFilled(min, ImVec2(top_right.x, top_right.y + size.y + t.px(6)), t.highlight, t.px(8));
    draw_text(dl, t.fonts.body, ImVec2(min.x + t.px(10), min.y + t.px(3)), t.warning, mark);
}

} // namespace

void draw_figure(ImDrawList* dl, const Theme& t, const ImRect& r, std::string_view label, std::string_view number,
                 ImU32 number_color, bool row, std::string_view mark) {
    dl->AddRectFilled(ImVec2(r.Min.x, r.Min.y + t.px(3)), ImVec2(r.Max.x, r.Max.y + t.px(3)), IM_COL32(0, 0, 0, 18),
                      t.rounding());
    dl->AddRectFilled(r.Min, r.Max, t.card, t.rounding());
    dl->AddRectFilled(r.Min, ImVec2(r.Min.x + t.px(10), r.Max.y), number_color, t.rounding(), ImDrawFlags_RoundCornersLeft);
    const float pad = t.px(32);
    ImFont* number_font = t.fonts.number;
    if (row) {
        // Label left, number right-aligned: a portrait stack of three rows.
        const std::string shown_label = fit_line(t.fonts.heading, label, r.GetWidth() * 0.4f);
        const ImVec2 ls = text_size(t.fonts.heading, shown_label);
        draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + pad, r.Min.y + (r.GetHeight() - ls.y) * 0.5f), t.text_muted,
                  shown_label);
        const float room = r.GetWidth() - ls.x - 3 * pad;
        const float size = fitted_font_size(number_font, number, room);
        const ImVec2 ns = number_font->CalcTextSizeA(size, FLT_MAX, 0, number.data(), number.data() + number.size());
        dl->AddText(number_font, size, ImVec2(std::round(r.Max.x - pad - ns.x), std::round(r.Min.y + (r.GetHeight() - ns.y) * 0.5f)),
                    number_color, number.data(), number.data() + number.size());
        if (!mark.empty()) draw_mark(dl, t, ImVec2(r.Min.x + pad + text_size(t.fonts.body, mark).x + t.px(20), r.Max.y - t.px(12) - t.fonts.body->FontSize - t.px(6)), mark);
        return;
    }
    const std::string shown_label = fit_line(t.fonts.heading, label, r.GetWidth() - 2 * pad);
    const float label_h = text_size(t.fonts.heading, shown_label).y;
    const float size = fitted_font_size(number_font, number, r.GetWidth() - 2 * pad);
    const ImVec2 ns = number_font->CalcTextSizeA(size, FLT_MAX, 0, number.data(), number.data() + number.size());
    const float gap = t.px(8);
    const float top = r.Min.y + (r.GetHeight() - label_h - gap - ns.y) * 0.5f;
    draw_text(dl, t.fonts.heading, ImVec2(r.Min.x + pad, top), t.text_muted, shown_label);
    dl->AddText(number_font, size, ImVec2(std::round(r.Min.x + pad), std::round(top + label_h + gap)), number_color,
                number.data(), number.data() + number.size());
    if (!mark.empty()) draw_mark(dl, t, ImVec2(r.Max.x - t.px(16), r.Min.y + t.px(14)), mark);
}

LiveFreshness live_freshness(const LiveStats& live, bool source_offline, std::int64_t now_unix, const TimeZone& zone,
                             Lang lang) {
    LiveFreshness out;
    out.text = live.empty() ? ui_text("live_no_data", lang) : updated_ago(live.updated_at, now_unix, zone, lang);
    // The live source stopped answering: say plainly these figures are not live.
    if (source_offline) out.text = ui_text("live_not_live", lang) + " · " + out.text;
    out.stale = source_offline || (live.updated_at.valid && now_unix - live.updated_at.unix_seconds > 120);
    return out;
}

std::string updated_ago(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone, Lang lang) {
    if (!updated_at.valid) return {};
    const std::int64_t age = now_unix - updated_at.unix_seconds;
    // A stamp from the future (a clock ahead on the sender's side) reads as "just now". Seconds go in
    // tens: a text ticking every second redrew the screen 60 times a minute for nobody's benefit.
    if (age < 10) return ui_text("live_updated_just_now", lang);
    if (age < 60) return ui_text_n("live_updated_seconds", lang, std::to_string(age / 10 * 10));
    if (age < 3600) return ui_text_n("live_updated_minutes", lang, std::to_string(age / 60));
    const LocalTime local = zone.to_local(updated_at.unix_seconds);
    std::string when = format_hhmm(local);
    if (local.day_number != zone.day_number_at(now_unix)) when = format_day_label(local.day_number, lang) + " " + when;
    return ui_text_n("live_updated_at", lang, when);
}

double seconds_until_updated_ago_changes(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone) {
    if (!updated_at.valid) return std::numeric_limits<double>::infinity();
    const std::int64_t age = now_unix - updated_at.unix_seconds;
    if (age < 10) return static_cast<double>(10 - age);   // "just now" until age 10 (later for a stamp from the future)
    if (age < 60) return static_cast<double>(10 - age % 10);   // then every ten seconds
    if (age < 3600) return static_cast<double>(60 - age % 60);
    // Shown as a clock time: it changes only when the day label appears, at local midnight.
    const LocalTime now = zone.to_local(now_unix);
    return static_cast<double>(86400 - (now.hour * 3600 + now.minute * 60 + now.second));
}

} // namespace kiosk
