// Words about sessions that the schedule and the session screen both show:
// kind labels and colours, time ranges, countdowns, live viewer totals.
#pragma once

#include "base/time_zone.h"
#include "feed/model.h"
#include "feed/schedule_changes.h"
#include "widgets/theme.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace kiosk {

const std::string& kind_label(SessionKind kind, Lang lang);   // 直播 / Live stream …
ImU32 kind_colour(SessionKind kind, const Theme& theme);

// "19:30–21:00" in the event's zone.
std::string time_range(const Session& s, const TimeZone& zone);

// "1 小时 5 分" / "1 h 5 min": whole minutes rounded up (a countdown never
// shows 0 before it is over), days and hours from 24 h on.
std::string format_duration(std::int64_t seconds, Lang lang);

// "还剩 25 分钟" / "25 min left" for a session running at `now`.
std::string time_left_text(const Session& s, std::int64_t now, Lang lang);
// "19:30 开始 · 还有 1 小时 5 分" / "starts in 1 h 5 min" for one that has not begun.
std::string starts_in_text(const Session& s, const TimeZone& zone, std::int64_t now, Lang lang);

// Seconds until a countdown to `target` shows another value (it counts whole
// minutes, rounded up); 60 when `target` has passed.
std::int64_t seconds_until_countdown_ticks(std::int64_t target, std::int64_t now);

// [issue 16: schedule changes]
// "19:00–20:30", or "5月15日 19:00–20:30" when the old time was on another day than the new one.
std::string previous_time_range(const Session& s, const TimeZone& zone, Lang lang);
// Text with a line through it (an old time or place); returns its width.
float draw_struck_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text);
// The 已取消 / 已调整 badge when the session's mark shows at `now`; returns its width (0: none).
float draw_change_badge(ImDrawList* dl, const Theme& theme, ImVec2 pos, const Session& s, const TimeZone& zone,
                        std::int64_t now, Lang lang);

// Viewers on every platform for the session; -1 when there are no live stats for it.
std::int64_t session_viewers(const LiveStats& live, std::string_view session_id);

} // namespace kiosk
