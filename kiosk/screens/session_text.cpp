#include "screens/session_text.h"

#include "feed/local_time_text.h"
#include "widgets/ui_strings.h"
#include "widgets/widgets.h"

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

namespace kiosk {

namespace {

// Replaces each "{name}" of a UI string with its value.
std::string fill(std::string text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
    for (const auto& [name, value] : values) {
        const std::string key = "{" + std::string(name) + "}";
        for (std::size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    }
    return text;
}

} // namespace

const std::string& kind_label(SessionKind kind, Lang lang) {
    switch (kind) {
    case SessionKind::live_stream: return ui_text("kind_live_stream", lang);
    case SessionKind::ceremony: return ui_text("kind_ceremony", lang);
    case SessionKind::talk: return ui_text("kind_talk", lang);
    case SessionKind::market: return ui_text("kind_market", lang);
    case SessionKind::other: break;
    }
    return ui_text("kind_other", lang);
}

ImU32 kind_colour(SessionKind kind, const Theme& theme) {
    switch (kind) {
    case SessionKind::live_stream: return theme.live;
    case SessionKind::ceremony: return theme.bar;
    case SessionKind::talk: return theme.accent;
    case SessionKind::market: return theme.good;
    case SessionKind::other: break;
    }
    return theme.text_muted;
}

std::string time_range(const Session& s, const TimeZone& zone) {
    return format_hhmm(zone.to_local(s.start.unix_seconds)) + "–" + format_hhmm(zone.to_local(s.end.unix_seconds));
}

std::string format_duration(std::int64_t seconds, Lang lang) {
    const std::int64_t minutes = seconds <= 0 ? 0 : (seconds + 59) / 60;
    const std::int64_t d = minutes / 1440, h = minutes % 1440 / 60, m = minutes % 60;
    const auto n = [](std::int64_t v) { return std::to_string(v); };
    if (d > 0) return h > 0 ? fill(ui_text("duration_dh", lang), {{"d", n(d)}, {"h", n(h)}})
                            : fill(ui_text("duration_d", lang), {{"d", n(d)}});
    if (h > 0) return m > 0 ? fill(ui_text("duration_hm", lang), {{"h", n(h)}, {"m", n(m)}})
                            : fill(ui_text("duration_h", lang), {{"h", n(h)}});
    return fill(ui_text("duration_m", lang), {{"m", n(m)}});
}

std::string time_left_text(const Session& s, std::int64_t now, Lang lang) {
    return fill(ui_text("time_left", lang), {{"dur", format_duration(s.end.unix_seconds - now, lang)}});
}

std::string starts_in_text(const Session& s, const TimeZone& zone, std::int64_t now, Lang lang) {
    return fill(ui_text("starts_in", lang), {{"time", format_hhmm(zone.to_local(s.start.unix_seconds))},
                                             {"dur", format_duration(s.start.unix_seconds - now, lang)}});
}

std::int64_t seconds_until_countdown_ticks(std::int64_t target, std::int64_t now) {
    if (target <= now) return 60;
    return (target - now - 1) % 60 + 1;
}

std::int64_t session_viewers(const LiveStats& live, std::string_view session_id) {
    for (const SessionLive& s : live.sessions) {
        if (s.session != session_id) continue;
        std::int64_t total = 0;
        for (const PlatformLive& p : s.platforms) total += p.viewers;
        return total;
    }
    return -1;
}

std::string previous_time_range(const Session& s, const TimeZone& zone, Lang lang) {
    if (!s.previous) return time_range(s, zone);
    const PreviousPlan& p = *s.previous;
    std::string text = format_hhmm(zone.to_local(p.start.unix_seconds)) + "–" + format_hhmm(zone.to_local(p.end.unix_seconds));
    const std::int64_t old_day = zone.day_number_at(p.start.unix_seconds);
    if (old_day != zone.day_number_at(s.start.unix_seconds)) text = format_day_label(old_day, lang) + " " + text;
    return text;
}

float draw_struck_text(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 color, std::string_view text) {
    const ImVec2 size = text_size(font, text);
    draw_text(dl, font, pos, color, text);
    const float y = std::round(pos.y + font->FontSize * 0.55f);
    dl->AddLine(ImVec2(pos.x - 2, y), ImVec2(pos.x + size.x + 2, y), color, std::max(2.0f, font->FontSize / 14));
    return size.x;
}

float draw_change_badge(ImDrawList* dl, const Theme& theme, ImVec2 pos, const Session& s, const TimeZone& zone,
                        std::int64_t now, Lang lang) {
    if (s.cancelled) return draw_badge(dl, theme, pos, ui_text("session_cancelled", lang), theme.text_muted, IM_COL32_WHITE);
    if (!change_mark_shown(s, zone, now)) return 0;
    return draw_badge(dl, theme, pos, ui_text("session_changed", lang), theme.warning, IM_COL32_WHITE);
}

} // namespace kiosk
