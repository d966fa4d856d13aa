// Pieces of the live-sale dashboard that the live screen and the attract loop
// share: the three counting figures, a big-number card and "updated N s ago".
#pragma once

#include "count_up.h"
#include "live_summary.h"
#include "theme.h"
#include "time_zone.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

// A count-up is redrawn this often, not every frame: at a live update a second
// it would otherwise keep software GL drawing without pause.
inline constexpr double kCountUpFrameSeconds = 1.0 / 20;

// Viewers, orders and revenue as shown: each eases up to new totals.
struct LiveFigures {
    CountUp viewers, orders, revenue_fen;

    void set(const LiveTotals& totals, double now);
    LiveTotals shown(double now) const;
    bool animating(double now) const;
};

// A figure card: `label` (heading font) and `number` (number font, shrunk to
// fit). Stacked label-over-number, or side by side when `row` is set.
void draw_figure(ImDrawList* dl, const Theme& theme, const ImRect& r, std::string_view label, std::string_view number,
                 ImU32 number_color, bool row);

// `text` in `font`, scaled down (never up) to fit `max_width`; returns the size used.
float fitted_font_size(ImFont* font, std::string_view text, float max_width);

// The UI string `key` with "{n}" replaced by `n`.
std::string ui_text_n(std::string_view key, Lang lang, std::string_view n);

// "3 秒前更新" / "Updated 3 s ago", minutes from 60 s on, the local time of the
// update from an hour on; "" when `updated_at` is not valid.
std::string updated_ago(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone, Lang lang);

// Seconds until updated_ago() shows something else.
double seconds_until_updated_ago_changes(const Timestamp& updated_at, std::int64_t now_unix, const TimeZone& zone);

} // namespace kiosk
