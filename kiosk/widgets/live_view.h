// Pieces of the live-sale dashboard that the live screen and the attract loop
// share: the three counting figures, a big-number card and "updated N s ago".
#pragma once

#include "base/time_zone.h"
#include "feed/live_summary.h"
#include "widgets/count_up.h"
#include "widgets/theme.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// A count-up is looked at this often, not every frame, and drawn only when a
// figure's text changes: at a live update a second it would otherwise keep
// software GL drawing without pause.
inline constexpr double kCountUpFrameSeconds = 1.0 / 20;

// Viewers, orders and revenue as shown: each eases up to new totals.
struct LiveFigures {
    CountUp viewers, orders, revenue_fen;

    void set(const LiveTotals& totals, double now);
    LiveTotals shown(double now) const;
    bool animating(double now) const;
    // Viewers, orders and revenue as the screens write them at `now`.
    std::array<std::string, 3> texts(double now, Lang lang) const;
    // Seconds (a multiple of kCountUpFrameSeconds) until texts() reads
    // otherwise; infinity when it no longer will (e.g. +37 viewers in 万 of 2 decimals).
    double seconds_until_text_changes(double now, Lang lang) const;
};

// A figure card: `label` (heading font) and `number` (number font, shrunk to
// fit). Stacked label-over-number, or side by side when `row` is set. A
// non-empty `mark` (数据校正中 / Under review: the figure is held) shows small in a corner.
void draw_figure(ImDrawList* dl, const Theme& theme, const ImRect& r, std::string_view label, std::string_view number,
                 ImU32 number_color, bool row, std::string_view mark = {});

// [Issue 16] "数据来源：各平台后台 · 截至 20:31" / "Source: platform dashboards · as of 20:31" at the
// newest figures' local time; "" without figures.
std::string live_source_line(const LiveStats& live, const TimeZone& zone, Lang lang);

// "3 秒前更新" / "Updated 3 s ago", minutes from 60 s on, the local time of the
// update from an hour on; "" when `updated_at` is not valid.
std::string updated_ago(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone, Lang lang);

// The live dashboard's freshness line: updated_ago(), "no live data yet" when
// there are no figures, prefixed "Not live" when the live source stopped
// answering. `stale` (warning colour) when not live or over 2 minutes old.
struct LiveFreshness {
    std::string text;
    bool stale = false;
};
LiveFreshness live_freshness(const LiveStats& live, bool source_offline, std::int64_t now_unix, const TimeZone& zone,
                             Lang lang);

// Seconds until updated_ago() shows something else.
double seconds_until_updated_ago_changes(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone);

} // namespace kiosk
